package cn.doublerandom.registry.target;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.doublerandom.support.Api.operator;
import static cn.doublerandom.support.Api.targetJson;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class TargetRegistryTest {

    private static final String ZHENGDING = "130123";

    @Test
    void createsThenUpdatesKeepingEveryVersion() {
        String uscc = Api.uscc(ZHENGDING);
        operator(ZHENGDING).body("""
                {"regionCode":"130123","name":"正定县甲化工有限公司","operatingStatus":"PRODUCING","permitClass":"KEY",
                 "monitoringTypes":["VIDEO","ONLINE","VIDEO"],"pollutantTypes":["废水"," 废气 "],"creditRating":"B"}""")
                .put("/api/v1/targets/" + uscc)
                .then().statusCode(201).header("ETag", "\"1\"")
                .body("uscc", equalTo(uscc)).body("version", equalTo(1)).body("usccCheckPassed", equalTo(true))
                .body("monitoringTypes", contains("ONLINE", "VIDEO")).body("pollutantTypes", contains("废气", "废水"))
                .body("updatedBy", startsWith("operator-130123"));

        operator(ZHENGDING).body("""
                {"regionCode":"130123","name":"正定县甲化工有限公司","operatingStatus":"HALTED","permitClass":"KEY",
                 "monitoringTypes":["ONLINE","VIDEO"],"pollutantTypes":["废气","废水"],"creditRating":"B",
                 "changeReason":"停产整治"}""")
                .put("/api/v1/targets/" + uscc)
                .then().statusCode(200).body("version", equalTo(2)).body("operatingStatus", equalTo("HALTED"));

        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].change", equalTo("CREATE")).body("items[0].state.operatingStatus", equalTo("PRODUCING"))
                .body("items[1].change", equalTo("UPDATE")).body("items[1].changed", contains("operatingStatus"))
                .body("items[1].reason", equalTo("停产整治")).body("items[1].state.operatingStatus", equalTo("HALTED"));
    }

    @Test
    void sendingTheSameRecordAgainChangesNothing() {
        String uscc = Api.uscc(ZHENGDING);
        operator(ZHENGDING).body(targetJson(ZHENGDING, "乙公司")).put("/api/v1/targets/" + uscc).then().statusCode(201);
        operator(ZHENGDING).body(targetJson(ZHENGDING, "乙公司")).put("/api/v1/targets/" + uscc)
                .then().statusCode(200).body("version", equalTo(1));
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/history").then().body("items", hasSize(1));
    }

    @Test
    void asOfAnswersWithTheVersionInForceThen() {
        String uscc = Api.uscc(ZHENGDING);
        operator(ZHENGDING).body(targetJson(ZHENGDING, "丙公司")).put("/api/v1/targets/" + uscc).then().statusCode(201);
        operator(ZHENGDING).body(targetJson(ZHENGDING, "丙公司（更名）")).put("/api/v1/targets/" + uscc).then().statusCode(200);
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "?asOf=2030-01-01").then().statusCode(200)
                .body("name", equalTo("丙公司（更名）")).body("version", equalTo(2));
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "?asOf=2020-01-01").then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("not registered yet on 2020-01-01"));
        // a malformed date is the caller's mistake, named as such, not a missing target
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "?asOf=2020-13-01").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void aWrongCheckCharacterIsRejectedUnlessOverriddenWithAReason() {
        String bad = Api.badCheck(Api.uscc(ZHENGDING));
        operator(ZHENGDING).body(targetJson(ZHENGDING, "丁公司")).put("/api/v1/targets/" + bad)
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", endsWith("/problems/invalid-uscc"))
                .body("errors[0].field", equalTo("uscc")).body("errors[0].message", containsString("call for"));
        operator(ZHENGDING).get("/api/v1/targets/" + bad).then().statusCode(404);

        operator(ZHENGDING).body("""
                {"regionCode":"130123","name":"丁公司","operatingStatus":"PRODUCING",
                 "usccOverrideReason":"2015年赋码，营业执照原件核实"}""")
                .put("/api/v1/targets/" + bad)
                .then().statusCode(201).body("usccCheckPassed", equalTo(false))
                .body("usccOverrideReason", equalTo("2015年赋码，营业执照原件核实"));
    }

    @Test
    void anOverrideOnAValidCodeOrAMalformedCodeIsRefused() {
        operator(ZHENGDING).body("""
                {"regionCode":"130123","name":"戊","operatingStatus":"PRODUCING","usccOverrideReason":"x"}""")
                .put("/api/v1/targets/" + Api.uscc(ZHENGDING))
                .then().statusCode(400).body("errors.field", hasItem("usccOverrideReason"));
        operator(ZHENGDING).body("""
                {"regionCode":"130123","name":"戊","operatingStatus":"PRODUCING","usccOverrideReason":"x"}""")
                .put("/api/v1/targets/91130123ABC")
                .then().statusCode(422).body("type", endsWith("/problems/invalid-uscc"));
    }

    @Test
    void everyBadFieldIsListedAndNothingIsWritten() {
        String uscc = Api.uscc(ZHENGDING);
        Response r = operator(ZHENGDING).body("""
                {"regionCode":"130100","name":"  ","operatingStatus":null,"address":"一行\\n两行",
                 "positiveListFrom":"2026-05-01","positiveListTo":"2026-04-01"}""")
                .put("/api/v1/targets/" + uscc);
        r.then().statusCode(400).contentType("application/problem+json").body("type", endsWith("/problems/validation-failed"));
        List<String> fields = r.jsonPath().getList("errors.field");
        assertEquals(List.of("regionCode", "name", "address", "positiveListTo", "operatingStatus"), fields);
        operator(ZHENGDING).get("/api/v1/targets/" + uscc).then().statusCode(404);
    }

    @Test
    void unknownAndMalformedRegionCodesAreNamed() {
        operator(ZHENGDING).body(targetJson("139999", "己")).put("/api/v1/targets/" + Api.uscc(ZHENGDING))
                .then().statusCode(400).body("errors[0].message", equalTo("unknown region code"));
        operator(ZHENGDING).body(targetJson("13012", "己")).put("/api/v1/targets/" + Api.uscc(ZHENGDING))
                .then().statusCode(400).body("errors[0].message", containsString("6-digit"));
        operator(ZHENGDING).get("/api/v1/targets?region=1301x0").then().statusCode(400);
        operator(ZHENGDING).get("/api/v1/targets?region=999999").then().statusCode(422).body("type", endsWith("/problems/unknown-region"));
    }

    @Test
    void anOperatorCannotTouchAnotherCounty() {
        String uscc = Api.uscc("130124".equals(ZHENGDING) ? "130125" : "130125");
        operator("130125").body(targetJson("130125", "行唐县企业")).put("/api/v1/targets/" + uscc).then().statusCode(201);
        operator(ZHENGDING).get("/api/v1/targets/" + uscc).then().statusCode(403).contentType("application/problem+json")
                .body("type", endsWith("/problems/forbidden"));
        operator(ZHENGDING).body(targetJson("130125", "改名")).put("/api/v1/targets/" + uscc).then().statusCode(403);
        operator(ZHENGDING).body(targetJson(ZHENGDING, "抢注")).put("/api/v1/targets/" + uscc).then().statusCode(403);
        operator(ZHENGDING).get("/api/v1/targets?region=130125").then().statusCode(403);
        operator("130125").get("/api/v1/targets/" + uscc).then().statusCode(200).body("name", equalTo("行唐县企业"));
        Api.as("city", "130100").get("/api/v1/targets/" + uscc).then().statusCode(200);
        Api.as("city", "130200").get("/api/v1/targets/" + uscc).then().statusCode(403);
        Api.as("city", "130100").body(targetJson("130125", "市局改")).put("/api/v1/targets/" + uscc).then().statusCode(403);
        Api.as("auditor", "ALL").get("/api/v1/targets/" + uscc).then().statusCode(200);
        Api.anonymous().get("/api/v1/targets/" + uscc).then().statusCode(401).body("type", endsWith("/problems/unauthenticated"));
    }

    @Test
    void ifMatchGuardsAgainstLostUpdates() {
        String uscc = Api.uscc(ZHENGDING);
        operator(ZHENGDING).body(targetJson(ZHENGDING, "庚")).put("/api/v1/targets/" + uscc).then().statusCode(201);
        operator(ZHENGDING).header("If-Match", "\"1\"").body(targetJson(ZHENGDING, "庚2")).put("/api/v1/targets/" + uscc)
                .then().statusCode(200).body("version", equalTo(2));
        operator(ZHENGDING).header("If-Match", "\"1\"").body(targetJson(ZHENGDING, "庚3")).put("/api/v1/targets/" + uscc)
                .then().statusCode(412).body("type", endsWith("/problems/version-mismatch"));
        operator(ZHENGDING).get("/api/v1/targets/" + uscc).then().body("name", equalTo("庚2"));
    }

    @Test
    void listsPageByUsccWithinTheRegionAndSearchByName() {
        String county = "130126";
        for (int i = 0; i < 5; i++) {
            operator(county).body(targetJson(county, "灵寿县分页企业" + i)).put("/api/v1/targets/" + Api.uscc(county)).then().statusCode(201);
        }
        Response first = operator(county).get("/api/v1/targets?limit=3");
        first.then().statusCode(200).body("items", hasSize(3));
        String next = first.jsonPath().getString("next");
        Response second = operator(county).get("/api/v1/targets?limit=3&after=" + next);
        second.then().body("items", hasSize(2)).body("next", nullValue());
        List<String> all = new java.util.ArrayList<>(first.jsonPath().getList("items.uscc"));
        all.addAll(second.jsonPath().getList("items.uscc"));
        assertEquals(all.stream().sorted().toList(), all);
        operator(county).get("/api/v1/targets?q=分页企业3").then().body("items", hasSize(1))
                .body("items[0].name", equalTo("灵寿县分页企业3"));
        operator(county).get("/api/v1/targets?q=%25").then().statusCode(200).body("items", hasSize(0));
        operator(county).get("/api/v1/targets?limit=0").then().statusCode(400);
        operator(county).get("/api/v1/targets?after=x'%20or%201=1").then().statusCode(400);
    }

    @Test
    void eventsDecideTheClassAndAreRetractedNotDeleted() {
        String uscc = Api.uscc(ZHENGDING);
        operator(ZHENGDING).body("""
                {"regionCode":"130123","name":"辛公司","operatingStatus":"PRODUCING","permitClass":"KEY"}""")
                .put("/api/v1/targets/" + uscc).then().statusCode(201);
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/class?quarter=2026Q3").then().statusCode(200)
                .body("supervisionClass", equalTo("KEY")).body("quarter", equalTo("2026Q3"));
        int id = operator(ZHENGDING).body("""
                {"kind":"PENALTY","eventDate":"2026-05-12","reference":"正环罚〔2026〕12号"}""")
                .post("/api/v1/targets/" + uscc + "/events").then().statusCode(201)
                .body("kind", equalTo("PENALTY")).extract().path("id");
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/class?quarter=2026Q3").then()
                .body("supervisionClass", equalTo("SPECIAL")).body("reasons[0]", containsString("2026-05-12"));
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/class?quarter=2026Q4").then().body("supervisionClass", equalTo("KEY"));
        operator(ZHENGDING).body("{\"reason\":\"\"}").post("/api/v1/targets/" + uscc + "/events/" + id + "/retraction")
                .then().statusCode(400);
        operator(ZHENGDING).body("{\"reason\":\"文号录错\"}").post("/api/v1/targets/" + uscc + "/events/" + id + "/retraction")
                .then().statusCode(200).body("retraction.reason", equalTo("文号录错"));
        operator(ZHENGDING).body("{\"reason\":\"again\"}").post("/api/v1/targets/" + uscc + "/events/" + id + "/retraction")
                .then().statusCode(409);
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/events").then().body("items", hasSize(1));
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/class?quarter=2026Q3").then().body("supervisionClass", equalTo("KEY"));
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/class?quarter=2026Q5").then().statusCode(400);
    }

    @Test
    void badEventsAreRefused() {
        String uscc = Api.uscc(ZHENGDING);
        operator(ZHENGDING).body(targetJson(ZHENGDING, "壬")).put("/api/v1/targets/" + uscc).then().statusCode(201);
        operator(ZHENGDING).body("{\"kind\":\"SUPERVISED_LISTING\",\"eventDate\":\"2026-01-01\"}")
                .post("/api/v1/targets/" + uscc + "/events").then().statusCode(400).body("errors[0].field", equalTo("listingLevel"));
        operator(ZHENGDING).body("{\"kind\":\"PENALTY\",\"eventDate\":\"2999-01-01\"}")
                .post("/api/v1/targets/" + uscc + "/events").then().statusCode(400);
        operator(ZHENGDING).body("{\"kind\":\"PENALTY\",\"eventDate\":\"2026-02-30\"}")
                .post("/api/v1/targets/" + uscc + "/events").then().statusCode(400);
        operator(ZHENGDING).get("/api/v1/targets/" + uscc + "/events").then().body("items", hasSize(0));
    }
}
