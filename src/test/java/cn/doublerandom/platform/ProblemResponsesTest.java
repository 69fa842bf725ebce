package cn.doublerandom.platform;

import cn.doublerandom.security.DevTokens;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error leaves as application/problem+json, with a stable type, and bad input is never a 500. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PATH = "/api/v1/targets/" + Api.uscc("130123");

    @Test
    void malformedJsonIsA400Problem() {
        Api.operator("130123").body("{\"regionCode\":").put(PATH).then().statusCode(400)
                .contentType("application/problem+json").body("status", equalTo(400));
    }

    @Test
    void unknownFieldsAndWrongTypesNameTheField() {
        Api.operator("130123").body("{\"regionCode\":\"130123\",\"name\":\"x\",\"operatingStatus\":\"PRODUCING\",\"nmae\":1}")
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("nmae"));
        Api.operator("130123").body("{\"regionCode\":\"130123\",\"name\":\"x\",\"operatingStatus\":\"PRODUCING\",\"keyDischarger\":\"maybe\"}")
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("keyDischarger"));
        Api.operator("130123").body("{\"regionCode\":\"130123\",\"name\":\"x\",\"operatingStatus\":\"PRODUCING\",\"positiveListFrom\":\"2026-02-30\"}")
                .put(PATH).then().statusCode(400).body("errors[0].field", equalTo("positiveListFrom"));
        Api.operator("130123").body("[1,2]").put(PATH).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void injectionAndOddUnicodeAreRefusedOrInert() {
        Api.operator("130123").body("{\"regionCode\":\"130123\",\"name\":\"x\\u0000y\",\"operatingStatus\":\"PRODUCING\"}")
                .put(PATH).then().statusCode(400).body("errors[0].message", containsString("U+0000"));
        Api.operator("130123").body("{\"regionCode\":\"130123\",\"name\":\"a\\u202Eb\",\"operatingStatus\":\"PRODUCING\"}")
                .put(PATH).then().statusCode(400).body("errors[0].message", containsString("U+202E"));
        Api.operator("130123").get("/api/v1/targets?q=' or 1=1 --").then().statusCode(200);
        Api.operator("130123").get("/api/v1/targets/1' or '1'='1").then().statusCode(404);
    }

    @Test
    void aBodyOverTheLimitIsA413Problem() {
        byte[] big = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        Api.operator("130123").contentType("text/csv").body(big).post("/api/v1/targets/import").then().statusCode(413)
                .contentType("application/problem+json").body("type", endsWith("/problems/payload-too-large"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsA413ProblemAndNoError() throws Exception {
        String county = "130681";
        byte[] huge = new byte[65 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        // a valid first row, then a cell that never ends: had any of it been imported, the county would list a target
        byte[] header = ("统一社会信用代码,单位名称,行政区划代码,运营状态\n" + Api.uscc(county) + ",企业," + county + ",生产\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(header, 0, huge, 0, header.length);
        List<LogRecord> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // chunked, with no declared length: the limit trips while the body streams in
            HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                            + "/api/v1/targets/import"))
                    .header("Authorization", "Bearer " + DevTokens.mint("operator-" + county, "operator", county))
                    .header("Content-Type", "text/csv")
                    .header("Accept-Language", "en")
                    .version(HttpClient.Version.HTTP_1_1)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build();
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(413, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""), response.body());
            assertTrue(response.body().contains("/problems/payload-too-large"), response.body());
            // the service's own handling of the request may still be finishing after the client has its answer
            Thread.sleep(2_000);
            assertTrue(errors.isEmpty(), () -> "a client's oversized upload logged at ERROR: " + errors.stream()
                    .map(r -> r.getLoggerName() + ": " + r.getMessage()
                            + (r.getThrown() == null ? "" : " (" + r.getThrown() + ")")).toList());
        } finally {
            root.removeHandler(capture);
        }
        Api.operator(county).get("/api/v1/targets?region=" + county).then().statusCode(200).body("items", empty());
    }

    @Test
    void aRefusedChunkedBodyEndsItsConnection() throws Exception {
        String county = "130681";
        // far more than the service takes in before it closes the connection, a moment after its answer
        long total = 8L << 30;
        try (java.net.Socket socket = new java.net.Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            // JSON with an Idempotency-Key: the array limit and the idempotency fingerprint read the body before the endpoint
            out.write(("PUT /api/v1/targets/" + Api.uscc(county) + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + DevTokens.mint("operator-" + county, "operator", county) + "\r\nContent-Type: application/json\r\n"
                    + "Idempotency-Key: oversized-chunked-1\r\nAccept-Language: en\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
            java.util.concurrent.CompletableFuture<Throwable> sending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                byte[] chunk = new byte[64 * 1024];
                java.util.Arrays.fill(chunk, (byte) ' ');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                try {
                    while (sent.get() < total) {
                        out.write(size);
                        out.write(chunk);
                        out.write(new byte[] {'\r', '\n'});
                        sent.addAndGet(chunk.length);
                    }
                    out.write("0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    return null;
                } catch (java.io.IOException e) {
                    return e;
                }
            });
            String answer;
            try {
                answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.net.SocketTimeoutException e) {
                answer = "no end of the connection: " + e;
            }
            Throwable sendFailure = sending.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("\r\nconnection: close\r\n"), answer);
            assertTrue(answer.contains("application/problem+json") && answer.contains("/problems/payload-too-large"), answer);
            // the rest of the body is not taken in: the service stopped reading, not the client sending
            assertTrue(sendFailure != null && sent.get() < total, "sent " + sent.get() + " of " + total + " bytes");
        }
    }

    @Test
    void authenticationAndRoutingFailuresAreProblems() {
        Api.anonymous().get("/api/v1/targets").then().statusCode(401).contentType("application/problem+json");
        Api.anonymous().auth().oauth2("not.a.token").get("/api/v1/targets").then().statusCode(401)
                .contentType("application/problem+json");
        Api.operator("130123").get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json");
        Api.operator("130123").delete(PATH).then().statusCode(405).contentType("application/problem+json");
        Api.operator("130123").contentType("text/plain").body("x").put(PATH).then().statusCode(415)
                .contentType("application/problem+json");
    }
}
