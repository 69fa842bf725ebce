package cn.doublerandom.report.changes;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The registry-change report's counts (SQL aggregates) and its lists read page by page, over a known
 * set in 朔州 (140600) and two of its counties, 朔城区 (A, 140602) and 平鲁区 (B, 140603), in 2024Q2:
 * A adds an inspector and two targets (one of them changed again the same quarter: still added), changes
 * an inspector and a target (the target twice), retires an inspector and a target; B adds a target and
 * changes one. Changes in 2024Q1 (the registrations) and 2024Q3 (a change, a closure) stay out.
 */
@QuarkusTest
class RegistryChangePagingTest {

    static final String CITY = "140600";
    static final String A = "140602";
    static final String B = "140603";
    static final String QUARTER = "2024Q2";
    static final String STAFF = "人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n";
    static final String FIRMS = "统一社会信用代码,单位名称,行政区划代码,运营状态\n";
    static final String[] TA = new String[6];
    static final String[] TB = new String[4];
    private static boolean built;

    @Inject
    ServiceClock clock;

    @BeforeEach
    void data() {
        synchronized (RegistryChangePagingTest.class) {
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

    static String staff(int i, String certificate, String status) {
        return "PG" + A + "-" + i + ",翻页" + i + "," + A + "," + certificate + ",2030-12-31," + status + ",是,否\n";
    }

    static String firm(String uscc, String county, String name, String status) {
        return uscc + "," + name + "," + county + "," + status + "\n";
    }

    private void build() {
        for (int i = 1; i < TA.length; i++) {
            TA[i] = Api.uscc(A);
        }
        for (int i = 1; i < TB.length; i++) {
            TB[i] = Api.uscc(B);
        }
        at("2024-02-10T02:00:00Z");
        post(A, "inspectors", STAFF + staff(1, "证1", "在岗") + staff(2, "证2", "在岗") + staff(3, "证3", "在岗"));
        post(A, "targets", FIRMS + firm(TA[1], A, "翻页甲1", "生产") + firm(TA[2], A, "翻页甲2", "生产") + firm(TA[3], A, "翻页甲3", "生产"));
        post(B, "targets", FIRMS + firm(TB[1], B, "翻页乙1", "生产") + firm(TB[2], B, "翻页乙2", "生产"));

        // 23:59 of 31 March, Beijing time: still the first quarter
        at("2024-03-31T15:59:00Z");
        post(A, "inspectors", STAFF + staff(3, "证3-新", "在岗"));

        at("2024-05-10T02:00:00Z");
        post(A, "inspectors", STAFF + staff(4, "证4", "在岗") + staff(1, "证1-新", "在岗"));
        post(A, "targets", FIRMS + firm(TA[4], A, "翻页甲4", "生产") + firm(TA[5], A, "翻页甲5", "生产")
                + firm(TA[1], A, "翻页甲1（更名）", "生产") + firm(TA[2], A, "翻页甲2", "关闭"));
        post(B, "targets", FIRMS + firm(TB[3], B, "翻页乙3", "生产") + firm(TB[1], B, "翻页乙1（更名）", "生产"));

        at("2024-06-20T02:00:00Z");
        post(A, "inspectors", STAFF + staff(2, "证2", "离职"));
        post(A, "targets", FIRMS + firm(TA[1], A, "翻页甲1（再更名）", "生产") + firm(TA[4], A, "翻页甲4（更名）", "生产"));

        // 00:00 of 1 July, Beijing time: the third quarter
        at("2024-06-30T16:00:00Z");
        post(B, "targets", FIRMS + firm(TB[2], B, "翻页乙2（更名）", "生产"));
        post(A, "targets", FIRMS + firm(TA[3], A, "翻页甲3", "关闭"));
    }

    private void at(String instant) {
        clock.use(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static void post(String county, String registry, String csv) {
        Api.operator(county).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/" + registry + "/import")
                .then().statusCode(200);
    }

    static JsonPath get(String role, String region, String path) {
        return new JsonPath(Api.as(role, region).get(path).then().statusCode(200).contentType("application/json").extract().asString());
    }

    static String unit(JsonPath j, String code) {
        java.util.Map<String, Object> u = j.getMap("units.find { it.authority == '" + code + "' }");
        return u.get("inspectorsAdded") + " " + u.get("inspectorsChanged") + " " + u.get("inspectorsRetired") + " " + u.get("targetsAdded")
                + " " + u.get("targetsChanged") + " " + u.get("targetsRetired");
    }

    @SuppressWarnings("unchecked")
    static String row(java.util.Map<?, ?> r) {
        return r.get("code") + " " + r.get("authority") + " " + r.get("changeName") + " " + String.join("、", (List<String>) r.get("fields"))
                + " " + r.get("versions");
    }

    /** The targets of A then B, each added, changed, retired, codes in order: the report's order. */
    static List<String> expectedTargets() {
        List<String> out = new ArrayList<>(sorted(TA[4] + " " + A + " 新增  2", TA[5] + " " + A + " 新增  1"));
        out.add(TA[1] + " " + A + " 变更 单位名称 2");
        out.add(TA[2] + " " + A + " 退出 运营状态 1");
        out.add(TB[3] + " " + B + " 新增  1");
        out.add(TB[1] + " " + B + " 变更 单位名称 1");
        return out;
    }

    static List<String> sorted(String... rows) {
        List<String> out = new ArrayList<>(List.of(rows));
        out.sort(null);
        return out;
    }

    @Test
    void theCountsCoverEveryUnitAndOnlyTheQuarter() {
        JsonPath j = get("city", CITY, "/api/v1/reports/registry-changes?region=" + CITY + "&quarter=" + QUARTER);
        assertEquals("1 1 1 2 1 1", unit(j, A));
        assertEquals("0 0 0 1 1 0", unit(j, B));
        assertEquals("0 0 0 0 0 0", unit(j, CITY));
        assertEquals(3, j.getInt("inspectorsTotal"));
        assertEquals(6, j.getInt("targetsTotal"));
        assertEquals(RegistryChangeReport.LISTED, j.getInt("listLimit"));
        assertEquals(expectedTargets(), j.getList("targets", java.util.Map.class).stream().map(r -> row(r)).toList());
        assertEquals(List.of("PG" + A + "-4 " + A + " 新增  1", "PG" + A + "-1 " + A + " 变更 执法证号 1", "PG" + A + "-2 " + A + " 退出 状态 1"),
                j.getList("inspectors", java.util.Map.class).stream().map(r -> row(r)).toList());

        JsonPath q1 = get("city", CITY, "/api/v1/reports/registry-changes?region=" + CITY + "&quarter=2024Q1");
        assertEquals("3 0 0 3 0 0", unit(q1, A), "registered in Q1; the change at 23:59 on 31 March is of an inspector added then");
        assertEquals("0 0 0 2 0 0", unit(q1, B));
        JsonPath q3 = get("city", CITY, "/api/v1/reports/registry-changes?region=" + CITY + "&quarter=2024Q3");
        assertEquals("0 0 0 0 0 1", unit(q3, A));
        assertEquals("0 0 0 0 1 0", unit(q3, B), "00:00 of 1 July is the third quarter");

        JsonPath county = get("operator", B, "/api/v1/reports/registry-changes?quarter=" + QUARTER);
        assertEquals(List.of(B), county.getList("units.authority"));
        assertEquals(2, county.getInt("targetsTotal"));
        assertEquals(0, county.getInt("inspectorsTotal"));
    }

    @Test
    void theListsArePagedInTheReportsOrderAcrossUnits() {
        List<String> all = expectedTargets();
        for (int limit : List.of(1, 2, 4, 6, 1000)) {
            List<String> walked = new ArrayList<>();
            String after = null;
            int pages = 0;
            do {
                JsonPath page = get("city", CITY, "/api/v1/reports/registry-changes/targets?region=" + CITY + "&quarter=" + QUARTER
                        + "&limit=" + limit + (after == null ? "" : "&after=" + after));
                assertEquals(6, page.getInt("total"), "total on every page");
                List<java.util.Map> items = page.getList("items", java.util.Map.class);
                assertEquals(Math.min(limit, all.size() - walked.size()), items.size());
                items.forEach(r -> walked.add(row(r)));
                after = page.getString("next");
                pages++;
            } while (after != null && pages < 10);
            assertEquals(all, walked, "limit " + limit);
            assertEquals((all.size() + limit - 1) / limit, pages, "limit " + limit);
        }
        JsonPath inspectors = get("operator", A, "/api/v1/reports/registry-changes/inspectors?quarter=" + QUARTER + "&limit=2");
        assertEquals(3, inspectors.getInt("total"));
        assertEquals(List.of("PG" + A + "-4", "PG" + A + "-1"), inspectors.getList("items.code"));
        JsonPath rest = get("operator", A, "/api/v1/reports/registry-changes/inspectors?quarter=" + QUARTER + "&limit=2&after="
                + inspectors.getString("next"));
        assertEquals(List.of("PG" + A + "-2"), rest.getList("items.code"));
        assertNull(rest.getString("next"));
        JsonPath none = get("operator", B, "/api/v1/reports/registry-changes/inspectors?quarter=" + QUARTER);
        assertEquals(0, none.getInt("total"));
        assertEquals(List.of(), none.getList("items"));
        assertNull(none.getString("next"));
    }

    @Test
    void badPagesAreProblemsInChineseByDefault() {
        String base = "/api/v1/reports/registry-changes/targets?region=" + CITY + "&quarter=" + QUARTER;
        String ofUs = cursor(A + "|ADDED|" + TA[4]);
        List<String> bad = List.of("&limit=0", "&limit=1001", "&limit=-1", "&after=AAAA",
                "&after=" + "A".repeat(129), "&after=%00", "&after=" + ofUs + "%00", "&after=" + cursor("1406|ADDED|x"),
                "&after=" + cursor(A + "|NOPE|" + TA[4]), "&after=" + cursor(A + "|ADDED|"), "&after=" + cursor(A + "|ADDED|\u0000x"),
                "&after=" + cursor(A + "|ADDED|" + TA[4] + "\n"));
        for (String q : bad) {
            Api.as("city", CITY).get(base + q).then().statusCode(400).contentType(startsWith("application/problem+json"))
                    .body("status", equalTo(400));
        }
        for (String q : List.of("2024Q5", "9999Q1", "2024Q2%00", "%00", "2024q2x", "9".repeat(300))) {
            Api.as("city", CITY).get("/api/v1/reports/registry-changes/inspectors?region=" + CITY + "&quarter=" + q).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("status", equalTo(400));
        }
        RestAssured.given().auth().oauth2(cn.doublerandom.security.DevTokens.mint("city-" + CITY, "city", CITY))
                .get(base + "&after=AAAA").then().statusCode(400).body("title", matchesPattern(".*\\p{IsHan}.*"));
        Api.operator(A).get("/api/v1/reports/registry-changes/targets?region=" + CITY + "&quarter=" + QUARTER).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        Api.operator(A).get("/api/v1/reports/registry-changes/inspectors?region=" + B + "&quarter=" + QUARTER).then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        // a cursor of ours still works after the bad ones
        assertEquals(expectedTargets().subList(1, 6), get("city", CITY, base + "&after=" + cursor(A + "|ADDED|" + sortedFirstAdded()))
                .getList("items", java.util.Map.class).stream().map(r -> row(r)).toList());
    }

    static String sortedFirstAdded() {
        return sorted(TA[4], TA[5]).get(0);
    }

    static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
