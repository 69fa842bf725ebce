package cn.doublerandom.draw;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A target whose team changed by a substitution in an earlier quarter is remembered with the team that
 * checked it, not the team drawn: the next quarter's pool names the substituted team as its previous
 * team (the snapshot's P lines); in 迁安市 (130283), 2026年第三 and 第四季度.
 */
@QuarkusTest
class LastTeamAfterSubstitutionTest {

    private static final String COUNTY = "130283";

    @Inject
    ServiceClock clock;

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    @Test
    void theNextQuartersPoolNamesTheSubstitutedTeam() {
        clock.use(Clock.fixed(Instant.parse("2026-08-10T02:00:00Z"), ZoneOffset.UTC));
        Api.as("admin", COUNTY).body("{}").put("/api/v1/policies/" + COUNTY + "/2026").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        long item = ((Number) Api.as("admin", COUNTY).body("""
                {"regionCode":"%s","seqNo":"1","name":"污染源日常监管（换人测试）","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                 "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":false}""".formatted(COUNTY))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
        new DrawFixture(COUNTY).build(8, 0, 6, 12); // twelve inspectors: a substitute is always at hand

        String q3 = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q3\",\"items\":[" + item + "]}")
                .post("/api/v1/draws").then().statusCode(201).extract().path("id");
        List<Map<String, Object>> drawn = Api.operator(COUNTY).body("{\"seed\":\"28318530717958647692\"}")
                .post("/api/v1/draws/" + q3 + "/execute").then().statusCode(200).extract().jsonPath().getList("targets");
        assertFalse(drawn.isEmpty());
        // one member of the first target's team falls ill and is replaced, then the replacement too
        String substituted = (String) drawn.get(0).get("uscc");
        @SuppressWarnings("unchecked") List<String> drawnTeam = (List<String>) drawn.get(0).get("team");
        List<String> once = substitute(q3, substituted, drawnTeam.get(0), "病假");
        List<String> twice = substitute(q3, substituted, once.get(0), "出差");
        assertNotEquals(drawnTeam, twice);
        assertNotEquals(once, twice);

        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
        String q4 = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"items\":[" + item + "]}")
                .post("/api/v1/draws").then().statusCode(201).extract().path("id");
        Api.operator(COUNTY).body("{\"seed\":\"28302830283028302830\"}").post("/api/v1/draws/" + q4 + "/execute").then().statusCode(200);
        String snapshot = Api.as("auditor", "ALL").get("/api/v1/draws/" + q4 + "/export").then().statusCode(200)
                .extract().path("snapshot");
        List<String> lines = List.of(snapshot.split("\n"));
        for (Map<String, Object> t : drawn) {
            String uscc = (String) t.get("uscc");
            @SuppressWarnings("unchecked") List<String> team = uscc.equals(substituted) ? twice : (List<String>) t.get("team");
            List<String> previous = lines.stream().filter(l -> l.startsWith("P ") && l.endsWith(" " + uscc))
                    .map(l -> l.split(" ")[1]).sorted().toList();
            assertEquals(team.stream().sorted().toList(), previous, uscc + ": the team that checked it last");
        }
        assertEquals(drawn.size() * 2L, lines.stream().filter(l -> l.startsWith("P ")).count(), "no other previous team");
    }

    private static List<String> substitute(String draw, String uscc, String member, String reason) {
        return Api.operator(COUNTY).body("{\"member\":\"" + member + "\",\"reason\":\"" + reason + "\"}")
                .post("/api/v1/draws/" + draw + "/targets/" + uscc + "/substitute").then().statusCode(200)
                .extract().jsonPath().getList("targets.find { it.uscc == '" + uscc + "' }.team", String.class);
    }
}
