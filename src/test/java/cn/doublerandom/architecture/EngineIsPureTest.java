package cn.doublerandom.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** DRAW-1 is a contract with auditors: its engine depends on the JDK alone, so it reads like the spec. */
class EngineIsPureTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom.draw.engine");

    @Test
    void theEngineImportsOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("cn.doublerandom.draw.engine")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.draw.engine..")
                .check(engine);
    }
}
