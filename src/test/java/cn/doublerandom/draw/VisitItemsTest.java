package cn.doublerandom.draw;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.security.DevTokens;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One visit per selected target covering exactly the draw's items that apply to it, each by its own method
 * (进一次门、查多项事), in 广宗县 (130531), 2026年第四季度: the draw view lists them; the plan is the
 * registry's as the pool was frozen, not as it changed before execute or after; a result gives an outcome
 * for those items and is refused for an item that does not apply; and once the county's draws met every
 * class's quota, another division's undirected draw is refused as such.
 */
@QuarkusTest
class VisitItemsTest {

    private static final String COUNTY = "130531";
    private static final String QUARTER = "2026Q4";
    private static final String HEADER = "统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,运营状态,检查对象类型\n";

    @Inject
    ServiceClock clock;

    @Inject
    PreparedSnapshots prepared;

    @BeforeEach
    void october() {
        clock.use(Clock.fixed(Instant.parse("2026-10-09T02:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    /** A target row: USCC, name, monitoring, permit class, object kinds (Chinese labels). */
    private record Row(String uscc, String name, String monitoring, String permit, String kinds) {
        String csv() {
            return uscc + ',' + name + ',' + COUNTY + ',' + monitoring + ',' + permit + ",B,生产," + kinds + '\n';
        }
    }

    private static void importRows(List<Row> rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        rows.forEach(r -> csv.append(r.csv()));
        Api.operator(COUNTY).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
    }

    private static long item(String division, String kind, String methods) {
        return ((Number) Api.as("admin", COUNTY).body("""
                {"regionCode":"%s","seqNo":"31","name":"%s的检查事项（一次进门）","category":"GENERAL","targetType":"测试对象",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"检查内容",
                 "methods":%s,"jointInspection":true,"objectKinds":["%s"],"responsibleDivision":"%s"}"""
                .formatted(COUNTY, division, methods, kind, division))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
    }

    private static int drawCount() {
        return Api.operator(COUNTY).get("/api/v1/draws?authority=" + COUNTY + "&quarter=" + QUARTER).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static long resultCount(String drawId) {
        return Api.operator(COUNTY).get("/api/v1/results?drawId=" + drawId).then().statusCode(200).extract().jsonPath()
                .getList("items.id").stream().filter(Objects::nonNull).count();
    }

    /** A result body for a selected target with one outcome per given item, or the shorthand wording when none. */
    private static String result(String drawId, Map<String, Object> target, List<Long> items) {
        @SuppressWarnings("unchecked")
        List<String> team = (List<String>) target.get("team");
        String outcomes = items.isEmpty() ? "\"wording\":\"NO_PROBLEM\""
                : "\"items\":[" + String.join(",", items.stream().map(i -> "{\"itemId\":" + i + ",\"wording\":\"NO_PROBLEM\"}").toList()) + "]";
        return "{\"drawId\":\"" + drawId + "\",\"uscc\":\"" + target.get("uscc") + "\",\"inspectionDate\":\"2026-10-09\","
                + "\"determinationDate\":\"2026-10-09\"," + outcomes + ",\"problems\":[],\"handling\":[\"NONE\"],"
                + "\"violationFound\":false,\"nonSite\":false,\"team\":[\"" + team.get(0) + "\",\"" + team.get(1) + "\"]}";
    }

    @Test
    void eachTargetIsVisitedForExactlyTheItemsThatApplyToItAsTheyWereDrawn() {
        Api.as("admin", COUNTY).body("""
                {"countyKeyRate":1,"countySpecialRate":1,"countyGeneralPerInspector":0.75,"changeReason":"一次进门测试：全部抽取"}""")
                .put("/api/v1/policies/" + COUNTY + "/2026").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        // key dischargers: the first with complete non-site facilities, the second also sells vehicles, the
        // fourth will complete its facilities between prepare and execute; three vehicle sellers (general)
        Row qualified = new Row(Api.uscc(COUNTY), "重点排污单位甲", "在线监测、分表计电", "重点管理", "");
        Row sellsToo = new Row(Api.uscc(COUNTY), "重点排污单位乙", "", "重点管理", "机动车销售企业");
        Row plain = new Row(Api.uscc(COUNTY), "重点排污单位丙", "", "重点管理", "");
        Row lateFacilities = new Row(Api.uscc(COUNTY), "重点排污单位丁", "", "重点管理", "");
        List<Row> sellers = List.of(new Row(Api.uscc(COUNTY), "汽车销售公司一", "", "", "机动车销售企业"),
                new Row(Api.uscc(COUNTY), "汽车销售公司二", "", "", "机动车销售企业"),
                new Row(Api.uscc(COUNTY), "汽车销售公司三", "", "", "机动车销售企业"));
        List<Row> all = new java.util.ArrayList<>(List.of(qualified, sellsToo, plain, lateFacilities));
        all.addAll(sellers);
        importRows(all);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n");
        for (int i = 1; i <= 4; i++) {
            staff.append("G").append(COUNTY).append("-").append(i).append(",执法员").append(i).append(',').append(COUNTY)
                    .append(",冀环执字531").append(i).append(",2030-12-31,在岗,是,否\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        long pollution = item("大气环境科（一次进门）", "POLLUTANT_DISCHARGER", "[\"ON_SITE\",\"TECHNOLOGY\"]");
        long vehicles = item("大气环境科（一次进门）", "VEHICLE_SELLER", "[\"ON_SITE\"]");
        long permits = item("排污许可科（一次进门）", "POLLUTANT_DISCHARGER", "[\"ON_SITE\",\"TECHNOLOGY\"]");

        String id = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"" + QUARTER + "\",\"items\":["
                + pollution + "," + vehicles + "]}").post("/api/v1/draws").then().statusCode(201).extract().path("id");
        String poolHash = Api.operator(COUNTY).get("/api/v1/draws/" + id).then().extract().path("poolHash");
        // the registry changes between prepare and execute: the qualified one loses its facilities, the plain
        // one starts selling vehicles, the fourth completes its facilities. The plan is the pool's as frozen.
        importRows(List.of(new Row(qualified.uscc(), qualified.name(), "", "重点管理", ""),
                new Row(plain.uscc(), plain.name(), "", "重点管理", "机动车销售企业"),
                new Row(lateFacilities.uscc(), lateFacilities.name(), "在线监测、分表计电", "重点管理", "")));
        // executed as by another replica, which did not prepare it: the pool is read back from the stored draw
        prepared.take(id, poolHash);
        JsonPath executed = Api.operator(COUNTY).body("{\"seed\":\"5310001\"}").post("/api/v1/draws/" + id + "/execute").then()
                .statusCode(200).body("targets", hasSize(7)).extract().jsonPath();

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(qualified.uscc(), pollution + ":TECHNOLOGY:NON_SITE_QUALIFIED");
        expected.put(sellsToo.uscc(), pollution + ":ON_SITE:FACILITIES_INCOMPLETE," + vehicles + ":ON_SITE:FACILITIES_INCOMPLETE");
        expected.put(plain.uscc(), pollution + ":ON_SITE:FACILITIES_INCOMPLETE");
        expected.put(lateFacilities.uscc(), pollution + ":ON_SITE:FACILITIES_INCOMPLETE");
        sellers.forEach(s -> expected.put(s.uscc(), vehicles + ":ON_SITE:FACILITIES_INCOMPLETE"));
        List<Map<String, Object>> targets = executed.getList("targets");
        assertEquals(expected.keySet(), targets.stream().map(t -> t.get("uscc")).collect(java.util.stream.Collectors.toSet()));
        for (Map<String, Object> t : targets) {
            String uscc = (String) t.get("uscc");
            assertEquals(expected.get(uscc), visit(t), uscc + " " + t.get("name"));
            assertEquals(uscc.equals(qualified.uscc()) ? "TECHNOLOGY" : "ON_SITE", t.get("method"), uscc);
        }
        Map<String, Object> first = byUscc(targets, sellsToo.uscc());
        @SuppressWarnings("unchecked")
        Map<String, Object> vehicleItem = ((List<Map<String, Object>>) first.get("items")).get(1);
        assertEquals("实地检查", vehicleItem.get("methodLabel"));
        assertEquals(true, vehicleItem.get("unannounced"), "四不两直");
        assertEquals("非现场监管设施不完备", vehicleItem.get("groundLabel"));
        assertEquals("大气环境科（一次进门）的检查事项（一次进门）", vehicleItem.get("name"));
        @SuppressWarnings("unchecked")
        Map<String, Object> technology = ((List<Map<String, Object>>) byUscc(targets, qualified.uscc()).get("items")).get(0);
        assertEquals("科技检查", technology.get("methodLabel"));
        assertEquals(false, technology.get("unannounced"));

        // the registry changes again after execute; the draw's view does not
        importRows(List.of(new Row(qualified.uscc(), qualified.name(), "在线监测、分表计电", "重点管理", "机动车销售企业"),
                new Row(sellsToo.uscc(), sellsToo.name(), "在线监测、分表计电", "重点管理", "")));
        List<Map<String, Object>> later = Api.operator(COUNTY).get("/api/v1/draws/" + id).then().statusCode(200).extract()
                .jsonPath().getList("targets");
        assertEquals(targets, later);

        // results: an outcome for each item of the visit, none for an item that does not apply
        Map<String, Object> seller = byUscc(targets, sellers.get(0).uscc());
        long before = resultCount(id);
        Api.operator(COUNTY).body(result(id, seller, List.of(pollution, vehicles))).post("/api/v1/results").then().statusCode(400)
                .body("type", endsWith("/problems/validation-failed")).body("errors", hasSize(1))
                .body("errors[0].field", equalTo("items[0].itemId")).body("errors[0].value", equalTo(Long.toString(pollution)))
                .body("errors[0].message", containsString("does not apply to " + sellers.get(0).uscc()));
        // in Chinese, as a bureau's browser asks
        RestAssured.given().auth().oauth2(DevTokens.mint("operator-" + COUNTY, "operator", COUNTY)).contentType(ContentType.JSON)
                .body(result(id, seller, List.of(pollution, vehicles))).post("/api/v1/results").then().statusCode(400)
                .body("title", equalTo("请求参数不符合要求")).body("detail", containsString("结果与抽取 " + id + " 不符"))
                .body("errors[0].message", containsString("不适用于检查对象 " + sellers.get(0).uscc()))
                .body("errors[0].message", containsString("进一次门、查多项事"));
        // the discharger that sells vehicles: both items, one missing is refused
        Map<String, Object> both = byUscc(targets, sellsToo.uscc());
        Api.operator(COUNTY).body(result(id, both, List.of(pollution))).post("/api/v1/results").then().statusCode(400)
                .body("errors[0].field", equalTo("items")).body("errors[0].value", equalTo(Long.toString(vehicles)))
                .body("errors[0].message", containsString("no outcome"));
        // an item of the list that is not the draw's
        Api.operator(COUNTY).body(result(id, both, List.of(pollution, vehicles, permits))).post("/api/v1/results").then()
                .statusCode(400).body("errors[0].field", equalTo("items[2].itemId"))
                .body("errors[0].message", containsString("is not an item of draw " + id));
        assertEquals(before, resultCount(id), "no refused result was written");

        Api.operator(COUNTY).body(result(id, seller, List.of(vehicles))).post("/api/v1/results").then().statusCode(201)
                .body("current.items.itemId", equalTo(List.of((int) vehicles)));
        Api.operator(COUNTY).body(result(id, both, List.of(vehicles, pollution))).post("/api/v1/results").then().statusCode(201)
                .body("current.items.itemId", equalTo(List.of((int) pollution, (int) vehicles)));
        // the shorthand wording stands for the visit's items only
        Api.operator(COUNTY).body(result(id, byUscc(targets, plain.uscc()), List.of())).post("/api/v1/results").then()
                .statusCode(201).body("current.items.itemId", equalTo(List.of((int) pollution)));

        // every class's quota is met by this draw (key 100 %, general 0.75 × 4 officers → 3): the permit
        // division's undirected draw would select nobody and is refused, writing nothing
        int draws = drawCount();
        Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"" + QUARTER + "\",\"items\":[" + permits + "]}")
                .post("/api/v1/draws").then().statusCode(422).body("type", endsWith("/problems/quota-met"))
                .body("errors.field", equalTo(List.of("quota", "quota", "quota")))
                .body("errors.find { it.value == 'KEY' }.message", containsString("requirement 4, selected 4"));
        RestAssured.given().auth().oauth2(DevTokens.mint("operator-" + COUNTY, "operator", COUNTY)).contentType(ContentType.JSON)
                .body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"" + QUARTER + "\",\"items\":[" + permits + "]}")
                .post("/api/v1/draws").then().statusCode(422).body("title", equalTo("本季度定额已完成，未准备抽取"))
                .body("detail", containsString("定额已由本季度此前的抽取完成"))
                .body("detail", containsString("可进行定向抽查"));
        assertEquals(draws, drawCount());
        Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().statusCode(200).body("matches", equalTo(true));
    }

    private static Map<String, Object> byUscc(List<Map<String, Object>> targets, String uscc) {
        return targets.stream().filter(t -> uscc.equals(t.get("uscc"))).findFirst().orElseThrow(() -> new AssertionError(uscc));
    }

    /** A target's visit as "item:method:ground", comma-separated, from the view's items. */
    @SuppressWarnings("unchecked")
    private static String visit(Map<String, Object> target) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) target.get("items");
        assertTrue(items != null && !items.isEmpty(), "no items on " + target.get("uscc"));
        return String.join(",", items.stream().map(i -> i.get("itemId") + ":" + i.get("method") + ":" + i.get("ground")).toList());
    }
}
