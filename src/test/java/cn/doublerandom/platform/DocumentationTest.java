package cn.doublerandom.platform;

import cn.doublerandom.portal.PortalConfig;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README and docs/ stay usable offline and true: they link nowhere outside the repository, the
 * files they name exist, and the public rate limits they state are the ones the service applies.
 */
class DocumentationTest {

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?|ftp)://([^/\\s`)'\"]+)");
    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern REPO_PATH = Pattern.compile("`((?:docs|audit|openapi|bench|deploy)/[^`\\s<>*]*)`");

    @Test
    void nothingLinksOutsideTheRepositoryAndEveryNamedFileExists() throws IOException {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Path doc : documents()) {
            String text = Files.readString(doc, StandardCharsets.UTF_8);
            Matcher url = URL.matcher(text);
            while (url.find()) {
                String host = url.group(1).replaceAll(":\\d+$", "");
                // the service's own address in examples and defaults is not a link out
                if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
                    failures.add(doc + ": " + url.group());
                }
            }
            Matcher link = MARKDOWN_LINK.matcher(text);
            while (link.find()) {
                String target = link.group(1).replaceAll("#.*$", "");
                if (!target.isEmpty() && !Files.exists(doc.resolveSibling(target).normalize())) {
                    failures.add(doc + ": link to " + link.group(1));
                }
            }
            Matcher path = REPO_PATH.matcher(text);
            while (path.find()) {
                checked++;
                if (!Files.exists(Path.of(path.group(1)))) {
                    failures.add(doc + ": names " + path.group(1) + ", which does not exist");
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(checked >= 5, "the README names its docs: " + checked);
    }

    @Test
    void theReadmeStatesThePublicRateLimitsTheServiceApplies() throws Exception {
        String burst = PortalConfig.RateLimit.class.getMethod("burst").getAnnotation(WithDefault.class).value();
        String perMinute = PortalConfig.RateLimit.class.getMethod("perMinute").getAnnotation(WithDefault.class).value();
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        String stated = "a burst of " + burst + " requests, then " + perMinute + " a minute";
        assertTrue(readme.contains(stated), "README must say: " + stated);
        assertTrue(readme.contains("429") && readme.contains("Retry-After"), "README names the 429 and its Retry-After");
        String operators = Files.readString(Path.of("docs/operators.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertTrue(operators.contains(stated), "docs/operators.md must say: " + stated);
    }

    private static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>(List.of(Path.of("README.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
        }
        return out;
    }
}
