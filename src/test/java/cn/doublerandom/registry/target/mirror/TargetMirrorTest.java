package cn.doublerandom.registry.target.mirror;

import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.TargetStore.PoolRow;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A province's pool comes from the replica's copy of the registry in memory: it must be exactly what a
 * scan of the table reads, after every kind of write, whatever order the writing transactions commit in.
 * Shanxi (山西, 14) counties 140105 and 140106, which no other test writes.
 */
@QuarkusTest
class TargetMirrorTest {

    @Inject
    TargetMirror mirror;

    @Inject
    TargetStore targets;

    @Inject
    AgroalDataSource dataSource;

    private static boolean imported;

    @BeforeEach
    void twoCounties() {
        if (imported) {
            return;
        }
        for (String county : List.of("140105", "140106")) {
            StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,"
                    + "重点排污单位,正面清单起始日期,正面清单截止日期,运营状态\n");
            for (int i = 0; i < 1500; i++) {
                csv.append(Api.uscc(county)).append(",镜像企业").append(i).append(',').append(county)
                        .append(i % 4 == 0 ? ",在线监测、视频监控," : i % 4 == 1 ? ",分表计电," : ",,")
                        .append(i % 3 == 0 ? "重点管理" : i % 3 == 1 ? "登记管理" : "")
                        .append(i % 5 == 0 ? ",D," : i % 5 == 1 ? ",," : ",B,").append(i % 6 == 0 ? "是" : "否")
                        .append(i % 8 == 0 ? ",2025-03-01,2027-02-28," : i % 8 == 1 ? ",1969-12-31,," : ",,,")
                        .append(i % 7 == 0 ? "停产" : "生产").append('\n');
            }
            Api.operator(county).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/targets/import").then().statusCode(200);
        }
        imported = true;
    }

    @Test
    void theCopyIsTheTableInAnyNumberOfParts() {
        List<String> table = scan("14");
        assertTrue(table.size() >= 3000, table.size() + " rows");
        for (int parts = 1; parts <= 3; parts++) {
            List<List<String>> seen = new ArrayList<>();
            List<BiConsumer<PoolRow, Object>> sinks = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                List<String> part = new ArrayList<>();
                seen.add(part);
                sinks.add((row, note) -> part.add(line(row)));
            }
            mirror.forEachPoolRow("14", mirror.notes(n -> { }), sinks);
            List<String> together = new ArrayList<>();
            seen.forEach(together::addAll);
            together.sort(null);
            assertEquals(table, together, parts + " parts");
        }
        // a county's subtree is that county only
        assertEquals(scan("140105"), copy("140105"));
        assertEquals(1500, copy("140105").size());

        // what the pool reads of each target is what the whole row says: class inputs and monitoring of a producing one
        Map<String, PoolRow> pool = new HashMap<>();
        mirror.forEachPoolRow("140105", mirror.notes(n -> { }), List.of((row, note) -> pool.put(row.uscc(), row)));
        int[] producing = new int[1];
        targets.forEach("140105", stored -> {
            TargetData t = stored.data();
            PoolRow row = pool.get(t.uscc());
            assertEquals(t.operatingStatus(), row.status(), t.uscc());
            if (t.operatingStatus() == OperatingStatus.PRODUCING) {
                producing[0]++;
                assertEquals(SupervisionClassifier.Inputs.of(t), row.classInputs(), t.uscc());
                assertEquals(t.monitoringTypes(), row.monitoringTypes(), t.uscc());
            }
        });
        assertTrue(producing[0] > 1200, producing[0] + " producing");
        assertTrue(pool.values().stream().anyMatch(r -> r.classInputs() != null
                && LocalDate.of(1969, 12, 31).equals(r.classInputs().positiveListFrom())), "a day before 1970");

        // each row comes with its USCC's note
        String noted = table.get(7).substring(0, 18);
        byte[] code = noted.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        TargetNotes<String> notes = mirror.notes(n -> n.note(code, 0, code.length, () -> "selected this quarter"));
        List<String> got = Collections.synchronizedList(new ArrayList<>());
        mirror.forEachPoolRow("14", notes, List.of((row, note) -> {
            if (note != null) {
                got.add(row.uscc() + " " + note);
            }
        }, (row, note) -> {
            if (note != null) {
                got.add(row.uscc() + " " + note);
            }
        }));
        assertEquals(List.of(noted + " selected this quarter"), got);
    }

    @Test
    void namesAndRegionsAreTheTablesAndFollowARenameWhateverTheNameHolds() throws Exception {
        List<String> usccs = new ArrayList<>();
        targets.forEachPoolRow("14", row -> usccs.add(row.uscc()));
        usccs.add("91140105999999990X"); // no such target: left out by both
        assertEquals(targets.labels(usccs), mirror.labels(usccs));
        assertEquals(usccs.size() - 1, mirror.labels(usccs).size());
        // a name with what COPY escapes in it, set behind the service's back: the next read catches up
        String renamed = usccs.get(11);
        try (Connection c = dataSource.getConnection(); var ps = c.prepareStatement("update target set name = ? where uscc = ?")) {
            ps.setString(1, "太原\\某\t公司\n（新）");
            ps.setString(2, renamed);
            assertEquals(1, ps.executeUpdate());
        }
        assertEquals("太原\\某\t公司\n（新）", mirror.labels(List.of(renamed)).get(renamed).name());
        assertEquals(targets.labels(usccs), mirror.labels(usccs));
        assertTrue(mirror.labels(List.of(renamed)).get(renamed).regionCode().startsWith("1401"));
    }

    /**
     * T1 writes first and commits last; T2 writes and commits in between. A catch-up between the two
     * commits sees T2's row only; the next one must still find T1's, although T2's id is higher.
     */
    @Test
    void aTransactionThatCommitsAfterALaterOneIsNotMissed() throws Exception {
        List<String> codes = scan("140106").stream().filter(l -> l.contains("|PRODUCING|")).map(l -> l.substring(0, 18)).toList();
        String first = codes.get(0);
        String second = codes.get(1);
        copy("14"); // caught up before either write
        try (Connection t1 = dataSource.getConnection(); Connection t2 = dataSource.getConnection()) {
            t1.setAutoCommit(false);
            t2.setAutoCommit(false);
            try (Statement s1 = t1.createStatement(); Statement s2 = t2.createStatement()) {
                s1.executeUpdate("update target set operating_status = 'HALTED' where uscc = '" + first + "'");
                s2.executeUpdate("update target set operating_status = 'HALTED' where uscc = '" + second + "'");
                t2.commit();
                assertEquals(scan("140106"), copy("140106"), "T2 committed, T1 running");
                assertTrue(copy("140106").contains(lineOf(second, "HALTED")), "T2's write is seen");
                assertTrue(copy("140106").stream().anyMatch(l -> l.startsWith(first + "|PRODUCING|")), "T1's is not yet");
                t1.commit();
            }
            assertEquals(scan("140106"), copy("140106"), "both committed");
            assertTrue(copy("140106").stream().anyMatch(l -> l.startsWith(first + "|HALTED|")), "T1's write, committed last, is seen");
            // a write rolled back changes nothing
            t1.createStatement().executeUpdate("update target set operating_status = 'CLOSED' where uscc = '" + first + "'");
            t1.rollback();
            assertEquals(scan("140106"), copy("140106"), "after a rollback");
            t1.setAutoCommit(true);
            t1.createStatement().executeUpdate("update target set operating_status = 'PRODUCING' where uscc in ('"
                    + first + "', '" + second + "')");
        }
        assertEquals(scan("140106"), copy("140106"), "put back");
    }

    @Test
    void theScheduledRefreshLearnsOfNewTargets() {
        mirror.refresh();
        int before = mirror.size();
        String uscc = Api.uscc("140105");
        Api.operator("140105").contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + uscc
                + ",镜像新企业,140105,生产\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import").then().statusCode(200);
        mirror.refresh();
        assertEquals(before + 1, mirror.size());
        assertTrue(copy("140105").stream().anyMatch(l -> l.startsWith(uscc + "|PRODUCING|")));
    }

    /** What the copy cannot learn of is refused by the table itself (V13). */
    @Test
    void targetsAreNeverDeletedAndKeepTheirCode() throws Exception {
        String uscc = scan("140105").get(0).substring(0, 18);
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            assertEquals("P0001", assertThrows(SQLException.class,
                    () -> st.executeUpdate("delete from target where uscc = '" + uscc + "'")).getSQLState());
            assertEquals("P0001", assertThrows(SQLException.class,
                    () -> st.executeUpdate("update target set uscc = '91140105999999999X' where uscc = '" + uscc + "'")).getSQLState());
            assertEquals("P0001", assertThrows(SQLException.class, () -> st.execute("truncate target cascade")).getSQLState());
            assertEquals("23514", assertThrows(SQLException.class, () -> st.executeUpdate("""
                    insert into target (uscc, version, region_code, name, operating_status, created_at, updated_at, updated_by)
                    values ('91140105-0000001X', 1, '140105', 'x', 'PRODUCING', now(), now(), 'test')""")).getSQLState());
            assertEquals("23514", assertThrows(SQLException.class, () -> st.executeUpdate("""
                    insert into target (uscc, version, region_code, name, operating_status, created_at, updated_at, updated_by)
                    values ('91140105999999998X', 1, '14010', 'x', 'PRODUCING', now(), now(), 'test')""")).getSQLState());
        }
        assertEquals(scan("140105"), copy("140105"));
    }

    private List<String> scan(String prefix) {
        List<String> out = new ArrayList<>();
        targets.forEachPoolRow(prefix, row -> out.add(line(row)));
        out.sort(null);
        return out;
    }

    private List<String> copy(String prefix) {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        mirror.forEachPoolRow(prefix, mirror.notes(n -> { }), List.of((row, note) -> out.add(line(row)), (row, note) -> out.add(line(row))));
        List<String> sorted = new ArrayList<>(out);
        sorted.sort(null);
        return sorted;
    }

    private static String line(PoolRow row) {
        return String.join("|", row.uscc(), row.status().name(), String.valueOf(row.classInputs()),
                String.valueOf(row.monitoringTypes()));
    }

    private static String lineOf(String uscc, String status) {
        return uscc + "|" + status + "|null|[]";
    }
}
