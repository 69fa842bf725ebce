package cn.doublerandom.portal;

import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.Sha256;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import cn.doublerandom.transparency.merkle.Merkle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A confidential result stays confidential: the guessing attack that the old package allowed (the pool is
 * mostly public, so a guess of the one missing target line hashes to the published poolHash, and a prepare
 * record rebuilt around it hashes to the logged leaf) confirms nothing against the salted commitment; once
 * the result is declassified the salt is shown and the Python auditor checks the commitment, the seed and
 * the records. Also: the auditor checks a seed named in advance against its source's form and the ledger's
 * order. 临西县 (130523) and 南宫市 (130524) are used by no other test.
 */
@QuarkusTest
class ConfidentialDrawTest {

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void aGuessedTargetIsConfirmedByThePoolHashButNotByTheSaltedCommitmentAndTheReleaseIsVerified() throws Exception {
        ResultFixture f = new ResultFixture("130523").drawn(clock, 2);
        clock.use(Clock.fixed(Instant.parse("2026-10-12T02:00:00Z"), ZoneOffset.UTC));
        String plainId = f.record(0, "2026-10-10", "2026-10-10", "NO_PROBLEM", "");
        f.record(1, "2026-10-10", "2026-10-10", "NO_PROBLEM", "");
        String secret = f.uscc(2);
        String secretId = f.record(2, "2026-10-10", "2026-10-10", "NO_PROBLEM",
                ",\"confidential\":true,\"confidentialReason\":\"涉及国家安全\"");
        publication.run();

        // what the bureau holds: the snapshot and records (the attacker will know all of it but one line and the salt)
        JsonPath export = Api.as("auditor", "ALL").get("/api/v1/draws/" + f.drawId + "/export").then().statusCode(200)
                .extract().jsonPath();
        String snapshot = export.getString("snapshot");
        String poolHash = export.getString("poolHash");
        String prepareText = export.getString("ledger[0].text");
        assertTrue(prepareText.matches("(?s).*\npool " + poolHash + "\ncommit [0-9a-f]{64}\nreplaces -\nsalt [0-9a-f]{32}\nat .*"),
                prepareText);

        // the withheld package: the salted commitment, and nothing that orders or hashes a guess
        JsonPath withheld = Api.anonymous().get("/public/v1/draws/" + f.drawId).then().statusCode(200)
                .body("withheld", equalTo(true)).body("poolHash", nullValue()).body("salt", nullValue())
                .body("nonce", nullValue()).body("seed", nullValue()).body("snapshot", nullValue())
                .body("records.text", everyItem(nullValue())).body("commit", matchesPattern("[0-9a-f]{64}"))
                .body("poolCommitment", matchesPattern("[0-9a-f]{64}")).extract().jsonPath();
        String commitment = withheld.getString("poolCommitment");
        JsonPath logged = Api.anonymous().get("/public/v1/log/draws/" + f.drawId).then().statusCode(200).extract().jsonPath();
        List<String> leaves = logged.getList("records.leafHash", String.class);
        List<String> published = new ArrayList<>(List.of(Api.anonymous().get("/public/v1/draws/" + f.drawId).asString(),
                Api.anonymous().get("/public/v1/draws?region=130523").asString(),
                Api.anonymous().get("/draws/" + f.drawId).asString(),
                logged.prettify()));

        // the attack: every line of the pool is known but the withheld target's; each target of the county is tried
        List<String> lines = new ArrayList<>(Arrays.asList(snapshot.split("\n")));
        String secretLine = lines.stream().filter(l -> l.startsWith("T ") && l.endsWith(" " + secret)).findFirst().orElseThrow();
        lines.remove(secretLine);
        String stratum = secretLine.split(" ")[1];
        List<String> candidates = f.targets.stream().map(t -> (String) t.get("uscc")).collect(Collectors.toList());
        int confirmedByPoolHash = 0;
        for (String guess : candidates) {
            TreeSet<String> pool = new TreeSet<>(java.util.Comparator.comparing((String l) -> l.getBytes(StandardCharsets.UTF_8),
                    Arrays::compareUnsigned));
            pool.addAll(lines);
            pool.add("T " + stratum + " " + guess);
            String guessedHash = Sha256.hex(String.join("\n", pool) + "\n");
            // the old scheme published poolHash: the guess of the secret target is confirmed, and only it
            if (guessedHash.equals(poolHash)) {
                confirmedByPoolHash++;
                assertEquals(secret, guess);
            }
            // the old prepare record (format 1) rebuilt around the guess: the record as written but its salt line
            String rebuilt = prepareText.replaceAll("\npool [0-9a-f]{64}\n", "\npool " + guessedHash + "\n")
                    .replaceAll("\nsalt [0-9a-f]{32}\n", "\n");
            String rebuiltLeaf = Base64.getEncoder().encodeToString(Merkle.leafHash(rebuilt.getBytes(StandardCharsets.UTF_8)));
            assertFalse(leaves.contains(rebuiltLeaf), "a leaf confirms the guess " + guess);
            assertFalse(withheld.getList("records.hash").contains(LedgerRecord.recordHash(withheld.getString("records[0].prevHash"),
                    rebuilt)), "a record hash confirms the guess " + guess);
            for (String body : published) {
                assertFalse(body.contains(guessedHash), "the pool hash of the guess " + guess + " is published");
                assertFalse(body.contains(secret), "the withheld target is published");
            }
        }
        assertEquals(1, confirmedByPoolHash, "the guessing attack works against a published pool hash");
        // the same attack on the seed: the old package's seed ranked a guess among the published targets
        assertFalse(String.join("", published).contains(export.getString("seed")), "the seed is published");

        Path kept = Files.createTempFile("withheld", ".json");
        Files.writeString(kept, Api.anonymous().get("/public/v1/draws/" + f.drawId).asString());
        String base = "http://localhost:" + RestAssured.port;
        String key = Api.anonymous().get("/public/v1/log/key").then().statusCode(200).extract().asString().strip();
        Result before = python(base, key, "--draw", f.drawId);
        assertEquals(0, before.status, before.output);
        assertTrue(before.output.contains("ok   draw " + f.drawId + " withholds a result and publishes none of"), before.output);

        // declassification: bad inputs are problems and change nothing
        Api.operator("130523").body("{}").post("/api/v1/results/" + secretId + "/declassify").then().statusCode(400)
                .contentType(containsString("application/problem+json"));
        Api.operator("130524").body("{\"reason\":\"保密期限届满\"}").post("/api/v1/results/" + secretId + "/declassify")
                .then().statusCode(403);
        Api.operator("130523").body("{\"reason\":\"保密期限届满\"}").post("/api/v1/results/R999999999/declassify")
                .then().statusCode(404);
        Api.operator("130523").body("{\"reason\":\"保密期限届满\"}").post("/api/v1/results/" + f.drawId + "/declassify")
                .then().statusCode(404);
        Api.operator("130523").body("{\"reason\":\"保密期限届满\"}").post("/api/v1/results/" + plainId + "/declassify")
                .then().statusCode(409).contentType(containsString("application/problem+json"));
        Api.anonymous().get("/public/v1/draws/" + f.drawId).then().body("withheld", equalTo(true));
        Api.operator("130523").body("{\"reason\":\"保密期限届满\"}").post("/api/v1/results/" + secretId + "/declassify")
                .then().statusCode(200).body("confidential", equalTo(false)).body("publication.state", equalTo("PUBLISHABLE"));
        Api.operator("130523").body("{\"reason\":\"再次解密\"}").post("/api/v1/results/" + secretId + "/declassify")
                .then().statusCode(409).contentType(containsString("application/problem+json"));
        publication.run();

        // released: the salt opens the commitment seen while withheld, and everything else is public
        JsonPath open = Api.anonymous().get("/public/v1/draws/" + f.drawId).then().statusCode(200)
                .body("withheld", equalTo(false)).body("poolHash", equalTo(poolHash)).body("snapshot", equalTo(snapshot))
                .body("poolCommitment", equalTo(commitment)).body("selected", hasItem(secret))
                .body("records.text", everyItem(notNullValue())).extract().jsonPath();
        assertEquals(commitment, Sha256.hex(open.getString("salt") + poolHash));
        assertEquals(prepareText, open.getString("records[0].text"));
        Api.anonymous().get("/public/v1/results?q=" + secret).then().statusCode(200).body("items.uscc", hasItem(secret));
        Result after = python(base, key, "--draw", f.drawId);
        assertEquals(0, after.status, after.output);
        assertTrue(after.output.contains("ok   draw " + f.drawId + ": SHA-256(salt + poolHash) is the poolCommitment " + commitment),
                after.output);
        assertTrue(after.output.contains("ok   draw " + f.drawId + ": the seed is given + \"|\" + nonce"), after.output);
        assertTrue(after.output.contains("(prepare) of draw " + f.drawId + " is in the tree"), after.output);

        // the released package against the one kept while withheld: a changed salt does not open the commitment
        String released = Api.anonymous().get("/public/v1/draws/" + f.drawId).asString();
        String salt = open.getString("salt");
        String forged = "0".repeat(32).equals(salt) ? "1".repeat(32) : "0".repeat(32);
        Files.writeString(kept, released.replace("\"salt\":\"" + salt + "\"", "\"salt\":\"" + forged + "\""));
        Result bad = python(base, key, "--package", kept.toString());
        assertEquals(1, bad.status, bad.output);
        assertTrue(bad.output.contains("FAIL draw " + f.drawId + ": SHA-256(salt + poolHash) is the poolCommitment"), bad.output);
        Files.delete(kept);
    }

