package cn.doublerandom.draw.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditors' Python replay (replay_draw1.py) reproduces the Java result lines. */
class PythonReplayTest {

    @Test
    void pythonReplayMatchesJava(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(python3Available(), "python3 is not installed: the replay check is skipped");
        // Enough rules and a tight cap that relaxation and specialists occur.
        PoolSnapshot snapshot = TestPools.random(20250701L, 400, 9, 0.3, 3, 2, 0.5);
        Path file = dir.resolve("snapshot.txt");
        try (var out = Files.newOutputStream(file)) {
            snapshot.writeCanonical(out);
        }
        String seed = "3 5 6|00112233445566778899aabbccddeeff";
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(snapshot, seed));

        Process p = new ProcessBuilder("python3", "audit/replay_draw1.py", file.toString(), seed)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), output);
        List<String> pythonLines = output.lines().toList();
        assertEquals(String.join("\n", ok.resultLines()), String.join("\n", pythonLines));
        System.out.println("python replay: " + pythonLines.size() + " lines, relaxed " + ok.relaxed().size());
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
