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
            .importPackages("cn.doublerandom.draw.engine", "cn.doublerandom.transparency.merkle", "cn.doublerandom.transparency.note");

    @Test
    void theEngineImportsOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("cn.doublerandom.draw.engine")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.draw.engine..")
                .check(engine);
    }

    /** The transparency log's tree is checked by outsiders against RFC 9162: it too is the JDK alone. */
    @Test
    void theMerkleTreeImportsOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("cn.doublerandom.transparency.merkle")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.transparency.merkle..")
                .check(engine);
    }

    /** So are its signed notes: a witness checks them with any signed-note implementation. */
    @Test
    void signedNotesImportOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("cn.doublerandom.transparency.note")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.transparency.note..")
                .check(engine);
    }
}
