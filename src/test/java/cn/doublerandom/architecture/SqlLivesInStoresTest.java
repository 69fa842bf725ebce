package cn.doublerandom.architecture;

import cn.doublerandom.platform.database.Sql;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Panache serves the entity-shaped tables; the hand-written SQL (statements, result sets, COPY) lives in its
 * capability's store, so that a service reads as rules and a table's statements are found in one place.
 * Only a class named {@code ...Store} (with its nested classes), the platform's database helpers and a Panache
 * entity (its one-line native queries) may reach JDBC's statements, write a native query through the
 * EntityManager or run a statement through {@link Sql}.
 */
class SqlLivesInStoresTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom");

    /** Sql's helpers that run a statement of their own; the others only convert a value. */
    private static final Set<String> STATEMENT_HELPERS = Set.of("copy", "copyOut", "strings", "lockForTransaction", "tryLockForTransaction");

    private static final DescribedPredicate<JavaClass> MAY_HOLD_SQL = DescribedPredicate.describe(
            "a store, the platform's database helpers or a Panache entity", c -> {
                JavaClass top = c;
                while (top.getEnclosingClass().isPresent()) {
                    top = top.getEnclosingClass().get();
                }
                return top.getSimpleName().endsWith("Store")
                        || top.getPackageName().equals("cn.doublerandom.platform.database")
                        || top.isAnnotatedWith(Entity.class)
                        || top.isAssignableTo(PanacheEntityBase.class);
            });

    private static final DescribedPredicate<JavaClass> JDBC_STATEMENTS = DescribedPredicate.describe(
            "JDBC's statements and result sets or PostgreSQL's COPY",
            c -> Set.of("java.sql.Statement", "java.sql.PreparedStatement", "java.sql.CallableStatement", "java.sql.ResultSet")
                    .contains(c.getName()) || c.getPackageName().equals("org.postgresql.copy"));

    @Test
    void onlyStoresTouchJdbcStatements() {
        noClasses().that(are(DescribedPredicate.not(MAY_HOLD_SQL)))
                .should().dependOnClassesThat(JDBC_STATEMENTS)
                .because("hand-written SQL lives in its capability's store")
                .check(main);
    }

    @Test
    void onlyStoresWriteNativeQueries() {
        noClasses().that(are(DescribedPredicate.not(MAY_HOLD_SQL)))
                .should().callMethodWhere(target(owner(type(EntityManager.class)))
                        .and(target(nameMatching("createNativeQuery"))))
                .orShould().callMethodWhere(target(owner(type(Session.class))).and(target(nameMatching("doWork|doReturningWork"))))
                .because("hand-written SQL lives in its capability's store, whichever connection runs it")
                .check(main);
    }

    @Test
    void onlyStoresRunStatementsThroughSql() {
        noClasses().that(are(DescribedPredicate.not(MAY_HOLD_SQL)))
                .should().callMethodWhere(target(owner(type(Sql.class)))
                        .and(target(nameMatching(String.join("|", STATEMENT_HELPERS)))))
                .because("hand-written SQL lives in its capability's store")
                .check(main);
    }
}