    @Test
    void theAuditorChecksASeedNamedInAdvanceAgainstItsSourceAndTheLedgersOrder() throws Exception {
        String ssq = "01 05 12 19 24 30 + 11";
        ResultFixture f = new ResultFixture("130524").named("ssq 2026117", ssq).drawn(clock, 1);
        clock.use(Clock.fixed(Instant.parse("2026-10-12T02:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < f.targets.size(); i++) {
            f.record(i, "2026-10-10", "2026-10-10", "NO_PROBLEM", "");
        }
        publication.run();
        String base = "http://localhost:" + RestAssured.port;
        String key = Api.anonymous().get("/public/v1/log/key").then().statusCode(200).extract().asString().strip();
        Result ok = python(base, key, "--draw", f.drawId);
        assertEquals(0, ok.status, ok.output);
        assertTrue(ok.output.contains("ok   draw " + f.drawId + ": the given seed '" + ssq + "' has the form of ssq's value"), ok.output);
        assertTrue(ok.output.contains("ok   draw " + f.drawId + ": the announcement of ssq 2026117 (record "), ok.output);

        // a package whose prepare record named another source, or came after the execute record: refused
        String pkg = Api.anonymous().get("/public/v1/draws/" + f.drawId).asString();
        Path file = Files.createTempFile("named", ".json");
        Files.writeString(file, pkg.replace("randomness ssq 2026117", "randomness drand 2026117"));
        Result other = python(base, key, "--package", file.toString());
        assertEquals(1, other.status, other.output);
        assertTrue(other.output.contains("FAIL draw " + f.drawId + ": the given seed '" + ssq + "' has the form of drand's value"),
                other.output);
        JsonPath p = JsonPath.from(pkg);
        Map<String, Object> prepare = p.getMap("records[0]");
        Map<String, Object> execute = p.getMap("records[1]");
        String at = execute.get("text").toString().replaceAll("(?s).*\nat (\\S+)\n$", "$1");
        String later = prepare.get("text").toString().replaceAll("\nat \\S+\n$", "\nat " + at.replace("2026-10-09", "2026-10-10") + "\n");
        Files.writeString(file, pkg.replace(jsonText(prepare.get("text").toString()), jsonText(later)));
        Result late = python(base, key, "--package", file.toString());
        assertEquals(1, late.status, late.output);
        assertTrue(late.output.contains("FAIL draw " + f.drawId + ": the announcement of ssq 2026117"), late.output);
        Files.delete(file);
    }

    private static String jsonText(String text) {
        return new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(text));
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
}
