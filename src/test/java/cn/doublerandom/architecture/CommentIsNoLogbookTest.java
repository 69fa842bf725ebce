package cn.doublerandom.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A comment says why the code is as it is. Which issue asked for it belongs in the git log, and what it
 * measured in bench/results: both go stale in the code while the code stays. The sources' comments are
 * read (string literals skipped: a problem's text or a test's input may hold anything); tests and
 * benchmarks may state their goals and figures, but not an issue number either.
 */
class CommentIsNoLogbookTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path TEST = Path.of("src/test/java");

    /** Comments and string literals, so that a comment's opening inside a literal is not read as one. */
    private static final Pattern TOKEN = Pattern.compile(
            "\"\"\"(?:.*?)\"\"\"|\"(?:[^\"\\\\\\n]|\\\\.)*\"|(//[^\\n]*|/\\*.*?\\*/)|'(?:[^'\\\\]|\\\\.)+'", Pattern.DOTALL);

    /** A hash and a number, or "issue" or "issues" and a number (an HTML entity's number is not one). */
    static final Pattern ISSUE = Pattern.compile("(?<![&\\w])#\\d+\\b|\\bissues?\\s+#?\\d+", Pattern.CASE_INSENSITIVE);

    /** A timing or a throughput measured, or a ratio to a floor or "faster"; limits and settings are not. */
    static final Pattern MEASUREMENT = Pattern.compile(
            "\\d\\s?(?:ms|µs|us|ns)\\b|\\b(?:req|rows|results|records)/s\\b|\\d\\s?[x×]\\s?(?:faster|slower|(?:the\\s)?floor)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void theServicesCommentsNameNoIssueAndNoMeasurement() throws IOException {
        assertEquals(List.of(), findings(MAIN, ISSUE, MEASUREMENT));
    }

    @Test
    void theTestsCommentsNameNoIssue() throws IOException {
        assertEquals(List.of(), findings(TEST, ISSUE));
    }

    @Test
    void thePatternsSeeWhatTheyLookFor() {
        for (String c : List.of("// see #15", "/* asked in issue 20's goals */", "// (issues 15, 19)", "// issue #16")) {
            assertTrue(ISSUE.matcher(c).find(), c);
        }
        for (String c : List.of("// takes 0.4 ms", "// 3,600 req/s", "// 1.84 × floor", "// 3x faster", "// 12µs a ticket")) {
            assertTrue(MEASUREMENT.matcher(c).find(), c);
        }
        for (String c : List.of("// &#25991; is an entity", "// the issue of a licence", "// 60 s max-age", "// 50 MiB at most",
                "// at least 25% of 13 is 4", "// a 2x2 grid", "// at most 2 GiB - 8")) {
            assertFalse(ISSUE.matcher(c).find() || MEASUREMENT.matcher(c).find(), c);
        }
        assertEquals(List.of(), comments("String s = \"// #15 in a literal\"; char c = '#';"));
        assertEquals(List.of("// #15"), comments("String s = \"x\"; // #15"));
    }

    private static List<String> findings(Path root, Pattern... patterns) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                for (String comment : comments(source)) {
                    for (Pattern p : patterns) {
                        Matcher m = p.matcher(comment);
                        if (m.find()) {
                            out.add(root.relativize(file) + ": '" + m.group() + "' in "
                                    + comment.substring(Math.max(0, m.start() - 40), Math.min(comment.length(), m.end() + 40))
                                    .replaceAll("\\s+", " "));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static List<String> comments(String source) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(source);
        while (m.find()) {
            if (m.group(1) != null) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}
