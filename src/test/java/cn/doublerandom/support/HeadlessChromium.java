package cn.doublerandom.support;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium through chromedriver, for the page tests. Without the browser a test
 * skips locally and fails under CI=true (DOMAIN: a browser test fails rather than skips in CI).
 */
public final class HeadlessChromium {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A script returning every text of every SVG on the page that is empty or sticks out of its SVG's view box: none when nothing is clipped. */
    public static final String UNCLIPPED = """
            const out = [];
            for (const svg of document.querySelectorAll('svg')) {
              const vb = svg.viewBox.baseVal;
              for (const t of svg.querySelectorAll('text')) {
                const b = t.getBBox();
                if (b.width <= 0 || b.x < vb.x || b.y < vb.y || b.x + b.width > vb.x + vb.width || b.y + b.height > vb.y + vb.height) {
                  out.push(t.textContent + ' ' + b.x + ',' + b.y + ',' + b.width + 'x' + b.height + ' in ' + vb.width + 'x' + vb.height);
                }
              }
            }
            return out;""";

    public static void require() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "no browser: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed "
                + "(apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message + "; under CI=true the browser test fails rather than skips");
        }
        Assumptions.abort(message + "; skipped locally (it fails under CI=true)");
    }

    /**
     * A fresh browser with its own profile, deleted when the browser quits; the flags keep it off this
     * machine's closed network.
     */
    public static ChromeDriver start(String profilePrefix) throws IOException {
        require();
        Path profile = Files.createTempDirectory(profilePrefix);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        return new ChromeDriver(options) {
            @Override
            public void quit() {
                super.quit();
                try (Stream<Path> paths = Files.walk(profile)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
