package cn.doublerandom.audit;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static cn.doublerandom.support.Api.targetJson;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AuditAndIdempotencyTest {

    private static final String COUNTY = "130302";

    @Test
    void everyWriteLeavesAnAuditRowWithWhoWhatAndTheRequestId() {
        String uscc = Api.uscc(COUNTY);
        Api.operator(COUNTY).header("X-Request-Id", "req-audit-1").body(targetJson(COUNTY, "审计企业"))
                .put("/api/v1/targets/" + uscc).then().statusCode(201).header("X-Request-Id", "req-audit-1");
        Api.operator(COUNTY).body("{\"kind\":\"PENALTY\",\"eventDate\":\"2026-01-05\"}")
                .post("/api/v1/targets/" + uscc + "/events").then().statusCode(201);
        Api.as("auditor", "130300").get("/api/v1/audit?entity=TARGET&entityId=" + uscc).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].actor", equalTo("operator-" + COUNTY))
                .body("items[0].role", equalTo("operator")).body("items[0].region", equalTo(COUNTY))
                .body("items[0].action", equalTo("PUT")).body("items[0].entityRegion", equalTo(COUNTY))
                .body("items[0].requestId", equalTo("req-audit-1")).body("items[0].detail", containsString("1 created"));
        Api.as("auditor", "130300").get("/api/v1/audit?entity=TARGET_EVENT&region=" + COUNTY).then()
                .body("items[0].detail", containsString(uscc + " PENALTY 2026-01-05"));
        // a refused write leaves nothing
        int before = Api.as("auditor", "130300").get("/api/v1/audit?region=" + COUNTY).jsonPath().getList("items").size();
        Api.operator(COUNTY).body(targetJson(COUNTY, "")).put("/api/v1/targets/" + Api.uscc(COUNTY)).then().statusCode(400);
        Api.as("auditor", "130300").get("/api/v1/audit?region=" + COUNTY).then().body("items", hasSize(before));
        // scoping: an auditor of another city, and non-auditors, are refused
        Api.as("auditor", "130200").get("/api/v1/audit?region=" + COUNTY).then().statusCode(403);
        Api.operator(COUNTY).get("/api/v1/audit").then().statusCode(403);
        Api.as("auditor", "130300").get("/api/v1/audit?region=ALL").then().statusCode(403);
        Api.as("auditor", "ALL").get("/api/v1/audit?region=ALL&limit=1").then().statusCode(200).body("items", hasSize(1));
        Api.as("auditor", "ALL").get("/api/v1/audit?from=yesterday").then().statusCode(400);
        // a request without an id gets one
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc).then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void aRetriedWriteReturnsTheFirstAnswerWithoutDoingItTwice() {
        String uscc = Api.uscc(COUNTY);
        Response first = Api.operator(COUNTY).header("Idempotency-Key", "put-" + uscc).body(targetJson(COUNTY, "幂等企业"))
                .put("/api/v1/targets/" + uscc);
        first.then().statusCode(201).body("version", equalTo(1));
        Response retry = Api.operator(COUNTY).header("Idempotency-Key", "put-" + uscc).body(targetJson(COUNTY, "幂等企业"))
                .put("/api/v1/targets/" + uscc);
        retry.then().statusCode(201).header("Idempotent-Replayed", "true").body("version", equalTo(1));
        assertEquals(first.jsonPath().getString("updatedAt"), retry.jsonPath().getString("updatedAt"));
        Api.as("auditor", "ALL").get("/api/v1/audit?entity=TARGET&entityId=" + uscc).then().body("items", hasSize(1));
        // the same key for another request is refused; another caller's keys are their own
        Api.operator(COUNTY).header("Idempotency-Key", "put-" + uscc).body(targetJson(COUNTY, "改名"))
                .put("/api/v1/targets/" + Api.uscc(COUNTY)).then().statusCode(422)
                .body("type", endsWith("/problems/idempotency-key-reused")).body("detail", containsString("different request"));
        Api.operator(COUNTY).header("Idempotency-Key", "bad key!").body(targetJson(COUNTY, "x"))
                .put("/api/v1/targets/" + uscc).then().statusCode(400);
        // a refused request keeps nothing under its key: the same request is refused again, not replayed
        String bad = Api.badCheck(Api.uscc(COUNTY));
        Api.operator(COUNTY).header("Idempotency-Key", "bad-" + bad).body(targetJson(COUNTY, "x")).put("/api/v1/targets/" + bad)
                .then().statusCode(422);
        Api.operator(COUNTY).header("Idempotency-Key", "bad-" + bad).body(targetJson(COUNTY, "x")).put("/api/v1/targets/" + bad)
                .then().statusCode(422).header("Idempotent-Replayed", nullValue()).contentType("application/problem+json")
                .body("type", endsWith("/problems/invalid-uscc"));
    }

    @Test
    void aRefusedRequestCorrectedUnderTheSameKeyIsDoneAndThenReplayed() {
        String uscc = Api.uscc(COUNTY);
        String key = "corrected-" + uscc;
        // refused: an empty name (400) and then an unknown field (400), each leaving the key free
        Api.operator(COUNTY).header("Idempotency-Key", key).body(targetJson(COUNTY, "")).put("/api/v1/targets/" + uscc)
                .then().statusCode(400).header("Idempotent-Replayed", nullValue());
        Api.operator(COUNTY).header("Idempotency-Key", key).body("{\"regionCode\":\"" + COUNTY + "\",\"name\":\"纠正企业\",\"nmae\":1}")
                .put("/api/v1/targets/" + uscc).then().statusCode(400).header("Idempotent-Replayed", nullValue());
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc).then().statusCode(404);
        // the corrected request under the same key is done, once
        Api.operator(COUNTY).header("Idempotency-Key", key).body(targetJson(COUNTY, "纠正企业")).put("/api/v1/targets/" + uscc)
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).body("version", equalTo(1));
        Api.operator(COUNTY).header("Idempotency-Key", key).body(targetJson(COUNTY, "纠正企业")).put("/api/v1/targets/" + uscc)
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("version", equalTo(1));
        // and now the key is taken: the refused body again is another request
        Api.operator(COUNTY).header("Idempotency-Key", key).body(targetJson(COUNTY, "")).put("/api/v1/targets/" + uscc)
                .then().statusCode(422).body("type", endsWith("/problems/idempotency-key-reused"));
        Api.as("auditor", "ALL").get("/api/v1/audit?entity=TARGET&entityId=" + uscc).then().body("items", hasSize(1));
    }

    @Test
    void metricsCountWrites() {
        Api.operator(COUNTY).body(targetJson(COUNTY, "计量企业")).put("/api/v1/targets/" + Api.uscc(COUNTY)).then().statusCode(201);
        RestAssured.get("/q/metrics").then().statusCode(200)
                .body(containsString("doublerandom_writes_total{action=\"PUT\",entity=\"TARGET\"}"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("doublerandom_results_overdue")).body(containsString("doublerandom_deadlines_pending"));
    }
}
