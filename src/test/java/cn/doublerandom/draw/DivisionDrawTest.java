package cn.doublerandom.draw;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each responsible division (责任处室) of a county draws undirected once a quarter; a draw across
 * divisions is an internal joint inspection (内部联合抽查) that names its lead division.
 */
@QuarkusTest
class DivisionDrawTest {

    private static final String COUNTY = "130424";
    private static final String AIR = "大气环境科（划分测试）";
    private static final String VEHICLES = "机动车排放管理科（划分测试）";
    private static final String PERMITS = "排污许可科（划分测试）";

    @Inject
    ServiceClock clock;

    @BeforeEach
    void october() {
        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private static long item(String division, String kind, String methods) {
        return ((Number) Api.as("admin", "130400").body("""
                {"regionCode":"130400","seqNo":"16","name":"%s的检查事项（测试）","category":"GENERAL","targetType":"测试对象",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"检查内容",
                 "methods":%s,"jointInspection":true,"objectKinds":["%s"],"responsibleDivision":"%s"}"""
                .formatted(division, methods, kind, division))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
    }

    private static Response prepare(String items, String extra) {
        return Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"items\":[" + items + "]" + extra + "}")
                .post("/api/v1/draws");
    }

    private static int drawCount() {
        return Api.operator(COUNTY).get("/api/v1/draws?authority=" + COUNTY + "&quarter=2026Q4").then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static List<String> execute(String id, String seed) {
        return Api.operator(COUNTY).body("{\"seed\":\"" + seed + "\"}").post("/api/v1/draws/" + id + "/execute").then()
                .statusCode(200).body("status", equalTo("EXECUTED")).extract().jsonPath().getList("targets.uscc");
    }

    @Test
    void eachDivisionDrawsOnceAQuarterAndAJointDrawNamesItsLead() {
        Api.as("admin", "130400").body("{}").put("/api/v1/policies/130400/2026").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        DrawFixture f = new DrawFixture(COUNTY).build(8, 2, 10, 6);
        // every key target's non-site monitoring completed, so that the key stratum draws one checked by
        // technology whatever USCCs this run's fixture was given (their tickets decide who is drawn)
        StringBuilder monitored = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,运营状态\n");
        for (int i = 0; i < f.key.size(); i++) {
            monitored.append(f.key.get(i)).append(",重点企业").append(i).append(',').append(COUNTY).append(",在线监测、分表计电,重点管理,B,生产\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(monitored.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        f.key.stream().filter(u -> !f.technology.contains(u)).forEach(f.technology::add);
        long air = item(AIR, "POLLUTANT_DISCHARGER", "[\"ON_SITE\",\"TECHNOLOGY\"]");
        long vehicles = item(VEHICLES, "VEHICLE_SELLER", "[\"ON_SITE\"]");
        long permits = item(PERMITS, "POLLUTANT_DISCHARGER", "[\"ON_SITE\",\"TECHNOLOGY\"]");

        // bad requests, each a problem that writes nothing
        prepare(air + "," + vehicles, "").then().statusCode(422).body("type", endsWith("/problems/invalid-items"))
                .body("errors[0].field", equalTo("division")).body("detail", containsString("joint"));
        prepare(Long.toString(air), ",\"division\":\"" + VEHICLES + "\"").then().statusCode(422)
                .body("errors[0].field", equalTo("division")).body("errors[0].value", equalTo(VEHICLES));
        prepare(air + "," + vehicles, ",\"division\":\"" + AIR + "\"").then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("items"))
                .body("errors[0].value", equalTo(Long.toString(vehicles)));
        prepare(Long.toString(air), ",\"division\":\"" + AIR + "\",\"joint\":true").then().statusCode(400)
                .body("errors[0].field", equalTo("joint"));
        prepare(air + "," + vehicles, ",\"joint\":true").then().statusCode(400).body("errors[0].field", equalTo("division"));
        prepare(Long.toString(air), ",\"division\":\"\\u0000\"").then().statusCode(400);
        // no target of the county sells vehicles yet: the vehicle item applies to none
        prepare(Long.toString(vehicles), "").then().statusCode(422).body("type", endsWith("/problems/invalid-items"))
                .body("detail", containsString("of a kind these items inspect")).body("errors[0].field", equalTo("items"))
                .body("errors[0].value", equalTo(Long.toString(vehicles)));
        assertEquals(0, drawCount(), "no refused request wrote a draw");

        // the air division's draw: its division is found from its item
        String first = prepare(Long.toString(air), "").then().statusCode(201).body("division", equalTo(AIR))
                .body("joint", equalTo(false)).extract().path("id");
        // while it is open, neither the air division nor another prepares an undirected draw: the next one's
        // pool and quotas depend on what this one selects; the refusal is Chinese, names the open draw and
        // its division, and shows no code of a draw's kind
        for (String[] again : List.of(new String[] {Long.toString(air), "", AIR}, new String[] {Long.toString(permits), "", PERMITS})) {
            Response refused = io.restassured.RestAssured.given().auth().oauth2(cn.doublerandom.security.DevTokens.mint(
                    "operator-" + COUNTY, "operator", COUNTY)).contentType(io.restassured.http.ContentType.JSON).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"items\":["
                    + again[0] + "]}").post("/api/v1/draws");
            refused.then().statusCode(409).contentType("application/problem+json").body("type", endsWith("/problems/draw-conflict"))
                    .body("title", equalTo("与本机关本季度的另一次抽取冲突"))
                    .body("detail", equalTo(COUNTY + " 2026Q4 的不定向抽取 " + first + "（" + AIR + "） 已准备而未执行：请先执行或作废"
                            + (again[2].equals(AIR) ? "" : "；下一次不定向抽取的检查对象库和定额取决于该抽取的选取结果")))
                    .body("errors[0].field", equalTo("division")).body("errors[0].value", equalTo(again[2]))
                    .body("errors[0].message", equalTo("抽取 " + first + " 已准备而未执行"));
            assertTrue(!refused.asString().contains("UNDIRECTED"), refused.asString());
        }
        assertEquals(1, drawCount(), "no refused prepare wrote a draw");
        List<String> airTargets = execute(first, "16160001");
        // a discharger whose non-site facilities are complete is checked by technology
        List<java.util.Map<String, Object>> firstTargets = Api.operator(COUNTY).get("/api/v1/draws/" + first).then()
                .extract().jsonPath().getList("targets");
        for (java.util.Map<String, Object> t : firstTargets) {
            assertEquals(f.technology.contains(t.get("uscc")) ? "TECHNOLOGY" : "ON_SITE", t.get("method"), t.get("uscc").toString());
        }
        assertTrue(firstTargets.stream().anyMatch(t -> "TECHNOLOGY".equals(t.get("method"))), "the key stratum drew none qualified");
        prepare(Long.toString(air), "").then().statusCode(409).body("type", endsWith("/problems/draw-conflict"))
                .body("detail", containsString(AIR)).body("errors[0].field", equalTo("division"));

        // vehicle sellers are registered (no permit: not 排污单位); the vehicle division draws in the same
        // quarter, from them alone; no target is drawn twice in the quarter
        StringBuilder sellers = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,环境信用等级,运营状态,检查对象类型\n");
        Set<String> sellerCodes = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            String u = Api.uscc(COUNTY);
            sellerCodes.add(u);
            sellers.append(u).append(",汽车销售公司").append(i).append(',').append(COUNTY).append(",B,生产,机动车销售企业\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(sellers.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        String second = prepare(Long.toString(vehicles), ",\"division\":\"" + VEHICLES + "\"").then().statusCode(201)
                .body("division", equalTo(VEHICLES)).body("plan.excluded.noItemApplies", org.hamcrest.Matchers.greaterThan(0))
                .extract().path("id");
        List<String> vehicleTargets = execute(second, "16160002");
        assertTrue(!vehicleTargets.isEmpty() && sellerCodes.containsAll(vehicleTargets), "only sellers: " + vehicleTargets);
        assertTrue(java.util.Collections.disjoint(sellerCodes, airTargets), "the air item applies to no seller");

        // an internal joint inspection led by the permit division, with the air division's item
        String joint = prepare(permits + "," + air, ",\"division\":\"" + PERMITS + "\",\"joint\":true").then().statusCode(201)
                .body("division", equalTo(PERMITS)).body("joint", equalTo(true)).extract().path("id");
        List<String> jointTargets = execute(joint, "16160003");
        assertTrue(java.util.Collections.disjoint(sellerCodes, jointTargets), "neither item of the joint draw applies to a seller");
        Api.operator(COUNTY).get("/api/v1/draws/" + joint).then().body("joint", equalTo(true)).body("division", equalTo(PERMITS));
        prepare(Long.toString(permits), "").then().statusCode(409).body("detail", containsString(PERMITS));

        Set<String> all = new HashSet<>();
        for (List<String> s : List.of(airTargets, vehicleTargets, jointTargets)) {
            for (String u : s) {
                assertTrue(all.add(u), u + " was drawn twice in 2026Q4");
            }
        }
        assertEquals(3, drawCount());
        for (String id : List.of(first, second, joint)) {
            Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().statusCode(200).body("matches", equalTo(true));
        }
    }
}
