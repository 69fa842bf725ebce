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
 * A drawn target with a lead open on the draw date is visited on site, unannounced (四不两直), for every item,
 * even an item that allows technology and a target whose non-site facilities are complete (seed 001 二（五））;
 * in 威县 (130533), 2026年第四季度. The leads are taken as they stood at prepare, like the rest of the pool.
 */
@QuarkusTest
class OpenLeadVisitTest {

    private static final String COUNTY = "130533";
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

    private static void lead(String uscc, String source, String openedOn) {
        Api.operator(COUNTY).body("{\"source\":\"" + source + "\",\"openedOn\":\"" + openedOn + "\"}")
                .post("/api/v1/targets/" + uscc + "/leads").then().statusCode(201);
    }

    @Test
    void anOpenLeadSendsTheVisitOnSiteUnannouncedForEveryItem() {
        Api.as("admin", COUNTY).body("""
                {"countyKeyRate":1,"countySpecialRate":1,"countyGeneralPerInspector":0.75,"changeReason":"线索测试：全部抽取"}""")
                .put("/api/v1/policies/" + COUNTY + "/2026").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String complained = Api.uscc(COUNTY);
        String closedBefore = Api.uscc(COUNTY);
        String leadAfterPrepare = Api.uscc(COUNTY);
        String incomplete = Api.uscc(COUNTY);
        StringBuilder csv = new StringBuilder("统一社会信用代码,单位名称,行政区划代码,监控类型,排污许可管理类别,环境信用等级,运营状态,检查对象类型\n");
        for (String[] r : new String[][] {{complained, "威县某化工有限公司", "在线监测、分表计电"},
                {closedBefore, "威县某纺织有限公司", "在线监测、分表计电"}, {leadAfterPrepare, "威县某食品有限公司", "在线监测、分表计电"},
                {incomplete, "威县某铸造有限公司", ""}}) {
            csv.append(r[0]).append(',').append(r[1]).append(',').append(COUNTY).append(',').append(r[2]).append(",重点管理,B,生产,\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(csv.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(200);
        StringBuilder staff = new StringBuilder("人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员\n");
        for (int i = 1; i <= 4; i++) {
            staff.append("W").append(COUNTY).append("-").append(i).append(",执法员").append(i).append(',').append(COUNTY)
                    .append(",冀环执字533").append(i).append(",2030-12-31,在岗,是,否\n");
        }
        Api.operator(COUNTY).contentType("text/csv").body(staff.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/inspectors/import").then().statusCode(200);
        long item = ((Number) Api.as("admin", COUNTY).body("""
                {"regionCode":"%s","seqNo":"41","name":"排污单位的检查（线索测试）","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"检查内容",
                 "methods":["ON_SITE","TECHNOLOGY"],"jointInspection":false,"objectKinds":["POLLUTANT_DISCHARGER"],
                 "responsibleDivision":"执法大队（线索测试）"}""".formatted(COUNTY))
                .post("/api/v1/items").then().statusCode(201).extract().path("id")).longValue();

        lead(complained, "COMPLAINT", "2026-10-05");
        lead(closedBefore, "DATA_LEAD", "2026-09-20");
        long closed = ((Number) Api.operator(COUNTY).get("/api/v1/targets/" + closedBefore + "/leads").then().extract()
                .jsonPath().getList("items.id").get(0)).longValue();
        Api.operator(COUNTY).body("{\"closedOn\":\"2026-10-08\",\"reason\":\"数据异常已核实为设备故障\"}")
                .post("/api/v1/targets/" + closedBefore + "/leads/" + closed + "/closure").then().statusCode(200);

        String id = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"" + QUARTER + "\",\"items\":["
                + item + "]}").post("/api/v1/draws").then().statusCode(201).extract().path("id");
        String poolHash = Api.operator(COUNTY).get("/api/v1/draws/" + id).then().extract().path("poolHash");
        // a lead received after prepare is not the pool's: it waits for the next draw
        lead(leadAfterPrepare, "LEADER_ASSIGNED", "2026-10-09");
        // executed as by a replica that did not prepare it: the leads are read back from the stored draw
        prepared.take(id, poolHash);
        JsonPath executed = Api.operator(COUNTY).body("{\"seed\":\"5330001\"}").post("/api/v1/draws/" + id + "/execute").then()
                .statusCode(200).body("targets", hasSize(4)).extract().jsonPath();
        List<Map<String, Object>> targets = executed.getList("targets");
        assertEquals(item + ":ON_SITE:OPEN_LEAD:true", visit(targets, complained), "the complaint is open");
        assertEquals(item + ":TECHNOLOGY:NON_SITE_QUALIFIED:false", visit(targets, closedBefore), "its lead was closed before");
        assertEquals(item + ":TECHNOLOGY:NON_SITE_QUALIFIED:false", visit(targets, leadAfterPrepare), "its lead came after prepare");
        assertEquals(item + ":ON_SITE:FACILITIES_INCOMPLETE:true", visit(targets, incomplete));
        Map<String, Object> first = targets.stream().filter(t -> complained.equals(t.get("uscc"))).findFirst().orElseThrow();
        assertEquals("ON_SITE", first.get("method"));
        @SuppressWarnings("unchecked")
        Map<String, Object> onSite = ((List<Map<String, Object>>) first.get("items")).get(0);
        assertEquals("有问题线索", onSite.get("groundLabel"));
        assertEquals("实地检查", onSite.get("methodLabel"));
        // the same plan when read again, and the draw replays
        assertEquals(targets, Api.operator(COUNTY).get("/api/v1/draws/" + id).then().statusCode(200).extract().jsonPath()
                .getList("targets"));
        Api.operator(COUNTY).get("/api/v1/draws/" + id + "/replay").then().statusCode(200).body("matches", equalTo(true));
    }

    /** A target's visit as "item:method:ground:unannounced", comma-separated. */
    @SuppressWarnings("unchecked")
    private static String visit(List<Map<String, Object>> targets, String uscc) {
        Map<String, Object> t = targets.stream().filter(x -> uscc.equals(x.get("uscc"))).findFirst()
                .orElseThrow(() -> new AssertionError("not selected: " + uscc));
        List<Map<String, Object>> items = (List<Map<String, Object>>) t.get("items");
        return String.join(",", items.stream().map(i -> i.get("itemId") + ":" + i.get("method") + ":" + i.get("ground") + ":"
                + i.get("unannounced")).toList());
    }
}
