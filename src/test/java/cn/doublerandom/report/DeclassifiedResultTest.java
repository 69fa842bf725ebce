package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
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
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A confidential result that is declassified is, from its declassification on, a result like any other:
 * its 20 working days count from the business day it became publishable (not from its determination,
 * when it could not be published), and the due list, the monthly table, the compliance counts and the
 * assessment's publication figures treat it as publishable, while a result still confidential stays
 * withheld. The calendar is 2026's: 中秋 25-27 Sep and 国庆 1-7 Oct off, Sunday 20 Sep and Saturday
 * 10 Oct make-up working days. 清河县 (130534) is used by no other test.
 */
@QuarkusTest
class DeclassifiedResultTest {

    private static final String COUNTY = "130534";

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String instant) {
        clock.use(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void aDeclassifiedResultIsDueTwentyWorkingDaysAfterItsDeclassificationAndCountsAsPublishableInEveryReport() {
        ResultFixture f = new ResultFixture(COUNTY).drawn(clock, 3, Instant.parse("2026-09-10T02:00:00Z"), "2026Q3");
        at("2026-09-16T02:00:00Z");
        String secret = ",\"confidential\":true,\"confidentialReason\":\"涉及国家秘密\"";
        String plain = f.record(0, "2026-09-15", "2026-09-15", "NO_PROBLEM", "");
        String morning = f.record(1, "2026-09-15", "2026-09-15", "NO_PROBLEM", secret);
        String midnight = f.record(2, "2026-09-15", "2026-09-15", "NO_PROBLEM", secret);
        String still = f.record(3, "2026-09-15", "2026-09-15", "NO_PROBLEM", secret);
        // determined Tue 15 Sep: day 4 is Sunday 20 Sep (make-up), 中秋 and 国庆 skipped, day 14 Saturday 10 Oct, day 20 Mon 19 Oct
        Api.operator(COUNTY).get("/api/v1/results/" + plain).then().statusCode(200)
                .body("publication.deadline", equalTo("2026-10-19"));
        Api.operator(COUNTY).get("/api/v1/results/" + morning).then().statusCode(200)
                .body("publication.state", equalTo("WITHHELD")).body("publication.deadline", nullValue());

        // declassified on Tue 29 Sep at 10:00 in Shanghai: day 1 is 30 Sep, day 2 Thu 8 Oct, day 4 Saturday 10 Oct, day 20 Mon 2 Nov
        at("2026-09-29T02:00:00Z");
        Api.operator(COUNTY).body("{\"reason\":\"保密期限届满\"}").post("/api/v1/results/" + morning + "/declassify")
                .then().statusCode(200).body("confidential", equalTo(false)).body("publication.state", equalTo("PUBLISHABLE"))
                .body("publication.deadline", equalTo("2026-11-02")).body("publication.overdue", equalTo(false));
        // 16:30 UTC on 29 Sep is 00:30 on 30 Sep in Shanghai: the business day counts, so day 1 is 8 Oct and day 20 Tue 3 Nov
        at("2026-09-29T16:30:00Z");
        Api.operator(COUNTY).body("{\"reason\":\"解除保密\"}").post("/api/v1/results/" + midnight + "/declassify")
                .then().statusCode(200).body("publication.deadline", equalTo("2026-11-03"));

        // 20 Oct: the plain result is overdue since its deadline passed; the declassified ones are not due yet
        at("2026-10-20T02:00:00Z");
        Api.operator(COUNTY).get("/api/v1/results/" + morning).then().body("publication.overdue", equalTo(false));
        Api.operator(COUNTY).get("/api/v1/publication/due?authority=" + COUNTY).then().statusCode(200)
                .body("items.find { it.resultId == '" + plain + "' }.overdue", equalTo(true))
                .body("items.resultId", not(hasItem(morning))).body("items.resultId", not(hasItem(midnight)))
                .body("items.resultId", not(hasItem(still)));

        // the monthly table of September: the declassified results wait with their own deadlines, the other stays withheld
        JsonPath monthly = Api.as("city", "130500").get("/api/v1/reports/monthly?region=" + COUNTY + "&month=2026-09")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> state = new java.util.HashMap<>();
        for (Map<String, Object> row : monthly.<Map<String, Object>>getList("authorities.rows.flatten()")) {
            state.put((String) row.get("resultId"), (String) row.get("publication"));
        }
        assertEquals("逾期未公示（期限 2026-10-19）", state.get(plain));
        assertEquals("待公示（期限 2026-11-02）", state.get(morning));
        assertEquals("待公示（期限 2026-11-03）", state.get(midnight));
        assertEquals("不予公示（涉密或涉及国家安全、公共安全）", state.get(still));

        // the compliance report of 2026Q3: one withheld, one overdue, two not yet due
        assertEquals(Map.of("withheld", 1L, "overdue", 1L, "unpublished", 2L, "publishedOnTime", 0L, "publishedLate", 0L),
                compliance("withheld", "overdue", "unpublished", "publishedOnTime", "publishedLate"));
        // the assessment: three of the four random results are publishable, none published yet
        assertEquals(List.of(3, 0), assessment());

        // 29 Oct: both declassified results are due within 3 working days, on their own deadlines, not overdue
        at("2026-10-29T02:00:00Z");
        JsonPath due = Api.operator(COUNTY).get("/api/v1/publication/due?authority=" + COUNTY).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("2026-11-02", due.getString("items.find { it.resultId == '" + morning + "' }.deadline"));
        assertEquals(2, due.getInt("items.find { it.resultId == '" + morning + "' }.workingDaysLeft"));
        assertEquals(false, due.getBoolean("items.find { it.resultId == '" + morning + "' }.overdue"));
        assertEquals("2026-11-03", due.getString("items.find { it.resultId == '" + midnight + "' }.deadline"));
        assertEquals(3, due.getInt("items.find { it.resultId == '" + midnight + "' }.workingDaysLeft"));

        // the job publishes them on time on the 29th; the plain one late; the confidential one never
        publication.run();
        Api.operator(COUNTY).get("/api/v1/results/" + morning).then()
                .body("publication.state", equalTo("PUBLISHED")).body("publication.onTime", equalTo(true));
        Api.operator(COUNTY).get("/api/v1/results/" + plain).then()
                .body("publication.state", equalTo("PUBLISHED")).body("publication.onTime", equalTo(false));
        Api.operator(COUNTY).get("/api/v1/results/" + still).then().body("publication.state", equalTo("WITHHELD"));
        assertEquals(Map.of("withheld", 1L, "overdue", 0L, "unpublished", 0L, "publishedOnTime", 2L, "publishedLate", 1L),
                compliance("withheld", "overdue", "unpublished", "publishedOnTime", "publishedLate"));
        assertEquals(List.of(3, 2), assessment());
    }

    /** The sums over the county's supervision classes in the 2026Q3 compliance report. */
    private Map<String, Long> compliance(String... fields) {
        JsonPath c = Api.as("city", "130500").get("/api/v1/reports/compliance?region=" + COUNTY + "&quarter=2026Q3")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Long> out = new java.util.HashMap<>();
        for (String field : fields) {
            List<Number> values = c.getList("authorities.find { it.authority == '" + COUNTY + "' }.classes." + field);
            out.put(field, values.stream().mapToLong(Number::longValue).sum());
        }
        return out;
    }

    /** [publishable, publishedOnTime] of the county's random checks in the city's 2026Q3 assessment. */
    private List<Integer> assessment() {
        JsonPath a = Api.as("city", "130500").get("/api/v1/reports/assessment?region=130500&quarter=2026Q3")
                .then().statusCode(200).extract().jsonPath();
        String unit = "units.find { it.code == '" + COUNTY + "' }.random.";
        return List.of(a.getInt(unit + "publishable"), a.getInt(unit + "publishedOnTime"));
    }
}
