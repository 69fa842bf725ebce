package cn.doublerandom.benchmark;

import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.support.HeadlessChromium;
import cn.doublerandom.transparency.merkle.Merkle;
import cn.doublerandom.transparency.note.NoteKeys;
import cn.doublerandom.transparency.note.SignedNote;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The portal's browser verifier (/verifier.js) replaying a 100,000-target public draw in headless
 * Chromium: 10,000 key targets (quota 1,000) and 90,000 general ones (quota 900), 400 inspectors,
 * teams of two, a ledger of 1,000 records in the log. The package, the log's proofs and key are
 * made here with the service's own engine, tree and signer and served from a local port with the
 * page's script, so the figure is the browser's work alone. A plain main, not part of ./mvnw verify:
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.doublerandom.benchmark.VerifierBenchmark}.
 * Prints the median of three passes after a warm-up pass (the goal is under 2 s).
 */
public final class VerifierBenchmark {

    static final String DRAW = "D000000001";
    static final int KEY = 10_000;
    static final int GENERAL = 90_000;
    static final int INSPECTORS = 400;
    static final int LEDGER = 1_000;

    private VerifierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Random random = new Random(20);
        PoolSnapshot.Builder pool = PoolSnapshot.builder();
        for (int i = 0; i < KEY + GENERAL; i++) {
            pool.target(i < KEY ? Stratum.KEY : Stratum.GENERAL, uscc(random));
        }
        for (int i = 1; i <= INSPECTORS; i++) {
            pool.inspector("R130100-" + i);
        }
        pool.quota(Stratum.KEY, KEY / 10).quota(Stratum.GENERAL, GENERAL / 100).teamSize(2);
        PoolSnapshot snapshot = pool.build();
        String nonce = Seed.newNonce(new SecureRandom());
        String given = "20261009";
        DrawOutcome.Success result = (DrawOutcome.Success) Draw1.run(snapshot, Seed.combine(given, nonce));

