package cn.doublerandom.registry.target;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lead register of 平乡县 (130532): a lead is recorded with its source, open until closed once with a day and a
 * reason, kept after closing, and which of the county's targets have a lead open on a day is what a draw asks.
 * Every refused request writes nothing.
 */
@QuarkusTest
class LeadRegisterTest {

    private static final String COUNTY = "130532";

    @Inject
    ServiceClock clock;

    @Inject
    TargetLeadService leads;

    @BeforeEach
    void november() {
        clock.use(Clock.fixed(Instant.parse("2026-11-16T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private static String target(String name) {
        String uscc = Api.uscc(COUNTY);
        Api.operator(COUNTY).body(Api.targetJson(COUNTY, name)).put("/api/v1/targets/" + uscc).then().statusCode(201);
        return uscc;
    }

    /** As a bureau's browser asks: problems in Chinese. */
    private static io.restassured.specification.RequestSpecification zh() {
        return io.restassured.RestAssured.given().auth().oauth2(cn.doublerandom.security.DevTokens.mint("operator-" + COUNTY,
                "operator", COUNTY)).contentType(io.restassured.http.ContentType.JSON);
    }

    private static int count(String uscc) {
        return Api.operator(COUNTY).get("/api/v1/targets/" + uscc + "/leads").then().statusCode(200).extract().jsonPath()
                .getList("items").size();
    }

    @Test
    void aLeadIsOpenFromItsDayUntilItIsClosedAndStaysOnRecord() {
        String complained = target("平乡县某化工有限公司");
        String assigned = target("平乡县某铸造有限公司");
        String quiet = target("平乡县某纸业有限公司");
        long complaint = ((Number) Api.operator(COUNTY).body("""
                {"source":"COMPLAINT","openedOn":"2026-10-12","reference":"12369-2026-10-0457","summary":"群众反映夜间异味"}""")
                .post("/api/v1/targets/" + complained + "/leads").then().statusCode(201)
                .header("Location", endsWith("/api/v1/targets/" + complained + "/leads"))
                .body("source", equalTo("COMPLAINT")).body("sourceLabel", equalTo("投诉举报"))
                .body("openedOn", equalTo("2026-10-12")).body("closure", nullValue())
                .extract().path("id")).longValue();
        // a leader's assignment is a source of its own, given by its code or its Chinese name
        Api.operator(COUNTY).body("{\"source\":\"领导交办\",\"openedOn\":\"2026-11-02\"}")
                .post("/api/v1/targets/" + assigned + "/leads").then().statusCode(201).body("source", equalTo("LEADER_ASSIGNED"));

        assertEquals(java.util.Set.of(complained, assigned), leads.openOn(COUNTY, LocalDate.of(2026, 11, 5)).stream()
                .filter(u -> u.equals(complained) || u.equals(assigned) || u.equals(quiet))
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(complained), leads.openOn(COUNTY, LocalDate.of(2026, 10, 20)).stream()
                .filter(u -> u.equals(complained) || u.equals(assigned) || u.equals(quiet)).toList(),
                "the assignment was not yet received on 20 October");

        Api.operator(COUNTY).body("{\"closedOn\":\"2026-11-03\",\"reason\":\"现场核查，已责令整改\"}")
                .post("/api/v1/targets/" + complained + "/leads/" + complaint + "/closure").then().statusCode(200)
                .body("closure.closedOn", equalTo("2026-11-03")).body("closure.reason", equalTo("现场核查，已责令整改"));
        // open through the day it was closed, not after
        assertEquals(List.of(complained), leads.openOn(COUNTY, LocalDate.of(2026, 11, 3)).stream()
                .filter(complained::equals).toList());
        assertEquals(List.of(), leads.openOn(COUNTY, LocalDate.of(2026, 11, 4)).stream().filter(complained::equals).toList());
        // closed once; the lead and its closure stay on the target's list
        Api.operator(COUNTY).body("{\"closedOn\":\"2026-11-04\",\"reason\":\"再次办结\"}")
                .post("/api/v1/targets/" + complained + "/leads/" + complaint + "/closure").then().statusCode(409)
                .body("detail", containsString("lead " + complaint + " was already closed"));
        zh().body("{\"closedOn\":\"2026-11-04\",\"reason\":\"再次办结\"}")
                .post("/api/v1/targets/" + complained + "/leads/" + complaint + "/closure").then().statusCode(409)
                .body("detail", containsString("线索 " + complaint + " 已办结"));
        Api.operator(COUNTY).get("/api/v1/targets/" + complained + "/leads").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].closure.closedOn", equalTo("2026-11-03"));
    }

    @Test
    void badLeadsAndClosuresAreProblemsThatWriteNothing() {
        String uscc = target("平乡县某建材有限公司");
        long id = ((Number) Api.operator(COUNTY).body("{\"source\":\"DATA_LEAD\",\"openedOn\":\"2026-11-10\"}")
                .post("/api/v1/targets/" + uscc + "/leads").then().statusCode(201).extract().path("id")).longValue();
        String[] badLeads = {
                "{\"openedOn\":\"2026-11-10\"}",
                "{\"source\":\"RUMOUR\",\"openedOn\":\"2026-11-10\"}",
                "{\"source\":\"COMPLAINT\"}",
                "{\"source\":\"COMPLAINT\",\"openedOn\":\"2026-12-01\"}",
                "{\"source\":\"COMPLAINT\",\"openedOn\":\"+999999999-12-31\"}",
                "{\"source\":\"COMPLAINT\",\"openedOn\":\"-999999999-01-01\"}",
                "{\"source\":\"COMPLAINT\",\"openedOn\":\"2026-11-10\",\"summary\":\"" + "长".repeat(2001) + "\"}",
                "{\"source\":\"COMPLAINT\",\"openedOn\":\"2026-11-10\"} {}",
                "{\"source\":\"COMPLAINT\\u0000\",\"openedOn\":\"2026-11-10\"}",
                "[]",
                "",
        };
        for (String body : badLeads) {
            Api.operator(COUNTY).body(body).post("/api/v1/targets/" + uscc + "/leads").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                    .contentType(containsString("application/problem+json"));
        }
        // in Chinese by default, naming the field
        zh().body("{\"source\":\"RUMOUR\",\"openedOn\":\"2026-11-10\"}")
                .post("/api/v1/targets/" + uscc + "/leads").then().statusCode(400)
                .body("errors[0].field", equalTo("source")).body("errors[0].message", containsString("不是线索来源"));
        // a lead on a target of another county, and on no target at all
        Api.operator("130533").body("{\"source\":\"COMPLAINT\",\"openedOn\":\"2026-11-10\"}")
                .post("/api/v1/targets/" + uscc + "/leads").then().statusCode(403);
        Api.operator(COUNTY).body("{\"source\":\"COMPLAINT\",\"openedOn\":\"2026-11-10\"}")
                .post("/api/v1/targets/" + Api.uscc(COUNTY) + "/leads").then().statusCode(404);
        String[] badClosures = {
                "{\"reason\":\"办结\"}",
                "{\"closedOn\":\"2026-11-12\"}",
                "{\"closedOn\":\"2026-11-09\",\"reason\":\"早于登记\"}",
                "{\"closedOn\":\"2026-11-30\",\"reason\":\"尚未到来\"}",
                "{\"closedOn\":\"+999999999-12-31\",\"reason\":\"极端日期\"}",
                "{\"closedOn\":\"2026-11-12\",\"reason\":\"办结\"} {\"x\":1}",
        };
        for (String body : badClosures) {
            Api.operator(COUNTY).body(body).post("/api/v1/targets/" + uscc + "/leads/" + id + "/closure").then()
                    .statusCode(org.hamcrest.Matchers.oneOf(400, 422))
                    .contentType(containsString("application/problem+json"));
        }
        Api.operator(COUNTY).body("{\"closedOn\":\"2026-11-12\",\"reason\":\"办结\"}")
                .post("/api/v1/targets/" + uscc + "/leads/999999999/closure").then().statusCode(404);
        assertEquals(1, count(uscc), "nothing refused was recorded");
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc + "/leads").then().body("items[0].closure", nullValue());
        assertEquals(List.of(uscc), leads.openOn(COUNTY, LocalDate.of(2026, 11, 16)).stream().filter(uscc::equals).toList());
    }
}
