package cn.doublerandom.draw;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay the auditors' guide (docs/auditors.md) shows is the very file the draw tests run on exported draws. */
class ReadmeReplayTest {

    @Test
    void theReadmeShowsTheTestedReplayVerbatim() throws Exception {
        String readme = Files.readString(Path.of("docs/auditors.md"), StandardCharsets.UTF_8);
        String marker = "<!-- audit/replay_draw1.py: kept identical by ReadmeReplayTest -->\n```python\n";
        int start = readme.indexOf(marker);
        assertTrue(start >= 0, "docs/auditors.md lost the replay block");
        int from = start + marker.length();
        String block = readme.substring(from, readme.indexOf("```\n", from));
        assertEquals(Files.readString(Path.of("audit/replay_draw1.py"), StandardCharsets.UTF_8), block);
    }

    @Test
    void theReplayRefusesAnEmptySeed() throws Exception {
        // An unset SEED in the auditors' snippet must not replay some other draw and look like an answer.
        Process p = new ProcessBuilder("python3", "audit/replay_draw1.py", "/dev/null", "").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertTrue(out.contains("must not be empty"), out);
    }
}
