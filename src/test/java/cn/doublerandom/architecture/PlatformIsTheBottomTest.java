package cn.doublerandom.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The platform (clock, problem documents, request checks, database helpers, logging) is what every
 * capability stands on, so it knows none of them: a capability's rule that the platform needed
 * would be a rule in the wrong place.
 */
class PlatformIsTheBottomTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom");

    @Test
    void thePlatformDependsOnNoCapability() {
        noClasses().that().resideInAPackage("cn.doublerandom.platform..")
                .should().dependOnClassesThat(resideInAPackage("cn.doublerandom..")
                        .and(resideOutsideOfPackage("cn.doublerandom.platform..")))
                .check(main);
    }
}
