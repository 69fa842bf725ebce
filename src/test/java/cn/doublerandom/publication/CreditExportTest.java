package cn.doublerandom.publication;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Export to the national credit publicity system: every published version in exactly one batch,
 * across two runs and two concurrent runs (as two replicas would make), in the 抽查检查结果信息 columns.
 */
@QuarkusTest
class CreditExportTest {

    private static final String COUNTY = "131125";

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String day) {
        clock.use(Clock.fixed(Instant.parse(day + "T02:00:00Z"), ZoneOffset.UTC));
    }

    private static Response run() {
        return Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\"}").post("/api/v1/credit-exports");
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, COUNTY);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void everyPublishedVersionGoesInExactlyOneBatchAcrossRunsAndReplicas() throws Exception {
        ResultFixture f = new ResultFixture(COUNTY).drawn(clock, 3);
        at("2026-10-20");
        String first = f.record(0, "2026-10-14", "2026-10-16", "CORRECTED", "");
        String second = f.record(1, "2026-10-15", "2026-10-16", "NO_PROBLEM", "");
        publication.run();

        String batch = run().then().log().ifValidationFails().statusCode(201).body("authority", equalTo(COUNTY))
                .body("resultCount", equalTo(2)).body("rows", hasSize(2))
                .body("rows.find { it.resultId == '" + first + "' }.uscc", equalTo(f.uscc(0)))
                .body("rows.find { it.resultId == '" + first + "' }.inspectionDate", equalTo("2026-10-14"))
                .body("rows.find { it.resultId == '" + first + "' }.inspectionType", equalTo("不定向抽查"))
                .body("rows.find { it.resultId == '" + second + "' }.wordingText", equalTo("未发现问题"))
                .extract().path("id");
        String authorityName = Api.operator(COUNTY).get("/api/v1/credit-exports/" + batch).then().statusCode(200)
                .extract().path("rows[0].inspectingAuthority");
        assertTrue(authorityName.contains("生态环境"), authorityName);
        // the second run finds nothing new
        run().then().statusCode(200).body("exported", equalTo(0));

        // a correction (a new published version) and a new result, then two runs at once, as two replicas
        f.record(2, "2026-10-17", "2026-10-19", "NO_PROBLEM", "");
        Api.operator(COUNTY).body(f.body(0, "2026-10-14", "2026-10-16", "CORRECTED", ",\"reason\":\"问题描述补充\"")
                        .replaceFirst("\"drawId\":\"[^\"]*\",\"uscc\":\"[^\"]*\",", ""))
                .post("/api/v1/results/" + first + "/corrections").then().statusCode(201);
        at("2026-10-21");
        publication.run();
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> run().then().extract().statusCode()));
        }
        List<Integer> statuses = runs.stream().map(CompletableFuture::join).sorted().toList();
        assertEquals(List.of(200, 201), statuses);
        assertEquals(0, count("""
                select count(*) from publication p where p.authority = ?
                   and not exists (select 1 from credit_export_item i where i.result_id = p.result_id and i.version = p.version)"""));
        assertEquals(count("select count(*) from publication where authority = ?"),
                count("select count(*) from credit_export_item i join credit_export_batch b on b.id = i.batch_id where b.authority = ?"));
        List<?> batches = Api.operator(COUNTY).get("/api/v1/credit-exports?authority=" + COUNTY).then().statusCode(200)
                .body("items", hasSize(2)).body("items[0].resultCount", equalTo(2)).extract().path("items");
        String latest = Api.operator(COUNTY).get("/api/v1/credit-exports?authority=" + COUNTY).then().extract().path("items[0].id");
        Api.operator(COUNTY).get("/api/v1/credit-exports/" + latest).then().statusCode(200)
                .body("rows.find { it.resultId == '" + first + "' }.version", equalTo(2))
                .body("rows.find { it.resultId == '" + first + "' }.correctionReason", equalTo("问题描述补充"));
        assertEquals(2, batches.size());
        // newest first, a page at a time from the table
        String olderCursor = Api.operator(COUNTY).get("/api/v1/credit-exports?authority=" + COUNTY + "&limit=1").then().statusCode(200)
                .body("items.id", equalTo(List.of(latest))).body("total", equalTo(2)).extract().path("next");
        Api.operator(COUNTY).queryParam("after", olderCursor).get("/api/v1/credit-exports?authority=" + COUNTY + "&limit=1").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", org.hamcrest.Matchers.lessThan(latest))
                .body("next", org.hamcrest.Matchers.nullValue()).body("total", equalTo(2));
        Api.operator(COUNTY).queryParam("after", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("D000000001".getBytes()))
                .get("/api/v1/credit-exports?authority=" + COUNTY).then().statusCode(400).body("errors[0].field", equalTo("after"));

        // the file, read back by a spreadsheet reader: the national columns in order, one row per version
        byte[] xlsx = Api.operator(COUNTY).get("/api/v1/credit-exports/" + batch + "/file").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(List.of("序号", "统一社会信用代码", "企业名称", "检查实施机关", "检查类型", "检查日期", "检查结果", "结果编号",
                    "版本", "更正原因"), rows.get(0).stream().map(c -> c.getText()).toList());
            assertEquals(3, rows.size());
            assertEquals(authorityName, rows.get(1).getCellText(3));
        }
        String csv = new String(Api.operator(COUNTY).get("/api/v1/credit-exports/" + batch + "/file?format=csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains(f.uscc(1)), csv);

        // bad requests: nothing written
        long batchesBefore = count("select count(*) from credit_export_batch where authority = ?");
        Api.operator(COUNTY).body("{}").post("/api/v1/credit-exports").then().statusCode(400);
        Api.operator(COUNTY).body("{\"authority\":\"13112\\u0000\"}").post("/api/v1/credit-exports").then().statusCode(400);
        Api.operator("131127").body("{\"authority\":\"" + COUNTY + "\"}").post("/api/v1/credit-exports").then().statusCode(403);
        Api.as("auditor", COUNTY).body("{\"authority\":\"" + COUNTY + "\"}").post("/api/v1/credit-exports").then().statusCode(403);
        Api.operator(COUNTY).get("/api/v1/credit-exports/" + batch + "/file?format=pdf").then().statusCode(400);
        Api.operator("131127").get("/api/v1/credit-exports/" + batch).then().statusCode(403);
        Api.operator(COUNTY).get("/api/v1/credit-exports/X999999999").then().statusCode(404);
        assertEquals(batchesBefore, count("select count(*) from credit_export_batch where authority = ?"));
    }
}
