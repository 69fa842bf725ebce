package cn.doublerandom.report.staffing;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.report.render.BarChart;
import cn.doublerandom.security.DevTokens;
import cn.doublerandom.support.Api;
import cn.doublerandom.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 003's figures over a quarter built by hand in 张家口 (130700), where no other test writes: 桥东区 (130702) has seven staff (an
 * auxiliary expert and one who left do not count; one on leave and one whose certificate expired on
 * 30 November do, the latter as uncertified, one is not certified), 桥西区 (130703) has two, both
 * certified, 宣化区 (130705) none. Checks in 2026Q4 give inspections 4, 3, 3, 3, 1, 1, 1 (ranks 1, 2, 2, 2, 5, 5, 5);
 * the auxiliary expert's check does not rank it, the one who left still ranks with the checks it did.
 */
@QuarkusTest
class InspectorRankingReportTest {

    static final String CITY = "130700";
    static final String A = "130702";
    static final String B = "130703";
    static final String EMPTY = "130705";
    static final String URL = "/api/v1/reports/inspector-ranking";
    static final String STAFF = "人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n";
    private static boolean built;

    @Inject
    ServiceClock clock;

    @TestHTTPResource("/")
    URL root;

    static String a(int i) {
        return "RK" + A + "-" + i;
    }

    static String b(int i) {
        return "RK" + B + "-" + i;
    }

