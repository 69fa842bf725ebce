package cn.doublerandom.architecture;

import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.draw.DrawJournal;
import cn.doublerandom.draw.DrawPlan;
import cn.doublerandom.draw.DrawState;
import cn.doublerandom.draw.DrawStatus;
import cn.doublerandom.draw.ledger.Ledger;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The draw's history has one writer and one owner: only {@link DrawJournal} appends to the ledger or
 * writes a draw's fact rows, only the store reaches the fact entities (an entity persists itself), only the draw's
 * store (and its fact entities) names the draw's tables, and only the ledger's store and the draw's the ledger's.
 * Other capabilities learn a draw's state through {@link DrawFacts}; the few aggregates over many draws
 * that join a draw with their own tables read the views {@code draw_state} and {@code draw_selection},
 * and are named here one by one.
 */
class DrawOwnsItsHistoryTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom");

    private static final ArchRule JOURNAL_ALONE_APPENDS = noClasses().that().doNotHaveFullyQualifiedName(DrawJournal.class.getName())
            .should().callMethodWhere(target(name("append")).and(target(owner(type(Ledger.class)))))
            .because("every draw record is written with its fact rows and its audit row, by the journal alone");

    private static final ArchRule JOURNAL_ALONE_INSERTS = noClasses().that().doNotHaveFullyQualifiedName(DrawJournal.class.getName())
            .should().callMethodWhere(target(nameStartingWith("insert"))
                    .and(target(owner(JavaClass.Predicates.simpleName("DrawStore")))));

    /** The draw's fact entities (a failure, a void, a substitution): any entity of the draw package. */
    private static final DescribedPredicate<JavaClass> FACT_ENTITY = DescribedPredicate.describe("a fact entity of the draw",
            (JavaClass c) -> c.getPackageName().equals("cn.doublerandom.draw") && c.isAnnotatedWith(Entity.class));

    /**
     * An entity persists itself: a class that reaches one could write a fact row past the journal, so only
     * the store (which the journal alone calls to write) touches them, and the entities themselves.
     */
    private static final ArchRule STORE_ALONE_TOUCHES_FACT_ENTITIES = noClasses()
            .that().doNotHaveFullyQualifiedName("cn.doublerandom.draw.DrawStore").and(DescribedPredicate.not(FACT_ENTITY))
            .should().dependOnClassesThat(FACT_ENTITY)
            .because("a fact row written past the journal has no ledger record and no audit row");

    private static final List<ArchRule> HISTORY_RULES = List.of(JOURNAL_ALONE_APPENDS, JOURNAL_ALONE_INSERTS,
            STORE_ALONE_TOUCHES_FACT_ENTITIES);

    @Test
    void onlyTheJournalAppendsToTheLedger() {
        JOURNAL_ALONE_APPENDS.check(main);
    }

    @Test
    void onlyTheJournalWritesADrawsFacts() {
        JOURNAL_ALONE_INSERTS.check(main);
        STORE_ALONE_TOUCHES_FACT_ENTITIES.check(main);
    }

    @Test
    void theHistoryRulesSeeAFactWrittenBesideTheJournal() {
        // a class of the draw package that persists a void through its entity: no ledger record, no audit row
        JavaClasses forged = new ClassFileImporter().importPackages("cn.doublerandom.draw");
        assertTrue(forged.contain("cn.doublerandom.draw.ForgedHistory"), "the forged class was imported");
        List<String> violations = HISTORY_RULES.stream().map(r -> r.evaluate(forged))
                .flatMap(r -> r.getFailureReport().getDetails().stream())
                .filter(d -> d.contains("ForgedHistory")).toList();
        assertTrue(violations.stream().anyMatch(d -> d.contains("voidBesideTheJournal")), violations.toString());
        assertTrue(violations.stream().anyMatch(d -> d.contains("substitutionsBesideTheStore")), violations.toString());
    }

    @Test
    void theEventsAreTheFiveTheJournalRecords() {
        // DrawJournal.record tests the events one by one and casts the last (no exhaustive switch on Java 17):
        // an event added here needs its branch there first, or it would fail at run time as the last one
        assertEquals(List.of("Executed", "Failed", "Prepared", "Substituted", "Voided"),
                Stream.of(cn.doublerandom.draw.DrawEvent.class.getPermittedSubclasses()).map(Class::getSimpleName).sorted().toList());
    }

    @Test
    void otherCapabilitiesReadADrawThroughItsReadApiOnly() {
        DescribedPredicate<JavaClass> drawInternals = DescribedPredicate.describe("the draw capability's internals",
                (JavaClass c) -> c.getPackageName().equals("cn.doublerandom.draw")
                        && !List.of(DrawFacts.class.getName(), DrawState.class.getName(), DrawStatus.class.getName(),
                        DrawPlan.class.getName()).contains(c.getName().replaceAll("\\$.*", "")));
        noClasses().that().resideOutsideOfPackage("cn.doublerandom.draw..")
                .should().dependOnClassesThat(drawInternals)
                .check(main);
    }

    /** Table names in SQL are strings ArchUnit cannot see, so the sources are read instead. */
    private static final Pattern DRAW_TABLE = Pattern.compile(
            "\\b(draw_execution|draw_failure|draw_void|draw_target|draw_substitution|undirected_slot)\\b"
                    + "|\\b(from|join|into|update|table|copy|truncate)\\s+draw\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEDGER_TABLE = Pattern.compile("\\b(from|join|into|update|table|copy|truncate)\\s+ledger\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DRAW_VIEW = Pattern.compile("\\b(draw_state|draw_selection)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyTheDrawStoreNamesTheDrawsTables() throws IOException {
        // the store, and the insert-only entities through which it writes the fact rows written one at a time
        assertEquals(Set.of("draw/DrawStore.java", "draw/DrawFailure.java", "draw/DrawVoid.java", "draw/DrawSubstitution.java"),
                filesNaming(DRAW_TABLE), "the draw's fact tables are read and written by its store alone");
    }

    @Test
    void onlyTheLedgerAndTheDrawStoreNameTheLedgersTable() throws IOException {
        // the store reads it beside the facts, to find a draw whose served facts contradict its records
        assertEquals(Set.of("draw/ledger/LedgerStore.java", "draw/DrawStore.java"), filesNaming(LEDGER_TABLE));
    }

    @Test
    void theDrawViewsAreReadByTheDrawsFactsAndByAggregatesOverManyDraws() throws IOException {
        // everyone else asks DrawFacts; these join a draw's state or selection with their own tables over
        // many draws at once: the compliance and monthly reports, and the portal's public draws (a draw is
        // public once each selected target's result is published or withheld), and the ledger forms of a
        // campaign (the checks of every directed draw whose filter carries the campaign's tags)
        assertEquals(Set.of("draw/DrawStore.java", "draw/DrawFacts.java", "report/compliance/ComplianceStore.java",
                "report/monthly/MonthlyStore.java", "portal/PortalStore.java", "report/ledger/LedgerFormStore.java"),
                filesNaming(DRAW_VIEW));
    }

    @Test
    void theTableChecksCoverEveryTableAndViewTheDrawOwns() {
        // a table the draw gains must be named here too, or another capability could read it unseen
        Set<String> owned = TablesHaveOneOwnerTest.OWNERS.get("draw");
        assertTrue(owned.contains("draw_target"), "the draw's tables were read: " + owned);
        for (String table : owned) {
            Pattern p = table.equals("ledger") ? LEDGER_TABLE : table.equals("draw_state") || table.equals("draw_selection")
                    ? DRAW_VIEW : DRAW_TABLE;
            assertTrue(p.matcher("select 1 from " + table + " x").find(), table);
        }
    }

    /** The sources under cn/doublerandom (paths relative to it) in which {@code pattern} occurs. */
    private static Set<String> filesNaming(Pattern pattern) throws IOException {
        Path root = Path.of("src/main/java/cn/doublerandom");
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (pattern.matcher(Files.readString(file)).find()) {
                    out.add(root.relativize(file).toString().replace('\\', '/'));
                }
            }
        }
        return out;
    }

    @Test
    void theTableChecksCatchWhatTheyLookFor() {
        // the patterns above must see the forms the old code used, or the tests above prove nothing
        for (String sql : List.of("exists (select 1 from draw_void v where v.draw_id = d.id)", "select d.id from draw d",
                "join draw_target t on", "copy draw_target (draw_id) from stdin", "insert into draw (id)",
                "copy draw (id, authority) from stdin", "truncate draw cascade")) {
            assertTrue(DRAW_TABLE.matcher(sql).find(), sql);
        }
        for (String sql : List.of("insert into ledger (seq)", "select seq, hash from ledger order by seq",
                "copy ledger (seq, hash) to stdout", "truncate ledger")) {
            assertTrue(LEDGER_TABLE.matcher(sql).find(), sql);
        }
        for (String sql : List.of("from draw_state d", "join draw_selection t")) {
            assertFalse(DRAW_TABLE.matcher(sql).find(), sql);
            assertTrue(DRAW_VIEW.matcher(sql).find(), sql);
        }
        assertFalse(DRAW_TABLE.matcher("the draw date").find());
        assertFalse(DRAW_TABLE.matcher("copy the draw's plan").find());
        assertFalse(DRAW_VIEW.matcher("the draw's state").find());
    }
}
