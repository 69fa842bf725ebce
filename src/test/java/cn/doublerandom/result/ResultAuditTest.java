package cn.doublerandom.result;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recording, correcting, holding and releasing a result each leave an audit row; a refused one leaves none. */
@QuarkusTest
class ResultAuditTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void everyResultWriteIsInTheAuditTrail() {
        ResultFixture f = new ResultFixture("130281").drawn(clock, 1);
        clock.use(Clock.fixed(Instant.parse("2026-10-20T02:00:00Z"), ZoneOffset.UTC));
        String id = f.record(0, "2026-10-14", "2026-10-16", "CORRECTED", "");
        String correction = f.body(0, "2026-10-14", "2026-10-19", "PENDING_HANDLING", "")
                .replaceAll("\"drawId\":\"[^\"]+\",\"uscc\":\"[^\"]+\",", "").replaceFirst("\\{", "{\"reason\":\"认定日期录入错误\",");
        Api.operator(f.county).body(correction).post("/api/v1/results/" + id + "/corrections").then().statusCode(201);
        Api.operator(f.county).body("{\"reason\":\"涉及在办案件\"}").post("/api/v1/results/" + id + "/hold").then().statusCode(200);
        // refused: a held result is not held again; no row for it
        Api.operator(f.county).body("{\"reason\":\"再次暂缓\"}").post("/api/v1/results/" + id + "/hold").then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("/problems/result-conflict"));
        Api.operator(f.county).body("{\"reason\":\"案件已办结\"}").post("/api/v1/results/" + id + "/release").then().statusCode(200);
        // refused: a release without a reason
        Api.operator(f.county).body("{}").post("/api/v1/results/" + id + "/release").then().statusCode(400);

        JsonPath audit = Api.as("auditor", "ALL").get("/api/v1/audit?entity=RESULT&entityId=" + id).then().statusCode(200)
                .body("items", hasSize(4)).extract().jsonPath();
        // newest first
        assertEquals(List.of("RELEASE", "HOLD", "CORRECT", "RECORD"), audit.getList("items.action"));
        assertEquals(List.of(f.county, f.county, f.county, f.county), audit.getList("items.entityRegion"));
        assertEquals("operator-" + f.county, audit.getString("items[3].actor"));
        assertEquals(f.drawId + " " + f.uscc(0) + " violation found", audit.getString("items[3].detail"));
        assertEquals("version 2: 认定日期录入错误", audit.getString("items[2].detail"));
        assertEquals("涉及在办案件", audit.getString("items[1].detail"));
        assertEquals("案件已办结", audit.getString("items[0].detail"));
    }
}
