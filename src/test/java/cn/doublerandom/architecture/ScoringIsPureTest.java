package cn.doublerandom.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The assessment's scoring is arithmetic a city can check by hand: it depends on the JDK alone. */
class ScoringIsPureTest {

    private final JavaClasses scoring = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom.report.scoring");

    @Test
    void scoringImportsOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("cn.doublerandom.report.scoring")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.report.scoring..")
                .check(scoring);
    }
}
