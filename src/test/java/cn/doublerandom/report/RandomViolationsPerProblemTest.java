package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.result.ResultFixture;
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

import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Seed 000 counts violations (违法问题), not results with one: a random result with two problems marked as
 * violations counts two, one of them found by non-site means although the visit was on site; a problem not
 * marked is a problem but no violation; a result with violationFound and no marked problem counts one, as
 * before the marks. 出动执法人员人次 counts the team of every result. 新河县 (130530) is used by no other test.
 */
@QuarkusTest
class RandomViolationsPerProblemTest {

    private static final String COUNTY = "130530";

    @Inject
    ServiceClock clock;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void aRandomResultCountsEachViolationItMarks() {
        ResultFixture f = new ResultFixture(COUNTY).drawn(clock, 2);
        clock.use(Clock.fixed(Instant.parse("2026-10-12T02:00:00Z"), ZoneOffset.UTC));
        String marked = f.body(0, "2026-10-10", "2026-10-10", "CORRECTED", "").replaceAll("\"problems\":\\[[^\\]]*\\]",
                "\"problems\":[{\"type\":\"DUST_CONTROL\",\"description\":\"料场未苫盖\",\"violation\":true},"
                        + "{\"type\":\"EXCEEDING_STANDARDS\",\"description\":\"在线数据超标\",\"violation\":true,\"nonSite\":true},"
                        + "{\"type\":\"OTHER\",\"description\":\"台账不全\",\"violation\":false}]");
        Api.operator(COUNTY).body(marked).post("/api/v1/results").then().statusCode(201);
        f.record(1, "2026-10-10", "2026-10-10", "CORRECTED", "");
        // a violation marked on a result that found none is refused, and nothing is written
        Api.operator(COUNTY).body(f.body(2, "2026-10-11", "2026-10-11", "CORRECTED", "")
                        .replace("\"violationFound\":true", "\"violationFound\":false").replace("扬尘明显\"}", "扬尘明显\",\"violation\":true}"))
                .post("/api/v1/results").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("problems[0].violation"));
        f.record(2, "2026-10-11", "2026-10-11", "NO_PROBLEM", "");

        JsonPath j = Reports.get("city", "130500", "/api/v1/reports/assessment?region=130500&quarter=2026Q4");
        String u = "units.find { it.code == '" + COUNTY + "' }.random.";
        // 3 checks, 6 members; problems 3 + 1; violations 2 + 1 (the unmarked result's); found non-site: 1 problem, 1 violation
        assertEquals(List.of(3, 6, 4, 3, 0, 1, 1), List.of(j.getInt(u + "checks"), j.getInt(u + "inspectorTrips"),
                j.getInt(u + "problems"), j.getInt(u + "violations"), j.getInt(u + "nonSite"), j.getInt(u + "nonSiteProblems"),
                j.getInt(u + "nonSiteViolations")));
        assertEquals("100.00", Reports.text(j.get(u + "violationRate")), "3 violations in 3 checks");
    }
}
