package cn.doublerandom.portal;

import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.support.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser verifier's own SHA-256 and DRAW-1 replay (verifier.js, in headless Chromium) against the DRAW-1
 * vectors, the JDK's SHA-256 and the Java engine: short and long inputs across the block and padding boundaries,
 * non-ASCII seeds, ids of 1 to 32 characters, recusals, previous teams, specialties, relaxed caps, a failing draw,
 * a 20,000-target pool, and ids whose tickets agree on their first ten digits (the replay orders by a 10-digit key
 * and lets the full tickets decide between equal keys).
 */
class VerifierReplayTest {

    static WebDriver browser;

    @BeforeAll
    static void load() throws Exception {
        browser = HeadlessChromium.start("verifier-replay-");
        browser.get("about:blank");
        try (InputStream in = VerifierReplayTest.class.getResourceAsStream("/portal/verifier.js")) {
            js(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    static List<String> replay(String snapshot, String seed) {
        return (List<String>) js("return window.draw1.replay(arguments[0], arguments[1])", snapshot, seed);
    }

    @Test
    void theDrawOneVectorsHold() {
        assertEquals("0.26299714122838008416507544297546663599715395525154425586041245287750224561854",
                ((List<?>) js("return window.draw1.tickets('01382438112797316654', ['AB-130'])")).get(0));
        List<?> t = (List<?>) js("return window.draw1.tickets('314159', ['ab-1', 'ab-2', 'cd-1', 'ef-3'])");
        assertTrue(t.get(2).toString().startsWith("0.317685817"), t.toString());
        assertTrue(t.get(3).toString().startsWith("0.832984519"), t.toString());
        assertTrue(t.get(0).toString().startsWith("0.9098039269"), t.toString());
        assertTrue(t.get(1).toString().startsWith("0.9231549043"), t.toString());
        List<?> items = (List<?>) js("return window.draw1.sequenceItems('3546311556112163624615351222', 876, 1, 32)");
        assertEquals(List.of(740L, 180L, 264L, 789L, 238L, 448L, 272L, 611L, 761L, 208L), items.subList(0, 10));
        assertEquals(611L, items.get(31), "count 32 yields 611 again");
    }

    @Test
    void itsSha256IsTheJdksAcrossBlockBoundariesAndUtf8() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<String> inputs = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (int n = 0; n <= 200; n++) {
            inputs.add(b.toString());
            b.append((char) ('a' + n % 26));
        }
        inputs.addAll(List.of("抽查", "双随机一公开|" + "数".repeat(60), "\uD83C\uDFB2 dice", "é".repeat(28), "é".repeat(27) + "x",
                "\u0000", "a\u0000b", "\u007f\u0080\u07ff\u0800\uffff"));
        for (String in : inputs) {
            String want = HexFormat.of().formatHex(sha.digest(in.getBytes(StandardCharsets.UTF_8)));
            assertEquals(want, js("return window.draw1.sha256Hex(arguments[0])", in), "length " + in.length());
        }
    }

    @Test
    void smallDrawsMatchTheEngineForManySeedsAndPools() {
        Random random = new Random(7);
        List<String> seeds = new ArrayList<>();
        for (int n = 1; n <= 130; n += 3) {
            seeds.add(ascii(random, n));
        }
        seeds.addAll(List.of("骰子 3 5 6|" + "0123456789abcdef".repeat(2), "抽".repeat(256), "\uD83C\uDFB2".repeat(100), "-"));
        int drawn = 0;
        for (String seed : seeds) {
            PoolSnapshot snapshot = pool(random, 40 + random.nextInt(160), 3 + random.nextInt(30), 2 + random.nextInt(3));
            DrawOutcome outcome = Draw1.run(snapshot, Seed.of(seed));
            if (outcome instanceof DrawOutcome.Success s) {
                assertEquals(s.resultLines(), replay(snapshot.canonicalText(), seed), "seed " + seed);
                drawn++;
            } else {
                assertTrue(replay(snapshot.canonicalText(), seed).get(0).startsWith("fail "), "seed " + seed);
            }
        }
        assertTrue(drawn > seeds.size() / 2, "most draws succeed: " + drawn + " of " + seeds.size());
    }

    @Test
    void capsAreRelaxedAsTheEngineRelaxesThem() {
        PoolSnapshot.Builder b = PoolSnapshot.builder();
        for (int i = 0; i < 30; i++) {
            b.target(Stratum.GENERAL, "9113" + i);
        }
        for (int i = 0; i < 4; i++) {
            b.inspector("I-" + i);
        }
        // I-0 and I-1 are recused for most targets, so the others fill their caps and a team must go over one
        for (int i = 0; i < 25; i++) {
            b.recused("I-0", "9113" + i).recused("I-1", "9113" + i);
        }
        PoolSnapshot snapshot = b.quota(Stratum.GENERAL, 20).teamSize(2).build();
        DrawOutcome.Success s = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(snapshot, Seed.of("relax")));
        assertTrue(s.resultLines().stream().anyMatch(l -> l.startsWith("relaxed ")), s.resultLines().toString());
        assertEquals(s.resultLines(), replay(snapshot.canonicalText(), "relax"));
    }

    @Test
    void noInspectorFailsTheReplay() {
        PoolSnapshot snapshot = PoolSnapshot.builder().target(Stratum.KEY, "A1").quota(Stratum.KEY, 1).teamSize(2).build();
        assertEquals(List.of("fail no certified inspector (I = 0)"), replay(snapshot.canonicalText(), "seed"));
    }

    @Test
    void idsWithTheSameFirstTenTicketDigitsOrderByTheirFullTickets() {
        // with seed "tie" these pairs' tickets agree on ten digits; in the first the later id in byte order has the smaller ticket
        List<String> tied = List.of("T-158650", "T-206400", "T-47538", "T-287950", "T-3643", "T-322251");
        List<?> t = (List<?>) js("return window.draw1.tickets('tie', arguments[0])", tied);
        for (int i = 0; i < tied.size(); i += 2) {
            assertEquals(t.get(i).toString().substring(0, 12), t.get(i + 1).toString().substring(0, 12));
        }
        PoolSnapshot.Builder b = PoolSnapshot.builder();
        tied.forEach(id -> b.target(Stratum.KEY, id));
        for (int i = 0; i < 40; i++) {
            b.target(Stratum.KEY, "T-" + (1000 + i));
        }
        for (int i = 0; i < 12; i++) {
            b.inspector("I-" + i);
        }
        PoolSnapshot snapshot = b.quota(Stratum.KEY, 46).teamSize(2).build();
        DrawOutcome.Success s = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(snapshot, Seed.of("tie")));
        assertEquals(s.resultLines(), replay(snapshot.canonicalText(), "tie"));
    }

