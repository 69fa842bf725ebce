package cn.doublerandom.portal;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** With a low limit: the public API answers 429 with Retry-After; the bureau API is not limited by it. */
@QuarkusTest
@TestProfile(PublicRateLimitTest.LowLimit.class)
class PublicRateLimitTest {

    public static class LowLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("doublerandom.portal.rate-limit.per-minute", "2", "doublerandom.portal.rate-limit.burst", "3");
        }
    }

    @Test
    void beyondTheBurstAClientGets429WithRetryAfter() {
        for (int i = 0; i < 3; i++) {
            RestAssured.get("/public/v1/regions-that-do-not-exist").then().statusCode(not(equalTo(429)));
        }
        RestAssured.get("/public/v1/items").then().statusCode(429).header("Retry-After", matchesPattern("[12][0-9]|30"))
                .contentType("application/problem+json").body("type", endsWith("/problems/too-many-requests"))
                .body("status", equalTo(429)).body("title", equalTo("来自您地址的请求过多，请稍后重试")).body("detail", containsString("秒后重试"));
        // the bureau API is not counted against the public limit
        for (int i = 0; i < 5; i++) {
            RestAssured.get("/api/v1/targets").then().statusCode(401);
        }
    }
}
