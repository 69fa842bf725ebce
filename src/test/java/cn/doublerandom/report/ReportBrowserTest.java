package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.security.DevTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import cn.doublerandom.support.HeadlessChromium;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The city's report pages in a real browser (Debian's headless Chromium through chromedriver, as
 * PortalBrowserTest): the assessment's ranking table and its thirteen bar charts, the activity page, on a
 * desktop and on a phone, with screenshots in target/. The bureau's bearer token is sent as a header
 * (a gateway does so in production); the pages themselves run no script. Without the browser the
 * test skips locally and fails under CI=true.
 */
@QuarkusTest
class ReportBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @Test
    void theCityReadsItsRankingAndChartsOnADesktopAndOnAPhone() throws Exception {
        HeadlessChromium.require();
        ReportFixture.ensure(clock, publication);
        ReportFixture.at(clock, "2026-07-20T02:00:00Z");
        ChromeDriver browser = HeadlessChromium.start("report-chromium-");
        try {
            browser.executeCdpCommand("Network.enable", Map.of());
            browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                    Map.of("Authorization", "Bearer " + DevTokens.mint("city-130400", "city", "130400"))));
            String base = root.toString().replaceAll("/$", "");
            browser.manage().window().setSize(new Dimension(1366, 1000));
            browser.get(base + "/api/v1/reports/assessment?region=130400&quarter=2026Q2&format=html");
            assertEquals("邯郸市2026年第二季度执法检查统计与排名", browser.getTitle());
            List<WebElement> rows = browser.findElements(By.cssSelector("#table-ranking tbody tr"));
            assertEquals(22, rows.size(), "20 counties, the city bureau, the total");
            List<WebElement> a = rows.get(0).findElements(By.tagName("td"));
            assertEquals(List.of("邯山区", "130402", "12", "1", "6", "1", "4", "1", "66.67", "1"),
                    a.subList(0, 10).stream().map(WebElement::getText).toList());
            assertEquals(13, browser.findElements(By.cssSelector("figure.chart svg")).size());
            List<WebElement> bars = browser.findElements(By.cssSelector("#chart-checks rect"));
            assertEquals(20, bars.size(), "one bar per county");
            // drawn, not just present: the longest bar is the full plot width, a zero bar has none
            assertTrue(bars.get(0).getRect().getWidth() > bars.get(4).getRect().getWidth());
            assertEquals(0L, js(browser, "return document.querySelectorAll('script').length"));
            screenshot(browser, "report-assessment.png");
            WebElement chart = browser.findElement(By.id("chart-problemRate"));
            js(browser, "arguments[0].scrollIntoView()", chart);
            Files.copy(chart.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target", "report-chart.png"),
                    StandardCopyOption.REPLACE_EXISTING);

            browser.get(base + "/api/v1/reports/compliance?region=130400&quarter=2026Q2&format=html");
            assertTrue(browser.findElement(By.id("table-gaps")).getText().contains("（可抽名录仅 2 家）"));
            screenshot(browser, "report-compliance.png");

            // a phone: the page does not scroll sideways; wide tables scroll inside their own box
            browser.manage().window().setSize(new Dimension(390, 844));
            browser.get(base + "/api/v1/reports/assessment?region=130400&quarter=2026Q2&format=html");
            long scroll = (Long) js(browser, "return document.documentElement.scrollWidth");
            long inner = (Long) js(browser, "return window.innerWidth");
            assertTrue(scroll <= inner + 1, "the page overflows: " + scroll + " > " + inner);
            screenshot(browser, "report-assessment-phone.png");
        } finally {
            browser.quit();
            clock.use(Clock.systemUTC());
        }
    }


    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target"));
        Files.copy(shot, Path.of("target", name), StandardCopyOption.REPLACE_EXISTING);
    }

}
