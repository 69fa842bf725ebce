package cn.doublerandom.result;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ResultTest {

    private static ResultFixture f;

    @Inject
    ServiceClock clock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void drawOnce() {
        if (f == null) {
            // a visit of two items (进一次门、办多项事)
            f = new ResultFixture("130183").items(2).drawn(clock, 3);
        }
        clock.use(Clock.fixed(Instant.parse("2026-10-20T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void aResultIsRecordedOnceCorrectedByVersionsAndReadAsDrawsAre() {
        String id = f.record(0, "2026-10-14", "2026-10-16", "CORRECTED", "");
        Api.operator(f.county).get("/api/v1/results/" + id).then().statusCode(200)
                .body("drawId", equalTo(f.drawId)).body("uscc", equalTo(f.uscc(0)))
                .body("enterpriseName", containsString(f.county))
                .body("current.version", equalTo(1)).body("current.wordingText", equalTo("发现问题已责令改正"))
                // the single wording is shorthand for every item of the draw
                .body("current.items.itemId", equalTo(ints(f.itemIds())))
                .body("current.items.wording", equalTo(List.of("CORRECTED", "CORRECTED")))
                .body("current.problems[0].typeLabel", equalTo("物料扬尘管控不到位"))
                .body("current.handling[0].label", equalTo("立行立改"))
                .body("current.team", equalTo(f.team(0).subList(0, 2)))
                .body("publication.state", equalTo("PUBLISHABLE"))
                // 16 Oct 2026 + 20 working days: 13 November (no holiday in between)
                .body("publication.deadline", equalTo("2026-11-13")).body("publication.overdue", equalTo(false));

        // a second result for the same target is refused; a correction is a new version with a reason
        Api.operator(f.county).body(f.body(0, "2026-10-14", "2026-10-16", "NO_PROBLEM", "")).post("/api/v1/results")
                .then().statusCode(409).body("type", endsWith("/problems/result-exists")).body("resultId", equalTo(id));
        String correction = f.body(0, "2026-10-14", "2026-10-19", "PENDING_HANDLING", "").replaceAll(
                "\"drawId\":\"[^\"]+\",\"uscc\":\"[^\"]+\",", "");
        Api.operator(f.county).body(correction).post("/api/v1/results/" + id + "/corrections").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        Api.operator(f.county).body(correction.replaceFirst("\\{", "{\"reason\":\"认定日期录入错误\",")).post("/api/v1/results/" + id + "/corrections")
                .then().log().ifValidationFails().statusCode(201).header("Location", endsWith("/api/v1/results/" + id))
                .body("current.version", equalTo(2)).body("versions", hasSize(2))
                .body("versions[0].correctionReason", equalTo("认定日期录入错误"))
                .body("versions[1].wordingText", equalTo("发现问题已责令改正")).body("versions[1].correctionReason", nullValue())
                // not yet published: the window runs from the corrected determination date, Monday 19 Oct: 16 Nov
                .body("publication.deadline", equalTo("2026-11-16"));

        // readers: the city and auditors; not a neighbouring county; writers: only the draw's authority
        Api.as("city", "130100").get("/api/v1/results?drawId=" + f.drawId).then().statusCode(200).body("items.id", hasItem(id));
        Api.as("auditor", "ALL").get("/api/v1/results/" + id).then().statusCode(200);
        Api.operator("130181").get("/api/v1/results/" + id).then().statusCode(403);
        Api.as("city", "130100").body(f.body(1, "2026-10-14", "2026-10-16", "NO_PROBLEM", "")).post("/api/v1/results")
                .then().statusCode(403);
        Api.as("auditor", "ALL").body(f.body(1, "2026-10-14", "2026-10-16", "NO_PROBLEM", "")).post("/api/v1/results")
                .then().statusCode(403);
        Api.anonymous().get("/api/v1/results/" + id).then().statusCode(401);
    }

    @Test
    void eachItemHasItsOwnWordingAndACorrectionOfOneItemIsANewVersion() throws Exception {
        String id = Api.operator(f.county).body(f.itemsBody(1, "2026-10-15", "2026-10-16", List.of("NO_PROBLEM", "PENDING_HANDLING"), ""))
                .post("/api/v1/results").then().log().ifValidationFails().statusCode(201)
                .body("current.items.itemId", equalTo(ints(f.itemIds())))
                .body("current.items.itemName", equalTo(List.of(ResultFixture.itemName(0), ResultFixture.itemName(1))))
                .body("current.items.wording", equalTo(List.of("NO_PROBLEM", "PENDING_HANDLING")))
                .body("current.items.wordingText", equalTo(List.of("未发现问题", "发现问题待处理")))
                // the summary: the first item wording other than 未发现问题
                .body("current.wording", equalTo("PENDING_HANDLING")).body("current.wordingText", equalTo("发现问题待处理"))
                .extract().path("id");
        // the first item turns out to have been corrected on the spot: a new version, both visible
        String correction = f.itemsBody(1, "2026-10-15", "2026-10-16", List.of("CORRECTED", "PENDING_HANDLING"), "")
                .replaceAll("\"drawId\":\"[^\"]+\",\"uscc\":\"[^\"]+\",", "").replaceFirst("\\{", "{\"reason\":\"第一项已当场责令改正\",");
        Api.operator(f.county).body(correction).post("/api/v1/results/" + id + "/corrections").then().log().ifValidationFails()
                .statusCode(201).body("versions.version", equalTo(List.of(2, 1)))
                .body("versions[0].items.wording", equalTo(List.of("CORRECTED", "PENDING_HANDLING")))
                .body("versions[0].wording", equalTo("CORRECTED")).body("versions[0].correctionReason", equalTo("第一项已当场责令改正"))
                .body("versions[1].items.wording", equalTo(List.of("NO_PROBLEM", "PENDING_HANDLING")))
                .body("versions[1].wording", equalTo("PENDING_HANDLING"));
        assertEquals(4, scalar("select count(*) from result_item where result_id = '" + id + "'"));
        // every item 未发现问题: the summary is 未发现问题, which a recorded violation contradicts
        Api.operator(f.county).body(f.itemsBody(3, "2026-10-15", "2026-10-16", List.of("NO_PROBLEM", "NO_PROBLEM"), "")
                        .replace("\"violationFound\":false", "\"violationFound\":true")).post("/api/v1/results")
                .then().statusCode(400).body("errors.field", equalTo(List.of("items")))
                .body("errors[0].message", containsString("contradicts"));
    }

    @Test
    void missingUnknownAndTwiceGivenItemsAreRefusedByNameAndWriteNothing() throws Exception {
        long before = count() + scalar("select count(*) from result_item");
        long first = f.itemIds().get(0);
        long second = f.itemIds().get(1);
        String both = f.itemsBody(3, "2026-10-15", "2026-10-16", List.of("CORRECTED", "NO_PROBLEM"), "");
        String secondOutcome = ",{\"itemId\":" + second + ",\"wording\":\"NO_PROBLEM\"}";
        // the second item missing: named with its id and name
        Api.operator(f.county).body(both.replace(secondOutcome, "")).post("/api/v1/results").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("items")))
                .body("errors[0].value", equalTo(String.valueOf(second)))
                .body("errors[0].message", containsString(ResultFixture.itemName(1))).body("errors[0].message", containsString("no outcome"));
        // an item the draw does not have (another item of the list, and a made-up id)
        Api.operator(f.county).body(both.replace(secondOutcome, secondOutcome + ",{\"itemId\":999999,\"wording\":\"NO_PROBLEM\"}"))
                .post("/api/v1/results").then().statusCode(400)
                .body("errors.field", equalTo(List.of("items[2].itemId"))).body("errors[0].value", equalTo("999999"))
                .body("errors[0].message", containsString("is not an item of draw " + f.drawId))
                .body("errors[0].message", containsString(first + " " + ResultFixture.itemName(0)));
        // the first item twice, the second not at all
        Api.operator(f.county).body(both.replace(secondOutcome, ",{\"itemId\":" + first + ",\"wording\":\"NO_PROBLEM\"}"))
                .post("/api/v1/results").then().statusCode(400)
                .body("errors.field", equalTo(List.of("items[1].itemId", "items")))
                .body("errors[0].message", containsString("given twice"))
                .body("errors[1].value", equalTo(String.valueOf(second)));
        // an unknown wording on one item; both shapes at once; neither
        Api.operator(f.county).body(both.replace("\"wording\":\"NO_PROBLEM\"", "\"wording\":\"FINE\"")).post("/api/v1/results")
                .then().statusCode(400).body("errors.field", equalTo(List.of("items[1].wording")))
                .body("errors[0].message", containsString("not a result wording"));
        Api.operator(f.county).body(both.replaceFirst("\\{", "{\"wording\":\"CORRECTED\",")).post("/api/v1/results")
                .then().statusCode(400).body("errors.field", hasItem("items"));
        Api.operator(f.county).body(both.replaceFirst("\"items\":\\[[^\\]]*\\],", "")).post("/api/v1/results")
                .then().statusCode(400).body("errors.field", hasItem("items"));
        Api.operator(f.county).body(both.replace("{\"itemId\":" + first + ",", "{")).post("/api/v1/results")
                .then().statusCode(400).body("errors.field", hasItem("items[0].itemId"));
        assertEquals(before, count() + scalar("select count(*) from result_item"));
    }

    @Test
    void badResultsAreProblemsAndWriteNothing() throws Exception {
        long before = count();
        // determination in the future, and before the inspection
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-21", "NO_PROBLEM", "")).post("/api/v1/results")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("determinationDate")).body("errors[0].message", containsString("future"));
        Api.operator(f.county).body(f.body(2, "2026-10-15", "2026-10-14", "NO_PROBLEM", "")).post("/api/v1/results")
                .then().statusCode(400).body("errors[0].message", containsString("before the inspection date"));
        // before the draw date
        Api.operator(f.county).body(f.body(2, "2026-10-08", "2026-10-14", "NO_PROBLEM", "")).post("/api/v1/results")
                .then().statusCode(400).body("errors[0].message", containsString("before the draw date"));
        // unknown wording, unknown problem type, 未发现问题 with a violation
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-14", "NO_PROBLEM", "").replace("NO_PROBLEM", "FINE"))
                .post("/api/v1/results").then().statusCode(400).body("errors.field", hasItem("wording"));
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-14", "CORRECTED", "").replace("DUST_CONTROL", "NOISE"))
                .post("/api/v1/results").then().statusCode(400).body("errors.field", hasItem("problems[0].type"));
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-14", "NO_PROBLEM", "").replace("\"violationFound\":false", "\"violationFound\":true"))
                .post("/api/v1/results").then().statusCode(400).body("errors.field", hasItem("wording"));
        // a member not on the team; confidential without a reason
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-14", "NO_PROBLEM", "").replace(f.team(2).get(1), "X-99"))
                .post("/api/v1/results").then().statusCode(400).body("errors.value", hasItem("X-99"));
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-14", "NO_PROBLEM", ",\"confidential\":true"))
                .post("/api/v1/results").then().statusCode(400).body("errors.field", hasItem("confidentialReason"));
        // a target the draw did not select; a draw that does not exist
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-14", "NO_PROBLEM", "").replace(f.uscc(2), Api.uscc(f.county)))
                .post("/api/v1/results").then().statusCode(422).body("type", endsWith("/problems/target-not-selected"));
        Api.operator(f.county).body(f.body(2, "2026-10-14", "2026-10-14", "NO_PROBLEM", "").replace(f.drawId, "D999999999"))
                .post("/api/v1/results").then().statusCode(404);
        Api.operator(f.county).body("{\"drawId\":\"" + f.drawId + "\",\"unknown\":1}").post("/api/v1/results").then().statusCode(400);
        assertEquals(before, count());
        // a confidential result with its reason is recorded, and WITHHELD
        String id = f.record(2, "2026-10-14", "2026-10-14", "NO_PROBLEM", ",\"confidential\":true,\"confidentialReason\":\"涉及国家秘密\"");
        Api.operator(f.county).get("/api/v1/results/" + id).then().body("publication.state", equalTo("WITHHELD"))
                .body("confidentialReason", equalTo("涉及国家秘密")).body("publication.deadline", nullValue());
    }

    @Test
    void aDrawsResultsAreListedInItsTicketOrderWhateverOrderTheyWereRecordedIn() {
        ResultFixture d = new ResultFixture("130602").drawn(clock, 3);
        clock.use(Clock.fixed(Instant.parse("2026-10-20T02:00:00Z"), ZoneOffset.UTC));
        List<String> inTicketOrder = new ArrayList<>();
        for (int i = d.targets.size() - 1; i >= 0; i--) {
            inTicketOrder.add(0, d.record(i, "2026-10-14", "2026-10-16", "NO_PROBLEM", ""));
        }
        assertTrue(inTicketOrder.size() >= 3, inTicketOrder.toString());
        assertEquals(inTicketOrder, Api.operator(d.county).get("/api/v1/results?drawId=" + d.drawId).then().statusCode(200)
                .extract().jsonPath().getList("items.id", String.class));
        // a page at a time, in the same order, with the whole count; only the page's results are read
        List<String> walked = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            io.restassured.path.json.JsonPath page = Api.operator(d.county).queryParam("limit", 2)
                    .queryParams(after == null ? java.util.Map.of() : java.util.Map.of("after", after))
                    .get("/api/v1/results?drawId=" + d.drawId).then().statusCode(200)
                    .body("total", equalTo(inTicketOrder.size())).extract().jsonPath();
            List<String> ids = page.getList("items.id", String.class);
            assertTrue(!ids.isEmpty() && ids.size() <= 2, ids.toString());
            assertEquals(java.util.Collections.nCopies(ids.size(), "NO_PROBLEM"), page.getList("items.current.wording"),
                    "each item of a page is a whole result");
            walked.addAll(ids);
            after = page.getString("next");
            pages++;
        } while (after != null && pages < 50);
        assertEquals(inTicketOrder, walked);
        assertEquals((inTicketOrder.size() + 1) / 2, pages);
    }

    @Test
    void nothingIsRecordedUnderAVoidedDraw() {
        ResultFixture voided = new ResultFixture("130111").drawn(clock, 1);
        clock.use(Clock.fixed(Instant.parse("2026-10-20T02:00:00Z"), ZoneOffset.UTC));
        Api.as("auditor", "130100").body("{\"reason\":\"测试作废\"}").post("/api/v1/draws/" + voided.drawId + "/void").then().statusCode(200);
        Api.operator(voided.county).body(voided.body(0, "2026-10-14", "2026-10-14", "NO_PROBLEM", "")).post("/api/v1/results")
                .then().statusCode(409).body("type", endsWith("/problems/draw-not-executed"))
                .body("detail", containsString("voided"));
        Api.operator(voided.county).get("/api/v1/results?drawId=" + voided.drawId).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theDatabaseRefusesToRewriteResults() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of("update result_version set wording = 'x'", "delete from result", "truncate publication cascade",
                    "truncate result_hold")) {
                Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> c.createStatement().execute(sql), sql);
                org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("append-only"), e.getMessage());
            }
        }
    }

    private static List<Integer> ints(List<Long> ids) {
        return ids.stream().map(Long::intValue).toList();
    }

    private long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long count() throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(
                "select (select count(*) from result) + (select count(*) from result_version)")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
