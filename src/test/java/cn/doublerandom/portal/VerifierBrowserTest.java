package cn.doublerandom.portal;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import cn.doublerandom.support.HeadlessChromium;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portal's browser verifier in headless Chromium on a real exported draw of 武邑县 (131122, used
 * by no other test): the package as served matches on every check, the same package loaded from a
 * file matches too, and the file with one byte of its snapshot changed is shown as a mismatch. A
 * draw with a withheld result can only be checked in part.
 */
@QuarkusTest
class VerifierBrowserTest {

    static final List<String> CHECKS = List.of("package", "pool", "commit", "seed", "replay", "chain", "inclusion", "signature");

    @TestHTTPResource("/")
    URL root;

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @Test
    void aPublicDrawMatchesAndAOneByteChangeDoesNot() throws Exception {
        HeadlessChromium.require();
        String drawId = publicDraw();
        String exported = Api.anonymous().get("/public/v1/draws/" + drawId).then().statusCode(200).extract().asString();
        Path genuine = Files.writeString(Files.createTempFile("draw-", ".json"), exported);
        Path tampered = Files.writeString(Files.createTempFile("draw-tampered-", ".json"), oneByteChanged(exported));

        // the page allows only this site's own script, and it is the only one
        Response page = Api.anonymous().get("/verifier?draw=" + drawId);
        page.then().statusCode(200).header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-eval")))
                .body(containsString("<script src=\"/verifier.js\"></script>"));
        assertEquals(1, page.asString().split("<script", -1).length - 1, "one script element");
        Api.anonymous().get("/verifier.js").then().statusCode(200).contentType(containsString("javascript"));
        Api.anonymous().get("/verifier?draw=<x>").then().statusCode(400).body(containsString("抽取编号有误"));
        Api.anonymous().get("/draws/" + drawId).then().body(containsString("/verifier?draw=" + drawId));

        WebDriver browser = HeadlessChromium.start("verifier-chromium-");
        try {
            browser.get(root + "verifier?draw=" + drawId);
            Map<String, String> served = checks(browser);
            assertEquals(allOk(), served, browser.findElement(By.id("checks")).getText());
            assertEquals("ok", verdict(browser).getAttribute("data-state"));
            assertTrue(verdict(browser).getText().startsWith("全部一致"), verdict(browser).getText());
            assertTrue(browser.findElement(By.id("check-replay")).getText().contains("与 execute 记录逐行相同"));

            browser.get(root + "verifier");
            browser.findElement(By.id("package-file")).sendKeys(genuine.toString());
            assertEquals(allOk(), checks(browser), browser.findElement(By.id("checks")).getText());
            assertTrue(browser.findElement(By.id("check-package")).getText().contains(genuine.getFileName().toString()));

            browser.get(root + "verifier");
            browser.findElement(By.id("package-file")).sendKeys(tampered.toString());
            Map<String, String> changed = checks(browser);
            assertEquals("bad", changed.get("pool"), browser.findElement(By.id("checks")).getText());
            assertEquals("ok", changed.get("commit"));
            assertEquals("ok", changed.get("inclusion"), "the records themselves are untouched");
            assertEquals("bad", verdict(browser).getAttribute("data-state"));
            assertTrue(verdict(browser).getText().startsWith("不一致") && verdict(browser).getText().contains("抽取池哈希"),
                    verdict(browser).getText());

            // a draw with a withheld result: no nonce to check the commit with, nothing is replayed, the records are in the log
            PortalFixture.ensure(clock, publication);
            browser.get(root + "verifier?draw=" + PortalFixture.drawId);
            Map<String, String> withheld = checks(browser);
            assertEquals("skip", withheld.get("package"));
            assertTrue(browser.findElement(By.id("check-package")).getText().contains(RestAssured.given()
                    .get("/public/v1/draws/" + PortalFixture.drawId).path("poolCommitment").toString()));
            assertEquals("skip", withheld.get("commit"));
            assertEquals("skip", withheld.get("replay"));
            assertEquals("partial", verdict(browser).getAttribute("data-state"));
        } finally {
            browser.quit();
            Files.deleteIfExists(genuine);
            Files.deleteIfExists(tampered);
        }
    }

    /** A draw of 131122 with each of its three results published, so that nothing of it is withheld. */
    private String publicDraw() {
        try {
            ResultFixture f = new ResultFixture("131122").drawn(clock, 2);
            clock.use(Clock.fixed(Instant.parse("2026-10-12T02:00:00Z"), ZoneOffset.UTC));
            for (int i = 0; i < f.targets.size(); i++) {
                f.record(i, "2026-10-10", "2026-10-10", "NO_PROBLEM", "");
            }
            publication.run();
            return f.drawId;
        } finally {
            clock.use(Clock.systemUTC());
        }
    }

    /** The package with one character of its snapshot changed: the last digit of the first target line's USCC. */
    static String oneByteChanged(String exported) {
        int snapshot = exported.indexOf("\"snapshot\":\"");
        int target = exported.indexOf("T ", snapshot);
        int end = exported.indexOf("\\n", target);
        char c = exported.charAt(end - 1);
        String out = exported.substring(0, end - 1) + (c == '0' ? '1' : '0') + exported.substring(end);
        assertEquals(exported.getBytes(StandardCharsets.UTF_8).length, out.getBytes(StandardCharsets.UTF_8).length);
        assertNotEquals(exported, out);
        return out;
    }

    private static Map<String, String> allOk() {
        Map<String, String> out = new LinkedHashMap<>();
        CHECKS.forEach(k -> out.put(k, "ok"));
        return out;
    }

    private static WebElement verdict(WebDriver browser) {
        return browser.findElement(By.id("verdict"));
    }

    /** Waits for the verdict, then each check's state. */
    static Map<String, String> checks(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> !Set.of("running", "idle")
                .contains(d.findElement(By.id("verdict")).getAttribute("data-state")));
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : CHECKS) {
            out.put(k, browser.findElement(By.id("check-" + k)).getAttribute("data-state"));
        }
        return out;
    }
}
