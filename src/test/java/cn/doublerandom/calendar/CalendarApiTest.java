package cn.doublerandom.calendar;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class CalendarApiTest {

    @Inject
    ServiceClock clock;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void shippedYearsDeadlinesAndLoadingTheNextNotice() {
        Api.anonymous().get("/api/v1/calendar/2024").then().statusCode(200).body("source", equalTo("SHIPPED"))
                .body("workingDays", equalTo(251)).body("days.date", hasItem("2024-02-04"));
        Api.anonymous().get("/api/v1/calendar/deadline?determined=2025-01-20").then().statusCode(200)
                .body("deadline", equalTo("2025-02-21"));
        Api.anonymous().get("/api/v1/calendar/deadline?determined=2024-12-27").then().body("deadline", equalTo("2025-01-26"));
        Api.anonymous().get("/api/v1/calendar/deadline?determined=2026-12-15").then().statusCode(422)
                .contentType("application/problem+json").body("type", endsWith("/problems/calendar-year-missing"))
                .body("missingYear", equalTo(2027)).body("detail", containsString("2027"));

        // from 1 December the health endpoint warns, but stays UP
        clock.use(Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneOffset.UTC));
        RestAssured.get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'working-day calendar' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'working-day calendar' }.data.warning", containsString("2027"));

        String notice = """
                {"year":2027,"papers":["https://www.gov.cn/example"],"days":[
                  {"name":"元旦","date":"2027-01-01","isOffDay":true},
                  {"name":"春节","date":"2027-02-06","isOffDay":false}]}""";
        Api.operator("130123").body(notice).put("/api/v1/calendar/2027").then().statusCode(403);
        Api.as("admin", "130000").body(notice.replace("2027-02-06\",\"isOffDay\":false", "2027-02-10\",\"isOffDay\":false"))
                .put("/api/v1/calendar/2027").then().statusCode(400).body("detail", containsString("2027-02-10"));
        Api.as("admin", "130000").body(notice).put("/api/v1/calendar/2028").then().statusCode(400);
        Api.as("admin", "130000").body(notice).put("/api/v1/calendar/2027").then().statusCode(200)
                .body("source", equalTo("UPLOADED"));
        Api.anonymous().get("/api/v1/calendar/deadline?determined=2026-12-15").then().statusCode(200)
                .body("deadline", equalTo("2027-01-13")); // 2027-01-01 off: checked by an independent count
        RestAssured.get("/q/health/ready").then()
                .body("checks.find { it.name == 'working-day calendar' }.data", not(org.hamcrest.Matchers.hasKey("warning")));
    }
}
