package cn.doublerandom.report.changes;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The registry-change report (seed 001 四(四)) over a quarter built by hand in 固安县 (131022) of 廊坊
 * (131000): four inspectors and three targets registered in 2026Q3; in 2026Q4 one inspector and one
 * target added, two inspectors and a target changed, an inspector left and a target closed; a change
 * at 23:30 on 31 December (Beijing time) still counts in Q4, one on 2 January does not. Target events: a
 * penalty recorded for the otherwise untouched 丙厂 and a verified complaint for the renamed 乙厂 in Q4; the
 * penalty retracted on 2 January (Q1 2027); a listing recorded for 丙厂 in Q3 (before the report's quarter).
 */
@QuarkusTest
class RegistryChangeReportTest {

    static final String CITY = "131000";
    static final String COUNTY = "131022";
    static final String URL = "/api/v1/reports/registry-changes";
    static final String STAFF = "人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n";
    static final String FIRMS = "统一社会信用代码,单位名称,行政区划代码,运营状态\n";
    static final String[] T = new String[5];
    private static boolean built;

    @Inject
    ServiceClock clock;

    static String x(int i) {
        return "RC" + COUNTY + "-" + i;
    }

    static String staff(int i, String name, String certificate, String expiry, String status) {
        return x(i) + "," + name + "," + COUNTY + "," + certificate + "," + expiry + "," + status + ",是,否\n";
    }

    static String firm(int i, String name, String status) {
        return T[i] + "," + name + "," + COUNTY + "," + status + "\n";
    }

    @BeforeEach
    void data() {
        synchronized (RegistryChangeReportTest.class) {
            if (!built) {
                try {
                    build();
                } finally {
                    clock.use(Clock.systemUTC());
                }
                built = true;
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String instant) {
        clock.use(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private void build() {
        for (int i = 1; i <= 4; i++) {
            T[i] = Api.uscc(COUNTY);
        }
        at("2026-09-20T02:00:00Z");
        post("inspectors", STAFF + staff(1, "调整甲", "证1", "2030-12-31", "在岗") + staff(2, "调整乙", "证2", "2030-12-31", "在岗")
                + staff(3, "调整丙", "证3", "2030-12-31", "在岗") + staff(4, "调整丁", "证4", "2030-12-31", "在岗"));
        post("targets", FIRMS + firm(1, "名录调整甲厂", "生产") + firm(2, "名录调整乙厂", "生产") + firm(3, "名录调整丙厂", "生产"));
        event(3, "{\"kind\":\"SUPERVISED_LISTING\",\"eventDate\":\"2026-09-01\",\"listingLevel\":\"PROVINCE\"}");

        at("2026-10-10T02:00:00Z");
        post("inspectors", STAFF + staff(5, "调整戊", "证5", "2030-12-31", "在岗") + staff(1, "调整甲", "证1", "2030-12-31", "离职")
                + staff(2, "调整乙", "证2", "2031-06-30", "在岗"));
        post("targets", FIRMS + firm(4, "名录调整丁厂", "生产") + firm(1, "名录调整甲厂", "关闭") + firm(2, "名录调整乙厂（更名）", "生产"));

        at("2026-11-05T02:00:00Z");
        post("inspectors", STAFF + staff(5, "调整戊（更正）", "证5", "2030-12-31", "在岗") + staff(2, "调整乙", "证2", "2031-06-30", "休假"));
        long penalty = event(3, "{\"kind\":\"PENALTY\",\"eventDate\":\"2026-11-01\",\"reference\":\"固环罚〔2026〕1号\"}");
        event(2, "{\"kind\":\"VERIFIED_COMPLAINT\",\"eventDate\":\"2026-11-02\"}");

        at("2026-12-31T15:30:00Z");
        post("inspectors", STAFF + staff(4, "调整丁", "证4-新", "2030-12-31", "在岗"));

        at("2027-01-02T02:00:00Z");
        post("inspectors", STAFF + staff(3, "调整丙", "证3", "2030-12-31", "借调"));
        Api.operator(COUNTY).body("{\"reason\":\"处罚决定已撤销\"}").post("/api/v1/targets/" + T[3] + "/events/" + penalty + "/retraction")
                .then().statusCode(200);
    }

    private static long event(int target, String body) {
        return Api.operator(COUNTY).body(body).post("/api/v1/targets/" + T[target] + "/events").then().statusCode(201)
                .extract().jsonPath().getLong("id");
    }

    private static void post(String registry, String csv) {
        Api.operator(COUNTY).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/" + registry + "/import")
                .then().statusCode(200);
    }

    static JsonPath get(String role, String region, String query) {
        return new JsonPath(Api.as(role, region).get(URL + query).then().statusCode(200).contentType("application/json").extract()
                .asString());
    }

    static List<String> rows(JsonPath j, String list) {
        return j.getList(list + ".collect { it.code + ' ' + it.changeName + ' ' + it.fields.join('、') + ' ' + it.versions }");
    }

    @Test
    void theQuarterListsWhatWasAddedChangedAndRetiredWithTheDueDate() {
        JsonPath j = get("operator", COUNTY, "?quarter=2026Q4");
        assertEquals("2026年第四季度", j.getString("quarterName"));
        assertEquals("2026-12-18", j.getString("dueBy"));
        assertNull(j.get("dueNote"));
        assertEquals(List.of(x(5) + " 新增  2", x(2) + " 变更 执法证有效期至、状态 2", x(4) + " 变更 执法证号 1", x(1) + " 退出 状态 1"),
                rows(j, "inspectors"));
        assertEquals("调整戊（更正）", j.getString("inspectors[0].name"));
        // changed targets in the order of their codes: 乙厂 renamed and a complaint, 丙厂 a penalty only
        List<String> changed = new java.util.ArrayList<>(List.of(T[2] + " 变更 单位名称、群众举报查实 2", T[3] + " 变更 行政处罚 1"));
        changed.sort(null);
        assertEquals(List.of(T[4] + " 新增  1", changed.get(0), changed.get(1), T[1] + " 退出 运营状态 1"), rows(j, "targets"));
        assertEquals("名录调整丙厂", j.getString("targets.find { it.code == '" + T[3] + "' }.name"));
        assertEquals(List.of(COUNTY + " 1 2 1 1 2 1"), j.getList(
                "units.collect { it.authority + ' ' + it.inspectorsAdded + ' ' + it.inspectorsChanged + ' ' + it.inspectorsRetired + ' ' "
                        + "+ it.targetsAdded + ' ' + it.targetsChanged + ' ' + it.targetsRetired }"));
    }

    @Test
    void otherQuartersHoldTheirOwnChangesAndTheCitySeesItsCounty() {
        JsonPath q3 = get("city", CITY, "?region=" + CITY + "&quarter=2026Q3");
        assertEquals(List.of(x(1) + " 新增  1", x(2) + " 新增  1", x(3) + " 新增  1", x(4) + " 新增  1"),
                rows(q3, "inspectors").stream().filter(r -> r.startsWith("RC")).toList());
        assertEquals("2026-09-18", q3.getString("dueBy"));
        String county = "units.find { it.authority == '" + COUNTY + "' }";
        assertEquals(4, q3.getInt(county + ".inspectorsAdded"));
        assertEquals(3, q3.getInt(county + ".targetsAdded"));
        assertEquals(CITY, q3.getString("units[0].authority"));

        JsonPath q1 = get("operator", COUNTY, "?quarter=2027Q1");
        assertEquals(List.of(x(3) + " 变更 状态 1"), rows(q1, "inspectors"));
        assertEquals(List.of(T[3] + " 变更 撤销行政处罚 1"), rows(q1, "targets"), "the retraction, in the quarter it was recorded");
        assertEquals(List.of(T[3] + " 新增 挂牌督办 2"), rows(q3, "targets").stream().filter(r -> r.startsWith(T[3])).toList(),
                "added in Q3 and listed the same quarter");
        assertEquals("2027-03-18", q1.getString("dueBy"));
    }

    @Test
    void aDueDayOnAWeekendKeepsTheEighteenthAndSaysSo() {
        JsonPath j = get("operator", COUNTY, "?quarter=2023Q1");
        assertEquals("2023-03-18", j.getString("dueBy"));
        assertEquals("3月18日为非工作日；实施方案规定“18日前”报送，未规定顺延，仍以该日为限。", j.getString("dueNote"));
        assertEquals(List.of(), j.getList("inspectors"));
    }

    @Test
    void csvAndXlsxAreInChineseWithoutCodes() {
        String csv = Api.operator(COUNTY).get(URL + "?quarter=2026Q4&format=csv&table=inspectors").then().statusCode(200)
                .extract().body().asString();
        assertTrue(csv.contains("固安县," + COUNTY + "," + x(2) + ",调整乙,变更,执法证有效期至、状态,2"), csv);
        assertTrue(csv.contains("固安县," + COUNTY + "," + x(1) + ",调整甲,退出,状态,1"), csv);
        String targets = Api.operator(COUNTY).get(URL + "?quarter=2026Q4&format=csv&table=targets").then().statusCode(200)
                .extract().body().asString();
        assertTrue(targets.contains(COUNTY + "," + T[3] + ",名录调整丙厂,变更,行政处罚,1"), targets);
        for (String code : List.of("PENALTY", "VERIFIED_COMPLAINT", "CHANGED")) {
            assertFalse(targets.contains(code), targets);
        }
        for (String code : List.of("ADDED", "CHANGED", "RETIRED", "certificateNo", "status")) {
            assertFalse(csv.contains(code), csv);
        }
        Api.operator(COUNTY).get(URL + "?quarter=2026Q4&format=xlsx").then().statusCode(200)
                .header("Content-Disposition", containsString(".xlsx"));
        String html = Api.operator(COUNTY).get(URL + "?quarter=2026Q4&format=html").then().statusCode(200).extract().body().asString();
        assertTrue(html.contains("固安县2026年第四季度检查人员名录库、检查对象名录库调整情况"), html);
        assertTrue(html.contains("2026年12月18日"), html);
    }

    @Test
    void badRegionsAndQuartersAreProblems() {
        for (String q : List.of("?quarter=2026Q5", "?quarter=9999Q4", "?quarter=1900Q1", "?quarter=2026Q4%00", "?quarter=%00",
                "?quarter=" + "9".repeat(400), "?region=13102%00&quarter=2026Q4", "?region=999999&quarter=2026Q4",
                "?region=abc&quarter=2026Q4", "?quarter=2026Q4&format=pdf", "?quarter=2026Q4&format=csv&table=nope")) {
            // malformed input is 400; a well-formed region code the service does not know is 422 (unknown-region)
            int status = q.contains("region=999999") ? 422 : 400;
            Api.operator(COUNTY).get(URL + q).then().statusCode(status).contentType(startsWith("application/problem+json"))
                    .body("status", org.hamcrest.Matchers.equalTo(status));
        }
        Api.operator(COUNTY).get(URL + "?region=" + CITY + "&quarter=2026Q4").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }
}
