package cn.doublerandom.result;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A result followed from its problem to rectification, re-check and closure; penalty decisions and transfers. */
@QuarkusTest
class FollowUpTest {

    private static final String COUNTY = "131127";
    private static ResultFixture f;
    private static String resultId;
    private static String penaltyResultId;

    @Inject
    ServiceClock clock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void drawOnce() {
        if (f == null) {
            f = new ResultFixture(COUNTY).drawn(clock, 3);
            at("2026-10-20");
            resultId = f.record(0, "2026-10-14", "2026-10-16", "CORRECTED", "");
            penaltyResultId = f.record(1, "2026-10-15", "2026-10-16", "PENDING_HANDLING", "");
        }
        at("2026-10-20");
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String day) {
        clock.use(Clock.fixed(Instant.parse(day + "T02:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aProblemIsRectifiedGoesOverdueIsRecheckedAndClosedWithEveryVersionKept() throws Exception {
        double overdueBefore = overdueMetric();
        String base = "/api/v1/results/" + resultId + "/rectifications";
        String id = Api.operator(COUNTY).body("""
                {"problemIndex":0,"requirement":"料场全部苫盖，道路硬化","deadline":"2026-10-23","responsiblePerson":"张建国"}""")
                .post(base).then().log().ifValidationFails().statusCode(201).header("Location", endsWith(base))
                .body("status", equalTo("IN_PROGRESS")).body("statusLabel", equalTo("整改中")).body("overdue", equalTo(false))
                .body("problemType", equalTo("DUST_CONTROL")).body("problemTypeLabel", equalTo("物料扬尘管控不到位"))
                .body("problemDescription", equalTo("料场未苫盖，扬尘明显")).body("current.deadline", equalTo("2026-10-23"))
                .body("current.responsiblePerson", equalTo("张建国")).body("closed", equalTo(false))
                .extract().path("id");
        // the same problem is not ordered twice
        Api.operator(COUNTY).body("""
                {"problemIndex":0,"requirement":"再次","deadline":"2026-10-23","responsiblePerson":"张建国"}""")
                .post(base).then().statusCode(409).body("rectificationId", equalTo(id));

        // Tuesday 20 Oct: Friday 23 Oct is 3 working days away, so the rectification is due
        Map<String, Object> due = rectificationDue(id);
        assertEquals(false, due.get("overdue"));
        assertEquals(3, due.get("workingDaysLeft"));
        assertEquals("张建国", due.get("responsiblePerson"));

        // Monday 26 Oct: the deadline day has ended unrectified: 逾期未整改, in the due list and the metric
        at("2026-10-26");
        Api.operator(COUNTY).get(base).then().statusCode(200).body("items[0].status", equalTo("OVERDUE"))
                .body("items[0].statusLabel", equalTo("逾期未整改")).body("items[0].overdue", equalTo(true));
        assertEquals(true, rectificationDue(id).get("overdue"));
        // the metric counts every overdue rectification of the service, other tests' too: this one is among them
        double overdueNow = overdueMetric();
        assertTrue(overdueNow >= overdueBefore + 1, overdueBefore + " then " + overdueNow);

        // the enterprise reports it done: a new version, the first kept
        Api.operator(COUNTY).body("""
                {"status":"RECTIFIED","rectifiedOn":"2026-10-25","reason":"企业报告已完成苫盖"}""")
                .post(base + "/" + id + "/versions").then().log().ifValidationFails().statusCode(201)
                .body("status", equalTo("RECTIFIED")).body("current.version", equalTo(2)).body("versions", hasSize(2))
                .body("versions[1].status", equalTo("IN_PROGRESS")).body("current.deadline", equalTo("2026-10-23"));
        assertEquals(overdueNow - 1, overdueMetric(), "the same day, only this one no longer overdue");
        assertTrue(dueIds().stream().noneMatch(id::equals));

        // the re-check (复查) finds the east pile still open: back to 整改中 with a new deadline
        List<String> team = f.team(0).subList(0, 2);
        Api.operator(COUNTY).body("""
                {"kind":"RECHECK","checkDate":"2026-10-26","team":["%s","%s"],"outcome":"NOT_RECTIFIED",
                 "findings":"东侧料堆仍未苫盖","deadline":"2026-10-30"}""".formatted(team.get(0), team.get(1)))
                .post(base + "/" + id + "/rechecks").then().log().ifValidationFails().statusCode(201)
                .body("status", equalTo("IN_PROGRESS")).body("current.deadline", equalTo("2026-10-30"))
                .body("current.changeReason", containsString("未整改到位")).body("checks", hasSize(1))
                .body("checks[0].kindLabel", equalTo("复查")).body("checks[0].team", equalTo(team))
                .body("checks[0].checkDate", equalTo("2026-10-26"));

        // a second re-check confirms it: closed (销号)
        at("2026-10-30");
        Api.operator(COUNTY).body("""
                {"kind":"RECHECK","checkDate":"2026-10-30","team":["%s","%s"],"outcome":"CONFIRMED","findings":"料场已全部苫盖"}"""
                        .formatted(team.get(0), team.get(1)))
                .post(base + "/" + id + "/rechecks").then().log().ifValidationFails().statusCode(201)
                .body("status", equalTo("RECTIFIED")).body("closed", equalTo(true)).body("current.rectifiedOn", equalTo("2026-10-30"))
                .body("versions.version", equalTo(List.of(4, 3, 2, 1))).body("checks.outcome", equalTo(List.of("NOT_RECTIFIED", "CONFIRMED")));
        // closed: no more versions, no second re-check; a look-back (回头看) months later still is a check
        Api.operator(COUNTY).body("{\"status\":\"IN_PROGRESS\",\"reason\":\"改主意\"}").post(base + "/" + id + "/versions")
                .then().statusCode(409);
        Api.operator(COUNTY).body("""
                {"kind":"RECHECK","checkDate":"2026-10-30","team":["%s","%s"],"outcome":"CONFIRMED","findings":"再看"}"""
                        .formatted(team.get(0), team.get(1))).post(base + "/" + id + "/rechecks").then().statusCode(409);
        at("2026-12-20");
        Api.operator(COUNTY).body("""
                {"kind":"LOOK_BACK","checkDate":"2026-12-18","team":["%s","%s"],"outcome":"CONFIRMED","findings":"未反弹"}"""
                        .formatted(team.get(0), team.get(1))).post(base + "/" + id + "/rechecks").then().statusCode(201)
                .body("checks", hasSize(3)).body("checks[2].kindLabel", equalTo("回头看")).body("closed", equalTo(true));
        assertEquals(4, count("select count(*) from rectification_version where rectification_id = '" + id + "'"));
        assertEquals(3, count("select count(*) from rectification_check where rectification_id = '" + id + "'"));

        // readers: the city and auditors; not a neighbour; writers: only the result's authority
        Api.as("city", "131100").get(base).then().statusCode(200).body("items.id", hasItem(id));
        Api.as("auditor", "ALL").get(base).then().statusCode(200);
        Api.operator("131128").get(base).then().statusCode(403);
        Api.as("auditor", "ALL").body("{\"status\":\"IN_PROGRESS\",\"reason\":\"x\"}").post(base + "/" + id + "/versions")
                .then().statusCode(403);
        Api.operator("131128").body("{\"problemIndex\":0,\"requirement\":\"x\",\"deadline\":\"2026-10-23\",\"responsiblePerson\":\"x\"}")
                .post(base).then().statusCode(403);
    }

    @Test
    void badRectificationsAndRechecksAreProblemsAndWriteNothing() throws Exception {
        String base = "/api/v1/results/" + resultId + "/rectifications";
        long before = count("select (select count(*) from rectification) + (select count(*) from rectification_version)"
                + " + (select count(*) from rectification_check)");
        String ok = "\"requirement\":\"整改\",\"deadline\":\"2026-10-30\",\"responsiblePerson\":\"李四\"";
        Map<String, String> orders = new java.util.LinkedHashMap<>();
        orders.put("{\"problemIndex\":7," + ok + "}", "problemIndex");
        orders.put("{\"problemIndex\":-1," + ok + "}", "problemIndex");
        orders.put("{" + ok + "}", "problemIndex");
        orders.put("{\"problemIndex\":0,\"requirement\":\"整改\",\"deadline\":\"2026-10-01\",\"responsiblePerson\":\"李四\"}", "deadline");
        orders.put("{\"problemIndex\":0,\"requirement\":\"整改\",\"deadline\":\"+99999-01-01\",\"responsiblePerson\":\"李四\"}", null);
        orders.put("{\"problemIndex\":0,\"requirement\":\"整改\",\"deadline\":\"2026-02-30\",\"responsiblePerson\":\"李四\"}", null);
        orders.put("{\"problemIndex\":0,\"requirement\":\"a\\u0000b\",\"deadline\":\"2026-10-30\",\"responsiblePerson\":\"李四\"}", "requirement");
        orders.put("{\"problemIndex\":0,\"requirement\":\"" + "改".repeat(600) + "\",\"deadline\":\"2026-10-30\",\"responsiblePerson\":\"李四\"}", "requirement");
        orders.put("{\"problemIndex\":0," + ok + ",\"status\":\"RECTIFIED\"}", "status");
        orders.put("{\"problemIndex\":0," + ok + "} {\"problemIndex\":0}", null);
        orders.put("{\"problemIndex\":0," + ok + ",\"extra\":1}", null);
        orders.put("{\"problemIndex\":\"0; drop table result\"," + ok + "}", null);
        orders.put("[" + "[".repeat(3000) + "]".repeat(3000) + "]", null);
        orders.put("", null);
        for (Map.Entry<String, String> bad : orders.entrySet()) {
            var then = Api.operator(COUNTY).body(bad.getKey()).post(base).then();
            then.statusCode(400).contentType("application/problem+json");
            if (bad.getValue() != null) {
                then.body("errors.field", hasItem(bad.getValue()));
            }
        }
        // a result that does not exist, a malformed id
        Api.operator(COUNTY).body("{\"problemIndex\":0," + ok + "}").post("/api/v1/results/R999999999/rectifications").then().statusCode(404);
        Api.operator(COUNTY).body("{\"problemIndex\":0," + ok + "}").post("/api/v1/results/%00/rectifications").then().statusCode(404);

        String id = Api.operator(COUNTY).body("{\"problemIndex\":0,\"requirement\":\"整改\",\"deadline\":\"2026-12-31\",\"responsiblePerson\":\"李四\"}")
                .post("/api/v1/results/" + penaltyResultId + "/rectifications").then().statusCode(201).extract().path("id");
        String other = "/api/v1/results/" + penaltyResultId + "/rectifications/" + id;
        long mid = count("select (select count(*) from rectification) + (select count(*) from rectification_version)"
                + " + (select count(*) from rectification_check)");
        assertEquals(before + 2, mid);
        List<String> team = f.team(1).subList(0, 2);
        String t = "\"team\":[\"" + team.get(0) + "\",\"" + team.get(1) + "\"]";
        Map<String, String> checks = new java.util.LinkedHashMap<>();
        checks.put("{\"kind\":\"AUDIT\",\"checkDate\":\"2026-10-19\"," + t + ",\"outcome\":\"CONFIRMED\",\"findings\":\"x\"}", "kind");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"2026-10-21\"," + t + ",\"outcome\":\"CONFIRMED\",\"findings\":\"x\"}", "checkDate");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"1900-01-01\"," + t + ",\"outcome\":\"CONFIRMED\",\"findings\":\"x\"}", "checkDate");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"2026-10-19\",\"team\":[\"" + team.get(0) + "\"],\"outcome\":\"CONFIRMED\",\"findings\":\"x\"}", "team");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"2026-10-19\",\"team\":[\"" + team.get(0) + "\",\"NOBODY-1\"],\"outcome\":\"CONFIRMED\",\"findings\":\"x\"}", "team");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"2026-10-19\"," + t + ",\"outcome\":\"NOT_RECTIFIED\",\"findings\":\"x\"}", "deadline");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"2026-10-19\"," + t + ",\"outcome\":\"CONFIRMED\",\"findings\":\"x\",\"deadline\":\"2026-11-01\"}", "deadline");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"2026-10-19\"," + t + ",\"outcome\":\"MAYBE\",\"findings\":\"x\"}", "outcome");
        checks.put("{\"kind\":\"RECHECK\",\"checkDate\":\"2026-10-19\"," + t + ",\"outcome\":\"CONFIRMED\"}", "findings");
        for (Map.Entry<String, String> bad : checks.entrySet()) {
            Api.operator(COUNTY).body(bad.getKey()).post(other + "/rechecks").then().log().ifValidationFails()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(bad.getValue()));
        }
        Map<String, String> versions = new java.util.LinkedHashMap<>();
        versions.put("{\"status\":\"OVERDUE\",\"reason\":\"x\"}", "status");
        versions.put("{\"status\":\"RECTIFIED\",\"reason\":\"x\"}", "rectifiedOn");
        versions.put("{\"status\":\"RECTIFIED\",\"rectifiedOn\":\"2026-10-25\",\"reason\":\"x\"}", "rectifiedOn");
        versions.put("{\"status\":\"IN_PROGRESS\",\"rectifiedOn\":\"2026-10-19\",\"reason\":\"x\"}", "rectifiedOn");
        versions.put("{\"status\":\"IN_PROGRESS\"}", "reason");
        versions.put("{\"status\":\"IN_PROGRESS\",\"reason\":\"x\",\"problemIndex\":0}", "problemIndex");
        for (Map.Entry<String, String> bad : versions.entrySet()) {
            Api.operator(COUNTY).body(bad.getKey()).post(other + "/versions").then().log().ifValidationFails()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(bad.getValue()));
        }
        // a rectification of another result is not reachable through this one
        Api.operator(COUNTY).body("{\"status\":\"IN_PROGRESS\",\"reason\":\"x\"}").post(base + "/" + id + "/versions").then().statusCode(404);
        Api.operator(COUNTY).body("{\"status\":\"IN_PROGRESS\",\"reason\":\"x\"}").post(base + "/Z%00/versions").then().statusCode(404);
        assertEquals(mid, count("select (select count(*) from rectification) + (select count(*) from rectification_version)"
                + " + (select count(*) from rectification_check)"));
    }

    @Test
    void aPenaltyDecisionCarriesItsDiscretionAndTransfersAndIsCorrectedByVersions() throws Exception {
        String base = "/api/v1/results/" + penaltyResultId + "/penalties";
        String id = Api.operator(COUNTY).body("""
                {"caseNumber":"景环罚〔2026〕17号","decisionDate":"2026-10-19","amount":50000.00,"discretion":"LIGHTER",
                 "discretionReason":"初次违法且主动改正","transfers":["REFERRED_TO_JUDICIAL","REFERRED_TO_POLICE"]}""")
                .post(base).then().log().ifValidationFails().statusCode(201).header("Location", endsWith(base))
                .body("caseNumber", equalTo("景环罚〔2026〕17号")).body("current.amount", equalTo(50000.0f))
                .body("current.discretionLabel", equalTo("从轻处罚"))
                .body("current.transfers.label", equalTo(List.of("移送司法机关", "移送公安机关")))
                .extract().path("id");
        Api.operator(COUNTY).body("""
                {"caseNumber":"景环罚〔2026〕17号","decisionDate":"2026-10-19","amount":1,"discretion":"STANDARD","transfers":[]}""")
                .post(base).then().statusCode(409).body("penaltyId", equalTo(id));
        Api.operator(COUNTY).body("""
                {"decisionDate":"2026-10-19","amount":80000,"discretion":"HEAVIER","discretionReason":"拒不改正","transfers":[],
                 "reason":"复议后变更"}""").post(base + "/" + id + "/corrections").then().log().ifValidationFails().statusCode(201)
                .body("versions.version", equalTo(List.of(2, 1))).body("current.discretion", equalTo("HEAVIER"))
                .body("versions[1].amount", equalTo(50000.0f)).body("current.changeReason", equalTo("复议后变更"));
        Api.operator(COUNTY).get(base).then().statusCode(200).body("items.id", equalTo(List.of(id)));

        long before = count("select (select count(*) from penalty) + (select count(*) from penalty_version)");
        String ok = "\"decisionDate\":\"2026-10-19\",\"discretion\":\"STANDARD\",\"transfers\":[]";
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("{\"caseNumber\":\"A1\"," + ok + "}", "amount");
        bad.put("{\"caseNumber\":\"A2\",\"amount\":-1," + ok + "}", "amount");
        bad.put("{\"caseNumber\":\"A3\",\"amount\":1.234," + ok + "}", "amount");
        bad.put("{\"caseNumber\":\"A4\",\"amount\":1e400," + ok + "}", "amount");
        bad.put("{\"caseNumber\":\"A5\",\"amount\":100,\"decisionDate\":\"2026-10-19\",\"discretion\":\"NO_PENALTY\",\"discretionReason\":\"轻微\",\"transfers\":[]}", "amount");
        bad.put("{\"caseNumber\":\"A6\",\"amount\":100,\"decisionDate\":\"2026-10-19\",\"discretion\":\"HEAVIER\",\"transfers\":[]}", "discretionReason");
        bad.put("{\"caseNumber\":\"A7\",\"amount\":100,\"decisionDate\":\"2026-10-19\",\"discretion\":\"STANDARD\",\"transfers\":[\"CASE_FILED\"]}", "transfers[0]");
        bad.put("{\"caseNumber\":\"A8\",\"amount\":100,\"decisionDate\":\"2026-11-19\",\"discretion\":\"STANDARD\",\"transfers\":[]}", "decisionDate");
        bad.put("{\"caseNumber\":\"A9\",\"amount\":100,\"decisionDate\":\"2026-10-01\",\"discretion\":\"STANDARD\",\"transfers\":[]}", "decisionDate");
        bad.put("{\"caseNumber\":\"A\\u0000\",\"amount\":100," + ok + "}", "caseNumber");
        bad.put("{\"amount\":100," + ok + "}", "caseNumber");
        bad.put("{\"caseNumber\":\"A10\",\"amount\":100," + ok + ",\"reason\":\"x\"}", "reason");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            Api.operator(COUNTY).body(b.getKey()).post(base).then().log().ifValidationFails()
                    .statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(b.getValue()));
        }
        for (String malformed : List.of("{\"caseNumber\":\"A11\",\"amount\":\"lots\"," + ok + "}",
                "{\"caseNumber\":\"A12\",\"amount\":1," + ok + "}{}", "{\"caseNumber\":\"A13\",\"amount\":1,\"decisionDate\":\"2026-13-01\"}")) {
            Api.operator(COUNTY).body(malformed).post(base).then().statusCode(400).contentType("application/problem+json");
        }
        Api.operator(COUNTY).body("{\"amount\":1," + ok + "}").post(base + "/" + id + "/corrections").then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        Api.operator(COUNTY).body("{\"amount\":1," + ok + ",\"reason\":\"x\"}").post(base + "/P000000000/corrections").then().statusCode(404);
        // a result without any problem has nothing to decide on
        String clean = f.record(2, "2026-10-15", "2026-10-16", "NO_PROBLEM", "");
        Api.operator(COUNTY).body("{\"caseNumber\":\"A14\",\"amount\":1," + ok + "}").post("/api/v1/results/" + clean + "/penalties")
                .then().statusCode(400).body("errors.field", hasItem("resultId"));
        Api.operator("131128").body("{\"caseNumber\":\"A15\",\"amount\":1," + ok + "}").post(base).then().statusCode(403);
        assertEquals(before, count("select (select count(*) from penalty) + (select count(*) from penalty_version)"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> rectificationDue(String id) {
        List<Map<String, Object>> due = Api.operator(COUNTY).get("/api/v1/publication/due?authority=" + COUNTY).then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.kind == 'RECTIFICATION' }");
        return due.stream().filter(d -> id.equals(d.get("rectificationId"))).findFirst()
                .orElseThrow(() -> new AssertionError("rectification " + id + " is not in the due list: " + due));
    }

    private List<String> dueIds() {
        return Api.operator(COUNTY).get("/api/v1/publication/due?authority=" + COUNTY).then().statusCode(200)
                .extract().jsonPath().getList("items.rectificationId");
    }

    private double overdueMetric() {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(l -> l.startsWith("doublerandom_rectifications_overdue ")).mapToDouble(l -> Double.parseDouble(l.split(" ")[1]))
                .findFirst().orElseThrow(() -> new AssertionError("no doublerandom_rectifications_overdue metric"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
