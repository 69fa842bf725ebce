package cn.doublerandom.draw;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bureau's approval of another method (书面检查, a qualified third party) gives a drawn target's approved items
 * that method, as the approvals stood at prepare on the draw date; an open lead or incomplete non-site facilities
 * still send the visit on site, unannounced; in 曲周县 (130435), 2026年第四季度, the draw prepared on 2026-10-09.
 */
@QuarkusTest
class ApprovedMethodVisitTest {

    private static final String COUNTY = "130435";
    private static final String QUARTER = "2026Q4";

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

    private static long approve(String uscc, String method, Long item, String from, String to) {
        return Api.operator(COUNTY).body("{\"method\":\"" + method + "\"," + (item == null ? "" : "\"itemId\":" + item + ",")
                        + "\"reason\":\"经局务会研究同意\",\"validFrom\":\"" + from + "\",\"validTo\":\"" + to + "\"}")
                .post("/api/v1/targets/" + uscc + "/method-approvals").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static long item(String name, String methods) {
        return ((Number) Api.as("admin", COUNTY).body("""
                {"regionCode":"%s","seqNo":"53","name":"%s","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"检查内容",
                 "methods":%s,"jointInspection":false,"objectKinds":["POLLUTANT_DISCHARGER"],
                 "responsibleDivision":"执法大队（审批测试）"}""".formatted(COUNTY, name, methods))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();
    }

    @Test
    void anApprovalValidOnTheDrawDateGivesItsItemsTheApprovedMethodUnlessALeadOrIncompleteFacilitiesForbid() {
        Api.as("admin", COUNTY).body("""
                {"countyKeyRate":1,"countySpecialRate":1,"countyGeneralPerInspector":0.75,"changeReason":"审批测试：全部抽取"}""")
                .put("/api/v1/policies/" + COUNTY + "/2026").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String[] names = {"documentaryForOne", "thirdPartyForAll", "withdrawnToday", "fromTomorrow", "endsToday",
                "incomplete", "lead", "afterPrepare"};
        Map<String, String> t = new java.util.LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,运营状态,检查对象类型\n");
        for (int i = 0; i < names.length; i++) {
            String uscc = Api.uscc(COUNTY);
            t.put(names[i], uscc);
            csv.append(uscc).append(",曲周县某审批测试").append(i).append("有限公司,").append(COUNTY).append(',')
                    .append("incomplete".equals(names[i]) ? "" : "在线监测、分表计电").append(",重点管理,B,生产,\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n");
        for (int i = 1; i <= 6; i++) {
            staff.append("Q").append(COUNTY).append("-").append(i).append(",执法员").append(i).append(',').append(COUNTY)
                    .append(",冀环执字435").append(i).append(",2030-12-31,在岗,是,否\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        long tech = item("排污单位的检查（审批测试）", "[\"ON_SITE\",\"TECHNOLOGY\"]");
        long doc = item("排污单位台账的检查（审批测试）", "[\"ON_SITE\",\"DOCUMENTARY\"]");

        approve(t.get("documentaryForOne"), "DOCUMENTARY", doc, "2026-10-01", "2026-12-31");
        approve(t.get("thirdPartyForAll"), "THIRD_PARTY", null, "2026-10-01", "2026-12-31");
        long withdrawn = approve(t.get("withdrawnToday"), "DOCUMENTARY", null, "2026-10-01", "2026-12-31");
        Api.operator(COUNTY).body("{\"reason\":\"企业台账不实\"}")
                .post("/api/v1/targets/" + t.get("withdrawnToday") + "/method-approvals/" + withdrawn + "/withdrawal")
                .then().statusCode(200);
        approve(t.get("fromTomorrow"), "THIRD_PARTY", null, "2026-10-10", "2026-12-31");
        approve(t.get("endsToday"), "DOCUMENTARY", null, "2026-10-01", "2026-10-09");
        approve(t.get("incomplete"), "THIRD_PARTY", null, "2026-10-01", "2026-12-31");
        approve(t.get("lead"), "THIRD_PARTY", null, "2026-10-01", "2026-12-31");
        Api.operator(COUNTY).body("{\"source\":\"COMPLAINT\",\"openedOn\":\"2026-10-05\"}")
                .post("/api/v1/targets/" + t.get("lead") + "/leads").then().statusCode(201);

        String id = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"" + QUARTER + "\",\"items\":["
                + tech + "," + doc + "]}").post("/api/v1/draws").then().statusCode(201).extract().path("id");
        String poolHash = Api.operator(COUNTY).get("/api/v1/draws/" + id).then().extract().path("poolHash");
        // an approval recorded after prepare is not the pool's: it waits for the next draw
        approve(t.get("afterPrepare"), "THIRD_PARTY", null, "2026-10-01", "2026-12-31");
        // executed as by a replica that did not prepare it: the approvals are read back from the stored draw
        prepared.take(id, poolHash);
        JsonPath executed = Api.operator(COUNTY).body("{\"seed\":\"4350001\"}").post("/api/v1/draws/" + id + "/execute").then()
                .statusCode(200).body("targets", hasSize(names.length)).extract().jsonPath();
        List<Map<String, Object>> targets = executed.getList("targets");
        String plain = tech + ":TECHNOLOGY:NON_SITE_QUALIFIED:false," + doc + ":ON_SITE:ITEM_NEEDS_SITE:true";
        assertEquals(tech + ":TECHNOLOGY:NON_SITE_QUALIFIED:false," + doc + ":DOCUMENTARY:APPROVED:false",
                visit(targets, t.get("documentaryForOne")), "书面检查 approved for the second item only");
        assertEquals(tech + ":THIRD_PARTY:APPROVED:false," + doc + ":THIRD_PARTY:APPROVED:false",
                visit(targets, t.get("thirdPartyForAll")), "a third party for every item");
        assertEquals(plain, visit(targets, t.get("withdrawnToday")), "withdrawn on the draw date");
        assertEquals(plain, visit(targets, t.get("fromTomorrow")), "valid from the day after the draw date");
        assertEquals(tech + ":TECHNOLOGY:NON_SITE_QUALIFIED:false," + doc + ":DOCUMENTARY:APPROVED:false",
                visit(targets, t.get("endsToday")), "valid through the draw date; 书面检查 only where the item allows it");
        assertEquals(tech + ":ON_SITE:FACILITIES_INCOMPLETE:true," + doc + ":ON_SITE:FACILITIES_INCOMPLETE:true",
                visit(targets, t.get("incomplete")), "incomplete facilities override the approval");
        assertEquals(tech + ":ON_SITE:OPEN_LEAD:true," + doc + ":ON_SITE:OPEN_LEAD:true",
                visit(targets, t.get("lead")), "an open lead overrides the approval");
        assertEquals(plain, visit(targets, t.get("afterPrepare")), "approved after prepare");
        assertEquals("THIRD_PARTY", method(targets, t.get("thirdPartyForAll")));
        assertEquals("TECHNOLOGY", method(targets, t.get("documentaryForOne")));
        assertEquals("ON_SITE", method(targets, t.get("withdrawnToday")));
        @SuppressWarnings("unchecked")
        Map<String, Object> approved = ((List<Map<String, Object>>) targets.stream()
                .filter(x -> t.get("thirdPartyForAll").equals(x.get("uscc"))).findFirst().orElseThrow().get("items")).get(0);
        assertEquals("经批准的其他检查方式", approved.get("groundLabel"));
        assertEquals("委托第三方专业机构", approved.get("methodLabel"));
        // the same plan when read again, and the draw replays
        assertEquals(targets, Api.operator(COUNTY).get("/api/v1/draws/" + id).then().statusCode(200).extract().jsonPath()
                .getList("targets"));
        Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().statusCode(200).body("matches", equalTo(true));
    }

    private static Map<String, Object> target(List<Map<String, Object>> targets, String uscc) {
        return targets.stream().filter(x -> uscc.equals(x.get("uscc"))).findFirst()
                .orElseThrow(() -> new AssertionError("not selected: " + uscc));
    }

    private static String method(List<Map<String, Object>> targets, String uscc) {
        return (String) target(targets, uscc).get("method");
    }

    /** A target's visit as "item:method:ground:unannounced", comma-separated. */
    @SuppressWarnings("unchecked")
    private static String visit(List<Map<String, Object>> targets, String uscc) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) target(targets, uscc).get("items");
        return String.join(",", items.stream().map(i -> i.get("itemId") + ":" + i.get("method") + ":" + i.get("ground") + ":"
                + i.get("unannounced")).toList());
    }
}