    @BeforeEach
    void data() {
        synchronized (InspectorRankingReportTest.class) {
            if (!built) {
                try {
                    build();
                } finally {
                    clock.use(Clock.systemUTC());
                }
                built = true;
            }
        }
        at("2027-01-10T02:00:00Z");
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String instant) {
        clock.use(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private void build() {
        at("2026-09-01T02:00:00Z");
        String ta = Api.uscc(A);
        String tb = Api.uscc(B);
        firm(A, ta);
        firm(B, tb);
        post(A, STAFF + a(1) + ",排名甲," + A + ",证1,2030-12-31,在岗,是,否\n" + a(2) + ",排名乙," + A + ",证2,2030-12-31,在岗,是,否\n"
                + a(3) + ",排名丙," + A + ",证3,2030-12-31,在岗,是,否\n" + a(4) + ",排名丁," + A + ",,,在岗,否,否\n"
                + a(5) + ",休假人员," + A + ",证5,2030-12-31,休假,是,否\n" + a(6) + ",证件到期," + A + ",证6,2026-11-30,在岗,是,否\n"
                + a(7) + ",辅助专家," + A + ",,,在岗,否,是\n" + a(8) + ",离职人员," + A + ",证8,2030-12-31,在岗,是,否\n");
        post(B, STAFF + b(1) + ",冀州甲," + B + ",证B1,2030-12-31,在岗,是,否\n" + b(2) + ",冀州乙," + B + ",证B2,2030-12-31,在岗,是,否\n");

        at("2026-12-31T02:00:00Z");
        // A1 4, A2 3, B1 3, B2 3, A3 1, A5 1, A8 1 (it left afterwards), A7 1 (auxiliary), A6 0
        check(A, ta, "2026-10-08", a(1), a(2));
        check(A, ta, "2026-10-20", a(1), a(2));
        check(A, ta, "2026-11-03", a(1), a(2), a(7));
        check(A, ta, "2026-12-01", a(1), a(3));
        check(A, ta, "2026-12-02", a(8), a(5));
        check(B, tb, "2026-11-11", b(1), b(2));
        check(B, tb, "2026-11-12", b(1), b(2));
        check(B, tb, "2026-11-13", b(1), b(2));
        check(A, ta, "2026-09-30", a(4), a(3), a(2));
        at("2026-12-31T03:00:00Z");
        post(A, STAFF + a(8) + ",离职人员," + A + ",证8,2030-12-31,离职,是,否\n");
    }

    private static void firm(String county, String uscc) {
        Api.operator(county).contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + uscc + ",排名测试厂," + county
                + ",生产\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import").then().statusCode(200);
    }

    private static void post(String county, String csv) {
        Api.operator(county).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/inspectors/import")
                .then().statusCode(200);
    }

    private static void check(String county, String target, String date, String... team) {
        Api.operator(county).body("{\"uscc\":\"" + target + "\",\"source\":\"DATA_LEAD\",\"inspectionDate\":\"" + date
                        + "\",\"problems\":[],\"handling\":[\"NONE\"],\"violationFound\":false,\"nonSite\":true,\"team\":[\""
                        + String.join("\",\"", team) + "\"]}")
                .post("/api/v1/checks").then().statusCode(201);
    }

    static JsonPath get(String role, String region, String query) {
        return new JsonPath(Api.as(role, region).get(URL + query).then().statusCode(200).contentType("application/json").extract()
                .asString()).using(new io.restassured.path.json.config.JsonPathConfig(
                io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String unit(String code) {
        return "units.find { it.authority == '" + code + "' }";
    }

    @Test
    void theCitySeesItsCountiesInspectorsRankedWithTiesSharingARank() {
        JsonPath j = get("city", CITY, "?region=" + CITY + "&period=2026Q4");
        assertEquals("2026年第四季度", j.getString("periodName"));
        assertEquals("2026-12-31", j.getString("asOf"));
        List<String> mine = j.getList("inspectors.findAll { it.code.startsWith('RK') }.collect { it.rank + ' ' + it.code + ' ' + it.name + ' ' "
                + "+ it.authority + ' ' + it.inspections }");
        assertEquals(List.of("1 " + a(1) + " 排名甲 " + A + " 4", "2 " + a(2) + " 排名乙 " + A + " 3", "2 " + b(1) + " 冀州甲 " + B + " 3",
                "2 " + b(2) + " 冀州乙 " + B + " 3", "5 " + a(3) + " 排名丙 " + A + " 1", "5 " + a(5) + " 休假人员 " + A + " 1",
                "5 " + a(8) + " 离职人员 " + A + " 1"), mine);
    }

    @Test
    void theCertifiedShareIsCertifiedStaffOverAllEnforcementStaff() {
        JsonPath j = get("city", CITY, "?region=" + CITY + "&period=2026Q4");
        // 桥东区: staff A1..A6 (A7 auxiliary, A8 left); certified with a valid certificate A1, A2, A3, A5 → 4/6
        assertEquals(List.of(6, 4, "66.67", false, false, 5), List.of(j.getInt(unit(A) + ".staff"), j.getInt(unit(A) + ".certified"),
                j.getString(unit(A) + ".certifiedShare"), j.getBoolean(unit(A) + ".allCertified"), j.getBoolean(unit(A) + ".above80"),
                j.getInt(unit(A) + ".inTop")));
        assertEquals(List.of(2, 2, "100.00", true, true, 2), List.of(j.getInt(unit(B) + ".staff"), j.getInt(unit(B) + ".certified"),
                j.getString(unit(B) + ".certifiedShare"), j.getBoolean(unit(B) + ".allCertified"), j.getBoolean(unit(B) + ".above80"),
                j.getInt(unit(B) + ".inTop")));
        assertEquals(0, j.getInt(unit(EMPTY) + ".staff"));
        assertNull(j.get(unit(EMPTY) + ".certifiedShare"));
        assertNull(j.get(unit(EMPTY) + ".allCertified"));
    }

    @Test
    void aCountySeesOnlyItsOwnAndOtherPeriodsCountTheirOwnChecks() {
        JsonPath j = get("operator", B, "?period=2026Q4");
        assertEquals(List.of("1 " + b(1) + " 3", "1 " + b(2) + " 3"), j.getList("inspectors.collect { it.rank + ' ' + it.code + ' ' + it.inspections }"));
        assertEquals(List.of(B), j.getList("units.collect { it.authority }"));
        JsonPath sep = get("operator", A, "?period=2026-09");
        assertEquals(List.of("1 " + a(2) + " 1", "1 " + a(3) + " 1", "1 " + a(4) + " 1"), sep.getList("inspectors.collect { it.rank + ' ' + it.code + ' ' + it.inspections }"));
        assertEquals("2026年9月", sep.getString("periodName"));
        JsonPath year = get("operator", A, "?period=2026");
        assertEquals("2026年", year.getString("periodName"));
        // A1 4 in the year, A2 3 + 1 in September: tied at the top
        assertEquals(List.of("1 " + a(1) + " 4", "1 " + a(2) + " 4", "3 " + a(3) + " 2"),
                year.getList("inspectors.collect { it.rank + ' ' + it.code + ' ' + it.inspections }").subList(0, 3));
    }

    @Test
    void csvIsChineseWithoutCodes() {
        String csv = Api.as("city", CITY).get(URL + "?region=" + CITY + "&period=2026Q4&format=csv&table=certified").then().statusCode(200)
                .extract().body().asString();
        assertTrue(csv.contains("桥东区," + A + ",6,4,66.67,否,否,5"), csv);
        assertTrue(csv.contains("桥西区," + B + ",2,2,100.00,是,是,2"), csv);
        assertFalse(csv.contains("true"), csv);
        Api.as("city", CITY).get(URL + "?region=" + CITY + "&period=2026Q4&format=xlsx").then().statusCode(200);
    }

    @Test
    void badRegionsAndPeriodsAreProblems() {
        for (String q : List.of("?period=2026Q5", "?period=2026-13", "?period=2026-00", "?period=9999", "?period=1999Q4",
                "?period=2026%00", "?period=%00", "?period=" + "9".repeat(400), "?region=13110%00", "?region=999999", "?region=abc",
                "?period=2026&format=pdf", "?period=2026&format=csv&table=nope")) {
            // malformed input is 400; a well-formed region code the service does not know is 422 (unknown-region)
            int status = q.contains("region=999999") ? 422 : 400;
            Api.operator(A).get(URL + q).then().statusCode(status).contentType(startsWith("application/problem+json"))
                    .body("status", org.hamcrest.Matchers.equalTo(status));
        }
        Api.operator(A).get(URL + "?region=" + CITY).then().statusCode(403).contentType(startsWith("application/problem+json"));
        Api.operator(A).get(URL + "?region=" + B).then().statusCode(403).contentType(startsWith("application/problem+json"));
    }

    @Test
    void chartsKeepTheirStylesAndNeverClipAUnitsName() throws Exception {
        HeadlessChromium.require();
        String svg = Api.as("city", CITY).get(URL + "?region=" + CITY + "&period=2026Q4&format=svg&table=certifiedShare").then()
                .statusCode(200).contentType(startsWith("image/svg+xml")).extract().body().asString();
        assertTrue(svg.contains("桥西区") && svg.contains("100.00%"), svg);
        Api.as("city", CITY).get(URL + "?region=" + CITY + "&period=2026Q4&format=svg&table=nope").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        Api.as("city", CITY).get(URL + "?region=" + CITY + "&period=2026Q4&format=svg").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
        // the longest names bureaus carry, beside short ones
        BarChart longNames = BarChart.of("long", "持证率（%）", "%", List.of(new BarChart.Point("石家庄高新技术产业开发区（高新区）本级", 100),
                new BarChart.Point("循环化工园区", 55.5), new BarChart.Point("Economic-Technological Development Area 开发区", null),
                new BarChart.Point("井陉矿区", 0)));
        Path dir = Files.createDirectories(Path.of("target", "charts"));
        Path served = Files.writeString(dir.resolve("certifiedShare.svg"), svg);
        Path built = Files.writeString(dir.resolve("long.svg"), longNames.svg());
        ChromeDriver browser = HeadlessChromium.start("chart-chromium-");
        try {
            for (Path file : List.of(served, built)) {
                browser.get(file.toUri().toString());
                assertEquals(List.of(), js(browser, HeadlessChromium.UNCLIPPED), file.toString());
                assertEquals("rgb(29, 79, 145)", js(browser, "return getComputedStyle(document.querySelector('rect')).fill"));
                assertEquals("rgb(26, 26, 26)", js(browser, "return getComputedStyle(document.querySelector('text')).fill"));
            }
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                    Map.of("Authorization", "Bearer " + DevTokens.mint("city-" + CITY, "city", CITY))));
            browser.get(root.toString().replaceAll("/$", "") + URL + "?region=" + CITY + "&period=2026Q4&format=html");
            assertEquals(1L, js(browser, "return document.querySelectorAll('figure.chart svg').length"));
            assertEquals(List.of(), js(browser, HeadlessChromium.UNCLIPPED));
        } finally {
            browser.quit();
        }
    }

    private static Object js(ChromeDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
