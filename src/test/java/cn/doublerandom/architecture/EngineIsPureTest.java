package cn.doublerandom.architecture;

import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.policy.Quota;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.Labelled;
import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * DRAW-1 is a contract with auditors: its engine depends on the JDK alone, so it reads like the spec.
 * The pool's rules (who may be drawn, how many) matter to auditors as much: they depend on the JDK, the
 * engine and a few plain values of the registries and the policy, never on a framework or a database.
 */
class EngineIsPureTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom");

    /** The plain values of other capabilities the pool's rules read: records and enums, nothing that does I/O. */
    private static final List<Class<?>> POOL_VALUES = List.of(PolicyData.class, Quota.class, RegionLevel.class,
            InspectorData.class, InspectorStatus.class, Conflict.class, SupervisionClass.class, OperatingStatus.class,
            MonitoringType.class, ObjectKind.class, Labelled.class);

    private static final String[] FRAMEWORKS = {"java.sql..", "javax..", "jakarta..", "io.quarkus..", "org.hibernate..",
            "io.agroal..", "io.vertx..", "org.jboss..", "com.fasterxml..", "org.eclipse.microprofile..", "io.smallrye.."};

    @Test
    void theEngineImportsOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("cn.doublerandom.draw.engine")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.draw.engine..")
                .check(main);
    }

    private final JavaClasses pureModules = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom.transparency.merkle", "cn.doublerandom.transparency.note");

    /** The transparency log's tree is checked by outsiders against RFC 9162: it too is the JDK alone. */
    @Test
    void theMerkleTreeImportsOnlyTheJdkAndItself() {
        classes().that().resideInAPackage("cn.doublerandom.transparency.merkle")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.transparency.merkle..")
                .check(pureModules);
    }

    /**
     * So are its signed notes: a witness checks them with any signed-note implementation. The JDK has
     * no SM2 or SM3, so BouncyCastle's lightweight primitives (curve, point arithmetic, SM2 signer) are
     * the one library they may use, and nothing of a framework.
     */
    @Test
    void signedNotesImportOnlyTheJdkItselfAndSm2Primitives() {
        classes().that().resideInAPackage("cn.doublerandom.transparency.note")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.doublerandom.transparency.note..",
                        "org.bouncycastle.crypto..", "org.bouncycastle.math..", "org.bouncycastle.asn1.gm..",
                        "org.bouncycastle.asn1.x9..")
                .check(pureModules);
    }

    @Test
    void thePoolRulesImportOnlyTheJdkTheEngineAndPlainValues() {
        DescribedPredicate<JavaClass> plainValue = DescribedPredicate.describe("a plain value the rules read",
                (JavaClass c) -> POOL_VALUES.stream().anyMatch(v -> c.getName().replaceAll("\\$.*", "").equals(v.getName())));
        classes().that().resideInAPackage("cn.doublerandom.draw.pool..")
                .should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java..",
                        "cn.doublerandom.draw.engine..", "cn.doublerandom.draw.pool..").or(plainValue))
                .check(main);
    }

    @Test
    void neitherTheRulesNorWhatTheyReadTouchAFrameworkOrADatabase() {
        noClasses().that().resideInAnyPackage("cn.doublerandom.draw.engine..", "cn.doublerandom.draw.pool..")
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(main);
        noClasses().that(DescribedPredicate.describe("a plain value the pool's rules read",
                        (JavaClass c) -> POOL_VALUES.stream().anyMatch(v -> c.getName().replaceAll("\\$.*", "").equals(v.getName()))))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .check(main);
    }
}
