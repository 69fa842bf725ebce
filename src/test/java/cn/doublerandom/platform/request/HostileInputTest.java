package cn.doublerandom.platform.request;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile values in dates, path ids and query bytes: each gets a 4xx problem document, never a 5xx
 * or a bare status.
 */
@QuarkusTest
class HostileInputTest {

    private static final String[] EXTREME_DATES = {"+999999999-12-31", "-999999999-01-01", "0000-01-01", "1899-12-31",
            "10000-01-01"};

    @Test
    void aSignoffOnAHostileResultIdIsA404ProblemNotA500() {
        // found by the seeded contract sweep: the Location was built from the raw id before the result was looked up
        Response r = Api.operator("130123").body("{\"signatory\":\"张三\",\"signatoryRole\":\"法定代表人\",\"refused\":false}")
                .urlEncodingEnabled(false).post("/api/v1/results/%3Cscript%3Ealert(1)%3C%2Fscript%3E/signoffs");
        assertEquals(404, r.statusCode(), r.asString());
        assertEquals("application/problem+json", r.contentType().replaceAll(";.*", ""));
    }

    @Test
    void aPublicCursorBeyondTheLongRangeIsA400ProblemNotA500() {
        for (String after : new String[]{"9223372036854775808", "9999999999999999999"}) {
            Api.anonymous().get("/public/v1/results?after=" + after).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("after"));
            Response page = Api.anonymous().get("/?after=" + after);
            assertEquals(400, page.statusCode(), after);
        }
        Api.anonymous().get("/public/v1/results?after=9223372036854775807").then().statusCode(200);
    }

    @Test
    void extremeDatesInEveryDateParameterAreA400Problem() {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        for (String d : EXTREME_DATES) {
            String q = d.replace("+", "%2B");
            String[] bureau = {
                    "/api/v1/targets/" + Api.uscc("130123") + "?asOf=" + q,
                    "/api/v1/inspectors/X-1?asOf=" + q,
                    "/api/v1/calendar/deadline?determined=" + q,
                    "/api/v1/checks?from=" + q, "/api/v1/checks?to=" + q,
                    "/api/v1/audit?from=" + q + "T00:00:00Z", "/api/v1/audit?to=" + q + "T00:00:00Z"};
            for (String path : bureau) {
                tried++;
                expect400Problem(Api.as("auditor", "ALL").urlEncodingEnabled(false).get(path), path, failures);
                if (path.startsWith("/api/v1/targets") || path.startsWith("/api/v1/inspectors")
                        || path.startsWith("/api/v1/calendar")) {
                    tried++;
                    expect400Problem(Api.operator("130123").urlEncodingEnabled(false).get(path), path, failures);
                }
            }
            for (String path : new String[]{"/public/v1/results?from=" + q, "/public/v1/results?to=" + q}) {
                tried++;
                expect400Problem(Api.anonymous().urlEncodingEnabled(false).get(path), path, failures);
            }
            for (String path : new String[]{"/?from=" + q, "/?to=" + q}) {
                tried++;
                Response r = Api.anonymous().urlEncodingEnabled(false).get(path);
                if (r.statusCode() != 400) {
                    failures.add(path + " -> " + r.statusCode());
                }
            }
        }
        assertTrue(failures.isEmpty(), tried + " tried; " + failures);
    }

    @Test
    void aNulByteInAPathIdIsA4xxProblem() {
        List<String> failures = new ArrayList<>();
        String[] bureau = {"/api/v1/targets/%00", "/api/v1/targets/91130123%00/history", "/api/v1/inspectors/A%00B",
                "/api/v1/draws/%00", "/api/v1/draws/1%00/replay", "/api/v1/results/%00", "/api/v1/items/%00",
                "/api/v1/checks/%00", "/api/v1/wordings/%00", "/api/v1/regions/1301%0000",
                "/api/v1/accountability/judgements/%00", "/api/v1/policies/1301%0000/2026"};
        for (String path : bureau) {
            expect4xxProblem(Api.as("auditor", "ALL").urlEncodingEnabled(false).get(path), path, failures);
            expect4xxProblem(Api.operator("130123").urlEncodingEnabled(false).get(path), path, failures);
        }
        for (String path : new String[]{"/public/v1/results/%00", "/public/v1/draws/%00", "/public/v1/draws/1%00"}) {
            expect4xxProblem(Api.anonymous().urlEncodingEnabled(false).get(path), path, failures);
        }
        for (String path : new String[]{"/results/%00", "/draws/%00"}) {
            Response r = Api.anonymous().urlEncodingEnabled(false).get(path);
            if (r.statusCode() >= 500 || r.statusCode() < 400) {
                failures.add(path + " -> " + r.statusCode());
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aControlCharacterInAPathCodeIsRefusedNotStrippedAndStored() {
        String body = "{\"regionCode\":\"130123\",\"name\":\"换行测试\",\"certified\":true,\"changeReason\":\"测试\"}";
        for (String tail : new String[]{"%0A", "%0D", "%09", "%7F", "%1B"}) {
            String code = "CTRL-PATH-" + tail.substring(1);
            io.restassured.RestAssured.given().urlEncodingEnabled(false).contentType("application/json")
                    .auth().oauth2(cn.doublerandom.security.DevTokens.mint("operator-130123", "operator", "130123"))
                    .body(body).put("/api/v1/inspectors/" + code + tail).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.equalTo("请求的路径含有控制字符"));
            Api.operator("130123").get("/api/v1/inspectors/" + code).then().statusCode(404);
        }
        String uscc = Api.uscc("130123");
        Api.operator("130123").urlEncodingEnabled(false).body(Api.targetJson("130123", "换行测试有限公司"))
                .put("/api/v1/targets/" + uscc + "%0A").then().statusCode(400).contentType("application/problem+json");
        Api.operator("130123").get("/api/v1/targets/" + uscc).then().statusCode(404);
        // a control character in a query value is the resource's to judge: a search for it finds nothing
        Api.anonymous().urlEncodingEnabled(false).get("/public/v1/items?region=130123%0A").then().statusCode(400);
    }

    @Test
    void rawNonUtf8BytesInAQueryGetAProblemDocument() throws Exception {
        String[] paths = {"/public/v1/results?q=", "/public/v1/items?region=", "/api/v1/targets?q="};
        byte[][] tails = {{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, "%C3%28%FF".getBytes(StandardCharsets.US_ASCII),
                "%00".getBytes(StandardCharsets.US_ASCII)};
        for (String path : paths) for (byte[] tail : tails) {
            byte[] head = ("GET " + path).getBytes(StandardCharsets.US_ASCII);
            String answer = raw(head, tail);
            String status = answer.substring(0, answer.indexOf("\r\n"));
            assertTrue(status.contains(" 400 "), path + ": " + status);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), path + ": " + answer);
        }
    }

    @Test
    void rawBytesThatAreNotUtf8InAPathOrQueryGetAProblemDocument() throws Exception {
        String[] heads = {"/api/v1/targets/", "/api/v1/inspectors/A", "/public/v1/results/", "/api/v1/checks?to=",
                "/public/v1/results?q="};
        byte[][] notUtf8 = {{(byte) 0xC3, 0x28, (byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF}, {'a', (byte) 0xC3}, {(byte) 0xFF}};
        List<String> failures = new ArrayList<>();
        for (String head : heads) {
            for (byte[] tail : notUtf8) {
                String answer = raw(("GET " + head).getBytes(StandardCharsets.US_ASCII), tail);
                if (!answer.startsWith("HTTP/1.1 400 ") || !answer.toLowerCase().contains("content-type: application/problem+json")) {
                    failures.add(head + " + " + java.util.HexFormat.of().formatHex(tail) + ": " + answer.lines().findFirst().orElse(""));
                }
            }
            // a raw control character (NUL, 0x80-0x9F) and some other raw bytes break the request line itself:
            // the HTTP decoder answers a bare 400 before any of the service runs, and no resource sees them
            for (byte[] tail : new byte[][]{{0}, {'a', 0, 'b'}, {(byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0xBF}, {(byte) 0xF5, (byte) 0xA0, (byte) 0xA0, (byte) 0xA0}}) {
                String answer = raw(("GET " + head).getBytes(StandardCharsets.US_ASCII), tail);
                if (!answer.startsWith("HTTP/1.1 400 ")) {
                    failures.add(head + " + " + java.util.HexFormat.of().formatHex(tail) + ": " + answer.lines().findFirst().orElse(""));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aLongRequestLineIsA414ProblemUpToTheDecodersOwnLimit() throws Exception {
        List<String> failures = new ArrayList<>();
        int tried = 0;
        // over doublerandom.http.max-request-target (4096) and under the decoder's 64 KiB: a problem, in Chinese by default
        String[] heads = {"/api/v1/targets/" + Api.uscc("130123") + "?asOf=", "/public/v1/results?q=", "/api/v1/draws?authority=",
                "/api/v1/targets/", "/no-such-path?x="};
        for (String head : heads) {
            for (String tail : new String[]{"1".repeat(4097 - head.length()), "1".repeat(6000), "%E5%90%8D".repeat(1000), "A".repeat(60_000)}) {
                tried++;
                String answer = raw(("GET " + head).getBytes(StandardCharsets.US_ASCII), tail.getBytes(StandardCharsets.US_ASCII));
                String body = new String(answer.substring(answer.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.ISO_8859_1),
                        StandardCharsets.UTF_8);
                if (!answer.startsWith("HTTP/1.1 414 ") || !answer.toLowerCase().contains("content-type: application/problem+json")
                        || !body.contains("\"title\":\"请求地址过长\"") || !body.contains("/problems/uri-too-long")) {
                    failures.add(head + " + " + tail.length() + ": " + answer.lines().findFirst().orElse("") + " " + body);
                }
            }
        }
        // exactly at the limit the request is read as usual
        String head = "/public/v1/results?q=";
        String at = raw(("GET " + head).getBytes(StandardCharsets.US_ASCII), ("x&y=" + "1".repeat(4096 - head.length() - 4))
                .getBytes(StandardCharsets.US_ASCII));
        assertTrue(at.startsWith("HTTP/1.1 200 ") || at.startsWith("HTTP/1.1 400 "), at.lines().findFirst().orElse(""));
        assertTrue(!at.startsWith("HTTP/1.1 414 "), at);
        // English on request
        Response en = Api.anonymous().urlEncodingEnabled(false).get("/public/v1/results?q=" + "1".repeat(5000));
        assertEquals(414, en.statusCode());
        assertEquals("The request URI is too long", en.path("title"));
        assertTrue(en.<String>path("detail").contains("the limit is 4096"), en.asString());
        // over the decoder's own 64 KiB the HTTP layer answers alone, with a bare 414 (docs/api.md says so)
        String over = raw("GET /public/v1/results?q=".getBytes(StandardCharsets.US_ASCII), "A".repeat(70_000).getBytes(StandardCharsets.US_ASCII));
        assertTrue(over.matches("(?s)HTTP/1\\.[01] 414 .*"), over.lines().findFirst().orElse(""));
        assertTrue(failures.isEmpty(), tried + " tried; " + failures);
    }

    @Test
    void aJsonBodySentAsTextOrFormIsA415ProblemNotParsed() {
        // a request object with one text field was built from a text/plain body: the whole JSON text its seed
        for (String type : new String[]{"text/plain", "application/x-www-form-urlencoded", "text/plain; charset=UTF-8"}) {
            Api.operator("130123").contentType(type).body("{\"seed\":\"31415926535897932384\"}")
                    .post("/api/v1/draws/D999999998/execute").then().statusCode(415).contentType("application/problem+json");
            Api.as("auditor", "ALL").contentType(type).body("{\"reason\":\"重抽\"}")
                    .post("/api/v1/draws/D999999998/void").then().statusCode(415).contentType("application/problem+json");
        }
        String uscc = Api.uscc("130123");
        Api.operator("130123").contentType("text/plain").body(Api.targetJson("130123", "文本体企业")).put("/api/v1/targets/" + uscc)
                .then().statusCode(415).contentType("application/problem+json");
        Api.operator("130123").get("/api/v1/targets/" + uscc).then().statusCode(404);
        // JSON under its own names is still read
        Api.operator("130123").contentType("application/json; charset=UTF-8").body("{\"seed\":\"1\"}")
                .post("/api/v1/draws/D999999998/execute").then().statusCode(404);
    }

    @Test
    void trailingContentAfterTheJsonBodyIsA400ProblemAndWritesNothing() {
        String uscc = Api.uscc("130123");
        String target = Api.targetJson("130123", "尾随内容测试有限公司");
        for (String body : new String[]{target + " {}", target + " " + target, target + " x", target + "]"}) {
            Api.operator("130123").body(body).put("/api/v1/targets/" + uscc).then().statusCode(400)
                    .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("malformed-request"));
        }
        Api.operator("130123").get("/api/v1/targets/" + uscc).then().statusCode(404);
        Api.operator("130123").body("{} {}").post("/api/v1/draws/1/execute").then().statusCode(400)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("exactly one JSON value"));
        Api.operator("130123").body("{\"seed\":\"x\"} {}").post("/api/v1/draws/1/execute").then().statusCode(400);
    }

    @Test
    void extremeDatesInABodyNameTheField() {
        String uscc = Api.uscc("130123");
        for (String d : EXTREME_DATES) {
            String body = "{\"regionCode\":\"130123\",\"name\":\"x\",\"operatingStatus\":\"PRODUCING\",\"positiveListFrom\":\"" + d + "\"}";
            Api.operator("130123").body(body).put("/api/v1/targets/" + uscc).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("positiveListFrom"));
        }
        Api.operator("130123").get("/api/v1/targets/" + uscc).then().statusCode(404);
    }

    @Test
    void aDateOfOnlyControlCharactersOrSpacesIsRefusedNotTakenAsAbsent() {
        // Jackson trimmed these to nothing and read no date at all: a target was written without its date
        String uscc = Api.uscc("130123");
        String[] values = {"\\u0000", "\\u0000\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u0085", " ", "   ", "\\t", "\\n", "\\r\\n",
                "\\u3000", "\\u00a0", "\\u2028", " 2026-01-05", "2026-01-05 ", "2026-01-05\\u0000", "\\u00002026-01-05", "2026-01-\\u000005"};
        List<String> failures = new ArrayList<>();
        for (String v : values) {
            String body = "{\"regionCode\":\"130123\",\"name\":\"空日期测试企业\",\"operatingStatus\":\"PRODUCING\",\"positiveListFrom\":\"" + v + "\"}";
            // no Accept-Language: the problem is in Chinese
            Response r = RestAssured.given().auth().oauth2(cn.doublerandom.security.DevTokens.mint("operator-130123", "operator", "130123"))
                    .contentType("application/json").body(body).put("/api/v1/targets/" + uscc);
            if (r.statusCode() != 400 || !r.contentType().startsWith("application/problem+json")
                    || !"positiveListFrom".equals(r.path("errors[0].field")) || !r.<String>path("title").matches(".*\\p{IsHan}.*")) {
                failures.add(v + " -> " + r.statusCode() + " " + r.asString());
            }
        }
        assertTrue(failures.isEmpty(), values.length + " tried; " + failures);
        Api.operator("130123").get("/api/v1/targets/" + uscc).then().statusCode(404);
        Api.operator("130123").header("Accept-Language", "en").body("{\"regionCode\":\"130123\",\"name\":\"x\",\"operatingStatus\":\"PRODUCING\","
                + "\"positiveListFrom\":\"\\u0000\"}").put("/api/v1/targets/" + uscc).then().statusCode(400)
                .body("detail", org.hamcrest.Matchers.containsString("positiveListFrom"));
        // no date, null and "" stay absent, and a plain date is read
        for (String absent : new String[]{"", ",\"positiveListFrom\":null", ",\"positiveListFrom\":\"\""}) {
            Api.operator("130123").body("{\"regionCode\":\"130123\",\"name\":\"空日期测试企业\",\"operatingStatus\":\"PRODUCING\"" + absent + "}")
                    .put("/api/v1/targets/" + uscc).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        }
        Api.operator("130123").body("{\"regionCode\":\"130123\",\"name\":\"空日期测试企业\",\"operatingStatus\":\"PRODUCING\","
                + "\"positiveListFrom\":\"2026-01-05\"}").put("/api/v1/targets/" + uscc).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        Api.operator("130123").get("/api/v1/targets/" + uscc).then().statusCode(200).body("positiveListFrom", org.hamcrest.Matchers.equalTo("2026-01-05"));
    }

    @Test
    void aNumberForAYesNoFieldIsRefusedNotCoerced() {
        String uscc = Api.uscc("130123");
        String[][] cases = {{"\"keyDischarger\":2", "keyDischarger"}, {"\"keyDischarger\":0", "keyDischarger"},
                {"\"keyDischarger\":1", "keyDischarger"}};
        for (String[] c : cases) {
            String body = "{\"regionCode\":\"130123\",\"name\":\"强转测试企业\",\"operatingStatus\":\"PRODUCING\"," + c[0] + "}";
            Api.operator("130123").body(body).put("/api/v1/targets/" + uscc).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo(c[1]));
        }
        Api.operator("130123").get("/api/v1/targets/" + uscc).then().statusCode(404);
    }

    static void expect400Problem(Response r, String path, List<String> failures) {
        if (r.statusCode() != 400 || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(path + " -> " + r.statusCode() + " " + r.contentType());
        }
    }

    static void expect4xxProblem(Response r, String path, List<String> failures) {
        if (r.statusCode() < 400 || r.statusCode() >= 500
                || !String.valueOf(r.contentType()).startsWith("application/problem+json")) {
            failures.add(path + " -> " + r.statusCode() + " " + r.contentType());
        }
    }

    /** An HTTP/1.1 GET written byte by byte, for what no client library will send. */
    static String raw(byte[] requestLineStart, byte[] tail) throws Exception {
        try (Socket s = new Socket("localhost", RestAssured.port)) {
            OutputStream out = s.getOutputStream();
            ByteArrayOutputStream req = new ByteArrayOutputStream();
            req.write(requestLineStart);
            req.write(tail);
            req.write((" HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + cn.doublerandom.security.DevTokens.mint("op", "operator", "130123")
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(req.toByteArray());
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
