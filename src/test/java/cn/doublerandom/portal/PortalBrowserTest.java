package cn.doublerandom.portal;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import io.quarkus.test.common.http.TestHTTPResource;
import cn.doublerandom.support.HeadlessChromium;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal in a real browser: Debian's headless Chromium through chromedriver. Without the browser
 * the test skips locally and fails under CI=true (DOMAIN: a browser test fails rather than skips in CI).
 */
@QuarkusTest
class PortalBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @Test
    void aCitizenSearchesOpensAResultAndItsDrawOnADesktopAndOnAPhone() throws Exception {
        HeadlessChromium.require();
        PortalFixture.ensure(clock, publication);
        String poolHash = RestAssured.given().get("/public/v1/draws/" + PortalFixture.drawId).path("poolCommitment");
        WebDriver browser = HeadlessChromium.start("portal-chromium-");
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
            browser.manage().window().setSize(new Dimension(1366, 900));
            browser.get(root.toString());
            assertEquals("检查结果查询 · 双随机抽查结果公示", browser.getTitle());

            // a real GET form submit: no script on the page
            WebElement q = browser.findElement(By.id("q"));
            q.sendKeys("门户测试");
            browser.findElement(By.id("submit")).click();
            wait.until(ExpectedConditions.urlContains("q="));
            List<WebElement> rows = browser.findElements(By.cssSelector("#results tbody tr"));
            assertEquals(1, rows.size(), browser.getPageSource());
            assertTrue(rows.get(0).getText().contains(PortalFixture.PLAIN_NAME));
            assertTrue(rows.get(0).getText().contains(PortalFixture.usccs.get("plain")));
            assertEquals("门户测试", browser.findElement(By.id("q")).getAttribute("value"), "the form keeps the query");
            screenshot(browser, "portal-search.png");

            // the announcement's columns, all on screen at desktop width, with the total
            browser.get(root + "?region=" + PortalFixture.COUNTY);
            List<String> headers = browser.findElements(By.cssSelector("#results thead th")).stream().map(WebElement::getText).toList();
            assertEquals(List.of("序号", "企业名称", "统一社会信用代码", "检查机关", "检查事项", "检查日期", "检查结果", "处理情况", "公示日期"),
                    headers);
            long desktop = (Long) js(browser, "return window.innerWidth");
            for (WebElement th : browser.findElements(By.cssSelector("#results thead th"))) {
                assertTrue(th.isDisplayed(), th.getText());
                long right = ((Number) js(browser, "return arguments[0].getBoundingClientRect().right", th)).longValue();
                assertTrue(right <= desktop, th.getText() + " ends at " + right + " beyond " + desktop);
            }
            assertEquals("共 4 条", browser.findElement(By.id("total")).getText());
            assertEquals("1", browser.findElement(By.cssSelector("#results tbody tr td[data-label='序号']")).getText());
            assertEquals("立行立改", browser.findElement(By.cssSelector("#results tbody tr td[data-label='处理情况']")).getText());
            assertNoHorizontalScroll(browser, "/?region=" + PortalFixture.COUNTY);
            screenshot(browser, "portal-list-1366x900.png");

            // the hostile names are text, not markup, and nothing ran
            String text = browser.findElement(By.id("results")).getText();
            assertTrue(text.contains(PortalFixture.SCRIPT) && text.contains(PortalFixture.IMG), text);
            assertEquals(0L, js(browser, "return document.querySelectorAll('img, script').length"));

            // follow the result, then its draw
            browser.get(root + "?q=" + "%E9%97%A8%E6%88%B7%E6%B5%8B%E8%AF%95");
            browser.findElement(By.linkText(PortalFixture.PLAIN_NAME)).click();
            wait.until(ExpectedConditions.urlContains("/results/" + PortalFixture.ids.get("plain")));
            assertEquals(PortalFixture.PLAIN_NAME, browser.findElement(By.id("name")).getText());
            browser.findElement(By.id("draw-link")).click();
            wait.until(ExpectedConditions.urlContains("/draws/" + PortalFixture.drawId));
            assertEquals(poolHash, browser.findElement(By.id("poolCommitment")).getText());
            assertTrue(browser.findElement(By.id("json")).getAttribute("href").endsWith("/public/v1/draws/" + PortalFixture.drawId));
            // the selected enterprises by name, linked to their results, and the proof of the draw's records
            assertTrue(browser.findElement(By.id("selected")).getText().contains(PortalFixture.PLAIN_NAME));
            assertTrue(browser.findElement(By.id("proofs")).isDisplayed());
            assertTrue(browser.findElement(By.id("root-hash")).getText().matches("[A-Za-z0-9+/]{43}="));
            assertEquals(0L, js(browser, "return document.querySelectorAll('script').length"), "no script on the draw page");
            screenshot(browser, "portal-draw-1366x900.png");
            browser.findElement(By.linkText(PortalFixture.PLAIN_NAME)).click();
            wait.until(ExpectedConditions.urlContains("/results/" + PortalFixture.ids.get("plain")));
            assertEquals("无需处理", browser.findElement(By.id("handling")).getText());
            screenshot(browser, "portal-result-1366x900.png");

            // a phone: the same pages without horizontal scrolling
            browser.manage().window().setSize(new Dimension(390, 844));
            for (String path : new String[]{"/draws/" + PortalFixture.drawId, "/results/" + PortalFixture.ids.get("key"),
                    "/items?region=" + PortalFixture.COUNTY, "/verify", "/?region=" + PortalFixture.COUNTY}) {
                browser.get(root.toString().replaceAll("/$", "") + path);
                long inner = (Long) js(browser, "return window.innerWidth");
                assertTrue(inner <= 500, "a phone-sized window, got " + inner);
                assertNoHorizontalScroll(browser, path);
                screenshot(browser, "portal-" + path.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "") + "-390x844.png");
            }
            // on a phone each row is a card: every column is there, labelled
            assertFalse(browser.findElements(By.cssSelector("#results tbody tr")).isEmpty());
            for (String label : List.of("序号", "检查机关", "检查事项", "检查日期", "检查结果", "处理情况")) {
                WebElement cell = browser.findElement(By.cssSelector("#results tbody tr td[data-label='" + label + "']"));
                assertTrue(cell.isDisplayed() && !cell.getText().isBlank(), label);
                assertEquals("\"" + label + "\"", js(browser, "return getComputedStyle(arguments[0], '::before').content", cell),
                        "the card labels the cell");
            }
        } finally {
            browser.quit();
        }
    }



    private static void assertNoHorizontalScroll(WebDriver browser, String path) {
        long scroll = (Long) js(browser, "return document.scrollingElement.scrollWidth");
        long inner = (Long) js(browser, "return window.innerWidth");
        assertTrue(scroll <= inner, path + " overflows horizontally: scrollWidth " + scroll + " > innerWidth " + inner);
    }

    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot, Path.of("target", "screenshots", name), StandardCopyOption.REPLACE_EXISTING);
    }

}
