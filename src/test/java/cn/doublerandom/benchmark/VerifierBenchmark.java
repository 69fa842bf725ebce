package cn.doublerandom.benchmark;

import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.PoolCommitment;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.PublicRandomness;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.Sha256;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.portal.PortalService;
import cn.doublerandom.portal.PublicDraw;
import cn.doublerandom.portal.PublicPackage;
import cn.doublerandom.support.HeadlessChromium;
import cn.doublerandom.transparency.log.LogProofs;
import cn.doublerandom.transparency.merkle.Merkle;
import cn.doublerandom.transparency.note.NoteKeys;
import cn.doublerandom.transparency.note.SignedNote;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The portal's browser verifier (/verifier.js) replaying a 100,000-target public draw in headless
 * Chromium: 10,000 key targets (quota 1,000) and 90,000 general ones (quota 900), 400 inspectors,
 * teams of two, a ledger of 1,000 records in the log. The draw is made with the service's own engine in
 * the current record format (a salted prepare record naming a drand round), exported through the
 * service's own {@link PublicPackage} and {@link LogProofs#drawProofs}, signed with its signer, and
 * served from a local port with the page's script, so the figure is the browser's work alone on what
 * a citizen would verify. A plain main, run by bench/transparency.sh, not part of ./mvnw verify.
 * Prints the medians of five passes after a warm-up pass (the goal is under 2 s).
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
        String salt = PoolCommitment.newSalt(new SecureRandom());
        // named in advance (a drand round), so given is that round's value: record format 2 with its every line
        PublicRandomness named = new PublicRandomness("drand", "5123456");
        String given = Sha256.hex("drand round 5123456");
        DrawOutcome.Success result = (DrawOutcome.Success) Draw1.run(snapshot, Seed.combine(given, nonce));

        // the ledger: filler records, then the draw's prepare and execute as its last two
        Instant at = Instant.parse("2026-10-09T02:00:00Z");
        String prepare = LedgerRecord.prepare(new LedgerRecord.Header(LEDGER - 1, DRAW, "130100", "2026Q4", at),
                LedgerRecord.DrawType.UNDIRECTED, null, List.of("1"), LocalDate.of(2026, 10, 9), snapshot.poolHash(),
                Seed.commit(nonce), null, named, salt);
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

        // the package and the proofs as the public API exports them (PublicPackage, LogProofs), every result published
        String prevPrepare = Sha256.hex("record " + (LEDGER - 2));
        String hashPrepare = LedgerRecord.recordHash(prevPrepare, prepare);
        List<PublicPackage.StoredRecord> records = List.of(
                new PublicPackage.StoredRecord(LEDGER - 1, "prepare", prevPrepare, hashPrepare, prepare),
                new PublicPackage.StoredRecord(LEDGER, "execute", hashPrepare, LedgerRecord.recordHash(hashPrepare, execute), execute));
        List<String> selected = result.resultLines().stream().filter(l -> l.startsWith("target ")).map(l -> l.split(" ")[2]).toList();
        List<PublicDraw.Enterprise> enterprises = new ArrayList<>();
        for (int i = 0; i < selected.size(); i++) {
            enterprises.add(new PublicDraw.Enterprise(selected.get(i), "石家庄市第" + (i + 1) + "家企业有限公司",
                    String.format("R%09d", i + 1), List.of(new PublicDraw.VisitItem(1, "排污许可执行情况", "ON_SITE", "实地检查", false))));
        }
        PublicPackage.Stored stored = new PublicPackage.Stored(DRAW, "130100", "石家庄市", "2026Q4", PortalService.planName("2026Q4"),
                "UNDIRECTED", LocalDate.of(2026, 10, 9), snapshot.poolHash(), Seed.commit(nonce), nonce, given,
                Seed.combine(given, nonce).value(), snapshot.canonicalText());
        PublicDraw pkg = PublicPackage.of(stored, false, records, selected, enterprises, 0);
        LogProofs.DrawProofs drawProofs = LogProofs.drawProofs(DRAW, List.of(LEDGER - 1L, (long) LEDGER), LEDGER, nodes, checkpoint);

        ObjectMapper json = JsonMapper.builder().findAndAddModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
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
            int passes = 5;
            double[] replay = new double[passes];
            double[] total = new double[passes];
            double[] page = new double[passes];
            double[] cpu = new double[passes];
            for (int pass = 0; pass <= passes; pass++) {
                double cpu0 = browserCpuSeconds();
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
                    page[pass - 1] = t.getOrDefault("pageMs", Double.NaN).doubleValue() / 1000;
                    cpu[pass - 1] = browserCpuSeconds() - cpu0;
                }
            }
            Arrays.sort(replay);
            Arrays.sort(total);
            Arrays.sort(page);
            Arrays.sort(cpu);
            System.out.printf("BENCH verifier %d-target public draw (format 2, named randomness; %d selected, %d inspectors; package %d KB) "
                            + "in headless Chromium: all checks %.2f s from asking for the package to the verdict, of which DRAW-1 replay "
                            + "%.2f s; page opened to verdict %.2f s; CPU of the browser's processes per pass %.2f s (medians of %d after a warm-up; "
                            + "all checks per pass %s s) "
                            + "goal < 2 s: %s; load %s%n", KEY + GENERAL, selected.size(), INSPECTORS,
                    routes.get("/public/v1/draws/" + DRAW).length / 1024, total[passes / 2], replay[passes / 2], page[passes / 2], cpu[passes / 2], passes,
                    Arrays.toString(Arrays.stream(total).map(x -> Math.round(x * 100) / 100.0).toArray()),
                    page[passes / 2] < 2 ? "met" : "NOT met", loadAverage());
        } finally {
            browser.quit();
            server.stop(0);
        }
    }

    /** CPU time of this process's descendants (chromedriver, Chromium's processes): less sensitive to other load than wall time. */
    static double browserCpuSeconds() {
        return ProcessHandle.current().descendants().mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2] + " on " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return "unknown";
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
}
