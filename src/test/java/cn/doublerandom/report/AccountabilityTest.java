package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Accountability (seed 004, 应查出而未查出) in 任泽区 (130505): targeted checks of three enterprises
 * with known teams; judgements by the county, its city and an auditor; one retracted; thresholds
 * 1 → 通报批评, 2 → 调离执法岗位, 3 → 移交纪检. Also a random check of ReportFixture (邯山区 t1) judged
 * against a July violation.
 */
@QuarkusTest
class AccountabilityTest {

    static final String COUNTY = "130505";
    private static final Map<String, String> ids = new LinkedHashMap<>();
    private static final Map<String, String> targets = new LinkedHashMap<>();

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    static String y(int i) {
        return "AY" + COUNTY + "-" + i;
    }

    @BeforeEach
    void data() {
        ReportFixture.ensure(clock, publication);
        synchronized (AccountabilityTest.class) {
            if (ids.isEmpty()) {
                try {
                    build();
                } finally {
                    clock.use(Clock.systemUTC());
                }
            }
        }
        ReportFixture.at(clock, "2026-10-20T02:00:00Z");
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    private void build() {
        ReportFixture.at(clock, "2026-10-15T02:00:00Z");
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,运营状态\n");
        for (String p : List.of("P1", "P2", "P3")) {
            targets.put(p, Api.uscc(COUNTY));
            csv.append(targets.get(p)).append(",倒查").append(p).append("化工厂,").append(COUNTY).append(",生产\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员\n");
        for (int i = 1; i <= 4; i++) {
            staff.append(y(i)).append(",倒查执法员").append(i).append(',').append(COUNTY).append(",证").append(i).append(",2030-12-31,在岗,是\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        check("e0", "P1", "2025-06-01", false, 1, 2);
        check("e1", "P1", "2026-02-10", false, 1, 2);
        check("l1", "P1", "2026-09-01", true, 3, 4);
        check("e2", "P2", "2026-03-01", false, 1, 3);
        check("e4", "P2", "2026-04-01", false, 3, 4);
        check("l2", "P2", "2026-08-01", true, 2, 4);
        check("e3", "P3", "2026-01-15", false, 1, 2);
        check("e3b", "P3", "2026-05-01", false, 2, 3);
        check("l3", "P3", "2026-10-01", true, 3, 4);
        // a July violation at 邯山区's positive-list enterprise, whose random check of 04-15 found nothing
        ReportFixture.at(clock, "2026-07-20T02:00:00Z");
        ids.put("july-earlier", ReportFixture.result.get("A.t1"));
        ids.put("july", Api.operator(ReportFixture.A).body("{\"uscc\":\"" + ReportFixture.uscc.get("A.t1")
                + "\",\"source\":\"COMPLAINT\",\"inspectionDate\":\"2026-07-10\",\"problems\":[{\"type\":\"VOC_FUGITIVE\",\"description\":\"无组织排放\"}],"
                + "\"handling\":[\"CASE_FILED\"],\"violationFound\":true,\"nonSite\":false,\"team\":[\"" + ReportFixture.inspector(ReportFixture.A, 3)
                + "\",\"" + ReportFixture.inspector(ReportFixture.A, 4) + "\"]}").post("/api/v1/checks").then().statusCode(201).extract().path("id"));
    }

    private static void check(String key, String target, String date, boolean violation, int m1, int m2) {
        String problems = violation ? "[{\"type\":\"EXCEEDING_STANDARDS\",\"description\":\"超标排放\"}]" : "[]";
        ids.put(key, Api.operator(COUNTY).body("{\"uscc\":\"" + targets.get(target) + "\",\"source\":\"OTHER\",\"inspectionDate\":\"" + date
                + "\",\"problems\":" + problems + ",\"handling\":[\"" + (violation ? "CASE_FILED" : "NONE") + "\"],\"violationFound\":"
                + violation + ",\"nonSite\":false,\"team\":[\"" + y(m1) + "\",\"" + y(m2) + "\"]}")
                .post("/api/v1/checks").then().statusCode(201).extract().path("id"));
    }

    private static String body(String earlier, String later) {
        return "{\"earlierId\":\"" + earlier + "\",\"laterId\":\"" + later + "\",\"reason\":\"后次检查发现的超标排放在前次检查时已存在\"}";
    }

    private static synchronized String judgeOnce(String key, String role, String region, String earlier, String later) {
        if (!ids.containsKey(key)) {
            ids.put(key, Api.as(role, region).body(body(ids.get(earlier), ids.get(later))).post("/api/v1/accountability/judgements")
                    .then().statusCode(201).extract().path("id"));
        }
        return ids.get(key);
    }

    private void judgeAll() {
        judgeOnce("j1", "operator", COUNTY, "e1", "l1");
        judgeOnce("j2", "city", "130500", "e2", "l2");
        judgeOnce("j3", "auditor", "130500", "e3", "l3");
        if (!ids.containsKey("j3b")) {
            String id = judgeOnce("j3b", "operator", COUNTY, "e3b", "l3");
            Api.operator(COUNTY).body("{\"reason\":\"复核：前次检查时该生产线尚未投产\"}").post("/api/v1/accountability/judgements/" + id + "/retract")
                    .then().statusCode(200).body("retraction", equalTo("复核：前次检查时该生产线尚未投产"));
        }
    }

    @Test
    void aJudgementKeepsTheEarlierTeamAndTheReportCountsFirmsPerInspector() {
        judgeAll();
        JsonPath j1 = Reports.get("city", "130500", "/api/v1/accountability/judgements/" + ids.get("j1"));
        assertEquals(ids.get("e1"), j1.getString("earlier.id"));
        assertEquals("TARGETED", j1.getString("earlier.kind"));
        assertEquals("2026-02-10", j1.getString("earlier.date"));
        assertEquals("邢台市生态环境局任泽区分局", j1.getString("earlier.authorityName"));
        assertEquals(List.of(y(1) + ":倒查执法员1", y(2) + ":倒查执法员2"), j1.getList("earlierTeam.collect { it.code + ':' + it.name }"));
        assertEquals(ids.get("l1"), j1.getString("later.id"));
        assertNull(j1.get("retraction"));

        JsonPath r = Reports.get("city", "130500", "/api/v1/reports/accountability?region=" + COUNTY + "&year=2026");
        assertEquals(Map.of("criticism", 1, "removal", 2, "referral", 3), r.getMap("thresholds"));
        assertEquals(List.of(ids.get("j2"), ids.get("j1"), ids.get("j3")), r.getList("judgements.id"), "by the later check's date; the retracted one is out");
        assertEquals(List.of(y(1) + ":3:3:REFERRAL:移交纪检", y(2) + ":2:2:REMOVAL:调离执法岗位", y(3) + ":1:1:CRITICISM:通报批评"),
                r.getList("inspectors.collect { it.code + ':' + it.firms + ':' + it.judgements + ':' + it.consequence + ':' + it.consequenceLabel }"));
        assertEquals(List.of(ids.get("j1"), ids.get("j2"), ids.get("j3")), r.getList("inspectors[0].judgementIds"));
        // unjudged: e4 (04-01, nothing found) before l2 (08-01); e0 is more than a year before l1; retracted pairs are decided
        assertEquals(1, r.getInt("candidateCount"));
        assertEquals(List.of(ids.get("e4") + ">" + ids.get("l2")), r.getList("candidates.collect { it.earlier.id + '>' + it.later.id }"));

        JsonPath empty = Reports.get("operator", COUNTY, "/api/v1/reports/accountability?year=2025");
        assertEquals(List.of(), empty.getList("judgements"));
        assertEquals(0, empty.getInt("candidateCount"));

        String csv = new String(Api.as("city", "130500").get("/api/v1/reports/accountability?region=130500&year=2026&format=csv")
                .then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n" + y(1) + ",倒查执法员1,130505,3,3,移交纪检,"), csv);
        String html = Api.as("city", "130500").get("/api/v1/reports/accountability?region=130500&year=2026&format=html").asString();
        assertTrue(html.contains("调离执法岗位") && html.contains("id=\"chart-firms\"") && !html.contains("<script"), html);
    }

    /**
     * The chart of firms per inspector, labelled name and code, downloaded alone and rendered in headless
     * Chromium: its styles with it, no label and not its title clipped.
     */
    @Test
    void theStandaloneChartOfFirmsKeepsItsStylesAndClipsNoLabel() throws Exception {
        cn.doublerandom.support.HeadlessChromium.require();
        judgeAll();
        String svg = Api.as("city", "130500").get("/api/v1/reports/accountability?region=130500&year=2026&format=svg&table=firms")
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("image/svg+xml")).extract().asString();
        assertTrue(svg.contains("<title>邢台市2026年“应查出而未查出”责任倒查：执法人员名下问题企业数（家）</title>")
                && svg.contains("倒查执法员1 " + y(1)), svg);
        java.nio.file.Path file = java.nio.file.Files.writeString(java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "charts"))
                .resolve("130500-accountability-firms.svg"), svg);
        org.openqa.selenium.chrome.ChromeDriver browser = cn.doublerandom.support.HeadlessChromium.start("accountability-chromium-");
        try {
            browser.get(file.toUri().toString());
            org.openqa.selenium.JavascriptExecutor js = browser;
            assertEquals(List.of(), js.executeScript(cn.doublerandom.support.HeadlessChromium.UNCLIPPED));
            assertEquals("rgb(29, 79, 145)", js.executeScript("return getComputedStyle(document.querySelector('rect')).fill"));
            assertEquals("rgb(26, 26, 26)", js.executeScript("return getComputedStyle(document.querySelector('text')).fill"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void aRandomCheckIsJudgedLikeAnyOther() {
        JsonPath before = Reports.get("city", "130400", "/api/v1/reports/accountability?region=130402&year=2026");
        assertTrue(before.getList("candidates.collect { it.earlier.id + '>' + it.later.id }")
                .contains(ReportFixture.result.get("A.t1") + ">" + ids.get("july")));
        String id = judgeOnce("jr", "city", "130400", "july-earlier", "july");
        JsonPath after = Reports.get("city", "130400", "/api/v1/reports/accountability?region=130402&year=2026");
        assertEquals(List.of(id), after.getList("judgements.id"));
        assertEquals("RANDOM", after.getString("judgements[0].earlier.kind"));
        assertEquals(ReportFixture.team.get("A.t1"), after.getList("judgements[0].earlierTeam.code"));
        assertEquals(2, after.getList("inspectors").size());
        assertEquals(List.of("CRITICISM", "CRITICISM"), after.getList("inspectors.consequence"));
        assertTrue(!after.getList("candidates.collect { it.earlier.id + '>' + it.later.id }")
                .contains(ReportFixture.result.get("A.t1") + ">" + ids.get("july")));
    }

    @Test
    void aJudgementThatTheChecksCannotBearIsRefusedAndNothingIsWritten() {
        judgeAll();
        long before = judgements();
        Object[][] cases = {
                {"l1", "e1", 422, "/problems/judgement-invalid"},   // reversed: the earlier found a violation, the later is earlier
                {"e1", "l2", 422, "/problems/judgement-invalid"},   // another enterprise
                {"e0", "l1", 422, "/problems/judgement-invalid"},   // more than a year apart
                {"e1", "e3", 422, "/problems/judgement-invalid"},   // the later found nothing
                {"e1", "l1", 409, "/problems/judgement-exists"}};
        for (Object[] c : cases) {
            Api.operator(COUNTY).body(body(ids.get((String) c[0]), ids.get((String) c[1]))).post("/api/v1/accountability/judgements")
                    .then().statusCode((Integer) c[2]).contentType("application/problem+json").body("type", endsWith((String) c[3]));
        }
        Api.operator(COUNTY).body(body("R999999999", ids.get("l1"))).post("/api/v1/accountability/judgements").then().statusCode(422)
                .body("errors[0].field", equalTo("earlierId"));
        Api.operator(COUNTY).body("{\"earlierId\":\"X1\",\"laterId\":\"" + ids.get("l1") + "\"}").post("/api/v1/accountability/judgements")
                .then().statusCode(400).body("errors.field", hasItem("earlierId")).body("errors.field", hasItem("reason"));
        Api.operator(COUNTY).body("{\"earlierId\":1}").post("/api/v1/accountability/judgements").then().statusCode(400);
        // scope: another county's operator may not judge this county's inspectors; an admin has no such role
        Api.operator("130502").body(body(ids.get("e4"), ids.get("l2"))).post("/api/v1/accountability/judgements").then().statusCode(403)
                .body("type", endsWith("/problems/forbidden"));
        Api.as("admin", "130500").body(body(ids.get("e4"), ids.get("l2"))).post("/api/v1/accountability/judgements").then().statusCode(403);
        Api.operator("130502").body("{\"reason\":\"x\"}").post("/api/v1/accountability/judgements/" + ids.get("j1") + "/retract").then().statusCode(403);
        Api.operator(COUNTY).body("{\"reason\":\"again\"}").post("/api/v1/accountability/judgements/" + ids.get("j3b") + "/retract")
                .then().statusCode(409).body("type", endsWith("/problems/judgement-exists"));
        Api.operator(COUNTY).body("{}").post("/api/v1/accountability/judgements/" + ids.get("j1") + "/retract").then().statusCode(400);
        Api.operator(COUNTY).get("/api/v1/accountability/judgements/A999999999").then().statusCode(404);
        Api.operator("130502").get("/api/v1/accountability/judgements/" + ids.get("j1")).then().statusCode(403);
        assertEquals(before, judgements());
        Api.operator(COUNTY).get("/api/v1/accountability/judgements/" + ids.get("j1")).then().statusCode(200).body("retraction", equalTo(null));
    }

    private static long judgements() {
        return Reports.get("auditor", "130500", "/api/v1/audit?region=130500&entity=ACCOUNTABILITY&limit=1000").getList("items").size();
    }
}