        // the ledger: filler records, then the draw's prepare and execute as its last two
        Instant at = Instant.parse("2026-10-09T02:00:00Z");
        String prepare = LedgerRecord.prepare(new LedgerRecord.Header(LEDGER - 1, DRAW, "130100", "2026Q4", at),
                LedgerRecord.DrawType.UNDIRECTED, null, List.of("1"), LocalDate.of(2026, 10, 9), snapshot.poolHash(),
                Seed.commit(nonce), null);
        String execute = LedgerRecord.execute(new LedgerRecord.Header(LEDGER, DRAW, "130100", "2026Q4", at.plusSeconds(60)),
                given, nonce, result);
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < LEDGER - 2; i++) {
            byte[] leaf = new byte[32];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        leaves.add(Merkle.leafHash(prepare.getBytes(StandardCharsets.UTF_8)));
        leaves.add(Merkle.leafHash(execute.getBytes(StandardCharsets.UTF_8)));
        Merkle.NodeSource nodes = (level, index) -> Merkle.root(leaves.subList((int) (index << level), (int) ((index + 1) << level)));
        NoteKeys.Signer signer = NoteKeys.signer(NoteKeys.generate("bench.example.cn/log", new SecureRandom()));
        String checkpoint = SignedNote.sign(SignedNote.checkpointText("bench.example.cn/log", LEDGER, Merkle.root(leaves)), signer);

        String prevPrepare = "ab".repeat(32);
        String hashPrepare = LedgerRecord.recordHash(prevPrepare, prepare);
        String prevExecute = "cd".repeat(32);
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("id", DRAW);
        pkg.put("authority", "130100");
        pkg.put("quarter", "2026Q4");
        pkg.put("algorithm", "DRAW-1");
        pkg.put("poolHash", snapshot.poolHash());
        pkg.put("commit", Seed.commit(nonce));
        pkg.put("nonce", nonce);
        pkg.put("given", given);
        pkg.put("seed", given + "|" + nonce);
        pkg.put("withheld", false);
        pkg.put("records", List.of(
                Map.of("seq", LEDGER - 1, "kind", "prepare", "prevHash", prevPrepare, "hash", hashPrepare, "text", prepare),
                Map.of("seq", LEDGER, "kind", "execute", "prevHash", prevExecute, "hash",
                        LedgerRecord.recordHash(prevExecute, execute), "text", execute)));
        pkg.put("snapshot", snapshot.canonicalText());
        List<Map<String, Object>> proofs = new ArrayList<>();
        for (long seq = LEDGER - 1; seq <= LEDGER; seq++) {
            proofs.add(Map.of("seq", seq, "leafIndex", seq - 1, "leafHash", b64(leaves.get((int) seq - 1)),
                    "proof", Merkle.inclusionProof(seq - 1, LEDGER, nodes).stream().map(VerifierBenchmark::b64).toList()));
        }
        Map<String, Object> drawProofs = Map.of("drawId", DRAW, "treeSize", LEDGER, "rootHash", b64(Merkle.root(leaves)),
                "checkpoint", checkpoint, "records", proofs);

        ObjectMapper json = new ObjectMapper();
        Map<String, byte[]> routes = new LinkedHashMap<>();
        routes.put("/verifier", ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>verifier</title></head><body>"
                + "<form id=\"verifier\" data-draw=\"" + DRAW + "\"><input type=\"file\" id=\"package-file\"></form>"
                + "<p id=\"verdict\" data-state=\"running\"></p><ol id=\"checks\"></ol><p id=\"elapsed\"></p>"
                + "<script src=\"/verifier.js\"></script></body></html>").getBytes(StandardCharsets.UTF_8));
        try (InputStream in = VerifierBenchmark.class.getResourceAsStream("/portal/verifier.js")) {
            routes.put("/verifier.js", in.readAllBytes());
        }
        routes.put("/public/v1/draws/" + DRAW, json.writeValueAsBytes(pkg));
        routes.put("/public/v1/log/draws/" + DRAW, json.writeValueAsBytes(drawProofs));
        routes.put("/public/v1/log/key", signer.verifier().text().getBytes(StandardCharsets.UTF_8));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = routes.get(exchange.getRequestURI().getPath());
            String type = exchange.getRequestURI().getPath().endsWith(".js") ? "text/javascript" : "text/html;charset=UTF-8";
            exchange.getResponseHeaders().set("Content-Type", body != null && body.length > 0 && body[0] == '{' ? "application/json" : type);
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        WebDriver browser = HeadlessChromium.start("verifier-bench-");
        try {
            double[] replay = new double[3];
            double[] total = new double[3];
            for (int pass = 0; pass < 4; pass++) {
                browser.get("http://127.0.0.1:" + server.getAddress().getPort() + "/verifier");
                new WebDriverWait(browser, Duration.ofMinutes(2)).until(d -> !"running"
                        .equals(d.findElement(By.id("verdict")).getAttribute("data-state")));
                String verdict = browser.findElement(By.id("verdict")).getAttribute("data-state");
                if (!"ok".equals(verdict)) {
                    throw new IllegalStateException("the verifier did not match: " + browser.findElement(By.id("checks")).getText());
                }
                @SuppressWarnings("unchecked")
                Map<String, Number> t = (Map<String, Number>) ((JavascriptExecutor) browser).executeScript("return window.verifierTimings");
                if (pass > 0) {
                    replay[pass - 1] = t.get("replayMs").doubleValue() / 1000;
                    total[pass - 1] = t.get("totalMs").doubleValue() / 1000;
                }
            }
            Arrays.sort(replay);
            Arrays.sort(total);
            System.out.printf("BENCH verifier %d targets (%d selected, %d inspectors) in headless Chromium: replay %.2f s, "
                            + "all checks %.2f s (median of 3 after a warm-up; passes %s)%n", KEY + GENERAL,
                    result.resultLines().stream().filter(l -> l.startsWith("target ")).count(), INSPECTORS, replay[1], total[1],
                    Arrays.toString(total));
        } finally {
            browser.quit();
            server.stop(0);
        }
    }

    private static String uscc(Random random) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder b = new StringBuilder("91130100");
        for (int i = 0; i < 10; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
