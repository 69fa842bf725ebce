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

    /**
     * E and K lines (object kinds) change nothing in §1–§3: the same selection and teams as the snapshot
     * without them, in Java and in Python; and the Python replay refuses a pooled target that carries no kind
     * an item inspects, as the service's replay does.
     */
    @Test
    void objectKindLinesAreSkippedBySectionsOneToThreeAndTheirRuleIsChecked(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(python3Available(), "python3 is not installed: the replay check is skipped");
        PoolSnapshot plain = TestPools.random(20261206L, 300, 9, 0.3, 3, 2, 0.5);
        List<String> lines = new java.util.ArrayList<>(plain.canonicalText().lines().toList());
        lines.add("E 2 HCFC-USER");
        lines.add("E 8 VEHICLE-SELLER");
        List<String> pooled = lines.stream().filter(l -> l.startsWith("T ")).map(l -> l.split(" ")[2]).toList();
        for (int i = 0; i < pooled.size(); i++) {
            lines.add("K " + pooled.get(i) + (i % 2 == 0 ? " HCFC-USER" : " VEHICLE-SELLER"));
            if (i % 3 == 0) {
                lines.add("K " + pooled.get(i) + " POLLUTANT-DISCHARGER");
            }
        }
        lines.sort(Utf8ByteOrder.COMPARATOR);
        PoolSnapshot withKinds = PoolSnapshot.parse(String.join("\n", lines) + "\n");
        assertEquals(List.of(), withKinds.targetsNoItemAppliesTo());
        assertEquals(List.of("2"), withKinds.itemsFor(pooled.get(0)));
        assertEquals(List.of("HCFC-USER", "POLLUTANT-DISCHARGER"), withKinds.kindsOf(pooled.get(0)));
        String seed = "2 7 1 8|00112233445566778899aabbccddeeff";
        DrawOutcome.Success ok = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(plain, seed));
        assertEquals(ok, Draw1.run(withKinds, seed), "E and K lines play no part in §1–§3");
        assertEquals(String.join("\n", ok.resultLines()), String.join("\n", python(dir, withKinds, seed, 0)));

        // one pooled target loses its K lines: no item applies to it, and both replays say so
        String lost = pooled.get(1);
        PoolSnapshot broken = PoolSnapshot.parse(lines.stream().filter(l -> !l.startsWith("K " + lost + " "))
                .collect(java.util.stream.Collectors.joining("\n")) + "\n");
        assertEquals(List.of(lost), broken.targetsNoItemAppliesTo());
        assertEquals(List.of("fail pool " + lost + " no item applies"), python(dir, broken, seed, 1));
    }

    private static List<String> python(Path dir, PoolSnapshot snapshot, String seed, int exit) throws Exception {
        Path file = dir.resolve("snapshot-" + snapshot.poolHash() + ".txt");
        try (var out = Files.newOutputStream(file)) {
            snapshot.writeCanonical(out);
        }
        Process p = new ProcessBuilder("python3", "audit/replay_draw1.py", file.toString(), seed).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(exit, p.exitValue(), output);
        return output.lines().toList();
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
