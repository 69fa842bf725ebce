package cn.doublerandom.platform;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

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
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] huge = new byte[65 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        // chunked, with no declared length: the limit trips while the body streams in
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(io.restassured.RestAssured.baseURI + ":"
                        + io.restassured.RestAssured.port + "/api/v1/targets/import"))
                .header("Authorization", "Bearer " + cn.doublerandom.security.DevTokens.mint("op", "operator", "130123"))
                .header("Content-Type", "text/csv")
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        // over the HTTP layer's backstop: refused before any resource runs, 413 with an empty body
        org.junit.jupiter.api.Assertions.assertEquals(413, response.statusCode());
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
