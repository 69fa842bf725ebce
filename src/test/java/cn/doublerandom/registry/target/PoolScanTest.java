package cn.doublerandom.registry.target;

import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A province's pool is read in parts at once (block ranges of the table, one exported snapshot):
 * together the parts must be exactly the rows one scan reads, each once, whatever the number of parts.
 */
@QuarkusTest
class PoolScanTest {

    @Inject
    TargetStore targets;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void thePartsOfAScanAreTheWholeScanEachRowOnce() throws Exception {
        // enough rows for the table to span many blocks, in two counties of 山西 (14), a province no other test uses
        for (String county : List.of("140105", "140106")) {
            StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,"
                    + "重点排污单位,正面清单起始日期,正面清单截止日期,运营状态\n");
            for (int i = 0; i < 1500; i++) {
                csv.append(Api.uscc(county)).append(",分块企业").append(i).append(',').append(county)
                        .append(i % 4 == 0 ? ",在线监测、视频监控," : i % 4 == 1 ? ",分表计电," : ",,")
                        .append(i % 3 == 0 ? "重点管理" : i % 3 == 1 ? "登记管理" : "")
                        .append(i % 5 == 0 ? ",D," : i % 5 == 1 ? ",," : ",B,").append(i % 6 == 0 ? "是" : "否")
                        .append(i % 8 == 0 ? ",2025-03-01,2027-02-28," : i % 8 == 1 ? ",1969-12-31,," : ",,,")
                        .append(i % 7 == 0 ? "停产" : "生产").append('\n');
            }
            Api.operator(county).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/targets/import").then().statusCode(200);
        }
        long pages;
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select pg_relation_size('target') / current_setting('block_size')::int")) {
            rs.next();
            pages = rs.getLong(1);
        }
        assertTrue(pages >= 10, "the table spans " + pages + " blocks");

        List<String> whole = new ArrayList<>();
        targets.forEachPoolRow("14", row -> whole.add(line(row)));
        assertTrue(whole.size() >= 3000, whole.size() + " rows");
        whole.sort(null);
        for (int parts = 1; parts <= 3; parts++) {
            List<List<String>> seen = new ArrayList<>();
            List<Consumer<TargetStore.PoolRow>> sinks = new ArrayList<>();
            for (int i = 0; i < parts; i++) {
                List<String> part = new ArrayList<>();
                seen.add(part);
                sinks.add(row -> part.add(line(row)));
            }
            targets.forEachPoolRowInParts("14", sinks);
            List<String> together = new ArrayList<>();
            seen.forEach(together::addAll);
            together.sort(null);
            assertEquals(whole, together, parts + " parts");
            if (parts > 1) {
                seen.forEach(part -> assertTrue(!part.isEmpty(), "every part reads some blocks"));
            }
        }
        // the facts composed in the database (V13) are the record's: each producing target's class inputs
        // and monitoring as the whole row has them
        java.util.Map<String, TargetStore.PoolRow> pool = new java.util.HashMap<>();
        targets.forEachPoolRow("140105", row -> pool.put(row.uscc(), row));
        int[] producing = new int[1];
        targets.forEach("140105", stored -> {
            TargetData t = stored.data();
            TargetStore.PoolRow row = pool.get(t.uscc());
            assertEquals(t.operatingStatus(), row.status(), t.uscc());
            if (t.operatingStatus() == OperatingStatus.PRODUCING) {
                producing[0]++;
                assertEquals(SupervisionClassifier.Inputs.of(t), row.classInputs(), t.uscc());
                assertEquals(t.monitoringTypes(), row.monitoringTypes(), t.uscc());
            }
        });
        assertEquals(1500, pool.size());
        assertTrue(producing[0] > 1200, producing[0] + " producing");
        assertTrue(pool.values().stream().anyMatch(r -> r.classInputs() != null
                && java.time.LocalDate.of(1969, 12, 31).equals(r.classInputs().positiveListFrom())), "a day before 1970");

        // a county's subtree read in parts is that county only
        List<String> county = java.util.Collections.synchronizedList(new ArrayList<>());
        targets.forEachPoolRowInParts("140105", List.of(row -> county.add(line(row)), row -> county.add(line(row))));
        assertEquals(1500, county.size());
        assertTrue(county.stream().allMatch(l -> l.startsWith("91140105")), county.get(0));
    }

    private static String line(TargetStore.PoolRow row) {
        return String.join("|", row.uscc(), row.status().name(), String.valueOf(row.classInputs()),
                String.valueOf(row.monitoringTypes()));
    }
}
