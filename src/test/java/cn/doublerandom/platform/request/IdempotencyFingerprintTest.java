package cn.doublerandom.platform.request;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static cn.doublerandom.support.Api.targetJson;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class IdempotencyFingerprintTest {

    private static final String COUNTY = "130303";

    @Test
    void aKeyReusedForAnotherBodyOfTheSameLengthIsRefusedAndNothingIsWritten() {
        String first = targetJson(COUNTY, "幂等企业");
        String second = targetJson(COUNTY, "幂等企甲");
        assertEquals(first.getBytes(StandardCharsets.UTF_8).length, second.getBytes(StandardCharsets.UTF_8).length);
        String uscc = Api.uscc(COUNTY);
        String key = "fp-" + uscc;
        Api.operator(COUNTY).header("Idempotency-Key", key).body(first).put("/api/v1/targets/" + uscc)
                .then().statusCode(201).body("version", equalTo(1));
        Api.operator(COUNTY).header("Idempotency-Key", key).body(second).put("/api/v1/targets/" + uscc)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/problems/idempotency-key-reused")).body("status", equalTo(422))
                .body("detail", containsString("different request"));
        // the refused request changed nothing: the first name, the first version, one audit row
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc).then().statusCode(200)
                .body("name", equalTo("幂等企业")).body("version", equalTo(1));
        Api.as("auditor", "ALL").get("/api/v1/audit?entity=TARGET&entityId=" + uscc).then().body("items", hasSize(1));
        // the very same request is still replayed
        Api.operator(COUNTY).header("Idempotency-Key", key).body(first).put("/api/v1/targets/" + uscc)
                .then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void theFingerprintCoversEveryPartAndCannotBeShiftedBetweenThem() {
        byte[] empty = new byte[0];
        String base = IdempotencyFilter.fingerprint("PUT", "/a", "b=1", "x".getBytes(StandardCharsets.UTF_8));
        assertEquals(base, IdempotencyFilter.fingerprint("PUT", "/a", "b=1", "x".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(base, IdempotencyFilter.fingerprint("POST", "/a", "b=1", "x".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(base, IdempotencyFilter.fingerprint("PUT", "/a", "b=2", "x".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(base, IdempotencyFilter.fingerprint("PUT", "/a", "b=1", "y".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(IdempotencyFilter.fingerprint("PUT", "/ab", "", empty), IdempotencyFilter.fingerprint("PUT", "/a", "b", empty));
        assertNotEquals(IdempotencyFilter.fingerprint("PUT", "/a", null, empty), IdempotencyFilter.fingerprint("PUT", "/a", "", empty));
    }
}
