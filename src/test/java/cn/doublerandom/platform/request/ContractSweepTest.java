package cn.doublerandom.platform.request;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.security.DevTokens;
import cn.doublerandom.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seeded hostile sweep of the served contract. For every operation of {@code /q/openapi} it sends
 * generated hostile values in each path, query and header parameter and in each field of the request
 * body (wrong types, NUL and raw non-UTF-8 bytes, extreme dates, huge and negative numbers, SQL and
 * LIKE metacharacters, formula-leading text, trailing JSON, deep and huge bodies) under every role and
 * under forged tokens. Every answer must be below 500, every 4xx a problem document, and the
 * refusable requests must leave every table's rows as they were.
 *
 * <p>Hostile text that is nonetheless a legal value (a name with a quote in it, a seed of {@code %})
 * may be stored by a write: those requests run after the digest is compared, held only to "no 5xx,
 * a problem for every 4xx". Answers the HTTP decoder writes before any of the service runs (414 for a
 * request line over its limit, a bare 400 for raw control bytes in it) are counted apart as transport.
 * The seed is printed; {@code -Dsweep.seed=N} runs another one. The full list of bad answers goes to
 * {@code target/contract-sweep.txt}.
 */
@QuarkusTest
class ContractSweepTest {

    private static final long DEFAULT_SEED = 20261207L;
    private static final String COUNTY = "131026";
    private static final String SECOND_COUNTY = "131025";
    private static final String CITY = "131000";
    private static final String NOWHERE_ID = "999999";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}Q\\d");
    private static final Pattern CODE = Pattern.compile("[0-9A-Z]{6,18}");
    private static final Pattern ENUM = Pattern.compile("[A-Z][A-Z_]+");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Hostile text for any parameter: each a label and the bytes that go on the wire, unencoded. */
    private static final List<String> TEXT = List.of(
            "", " ", "x'; drop table target; --", "' OR '1'='1", "%", "_", "%_%", "13%", "13____", "\\", "\\%", "'", "\"",
            "=HYPERLINK(\"http://evil.example\",\"点击\")", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-2+3",
            "<script>alert(1)</script>", "../../etc/passwd", "..%2F..%2Fetc", "${jndi:ldap://x/a}", "\u202Eabc", "😀😀",
            "１３０１２３", "130123\n", "a\r\nX-Injected: 1", "\u0000", "a\u0000b", "-1", "0", "-9223372036854775809",
            "9223372036854775808", "99999999999999999999999", "1e400", "NaN", "Infinity", "0x10", "true", "null", "[]", "{}",
            "+999999999-12-31", "-999999999-01-01", "0000-01-01", "10000-01-01", "2026-02-30", "2026-13-01",
            "2026-01-01T00:00:00Z", "2026Q9", "2026Q0", "+999999999Q4", "-1Q1", "2026-00", "999999999-12",
            "W/\"x\"", "*", "A".repeat(3000), "名".repeat(300));
    /** Bytes no client library sends: raw NUL, bytes that are not UTF-8, a lone continuation byte. */
    private static final List<byte[]> RAW = List.of(new byte[]{0}, new byte[]{'a', 0, 'b'}, new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF},
            new byte[]{(byte) 0x80}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[]{(byte) 0xC0, (byte) 0xAF});

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServiceClock clock;

    private Random random;
    private final Map<String, Integer> classes = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final List<String> writers = new ArrayList<>();
    private int requests;
    private Fixture fx;
    private PrivateKey otherKey;

    @Test
    void everyOperationAnswersHostileInputWithAProblemAndTheRefusedOnesWriteNothing() throws Exception {
        long seed = Long.getLong("sweep.seed", DEFAULT_SEED);
        System.out.println("CONTRACT SWEEP seed " + seed + " (replay with -Dsweep.seed=" + seed + ")");
        random = new Random(seed);
        clock.use(Clock.fixed(Instant.parse("2026-10-20T02:00:00Z"), ZoneOffset.UTC));
        try {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            otherKey = rsa.generateKeyPair().getPrivate();
            fx = fixture();
            List<Operation> operations = operations(MAPPER.readTree(Api.anonymous().get("/q/openapi?format=json").asString()));
            assertTrue(operations.size() > 80, "the served contract has " + operations.size() + " operations");

            Map<String, String> before = digest();
            long started = System.nanoTime();
            List<Sent> legalText = new ArrayList<>();
            for (Operation op : operations) {
                roles(op);
                forgedTokens(op);
                parameters(op, legalText);
                bodies(op, legalText);
            }
            transport();
            int refusable = requests;
            Map<String, String> after = digest();
            // hostile text that is also a legal value: may be stored, must still never be a 5xx or a bare 4xx
            for (Sent s : legalText) {
                if (new String(s.target(), StandardCharsets.ISO_8859_1).startsWith("/api/v1/calendar/")) {
                    continue;
                }
                check(s, send(s), true);
            }
            System.out.printf(Locale.ROOT, "CONTRACT SWEEP: %d operations, %d requests (%d refusable, %d legal text) in %d s; by status class %s%n",
                    operations.size(), requests, refusable, legalText.size(), (System.nanoTime() - started) / 1_000_000_000L, classes);
            Map<String, String> changed = new TreeMap<>();
            for (String table : before.keySet()) {
                if (!before.get(table).equals(after.get(table))) {
                    changed.put(table, before.get(table) + " -> " + after.get(table));
                }
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "contract-sweep.txt"), "seed " + seed + "\n" + classes
                    + "\n\nFAILURES\n" + String.join("\n", failures) + "\n\nCHANGED TABLES\n" + changed
                    + "\n\nREFUSED REQUESTS THAT STARTED A WRITING TRANSACTION\n" + String.join("\n", writers) + "\n");
            assertTrue(failures.isEmpty(), failures.size() + " bad answers (all in target/contract-sweep.txt):\n"
                    + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
            assertEquals(Map.of(), changed, "tables a refusable request changed; requests that started a writing transaction:\n"
                    + String.join("\n", writers.subList(0, Math.min(40, writers.size()))));
            assertEquals(before.keySet(), after.keySet());
            assertTrue(requests >= 2000 && requests <= 6000, requests + " requests");
        } finally {
            clock.use(Clock.systemUTC());
        }
    }

    // ---------------------------------------------------------------------------------- the fixture

    /** What the sweep's plausible values point at: rows of its own counties, written before the digest. */
    private record Fixture(long item, String target, String inspector, String executedDraw, String preparedDraw,
                           String selected, List<String> team, String result) {
    }

    private Fixture fixture() {
        Api.as("admin", CITY).body("{}").put("/api/v1/policies/" + CITY + "/2026").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        long item = ((Number) Api.as("admin", CITY).body("""
                {"regionCode":"%s","seqNo":"SW1","name":"污染源日常监管（扫描测试）","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                 "methods":["ON_SITE"],"jointInspection":true}""".formatted(CITY))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
        List<String> targets = registries(COUNTY);
        registries(SECOND_COUNTY);
        String executed = prepare(COUNTY, item);
        Response run = Api.operator(COUNTY).body("{\"seed\":\"2718281828459045\"}").post("/api/v1/draws/" + executed + "/execute");
        run.then().statusCode(200);
        String selected = run.path("targets[0].uscc");
        List<String> team = run.path("targets[0].team");
        if (team == null || team.isEmpty()) {
            team = List.of(inspectorCode(COUNTY, 1));
        }
        String prepared = prepare(SECOND_COUNTY, item);
        Response recorded = Api.operator(COUNTY).body("""
                {"drawId":"%s","uscc":"%s","inspectionDate":"2026-10-20","determinationDate":"2026-10-20","wording":"CORRECTED",
                 "problems":[{"type":"DUST_CONTROL","description":"料场未苫盖","violation":true,"nonSite":false}],
                 "handling":["IMMEDIATE_CORRECTION"],"violationFound":true,"nonSite":false,"team":%s}"""
                .formatted(executed, selected, json(team))).post("/api/v1/results");
        String result = recorded.statusCode() == 201 ? String.valueOf((Object) recorded.path("id")) : NOWHERE_ID;
        if (recorded.statusCode() != 201) {
            System.out.println("CONTRACT SWEEP: no result fixture: " + recorded.statusCode() + " " + recorded.asString());
        }
        return new Fixture(item, targets.get(0), inspectorCode(COUNTY, 1), executed, prepared, selected, team, result);
    }

    private static List<String> registries(String county) {
        List<String> usccs = new ArrayList<>();
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,运营状态\n");
        for (int i = 0; i < 8; i++) {
            String u = Api.uscc(county);
            usccs.add(u);
            csv.append(u).append(",扫描企业").append(i).append(',').append(county).append(",,").append(i < 4 ? "重点管理" : "登记管理")
                    .append(",B,生产\n");
        }
        Api.operator(county).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员,回避企业\n");
        for (int i = 1; i <= 4; i++) {
            staff.append(inspectorCode(county, i)).append(",扫描员").append(i).append(',').append(county).append(",冀环执字S").append(county)
                    .append(i).append(",2030-12-31,在岗,是,否,\n");
        }
        Api.operator(county).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        return usccs;
    }

    private static String inspectorCode(String county, int i) {
        return "SW" + county + "-" + i;
    }

    private static String prepare(String county, long item) {
        return Api.operator(county).body("{\"authority\":\"" + county + "\",\"quarter\":\"2026Q4\",\"items\":[" + item + "]}")
                .post("/api/v1/draws").then().statusCode(201).extract().path("id");
    }

    // ---------------------------------------------------------------------------------- the contract

    private record Param(String name, String in, boolean required) {
    }

    private record Operation(String method, String template, List<Param> params, String mediaType, JsonNode example,
                             List<String> roles) {
        boolean writes() {
            return !method.equals("GET");
        }

        boolean json() {
            return mediaType != null && mediaType.equals("application/json");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    private List<Operation> operations(JsonNode contract) {
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    params.add(new Param(p.get("name").asText(), p.get("in").asText(), p.path("required").asBoolean()));
                }
                String mediaType = null;
                JsonNode example = null;
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (!content.isMissingNode()) {
                    mediaType = content.fieldNames().next();
                    if (content.has("application/json")) {
                        mediaType = "application/json";
                        example = example(contract, content.get("application/json"));
                    }
                }
                out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), params, mediaType, example,
                        new ArrayList<>()));
            }
        }
        return out;
    }

    /** The request body's first example, pointed at the sweep's own rows. */
    private JsonNode example(JsonNode contract, JsonNode content) {
        JsonNode ex = content.get("example");
        if (ex == null && content.has("examples")) {
            ex = content.get("examples").elements().next();
        }
        if (ex != null && ex.has("$ref")) {
            String[] ref = ex.get("$ref").asText().substring(2).split("/");
            ex = contract;
            for (String part : ref) {
                ex = ex.get(part);
            }
        }
        if (ex != null && ex.has("value")) {
            ex = ex.get("value");
        }
        if (ex == null) {
            return JSON.objectNode();
        }
        String text = ex.toString()
                .replace("\"D000000001\"", "\"" + fx.executedDraw() + "\"")
                .replace("91130123MA0CX5XK18", fx.selected())
                .replace("91130184MA0CX5XK1K", fx.target())
                .replace("\"ZD-001\"", "\"" + fx.team().get(0) + "\"")
                .replace("\"ZD-002\"", "\"" + fx.team().get(fx.team().size() - 1) + "\"")
                .replace("\"ZD-007\"", "\"" + inspectorCode(COUNTY, 4) + "\"")
                .replace("\"130100\"", "\"" + CITY + "\"")
                .replace("\"130123\"", "\"" + COUNTY + "\"")
                .replace("\"130184\"", "\"" + COUNTY + "\"")
                .replace("2027", "2099");
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------- the generators

    /** Which roles an operation admits: a malformed body, or a plain read, under each role and none. */
    private void roles(Operation op) {
        op.roles().clear();
        for (String role : new String[]{null, "operator", "city", "auditor", "admin"}) {
            Sent s = base(op, role == null ? Token.none() : Token.role(role), null);
            if (op.mediaType() != null) {
                s = s.withBody(op.json() ? "{".getBytes(StandardCharsets.UTF_8) : new byte[0], op.mediaType());
            }
            Answer a = check(s, send(s), false);
            if (role == null) {
                if (a.status() != 401) {
                    op.roles().add("");
                }
            } else if (a.status() != 401 && a.status() != 403) {
                op.roles().add(role);
            }
        }
        if (op.roles().isEmpty() || op.roles().equals(List.of(""))) {
            op.roles().add("operator");
        }
    }

    /** Tokens nobody issued, or issued for something else, each under a few operations. */
    private void forgedTokens(Operation op) {
        List<Token> forged = forged();
        for (int i = 0; i < 3; i++) {
            Token t = forged.get(random.nextInt(forged.size()));
            Sent s = base(op, t, null);
            if (op.mediaType() != null) {
                s = s.withBody(op.json() ? exampleBytes(op) : "x".getBytes(StandardCharsets.UTF_8), op.mediaType());
            }
            // a forged token must never get a protected operation done, even with a valid body
            Answer a = send(s);
            check(s, a, false);
            if (!op.roles().contains("") && a.status() < 400) {
                failures.add(s + " with forged token " + t.label() + " -> " + a.status());
            }
        }
    }

    private List<Token> forged() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + DevTokens.ISSUER + "\",\"upn\":\"x\",\"groups\":[\"admin\"],\"region\":\"" + COUNTY
                + "\",\"exp\":" + (Instant.now().getEpochSecond() + 3600) + "}");
        String valid = DevTokens.mint("op", "operator", COUNTY);
        return List.of(
                new Token("alg-none", "Bearer " + header + "." + claims + "."),
                new Token("other-key", "Bearer " + Jwt.issuer(DevTokens.ISSUER).upn("x").groups(Set.of("admin")).claim("region", COUNTY)
                        .expiresIn(Duration.ofHours(1)).sign(otherKey)),
                new Token("expired", "Bearer " + Jwt.issuer(DevTokens.ISSUER).upn("x").groups(Set.of("operator")).claim("region", COUNTY)
                        .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign()),
                new Token("other-issuer", "Bearer " + Jwt.issuer("https://evil.example").upn("x").groups(Set.of("operator"))
                        .claim("region", COUNTY).expiresIn(Duration.ofHours(1)).sign()),
                new Token("tampered", "Bearer " + valid.substring(0, valid.length() - 4) + (valid.endsWith("AAAA") ? "BBBB" : "AAAA")),
                new Token("region-%", "Bearer " + DevTokens.mint("x", "operator", "%")),
                new Token("region-empty", "Bearer " + DevTokens.mint("x", "operator", "")),
                new Token("region-13%", "Bearer " + DevTokens.mint("x", "city", "13%")),
                new Token("region-sql", "Bearer " + DevTokens.mint("x", "operator", COUNTY + "' OR '1'='1")),
                new Token("operator-ALL", "Bearer " + DevTokens.mint("x", "operator", "ALL")),
                new Token("admin-ALL", "Bearer " + DevTokens.mint("x", "admin", "ALL")),
                new Token("no-role", "Bearer " + DevTokens.mint("x", "superuser", COUNTY)),
                new Token("garbage", "Bearer a.b.c"),
                new Token("empty-bearer", "Bearer "),
                new Token("basic", "Basic b3BlcmF0b3I6b3BlcmF0b3I="),
                new Token("huge", "Bearer " + "A".repeat(6000)));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Hostile values in each parameter, one at a time, the others plausible. */
    private void parameters(Operation op, List<Sent> legalText) {
        for (Param p : op.params()) {
            int n = p.in().equals("path") ? 10 : p.in().equals("query") ? 7 : 3;
            for (int i = 0; i < n; i++) {
                Sent s = roleBase(op, p.in().equals("path") ? p.name() : null);
                byte[] value;
                boolean raw = p.in().equals("header") ? false : random.nextInt(6) == 0;
                if (raw) {
                    value = RAW.get(random.nextInt(RAW.size()));
                } else {
                    String text = TEXT.get(random.nextInt(TEXT.size()));
                    value = (p.in().equals("header") ? text.replaceAll("[\\x00-\\x1f\\x7f]", "?") : encode(text))
                            .getBytes(StandardCharsets.UTF_8);
                }
                s = s.with(p, value);
                if (op.mediaType() != null) {
                    s = s.withBody(op.json() ? exampleBytes(op) : "x".getBytes(StandardCharsets.UTF_8), op.mediaType());
                }
                // on a write, a hostile header or file name may be a legal value, and so may "0" as a new inspector's
                // code: run those with the legal text
                boolean legalCode = op.method().equals("PUT") && p.name().equals("code")
                        && new String(value, StandardCharsets.UTF_8).matches("[0-9A-Z-]{1,32}");
                if (op.writes() && (p.in().equals("header") || p.in().equals("query")) || legalCode) {
                    legalText.add(s);
                } else {
                    check(s, send(s), false);
                }
            }
        }
    }

    /** Whole bodies that are not one JSON value, too deep or too large; then each field with hostile values. */
    private void bodies(Operation op, List<Sent> legalText) {
        if (op.mediaType() == null) {
            return;
        }
        if (!op.json()) {
            byte[] noise = new byte[4096];
            random.nextBytes(noise);
            for (byte[] body : List.of(new byte[0], noise, "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1),
                    "\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, '\n'})) {
                Sent s = roleBase(op, null).withBody(body, op.mediaType());
                check(s, send(s), false);
            }
            return;
        }
        byte[] example = exampleBytes(op);
        List<byte[]> whole = new ArrayList<>(List.of(bytes(""), bytes("{"), bytes("{} {}"), concat(example, bytes(" {}")),
                concat(example, bytes(" x")), concat(example, bytes("]")), concat(example, example), bytes("null"), bytes("[]"),
                concat(concat(bytes("["), example), bytes("]")), bytes("\"text\""), bytes("42"), bytes("true"),
                concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes("{\"x\":")),
                concat(bytes("{\"a\":\""), new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, '"', '}'}),
                bytes("{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"),
                bytes("{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}"),
                bytes("{\"unknownField\":1}"), bytes("{\"x\":\"a\u0000b\"}")));
        if (random.nextInt(8) == 0) {
            whole.add(bytes("[" + "1,".repeat(1_000_000) + "1]"));
        }
        for (byte[] body : whole) {
            Sent s = roleBase(op, null).withBody(body, op.mediaType());
            check(s, send(s), false);
        }
        // the right JSON in the wrong media type
        Sent plain = roleBase(op, null).withBody(example, "text/plain");
        check(plain, send(plain), false);

        for (Map.Entry<String, JsonNode> field : fields(op.example(), "").entrySet()) {
            for (int i = 0; i < 3; i++) {
                Mutation m = mutate(field.getValue());
                byte[] body = replace(op.example(), field.getKey(), m);
                Sent s = roleBase(op, null).withBody(body, op.mediaType()).label(field.getKey() + "=" + m.label());
                if (m.legal()) {
                    legalText.add(s);
                } else {
                    check(s, send(s), false);
                }
            }
        }
    }

    /** What a parser and the HTTP layer see before any resource: request lines and headers no client sends. */
    private void transport() {
        String path = "/api/v1/targets/" + fx.target();
        Token op = Token.role("operator");
        List<Sent> odd = List.of(
                new Sent("GET", bytes(path + "?asOf=" + "1".repeat(6000)), op, List.of(), null, null, "long query"),
                new Sent("GET", bytes("/public/v1/results?q=" + "%E5%90%8D".repeat(1000)), Token.none(), List.of(), null, null, "long encoded query"),
                new Sent("GET", bytes(path), op, List.<String[]>of(new String[]{"Accept-Language", "zz;q=2," + "x".repeat(2000)}), null, null, "odd language"),
                new Sent("GET", bytes(path), op, List.<String[]>of(new String[]{"Accept", "application/xml"}), null, null, "xml only"),
                new Sent("GET", bytes("/public/v1/draws"), Token.none(), List.<String[]>of(new String[]{"If-None-Match", "\"" + "x".repeat(3000) + "\""}), null, null, "long etag"),
                new Sent("POST", bytes("/api/v1/draws"), op, List.of(), bytes("{\"authority\":\"" + COUNTY + "\"}"), "application/json; charset=ISO-8859-1", "latin1 json"),
                new Sent("POST", bytes("/api/v1/draws"), op, List.<String[]>of(new String[]{"Content-Encoding", "gzip"}), bytes("{}"), "application/json", "fake gzip"),
                new Sent("POST", bytes("/api/v1/draws"), op, List.of(), new byte[33 * 1024 * 1024], "application/json", "over the body limit"));
        for (Sent s : odd) {
            check(s, send(s), false);
        }
    }

    // ---------------------------------------------------------------------------------- body fields

    private record Mutation(String label, JsonNode value, byte[] raw, boolean legal) {
    }

    /** Every field of the example, objects and arrays included, by JSON pointer. */
    private static Map<String, JsonNode> fields(JsonNode node, String at) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = at + "/" + e.getKey();
                out.put(p, e.getValue());
                out.putAll(fields(e.getValue(), p));
            });
        } else if (node.isArray() && !node.isEmpty()) {
            out.putAll(fields(node.get(0), at + "/0"));
        }
        return out;
    }

    private Mutation mutate(JsonNode original) {
        List<Mutation> refusable = new ArrayList<>();
        List<Mutation> legal = new ArrayList<>();
        refusable.add(new Mutation("object", JSON.objectNode().put("$ne", ""), null, false));
        refusable.add(new Mutation("nested", deep(50), null, false));
        if (!original.isArray()) {
            refusable.add(new Mutation("array", JSON.arrayNode().add(1).add("x"), null, false));
        }
        if (original.isTextual()) {
            String text = original.asText();
            refusable.add(new Mutation("NUL", JSON.textNode("a\u0000b"), null, false));
            refusable.add(new Mutation("NUL only", JSON.textNode("\u0000"), null, false));
            refusable.add(new Mutation("not UTF-8", null, new byte[]{'"', (byte) 0xC3, 0x28, (byte) 0xFF, '"'}, false));
            refusable.add(new Mutation("lone surrogate", null, bytes("\"\\ud800\""), false));
            if (DATE.matcher(text).matches()) {
                for (String d : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "10000-01-01", "2026-02-30", "2026-13-01", "yesterday")) {
                    refusable.add(new Mutation(d, JSON.textNode(d), null, false));
                }
            } else if (QUARTER.matcher(text).matches()) {
                for (String q : List.of("2026Q9", "2026Q0", "+999999999Q4", "-1Q1", "%")) {
                    refusable.add(new Mutation(q, JSON.textNode(q), null, false));
                }
            } else if (ENUM.matcher(text).matches()) {
                for (String e : List.of("%", "", text.toLowerCase(Locale.ROOT) + "'--")) {
                    refusable.add(new Mutation(e, JSON.textNode(e), null, false));
                }
                // an upper-case word is refused where the field is an enum, and is a new code where it names one
                legal.add(new Mutation("EVERYTHING", JSON.textNode("EVERYTHING"), null, true));
            } else if (CODE.matcher(text).matches() && !text.matches("\\d{1,5}")) {
                for (String c : List.of("%", "13____", text.substring(0, text.length() - 1) + "%", text + "' OR '1'='1", "")) {
                    refusable.add(new Mutation(c, JSON.textNode(c), null, false));
                }
            }
            for (String t : List.of("x'; drop table target; --", "%_\\'", "=HYPERLINK(\"http://evil.example\",\"点击\")", "+cmd|' /C calc'!A0",
                    "<script>alert(1)</script>", "\u202Eabc", "😀", "A".repeat(100_000), "名".repeat(5000), " ", "")) {
                legal.add(new Mutation(t.length() > 40 ? "long " + t.length() : t, JSON.textNode(t), null, true));
            }
            legal.add(new Mutation("number", JSON.numberNode(1), null, true));
            legal.add(new Mutation("boolean", JSON.booleanNode(true), null, true));
        } else if (original.isNumber()) {
            refusable.add(new Mutation("text", JSON.textNode("abc"), null, false));
            refusable.add(new Mutation("-1", JSON.numberNode(-1), null, false));
            refusable.add(new Mutation("long min-1", null, bytes("-9223372036854775809"), false));
            refusable.add(new Mutation("huge", null, bytes("99999999999999999999999999"), false));
            refusable.add(new Mutation("1e400", null, bytes("1e400"), false));
            refusable.add(new Mutation("NaN", null, bytes("NaN"), false));
            legal.add(new Mutation("0", JSON.numberNode(0), null, true));
            legal.add(new Mutation("1.5", JSON.numberNode(1.5), null, true));
            legal.add(new Mutation("int max", JSON.numberNode(Integer.MAX_VALUE), null, true));
        } else if (original.isBoolean()) {
            refusable.add(new Mutation("yes", JSON.textNode("yes"), null, false));
            refusable.add(new Mutation("2", JSON.numberNode(2), null, false));
        } else if (original.isArray()) {
            refusable.add(new Mutation("text", JSON.textNode("all"), null, false));
            refusable.add(new Mutation("[null]", JSON.arrayNode().addNull(), null, false));
            refusable.add(new Mutation("[{}]", JSON.arrayNode().add(JSON.objectNode()), null, false));
            ArrayNode many = JSON.arrayNode();
            for (int i = 0; i < 100_000; i++) {
                many.add(original.isEmpty() ? JSON.numberNode(i) : original.get(0));
            }
            refusable.add(new Mutation("100000 elements", many, null, false));
            legal.add(new Mutation("[]", JSON.arrayNode(), null, true));
        } else if (original.isObject()) {
            refusable.add(new Mutation("text", JSON.textNode("x"), null, false));
            refusable.add(new Mutation("unknown field", ((ObjectNode) original.deepCopy()).put("sweepUnknown", 1), null, false));
        }
        legal.add(new Mutation("null", JSON.nullNode(), null, true));
        // three in four refusable: those are the ones the digest holds
        List<Mutation> pool = random.nextInt(4) == 0 ? legal : refusable;
        return pool.get(random.nextInt(pool.size()));
    }

    private static JsonNode deep(int depth) {
        JsonNode n = JSON.numberNode(1);
        for (int i = 0; i < depth; i++) {
            n = JSON.arrayNode().add(n);
        }
        return n;
    }

    /** The example with the field at pointer replaced, written out; raw replacements go in as bytes. */
    private static byte[] replace(JsonNode example, String pointer, Mutation m) {
        JsonNode copy = example.deepCopy();
        String marker = "\u0001SWEEP\u0001";
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = copy.at(pointer.substring(0, slash));
        String key = pointer.substring(slash + 1);
        JsonNode value = m.raw() != null ? JSON.textNode(marker) : m.value();
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(key), value);
        } else {
            ((ObjectNode) parent).set(key, value);
        }
        String text = copy.toString();
        if (m.raw() == null) {
            return bytes(text);
        }
        int at = text.indexOf("\"\\u0001SWEEP\\u0001\"");
        return concat(concat(bytes(text.substring(0, at)), m.raw()), bytes(text.substring(at + "\"\\u0001SWEEP\\u0001\"".length())));
    }

    // ---------------------------------------------------------------------------------- requests

    private record Token(String label, String header) {
        static Token none() {
            return new Token("none", null);
        }

        static Token role(String role) {
            String region = switch (role) {
                case "operator" -> COUNTY;
                case "auditor" -> "ALL";
                default -> CITY;
            };
            return new Token(role, "Bearer " + DevTokens.mint("sweep-" + role, role, region));
        }
    }

    /** One request: everything but the host, as bytes. */
    private record Sent(String method, byte[] target, Token token, List<String[]> headers, byte[] body, String contentType,
                        String note) {
        Sent with(Param p, byte[] value) {
            String t = new String(target, StandardCharsets.ISO_8859_1);
            byte[] v = value;
            switch (p.in()) {
                case "path" -> {
                    int at = t.indexOf("{" + p.name() + "}");
                    byte[] out = concat(concat(java.util.Arrays.copyOf(target, at), v),
                            java.util.Arrays.copyOfRange(target, at + p.name().length() + 2, target.length));
                    return new Sent(method, out, token, headers, body, contentType, p.name() + "=" + show(v));
                }
                case "query" -> {
                    byte[] out = concat(concat(target, bytes((t.contains("?") ? "&" : "?") + p.name() + "=")), v);
                    return new Sent(method, out, token, headers, body, contentType, p.name() + "=" + show(v));
                }
                default -> {
                    List<String[]> h = new ArrayList<>(headers);
                    h.add(new String[]{p.name(), new String(v, StandardCharsets.UTF_8)});
                    return new Sent(method, target, token, h, body, contentType, p.name() + ": " + show(v));
                }
            }
        }

        Sent withBody(byte[] b, String type) {
            return new Sent(method, target, token, headers, b, type, note);
        }

        Sent label(String l) {
            return new Sent(method, target, token, headers, body, contentType, l);
        }

        @Override
        public String toString() {
            String t = new String(target, StandardCharsets.ISO_8859_1);
            return method + " " + (t.length() > 120 ? t.substring(0, 120) + "…" : t) + " [" + token.label() + "] "
                    + (note == null ? "" : note) + (body == null ? "" : " body=" + show(body));
        }

        private static String show(byte[] v) {
            String s = new String(v, StandardCharsets.UTF_8).replaceAll("[\\x00-\\x1f]", "¿");
            return s.length() > 60 ? s.substring(0, 60) + "…(" + v.length + " bytes)" : s;
        }
    }

    /** The operation with plausible values in its path and required query parameters, under a token. */
    private Sent base(Operation op, Token token, String keep) {
        String path = op.template();
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{") && !segments[i].equals("{" + keep + "}")) {
                String name = segments[i].substring(1, segments[i].length() - 1);
                String owner = i > 0 ? segments[i - 1] : "";
                path = path.replace(segments[i], encode(plausible(op, name, owner)));
            }
        }
        StringBuilder query = new StringBuilder();
        for (Param p : op.params()) {
            if (p.in().equals("query") && p.required()) {
                query.append(query.isEmpty() ? "?" : "&").append(p.name()).append('=').append(encode(plausible(op, p.name(), "")));
            }
        }
        // keep the template's braces for the parameter a generator replaces
        return new Sent(op.method(), bytes(path + query), token, List.of(), null, null, null);
    }

    /** A base whose path keeps its placeholders, so that one parameter at a time can be made hostile. */
    private Sent roleBase(Operation op, String keep) {
        int pick = random.nextInt(20);
        Token token;
        if (pick == 0) {
            token = Token.none();
        } else if (pick == 1) {
            List<Token> forged = forged();
            token = forged.get(random.nextInt(forged.size()));
        } else if (pick == 2 || op.roles().contains("")) {
            token = Token.role(List.of("operator", "city", "auditor", "admin").get(random.nextInt(4)));
        } else {
            List<String> admitted = op.roles().stream().filter(r -> !r.isEmpty()).toList();
            token = Token.role(admitted.isEmpty() ? "operator" : admitted.get(random.nextInt(admitted.size())));
        }
        return base(op, token, keep);
    }

    private String plausible(Operation op, String name, String owner) {
        boolean existing = random.nextInt(4) != 0;
        return switch (name) {
            case "uscc" -> existing ? (op.template().startsWith("/api/v1/draws") ? fx.selected() : fx.target()) : Api.uscc(COUNTY);
            case "region", "authority", "parent" -> op.template().contains("policies") || op.template().contains("scoring") ? CITY : COUNTY;
            // a year no other test reads: a legal calendar write must not replace one they rely on
            case "year" -> op.template().contains("/calendar/") ? "2099" : "2026";
            case "quarter", "period" -> "2026Q4";
            case "month" -> "2026-10";
            case "code" -> owner.equals("inspectors") ? (existing ? fx.inspector() : "SW-NONE") : owner.equals("regions") ? COUNTY : "SWEEP-NONE";
            case "resultId" -> existing ? fx.result() : NOWHERE_ID;
            case "size", "seq" -> "1";
            case "id" -> switch (owner) {
                case "draws" -> existing ? (op.template().endsWith("/execute") ? fx.preparedDraw() : fx.executedDraw()) : "D999999999";
                case "results" -> existing ? fx.result() : NOWHERE_ID;
                case "items" -> existing ? String.valueOf(fx.item()) : NOWHERE_ID;
                default -> existing ? "1" : NOWHERE_ID;
            };
            default -> "x";
        };
    }

    private byte[] exampleBytes(Operation op) {
        return bytes(op.example() == null ? "{}" : op.example().toString());
    }

    // ---------------------------------------------------------------------------------- the wire

    /** An answer; {@code transport} when the HTTP decoder wrote it (HTTP/1.0, no body) before any of the service ran. */
    private record Answer(int status, String contentType, byte[] body, long xidBefore, long xidAfter, boolean transport) {
        Answer(int status, String contentType, byte[] body, long xidBefore, long xidAfter) {
            this(status, contentType, body, xidBefore, xidAfter, false);
        }
    }

    /** HTTP/1.1 written byte by byte: a client library would refuse or re-encode most of what is sent here. */
    private Answer send(Sent s) {
        long xidBefore = xid();
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(120_000);
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(bytes(s.method() + " "));
            req.write(s.target());
            req.write(bytes(" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept-Language: en\r\n"));
            if (s.token().header() != null) {
                req.write(bytes("Authorization: " + s.token().header() + "\r\n"));
            }
            for (String[] h : s.headers()) {
                req.write(bytes(h[0] + ": "));
                req.write(h[1].getBytes(StandardCharsets.UTF_8));
                req.write(bytes("\r\n"));
            }
            if (s.body() != null) {
                req.write(bytes("Content-Type: " + s.contentType() + "\r\nContent-Length: " + s.body().length + "\r\n"));
            }
            req.write(bytes("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(req.toByteArray());
            if (s.body() != null) {
                try {
                    out.write(s.body());
                } catch (IOException refusedEarly) {
                    // the server may answer and close before reading a body it refuses by its length
                }
            }
            out.flush();
            byte[] answer = readAll(socket.getInputStream());
            requests++;
            return parse(answer, xidBefore, xid());
        } catch (IOException e) {
            requests++;
            return new Answer(-1, e.toString(), new byte[0], xidBefore, xid());
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // closed by the server after its answer
        }
        return out.toByteArray();
    }

    private static Answer parse(byte[] raw, long xidBefore, long xidAfter) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (text.startsWith("HTTP/1.0 4") && end > 0) {
            return new Answer(Integer.parseInt(text.substring(9, 12)), "", new byte[0], xidBefore, xidAfter, true);
        }
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(-1, "no answer: " + text.substring(0, Math.min(80, text.length())), new byte[0], xidBefore, xidAfter);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String contentType = "";
        boolean chunked = false;
        for (String line : text.substring(0, end).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if (chunked) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int at = 0;
            while (at < body.length) {
                int lineEnd = indexOf(body, at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.write(body, lineEnd + 2, Math.min(size, body.length - lineEnd - 2));
                at = lineEnd + 2 + size + 2;
            }
            body = out.toByteArray();
        }
        return new Answer(status, contentType, body, xidBefore, xidAfter);
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Judges one answer: below 500, a problem document for every 4xx, no hostile write accepted unless legal. */
    private Answer check(Sent s, Answer a, boolean legal) {
        classes.merge(a.status() < 0 ? "none" : (a.transport() ? "transport " : "") + a.status() / 100 + "xx", 1, Integer::sum);
        String body = new String(a.body(), StandardCharsets.UTF_8);
        String shown = body.length() > 200 ? body.substring(0, 200) + "…" : body;
        if (a.status() < 0) {
            failures.add(s + " -> no HTTP answer (" + a.contentType() + ")");
        } else if (a.status() >= 500) {
            failures.add(s + " -> " + a.status() + " " + shown);
        } else if (a.transport()) {
            // a request line or header over the HTTP layer's limits: the decoder's 414 or 431, before any resource
            if (a.status() != 414 && a.status() != 431) {
                failures.add(s + " -> " + a.status() + " from the HTTP decoder");
            }
        } else if (a.status() == 400 && a.contentType().isEmpty() && a.body().length == 0 && control(s.target())) {
            // a raw control character (or some raw bytes above ASCII) breaks the request line: the HTTP decoder refuses it
            // with a bare 400 before any of the service runs
            classes.merge("transport 4xx", 1, Integer::sum);
            classes.merge("4xx", -1, Integer::sum);
        } else if (a.status() >= 400) {
            String problem = problemFault(a, body);
            if (problem != null) {
                failures.add(s + " -> " + a.status() + " " + problem + ": " + a.contentType() + " " + shown);
            }
        } else if (!legal && !s.method().equals("GET")) {
            failures.add(s + " -> " + a.status() + " accepted: " + shown);
        }
        if (!legal && a.xidAfter() != a.xidBefore() && a.xidBefore() >= 0) {
            writers.add(s + " -> " + a.status());
        }
        return a;
    }

    /** A raw control character or byte above ASCII in the request target: some of these the HTTP decoder refuses itself. */
    private static boolean control(byte[] target) {
        for (byte b : target) {
            int c = b & 0xFF;
            if (c < 0x20 || c >= 0x7F) {
                return true;
            }
        }
        return false;
    }

    private static String problemFault(Answer a, String body) {
        if (!a.contentType().startsWith("application/problem+json")) {
            return "not a problem document";
        }
        try {
            JsonNode p = MAPPER.readTree(body);
            if (!p.path("type").isTextual() || !p.path("title").isTextual() || p.path("status").asInt() != a.status()) {
                return "problem without type, title or its status";
            }
        } catch (IOException e) {
            return "problem that is not JSON";
        }
        return null;
    }

    // ---------------------------------------------------------------------------------- the database

    /** The next transaction id not yet assigned: it moves only when some transaction writes (or tries to). */
    private long xid() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            return -1;
        }
    }

    /** Each table's row count and the md5 of its rows, ordered. */
    private Map<String, String> digest() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("""
                    select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
                      and table_name <> 'flyway_schema_history' order by 1""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = st.executeQuery("select count(*) || ' ' || md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) from "
                        + table + " t")) {
                    rs.next();
                    out.put(table, rs.getString(1));
                }
            }
        }
        assertTrue(out.size() > 30, "only " + out.size() + " tables");
        return out;
    }

    // ---------------------------------------------------------------------------------- bytes

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String json(List<String> values) {
        ArrayNode a = JSON.arrayNode();
        values.forEach(a::add);
        return a.toString();
    }
}
