package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Recording a targeted (non-random) check in 南和区 (130506): what is accepted, what is refused, and that it counts. */
@QuarkusTest
class TargetedCheckTest {

    static final String COUNTY = "130506";
    private static String target;
    private static String elsewhere;

    @Inject
    ServiceClock clock;

    @Inject
    AgroalDataSource dataSource;

    static String z(int i) {
        return "TC" + COUNTY + "-" + i;
    }

    @BeforeEach
    void data() {
        ReportFixture.at(clock, "2026-09-01T02:00:00Z");
        synchronized (TargetedCheckTest.class) {
            if (target == null) {
                String t = Api.uscc(COUNTY);
                Api.operator(COUNTY).contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + t + ",定向检查测试厂," + COUNTY
                        + ",生产\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import").then().statusCode(200);
                elsewhere = Api.uscc("130522");
                Api.operator("130522").contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + elsewhere
                        + ",临城县测试厂,130522,生产\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import").then().statusCode(200);
                Api.operator(COUNTY).contentType("text/csv").body(("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n"
                        + z(1) + ",定向执法员1," + COUNTY + ",证1,2030-12-31,在岗,是,否\n"
                        + z(2) + ",定向执法员2," + COUNTY + ",证2,2030-12-31,在岗,是,否\n"
                        + z(3) + ",证件过期执法员," + COUNTY + ",证3,2025-12-31,在岗,是,否\n"
                        + z(4) + ",监测专家," + COUNTY + ",,,在岗,否,是\n").getBytes(StandardCharsets.UTF_8))
                        .post("/api/v1/inspectors/import").then().statusCode(200);
                target = t;
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    private static String body(String fields) {
        return "{\"uscc\":\"" + target + "\",\"source\":\"COMPLAINT\",\"sourceReference\":\"12369-0815\",\"inspectionDate\":\"2026-08-15\","
                + "\"problems\":[{\"type\":\"FACILITY_NOT_RUNNING\",\"description\":\"活性炭未更换\"}],\"handling\":[\"CORRECTION_DEADLINE\"],"
                + "\"violationFound\":true,\"nonSite\":false,\"team\":[\"" + z(1) + "\",\"" + z(2) + "\",\"" + z(4) + "\"]" + fields + "}";
    }

    @Test
    void aCheckIsRecordedOnceAuditedAndCountedAsTargeted() {
        JsonPath created = Api.operator(COUNTY).body(body(",\"note\":\"群众举报异味\"")).post("/api/v1/checks").then().statusCode(201)
                .header("Location", containsString("/api/v1/checks/C")).extract().jsonPath();
        String id = created.getString("id");
        assertEquals(COUNTY, created.getString("authority"));
        assertEquals("定向检查测试厂", created.getString("enterpriseName"));
        assertEquals("投诉举报", created.getString("sourceLabel"));
        assertEquals("污染防治设施不正常运行", created.getString("problems[0].typeLabel"));
        assertEquals("限期整改", created.getString("handling[0].label"));
        assertEquals(List.of(z(1), z(2), z(4)), created.getList("team"));
        assertTrue(created.getString("recordedBy").startsWith("operator-" + COUNTY));
        Api.as("city", "130500").get("/api/v1/checks/" + id).then().statusCode(200).body("inspectionDate", equalTo("2026-08-15"));
        Api.operator("130502").get("/api/v1/checks/" + id).then().statusCode(403);
        Api.as("city", "130500").get("/api/v1/checks?region=" + COUNTY + "&from=2026-08-01&to=2026-08-31").then().statusCode(200)
                .body("items.id", hasItem(id));
        Api.as("auditor", "130500").get("/api/v1/audit?region=" + COUNTY + "&entity=CHECK&entityId=" + id).then().statusCode(200)
                .body("items[0].action", equalTo("RECORD")).body("items[0].actor", equalTo("operator-" + COUNTY));

        JsonPath q3 = Reports.get("operator", COUNTY, "/api/v1/reports/assessment?quarter=2026Q3");
        assertTrue(q3.getInt("units[0].targeted.checks") >= 1);
        assertEquals(q3.getInt("units[0].targeted.checks"), q3.getInt("units[0].all.checks"), "no random check here");
        assertEquals(0, q3.getInt("units[0].random.checks"));

        // append-only: not even the database lets it change
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            SQLException e = assertThrows(SQLException.class, () -> st.executeUpdate("update targeted_check set note = 'x' where id = '" + id + "'"));
            assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Violations are counted per problem (2026Q1 of this county holds this check alone): two problems
     * marked as violations, one of them found by non-site means, and one problem that is not a violation
     * count 3 problems, 2 violations, 1 problem and 1 violation found non-site; three members went.
     */
    @Test
    void violationsAreCountedPerProblemWithTheWayEachWasFound() {
        String problems = "\"problems\":[{\"type\":\"FACILITY_NOT_RUNNING\",\"description\":\"活性炭未更换\",\"violation\":true},"
                + "{\"type\":\"EXCEEDING_STANDARDS\",\"description\":\"在线数据超标\",\"violation\":true,\"nonSite\":true},"
                + "{\"type\":\"OTHER\",\"description\":\"台账不全\",\"violation\":false}]";
        String b = body("").replace("\"inspectionDate\":\"2026-08-15\"", "\"inspectionDate\":\"2026-02-10\"")
                .replaceAll("\"problems\":\\[[^\\]]*\\]", problems);
        JsonPath created = Api.operator(COUNTY).body(b).post("/api/v1/checks").then().statusCode(201).extract().jsonPath();
        assertEquals(List.of(true, true, false), created.getList("problems.violation"));
        assertEquals(true, created.get("problems[1].nonSite"));

        JsonPath q1 = Reports.get("operator", COUNTY, "/api/v1/reports/assessment?quarter=2026Q1");
        assertEquals(List.of(1, 3, 3, 2, 1, 1), List.of(q1.getInt("units[0].all.checks"), q1.getInt("units[0].all.inspectorTrips"),
                q1.getInt("units[0].all.problems"), q1.getInt("units[0].all.violations"), q1.getInt("units[0].all.nonSiteProblems"),
                q1.getInt("units[0].all.nonSiteViolations")));
        assertEquals("200.00", Reports.text(q1.get("units[0].all.violationRate")), "2 violations in 1 check");

        // a violation marked on a check that found none is refused, and nothing is written
        Api.operator(COUNTY).body(b.replace("\"violationFound\":true", "\"violationFound\":false")).post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("problems[0].violation"));
        assertEquals(1, Reports.get("operator", COUNTY, "/api/v1/reports/assessment?quarter=2026Q1").getInt("units[0].all.checks"));
    }

    @Test
    void aLeadersAssignmentIsASourceOfItsOwn() {
        Api.operator(COUNTY).body(body("").replace("\"source\":\"COMPLAINT\"", "\"source\":\"领导交办\""))
                .post("/api/v1/checks").then().statusCode(201).body("source", equalTo("LEADER_ASSIGNED"))
                .body("sourceLabel", equalTo("领导交办"));
    }

    @Test
    void onlyTheBureauThatCheckedRecordsIt() {
        Api.operator("130502").body(body(",\"authority\":\"" + COUNTY + "\"")).post("/api/v1/checks").then().statusCode(403)
                .body("type", endsWith("/problems/forbidden"));
        Api.as("city", "130500").body(body(",\"authority\":\"" + COUNTY + "\"")).post("/api/v1/checks").then().statusCode(403);
        Api.as("auditor", "130500").body(body("")).post("/api/v1/checks").then().statusCode(403);
        Api.anonymous().body(body("")).post("/api/v1/checks").then().statusCode(401);
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingIsWritten() {
        int before = count();
        Api.operator(COUNTY).body("{}").post("/api/v1/checks").then().statusCode(400).contentType("application/problem+json")
                .body("type", endsWith("/problems/validation-failed"))
                .body("errors.field", hasItems("uscc", "source", "inspectionDate", "handling", "violationFound", "nonSite", "team"));
        String[][] cases = {
                {"\"source\":\"COMPLAINT\"", "\"source\":\"RUMOUR\"", "source"},
                {"\"inspectionDate\":\"2026-08-15\"", "\"inspectionDate\":\"2026-09-02\"", "inspectionDate"},
                {"\"team\":[\"" + z(1) + "\",\"" + z(2) + "\",\"" + z(4) + "\"]", "\"team\":[\"" + z(1) + "\"]", "team"},
                {"\"team\":[\"" + z(1) + "\",\"" + z(2) + "\",\"" + z(4) + "\"]", "\"team\":[\"" + z(1) + "\",\"NOPE-1\"]", "team"},
                {"\"team\":[\"" + z(1) + "\",\"" + z(2) + "\",\"" + z(4) + "\"]", "\"team\":[\"" + z(1) + "\",\"" + z(3) + "\"]", "team"},
                {"\"team\":[\"" + z(1) + "\",\"" + z(2) + "\",\"" + z(4) + "\"]", "\"team\":[\"" + z(1) + "\",\"" + z(4) + "\"]", "team"},
                {"\"uscc\":\"" + target + "\"", "\"uscc\":\"" + Api.uscc(COUNTY) + "\"", "uscc"},
                {"\"uscc\":\"" + target + "\"", "\"uscc\":\"" + elsewhere + "\"", "uscc"},
                {"\"problems\":[{\"type\":\"FACILITY_NOT_RUNNING\",\"description\":\"活性炭未更换\"}]", "\"problems\":[]", "violationFound"},
                {"\"handling\":[\"CORRECTION_DEADLINE\"]", "\"handling\":[\"NONE\",\"CASE_FILED\"]", "handling"},
                {"\"type\":\"FACILITY_NOT_RUNNING\"", "\"type\":\"SMELLS\"", "problems[0].type"},
                {"\"sourceReference\":\"12369-0815\"", "\"sourceReference\":\"a\\nb\"", "sourceReference"}};
        for (String[] c : cases) {
            String b = body("");
            assertTrue(b.contains(c[0]), c[0]);
            Api.operator(COUNTY).body(b.replace(c[0], c[1])).post("/api/v1/checks").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem(c[2]));
        }
        // the source is the lead register's field, read by the one parse with the one wording
        Api.operator(COUNTY).body(body("").replace("\"source\":\"COMPLAINT\"", "\"source\":\"RUMOUR\"")).post("/api/v1/checks")
                .then().statusCode(400).body("errors.find { it.field == 'source' }.message", startsWith("is not a lead source: one of [COMPLAINT"));
        Api.operator(COUNTY).body(body("").replace("\"source\":\"COMPLAINT\"", "\"source\":\" \"")).post("/api/v1/checks")
                .then().statusCode(400).body("errors.find { it.field == 'source' }.message", startsWith("is required: one of [COMPLAINT"));
        Api.operator(COUNTY).body("{\"uscc\":").post("/api/v1/checks").then().statusCode(400).contentType("application/problem+json");
        Api.operator(COUNTY).body(body(",\"colour\":\"red\"")).post("/api/v1/checks").then().statusCode(400);
        Api.operator(COUNTY).get("/api/v1/checks/C999999999").then().statusCode(404);
        Api.operator(COUNTY).get("/api/v1/checks?from=2026-13-01").then().statusCode(400).body("errors[0].field", equalTo("from"));
        assertEquals(before, count());
    }

    private static int count() {
        return Api.operator(COUNTY).get("/api/v1/checks?limit=1000").then().statusCode(200).extract().jsonPath().getList("items").size();
    }
}
