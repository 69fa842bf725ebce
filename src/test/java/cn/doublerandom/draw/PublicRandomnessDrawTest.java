package cn.doublerandom.draw;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A bureau of 武强县 (131123, used by no other test) names a lottery issue at prepare: the prepare
 * record announces it, execute refuses a seed that is not a value of that lottery's form and writes
 * nothing, then takes the drawn numbers; they cannot serve a second draw.
 */
@QuarkusTest
class PublicRandomnessDrawTest {

    static final String COUNTY = "131123";
    static final String SSQ = "03 09 14 22 27 31 + 05";

    @Inject
    ServiceClock clock;

    @Test
    void aLotteryIssueNamedAtPrepareIsTheSeedAtExecute() {
        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
        try {
            Api.as("admin", "131100").body("{}").put("/api/v1/policies/131100/2026").then().statusCode(oneOf(200, 201));
            long item = ((Number) Api.as("admin", "131100").body("""
                    {"regionCode":"131100","seqNo":"RND1","name":"污染源日常监管（公开随机源测试）","category":"GENERAL",
                     "targetType":"排污单位","inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》",
                     "content":"排污许可执行情况","methods":["ON_SITE"],"jointInspection":false}""")
                    .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
            new DrawFixture(COUNTY).build(12, 0, 4, 6);
            String prepare = "{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"items\":[" + item + "],\"randomness\":\"%s\"}";

            Api.operator(COUNTY).body(prepare.formatted("ssq 26118")).post("/api/v1/draws").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("randomness"));
            String id = Api.operator(COUNTY).body(prepare.formatted("ssq 2026118")).post("/api/v1/draws").then().statusCode(201)
                    .extract().path("id");
            String prepared = record(id, 0);
            assertTrue(prepared.matches("(?s).*\nreplaces -\nrandomness ssq 2026118\nsalt [0-9a-f]{32}\nat .*"), prepared);

            // dice rolled in the room are not the named issue's numbers: refused, nothing written
            Api.operator(COUNTY).body("{\"seed\":\"31415926\"}").post("/api/v1/draws/" + id + "/execute").then().statusCode(400)
                    .body("type", containsString("invalid-seed")).body("detail", containsString("ssq 2026118"));
            Api.as("auditor", "ALL").get("/api/v1/draws/" + id + "/export").then().body("ledger.kind", equalTo(List.of("prepare")));
            Api.operator(COUNTY).body("{\"seed\":\"" + SSQ + "\"}").post("/api/v1/draws/" + id + "/execute").then().statusCode(200);
            String executed = record(id, 1);
            assertTrue(executed.contains("\ngiven " + SSQ + "\n"), executed);
            assertTrue(executed.contains("\nseed " + SSQ + "|"), executed);

            // a given seed is used once, a named round's value too: a second draw names another round
            String directed = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"kind\":\"DIRECTED\","
                    + "\"count\":1,\"filter\":{\"supervisionClass\":\"KEY\"},\"items\":[" + item + "],\"randomness\":\"ssq 2026118\"}")
                    .post("/api/v1/draws").then().statusCode(201).extract().path("id");
            Api.operator(COUNTY).body("{\"seed\":\"" + SSQ + "\"}").post("/api/v1/draws/" + directed + "/execute").then()
                    .statusCode(409).body("type", containsString("seed-reused"));
            assertTrue(record(directed, 0).contains("\nrandomness ssq 2026118\n"));
        } finally {
            clock.use(Clock.systemUTC());
        }
    }

    private static String record(String drawId, int index) {
        return Api.as("auditor", "ALL").get("/api/v1/draws/" + drawId + "/export").then().statusCode(200).extract()
                .path("ledger[" + index + "].text");
    }
}