    @Test
    void aTwentyThousandTargetDrawMatchesTheEngine() {
        Random random = new Random(20_000);
        PoolSnapshot snapshot = pool(random, 20_000, 120, 2);
        String seed = "20261009|" + "5a".repeat(16);
        DrawOutcome.Success s = assertInstanceOf(DrawOutcome.Success.class, Draw1.run(snapshot, Seed.of(seed)));
        assertEquals(s.resultLines(), replay(snapshot.canonicalText(), seed));
    }

    /** Targets in three strata with ids of 1 to 32 characters, inspectors, recusals, previous teams, two specialties. */
    static PoolSnapshot pool(Random random, int targets, int inspectors, int teamSize) {
        PoolSnapshot.Builder b = PoolSnapshot.builder();
        Stratum[] strata = {Stratum.KEY, Stratum.SPECIAL, Stratum.GENERAL};
        List<String> ids = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < targets; i++) {
            String id = code(random, 1 + random.nextInt(32)) + i;
            id = id.substring(Math.max(0, id.length() - 32));
            if (!seen.add(id)) {
                continue;
            }
            ids.add(id);
            b.target(strata[i % 3], id);
        }
        for (int i = 0; i < inspectors; i++) {
            b.inspector("I-" + i);
        }
        for (int i = 0; i < targets / 5; i++) {
            b.recused("I-" + random.nextInt(inspectors), ids.get(random.nextInt(ids.size())));
            b.previousTeam("I-" + random.nextInt(inspectors), ids.get(random.nextInt(ids.size())));
        }
        b.needs("water").needs("nuclear-2");
        for (int i = 0; i < 6; i++) {
            b.specialist("I-" + random.nextInt(inspectors), "water");
            b.specialist("X-" + i, "nuclear-2");
        }
        for (Stratum s : strata) {
            b.quota(s, Math.max(1, targets / 30));
        }
        return b.teamSize(teamSize).build();
    }

    static String code(Random random, int length) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY-";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    static String ascii(Random random, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) (' ' + random.nextInt(95)));
        }
        return b.toString();
    }
}
