package cn.doublerandom.draw;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The replay the README shows auditors is the very file the draw tests run on exported draws. */
class ReadmeReplayTest {

    @Test
    void theReadmeShowsTheTestedReplayVerbatim() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String marker = "<!-- audit/replay_draw1.py: kept identical by ReadmeReplayTest -->\n```python\n";
        int start = readme.indexOf(marker);
        assertTrue(start >= 0, "README lost the replay block");
        int from = start + marker.length();
        String block = readme.substring(from, readme.indexOf("```\n", from));
        assertEquals(Files.readString(Path.of("audit/replay_draw1.py"), StandardCharsets.UTF_8), block);
    }
}
