package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.security.DevTokens;
import cn.doublerandom.support.Api;
import cn.doublerandom.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every standalone chart of the assessment and the activity report, rendered in headless Chromium at
 * the longest unit names Hebei has: 衡水 (131100, no configured units) ranks 河北衡水高新技术产业开发区 under
 * that name, and the activity report names 石家庄's bureaus in full (石家庄市生态环境局高新技术产业开发区分局).
 * The high-tech zones lead their bars, so their value labels sit at the right edge too. May 2024 in
 * both cities, where no other test writes.
 */
@QuarkusTest
class ReportChartsTest {

    static final String HS = "131100";
    static final String SJZ = "130100";
    static final List<String> ZONES = List.of("131171", "130171");
    private static boolean built;

    @Inject
    ServiceClock clock;

    @TestHTTPResource("/")
    URL root;

    @BeforeEach
    void data() {
        synchronized (ReportChartsTest.class) {
            if (built) {
                return;
            }
            ReportFixture.at(clock, "2024-05-06T02:00:00Z");
            try {
                for (String county : ZONES) {
                    String t = Api.uscc(county);
                    Api.operator(county).contentType("text/csv").body(("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + t + ",图表测试厂"
                            + county + "," + county + ",生产\n").getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import")
                            .then().statusCode(200);
                    Api.operator(county).contentType("text/csv").body(("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n"
                            + "CH" + county + "-1,图表执法员1," + county + ",图表证1,2030-12-31,在岗,是,否\n"
                            + "CH" + county + "-2,图表执法员2," + county + ",图表证2,2030-12-31,在岗,是,否\n").getBytes(StandardCharsets.UTF_8))
                            .post("/api/v1/inspectors/import").then().statusCode(200);
                    for (String day : List.of("2024-05-02", "2024-05-03")) {
                        Api.operator(county).body("{\"uscc\":\"" + t + "\",\"source\":\"COMPLAINT\",\"sourceReference\":\"12369-" + day
                                + "\",\"inspectionDate\":\"" + day + "\",\"problems\":[{\"type\":\"OTHER\",\"description\":\"图表问题\","
                                + "\"violation\":true}],\"handling\":[\"CORRECTION_DEADLINE\"],\"violationFound\":true,\"nonSite\":false,"
                                + "\"team\":[\"CH" + county + "-1\",\"CH" + county + "-2\"]}").post("/api/v1/checks").then().statusCode(201);
                    }
                }
                built = true;
            } finally {
                clock.use(Clock.systemUTC());
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void everyChartOfTheAssessmentAndTheActivityReportKeepsItsStylesAndClipsNoName() throws Exception {
        HeadlessChromium.require();
        Map<String, String> charts = new LinkedHashMap<>();
        for (String city : List.of(HS, SJZ)) {
            String assessment = "/api/v1/reports/assessment?region=" + city + "&quarter=2024Q2";
            for (String id : Api.as("city", city).get(assessment).then().statusCode(200).extract().jsonPath().<String>getList("figures.key")) {
                charts.put(city + "-assessment-" + id, svg(city, assessment + "&format=svg&table=" + id));
            }
            for (String id : List.of("average", "activityRate")) {
                charts.put(city + "-activity-" + id, svg(city, "/api/v1/reports/activity?region=" + city + "&month=2024-05&format=svg&table=" + id));
            }
        }
        assertEquals(30, charts.size(), "13 assessment and 2 activity charts of each city");
        assertTrue(charts.get(HS + "-assessment-checks").contains("河北衡水高新技术产业开发区"), charts.get(HS + "-assessment-checks"));
        assertTrue(charts.get(SJZ + "-activity-average").contains("石家庄市生态环境局高新技术产业开发区分局"), charts.get(SJZ + "-activity-average"));
        Api.as("city", HS).get("/api/v1/reports/activity?region=" + HS + "&month=2024-05&format=svg&table=checks").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));

        Path dir = Files.createDirectories(Path.of("target", "charts"));
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> c : charts.entrySet()) {
            files.add(Files.writeString(dir.resolve(c.getKey() + ".svg"), c.getValue()));
        }
        ChromeDriver browser = HeadlessChromium.start("charts-chromium-");
        try {
            for (Path file : files) {
                browser.get(file.toUri().toString());
                assertEquals(List.of(), js(browser, HeadlessChromium.UNCLIPPED), file.toString());
                assertEquals("rgb(29, 79, 145)", js(browser, "return getComputedStyle(document.querySelector('rect')).fill"), file.toString());
                assertEquals("rgb(26, 26, 26)", js(browser, "return getComputedStyle(document.querySelector('text')).fill"), file.toString());
            }
            // the pages inline the same charts
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                    Map.of("Authorization", "Bearer " + DevTokens.mint("city-" + HS, "city", HS))));
            String base = root.toString().replaceAll("/$", "");
            browser.get(base + "/api/v1/reports/assessment?region=" + HS + "&quarter=2024Q2&format=html");
            assertEquals(13L, js(browser, "return document.querySelectorAll('figure.chart svg').length"));
            assertEquals(List.of(), js(browser, HeadlessChromium.UNCLIPPED));
            browser.get(base + "/api/v1/reports/activity?region=" + HS + "&month=2024-05&format=html");
            assertEquals(2L, js(browser, "return document.querySelectorAll('figure.chart svg').length"));
            assertEquals(List.of(), js(browser, HeadlessChromium.UNCLIPPED));
        } finally {
            browser.quit();
        }
    }

    private static String svg(String city, String path) {
        return Api.as("city", city).get(path).then().statusCode(200).contentType(startsWith("image/svg+xml")).extract().body().asString();
    }

    private static Object js(ChromeDriver browser, String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
