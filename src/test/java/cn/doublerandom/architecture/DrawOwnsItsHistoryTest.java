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
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The draw's history has one writer and one owner: only {@link DrawJournal} appends to the ledger or
 * writes a draw's fact rows, and only the draw capability names the draw's tables. Other capabilities
 * learn a draw's state through {@link DrawFacts} or the views {@code draw_state} and
 * {@code draw_selection}.
 */
class DrawOwnsItsHistoryTest {

    private final JavaClasses main = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.doublerandom");

    @Test
    void onlyTheJournalAppendsToTheLedger() {
        noClasses().that().doNotHaveFullyQualifiedName(DrawJournal.class.getName())
                .should().callMethodWhere(target(name("append")).and(target(owner(type(Ledger.class)))))
                .because("every draw record is written with its fact rows and its audit row, by the journal alone")
                .check(main);
    }

    @Test
    void onlyTheJournalWritesADrawsFacts() {
        noClasses().that().doNotHaveFullyQualifiedName(DrawJournal.class.getName())
                .should().callMethodWhere(target(nameStartingWith("insert"))
                        .and(target(owner(JavaClass.Predicates.simpleName("DrawStore")))))
                .check(main);
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
                    + "|\\b(from|join|into|update|table)\\s+(draw|ledger)\\b", Pattern.CASE_INSENSITIVE);

    @Test
    void onlyTheDrawCapabilityNamesTheDrawTables() throws IOException {
        Path root = Path.of("src/main/java/cn/doublerandom");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (root.relativize(file).startsWith("draw")) {
                    continue;
                }
                String text = Files.readString(file);
                Matcher m = DRAW_TABLE.matcher(text);
                while (m.find()) {
                    offences.add(root.relativize(file) + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), offences, "files outside the draw capability that name a draw table");
    }

    @Test
    void theTableCheckCatchesWhatItLooksFor() {
        // the pattern above must see the forms the old code used, or the previous test proves nothing
        for (String sql : List.of("exists (select 1 from draw_void v where v.draw_id = d.id)", "select d.id from draw d",
                "join draw_target t on", "insert into ledger (seq)")) {
            assertEquals(true, DRAW_TABLE.matcher(sql).find(), sql);
        }
        for (String sql : List.of("from draw_state d", "join draw_selection t", "the draw date")) {
            assertEquals(false, DRAW_TABLE.matcher(sql).find(), sql);
        }
    }
}
