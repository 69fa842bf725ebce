package cn.doublerandom.transparency.log;

import cn.doublerandom.draw.DrawFixture;
import cn.doublerandom.transparency.merkle.Merkle;
import cn.doublerandom.transparency.note.NoteKeys;
import cn.doublerandom.transparency.note.SignedNote;
import cn.doublerandom.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log follows the ledger record for record, signs a checkpoint of every size, and serves proofs
 * that an outsider (the Java verifier here, the auditors' Python script) accepts, and refuses
 * hostile parameters with problems.
 */
@QuarkusTest
class TransparencyLogTest {

    private static final String COUNTY = "130634";
    private static long itemId;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransparencyLog log;

    @BeforeEach
    void registries() {
        if (itemId == 0) {
            Api.as("admin", "130600").body("{}").put("/api/v1/policies/130600/2026").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            itemId = ((Number) Api.as("admin", "130600").body("""
                    {"regionCode":"130634","seqNo":"1","name":"污染源日常监管（透明日志测试）","category":"GENERAL","targetType":"排污单位",
                     "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                     "methods":["ON_SITE"],"jointInspection":false}""")
                    .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
            new DrawFixture(COUNTY).build(16, 2, 6, 8);
        }
    }

    private String drawAndExecute(String seed) {
        String id = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"kind\":\"DIRECTED\","
                        + "\"count\":2,\"filter\":{\"supervisionClass\":\"KEY\"},\"items\":[" + itemId + "]}")
                .post("/api/v1/draws").then().statusCode(201).extract().path("id");
        Api.operator(COUNTY).body("{\"seed\":\"" + seed + "\"}").post("/api/v1/draws/" + id + "/execute")
                .then().statusCode(200);
        return id;
    }

    private static NoteKeys.Verifier key() {
        return NoteKeys.verifier(Api.anonymous().get("/public/v1/log/key").then().statusCode(200).extract().asString().strip());
    }

    private static SignedNote.Checkpoint latest(NoteKeys.Verifier key) {
        String note = Api.anonymous().get("/public/v1/log/checkpoint").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        return SignedNote.parseCheckpoint(SignedNote.open(note, key).orElseThrow());
    }

    @Test
    void everyRecordIsALeafAndEverySizeASignedCheckpoint() throws SQLException {
        NoteKeys.Verifier key = key();
        SignedNote.Checkpoint before = latest(key);
        String id = drawAndExecute("77260701500000000001");
        SignedNote.Checkpoint after = latest(key);

        List<String> texts = strings("select text from ledger order by seq");
        assertEquals(texts.size(), after.size(), "the tree is as large as the ledger");
        assertEquals(before.size() + 2, after.size(), "a prepare and an execute: two leaves");
        List<byte[]> leaves = texts.stream().map(t -> Merkle.leafHash(t.getBytes(StandardCharsets.UTF_8))).toList();
        assertArrayEquals(Merkle.root(leaves), after.root(), "the checkpoint's root is RFC 9162's root of the record texts");
        assertEquals("doublerandom.local/log", after.origin());
        // the size in between (the prepare alone) was signed too
        String middle = Api.anonymous().get("/public/v1/log/checkpoints/" + (after.size() - 1)).then().statusCode(200)
                .extract().asString();
        assertArrayEquals(Merkle.root(leaves.subList(0, leaves.size() - 1)),
                SignedNote.parseCheckpoint(SignedNote.open(middle, key).orElseThrow()).root());

        // the draw's records: each proof verifies against the checkpoint, a flipped bit does not
        List<Long> seqs = longs("select seq from ledger where draw_id = '" + id + "' order by seq");
        for (long seq : seqs) {
            JsonPath p = Api.anonymous().get("/public/v1/log/proofs/inclusion?seq=" + seq).then().statusCode(200)
                    .body("treeSize", equalTo((int) after.size())).extract().jsonPath();
            byte[] leaf = Base64.getDecoder().decode(p.getString("leafHash"));
            assertArrayEquals(leaves.get((int) seq - 1), leaf);
            List<byte[]> proof = p.getList("proof", String.class).stream().map(Base64.getDecoder()::decode).toList();
            assertTrue(Merkle.verifyInclusion(seq - 1, after.size(), leaf, proof, after.root()));
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] first = flipped.get(0).clone();
            first[7] ^= 0x10;
            flipped.set(0, first);
            assertFalse(Merkle.verifyInclusion(seq - 1, after.size(), leaf, flipped, after.root()));
        }

        // an earlier checkpoint (not of size 0: from 0 anything is consistent) is consistent with the later one
        long from = before.size() > 0 ? before.size() : after.size() - 1;
        SignedNote.Checkpoint earlier = SignedNote.parseCheckpoint(SignedNote.open(Api.anonymous()
                .get("/public/v1/log/checkpoints/" + from).then().statusCode(200).extract().asString(), key).orElseThrow());
        JsonPath c = Api.anonymous().get("/public/v1/log/proofs/consistency?from=" + from + "&to=" + after.size())
                .then().statusCode(200).extract().jsonPath();
        List<byte[]> proof = c.getList("proof", String.class).stream().map(Base64.getDecoder()::decode).toList();
        assertTrue(Merkle.verifyConsistency(from, after.size(), earlier.root(), after.root(), proof));
        assertFalse(Merkle.verifyConsistency(from, after.size(), after.root(), after.root(), proof));

        // leaf ranges are the leaf hashes
        List<String> page = Api.anonymous().get("/public/v1/log/leaves?from=" + seqs.get(0) + "&limit=2").then()
                .statusCode(200).extract().jsonPath().getList("items.leafHash", String.class);
        assertEquals(List.of(b64(leaves.get((int) (seqs.get(0) - 1))), b64(leaves.get((int) (seqs.get(0) - 0)))), page);

        // a draw that is not public yet: no proofs by draw id
        Api.anonymous().get("/public/v1/log/draws/" + id).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        // the start-up catch-up finds nothing to do and keeps the size
        assertEquals(after.size(), log.catchUp());
    }

    /** The witness configured for the test profile (doublerandom.log.witnesses). */
    private static final NoteKeys.Signer WITNESS =
            NoteKeys.signer("PRIVATE+KEY+witness.test.example+0d80e195+Aa2ZKT7Ww1ZytMkVShrRW4NKIqcoj38nzxx9wV4Dyrgy");

    private static io.restassured.response.Response offer(String note) {
        return Api.anonymous().contentType("text/plain; charset=utf-8").body(note.getBytes(StandardCharsets.UTF_8))
                .post("/public/v1/log/cosignatures");
    }

    @Test
    void aWitnessCosignsCheckpointsAndATreeRewrittenSinceIsRefused() throws SQLException {
        drawAndExecute("77260701500000000004");
        NoteKeys.Verifier key = key();
        SignedNote.Checkpoint cp = latest(key);
        String text = SignedNote.checkpointText(cp.origin(), cp.size(), cp.root());
        offer(SignedNote.sign(text, WITNESS)).then().statusCode(200).body("size", equalTo((int) cp.size()))
                .body("witness", equalTo(WITNESS.verifier().text()));
        String served = Api.anonymous().get("/public/v1/log/checkpoints/" + cp.size()).then().statusCode(200).extract().asString();
        assertEquals(text, SignedNote.open(served, key).orElseThrow(), "the log's signature stays");
        assertEquals(text, SignedNote.open(served, WITNESS.verifier()).orElseThrow(), "and the witness's is served with it");

        NoteKeys.Signer stranger = NoteKeys.signer(NoteKeys.generate("witness.test.example", new java.security.SecureRandom()));
        offer(SignedNote.sign(text, stranger)).then().statusCode(400).contentType(containsString("application/problem+json"));
        offer(SignedNote.sign(SignedNote.checkpointText(cp.origin(), cp.size(), Merkle.emptyRoot()), WITNESS)).then()
                .statusCode(409).body("type", containsString("checkpoint-inconsistent"));
        offer(SignedNote.sign(SignedNote.checkpointText(cp.origin(), cp.size() + 1000, cp.root()), WITNESS)).then()
                .statusCode(409).body("type", containsString("checkpoint-inconsistent"));
        offer(SignedNote.sign(SignedNote.checkpointText("another.example/log", cp.size(), cp.root()), WITNESS)).then()
                .statusCode(400);
        for (String bad : List.of("", "x", "\n\n", text, text + "\n\u2014 witness.test.example AAAA\n", "\u0000\n\n\u2014 a b\n")) {
            offer(bad).then().statusCode(400).contentType(containsString("application/problem+json"));
        }

        // someone with the database's owner rights rewrites the tree (a ledger record's leaf and the subtrees above it)
        List<String> saved = strings("select level || ':' || encode(hash, 'hex') from log_node where idx = 0");
        try {
            behindTheServicesBack("update log_node set hash = sha256(hash) where idx = 0");
            String rewritten = Api.anonymous().get("/public/v1/log/proofs/consistency?from=0&to=" + cp.size()).then()
                    .statusCode(200).extract().path("toRoot");
            assertFalse(rewritten.equals(b64(cp.root())));
            // the rewritten tree's checkpoint is this log's tree now, but not the one the witness cosigned at that size
            offer(SignedNote.sign(SignedNote.checkpointText(cp.origin(), cp.size(), Base64.getDecoder().decode(rewritten)),
                    WITNESS)).then().statusCode(409).body("detail", containsString("cosigned"));
        } finally {
            for (String row : saved) {
                String[] parts = row.split(":");
                behindTheServicesBack("update log_node set hash = decode('" + parts[1] + "', 'hex') where idx = 0 and level = "
                        + parts[0]);
            }
        }
        offer(SignedNote.sign(text, WITNESS)).then().statusCode(200);
    }

    private void behindTheServicesBack(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try {
                s.execute(sql);
            } finally {
                s.execute("set session_replication_role = origin");
            }
        }
    }

    @Test
    void theTreeAndCheckpointsRefuseRewrites() {
        drawAndExecute("77260701500000000002");
        for (String sql : List.of("update log_node set hash = hash where level = 0 and idx = 0",
                "delete from log_checkpoint where size = 1", "truncate log_node", "truncate log_checkpoint",
                "delete from log_cosignature", "truncate log_cosignature")) {
            assertThrows(SQLException.class, () -> execute(sql), sql);
        }
    }

    @Test
    void hostileParametersAreProblems() {
        long size = latest(key()).size();
        List<String> answers = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String path : List.of("/proofs/inclusion?seq=-1", "/proofs/inclusion?seq=abc", "/proofs/inclusion?seq=0",
                "/proofs/inclusion?seq=1&size=99999999999999999999999", "/proofs/inclusion?seq=" + (size + 1),
                "/proofs/inclusion?seq=1&size=" + (size + 1000), "/proofs/inclusion", "/proofs/inclusion?seq=01",
                "/proofs/inclusion?seq=1e3", "/proofs/inclusion?seq=%EF%BC%91",
                "/proofs/consistency?from=" + (size + 1), "/proofs/consistency", "/proofs/consistency?from=1&to=-5",
                "/proofs/consistency?from=1&to=" + Long.MAX_VALUE, "/leaves?limit=0", "/leaves?limit=1001",
                "/leaves?from=0", "/leaves?from=-1", "/leaves?from=x", "/checkpoints/-1", "/checkpoints/abc",
                "/checkpoints/1.5")) {
            io.restassured.response.Response r = Api.anonymous().urlEncodingEnabled(false).get("/public/v1/log" + path);
            answers.add(path + " " + r.statusCode() + " " + r.contentType());
            expected.add(path + " 400 application/problem+json");
        }
        assertEquals(expected, answers);
        Api.anonymous().urlEncodingEnabled(false).get("/public/v1/log/proofs/inclusion?seq=1%00").then().statusCode(400);
        Api.anonymous().get("/public/v1/log/checkpoints/" + (size + 100_000)).then().statusCode(404)
                .contentType(containsString("application/problem+json"));
        Api.anonymous().urlEncodingEnabled(false).get("/public/v1/log/draws/D%00").then().statusCode(400);
        Api.anonymous().get("/public/v1/log/draws/../../etc").then().statusCode(404);
        Api.anonymous().get("/public/v1/log/leaves?from=" + (size + 1)).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void thePythonAuditorChecksTheLiveLog() throws IOException, InterruptedException {
        NoteKeys.Verifier key = key();
        long before = latest(key).size();
        Path old = Files.createTempFile("checkpoint", ".txt");
        Files.writeString(old, Api.anonymous().get("/public/v1/log/checkpoint").then().extract().asString());
        drawAndExecute("77260701500000000003");
        long after = latest(key).size();
        String base = "http://localhost:" + RestAssured.port;
        Result ok = python(base, key.text(), "--old", old.toString(), "--seq", "1", "--seq", String.valueOf(after), "--all");
        assertEquals(0, ok.status, ok.output);
        assertTrue(ok.output.contains("ok   the tree of size " + after + " extends the one of size " + before), ok.output);
        assertTrue(ok.output.contains("ok   the " + after + " leaves hash to the checkpoint's root"), ok.output);

        // another key with the same name: the signature is refused
        NoteKeys.Signer other = NoteKeys.signer(NoteKeys.generate(key.name(), new java.security.SecureRandom()));
        Result forged = python(base, other.verifier().text());
        assertEquals(1, forged.status, forged.output);
        assertTrue(forged.output.contains("FAIL"), forged.output);

        // an earlier checkpoint whose root was changed: its signature no longer verifies
        String note = Files.readString(old);
        String[] lines = note.split("\n", -1);
        lines[2] = b64(Merkle.emptyRoot());
        Files.writeString(old, String.join("\n", lines));
        Result tampered = python(base, key.text(), "--old", old.toString());
        assertEquals(1, tampered.status, tampered.output);
        Files.delete(old);
    }

    @Test
    void thePythonAuditorChecksAWitnessCosignature() throws IOException, InterruptedException {
        drawAndExecute("77260701500000000005");
        NoteKeys.Verifier key = key();
        SignedNote.Checkpoint cp = latest(key);
        Path kept = Files.createTempFile("checkpoint", ".txt");
        Files.writeString(kept, Api.anonymous().get("/public/v1/log/checkpoints/" + cp.size()).then().statusCode(200).extract().asString());
        offer(SignedNote.sign(SignedNote.checkpointText(cp.origin(), cp.size(), cp.root()), WITNESS)).then().statusCode(200);
        String base = "http://localhost:" + RestAssured.port;

        // kept before the witness cosigned: the service's copy of that size carries the cosignature now
        Result ok = python(base, key.text(), "--old", kept.toString(), "--witness", WITNESS.verifier().text());
        assertEquals(0, ok.status, ok.output);
        assertTrue(ok.output.contains("ok   the checkpoint of size " + cp.size() + " is cosigned by witness witness.test.example"),
                ok.output);

        // a witness key of the same name that never cosigned
        NoteKeys.Signer stranger = NoteKeys.signer(NoteKeys.generate("witness.test.example", new java.security.SecureRandom()));
        Result none = python(base, key.text(), "--old", kept.toString(), "--witness", stranger.verifier().text());
        assertEquals(1, none.status, none.output);
        assertTrue(none.output.contains("FAIL no checkpoint checked is cosigned by witness witness.test.example"), none.output);

        // a kept checkpoint whose cosignature line has one byte of its signature changed
        String served = Api.anonymous().get("/public/v1/log/checkpoints/" + cp.size()).then().extract().asString();
        String line = served.lines().filter(l -> l.startsWith("\u2014 witness.test.example ")).findFirst().orElseThrow();
        byte[] blob = Base64.getDecoder().decode(line.substring(line.lastIndexOf(' ') + 1));
        blob[10] ^= 1;
        Files.writeString(kept, served.replace(line, "\u2014 witness.test.example " + b64(blob)));
        Result forged = python(base, key.text(), "--old", kept.toString(), "--witness", WITNESS.verifier().text());
        assertEquals(1, forged.status, forged.output);
        assertTrue(forged.output.contains("FAIL a cosignature of witness.test.example: the signature of witness.test.example does "
                + "not verify"), forged.output);
        Files.delete(kept);
    }

    private record Result(int status, String output) {
    }

    private static Result python(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "audit/check_log.py"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out);
    }

    private static String b64(byte[] h) {
        return Base64.getEncoder().encodeToString(h);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }
}
