package cn.doublerandom.platform;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every create answers 201 with a Location a client can follow to read what it created; an upsert
 * that only changes a record answers 200 without one.
 */
@QuarkusTest
class CreatedLocationTest {

    // A county and city no other test writes to: these records must not change their counts.
    private static final String COUNTY = "131121";
    private static final String CITY = "131100";

    /** Follows the Location as the same caller and returns the answer. */
    private static Response follow(Response created, String role, String region) {
        String location = created.then().statusCode(201).extract().header("Location");
        URI uri = URI.create(location);
        assertTrue(uri.isAbsolute(), location);
        return Api.as(role, region).get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }

    @Test
    void aCreatedTargetIsAtItsLocationAndAChangeHasNone() {
        String uscc = Api.uscc(COUNTY);
        Response created = Api.operator(COUNTY).body(Api.targetJson(COUNTY, "枣强县定位测试有限公司")).put("/api/v1/targets/" + uscc);
        created.then().header("Location", endsWith("/api/v1/targets/" + uscc));
        follow(created, "operator", COUNTY).then().statusCode(200).body("uscc", equalTo(uscc));
        Api.operator(COUNTY).body(Api.targetJson(COUNTY, "枣强县定位测试有限公司二")).put("/api/v1/targets/" + uscc)
                .then().statusCode(200).header("Location", nullValue());

        Response event = Api.operator(COUNTY).body("{\"kind\":\"PENALTY\",\"eventDate\":\"2026-01-05\"}")
                .post("/api/v1/targets/" + uscc + "/events");
        event.then().header("Location", endsWith("/api/v1/targets/" + uscc + "/events"));
        int eventId = event.then().extract().path("id");
        follow(event, "operator", COUNTY).then().statusCode(200).body("items.id", org.hamcrest.Matchers.hasItem(eventId));
    }

    @Test
    void aCreatedInspectorIsAtItsLocation() {
        String code = "LOC-" + System.nanoTime() % 1_000_000_000L;
        Response created = Api.operator(COUNTY).body("""
                {"regionCode":"131121","name":"王定位","status":"ACTIVE","certified":false}""").put("/api/v1/inspectors/" + code);
        created.then().header("Location", endsWith("/api/v1/inspectors/" + code));
        follow(created, "operator", COUNTY).then().statusCode(200).body("code", equalTo(code));
    }

    @Test
    void aCreatedItemAndPolicyAreAtTheirLocations() {
        Response item = Api.as("admin", CITY).body("""
                {"regionCode":"131100","seqNo":"1","name":"污染源日常监管（定位测试）","category":"GENERAL","targetType":"排污单位",
                 "inspectingLevel":"COUNTY_AND_ABOVE","legalBasis":"《中华人民共和国环境保护法》","content":"排污许可执行情况",
                 "methods":["ON_SITE"],"jointInspection":false}""").post("/api/v1/items");
        long id = ((Number) item.then().statusCode(201).extract().path("id")).longValue();
        item.then().header("Location", endsWith("/api/v1/items/" + id));
        follow(item, "admin", CITY).then().statusCode(200).body("name", equalTo("污染源日常监管（定位测试）"));

        Response policy = Api.as("admin", CITY).body("{}").put("/api/v1/policies/" + COUNTY + "/2031");
        policy.then().header("Location", endsWith("/api/v1/policies/" + COUNTY + "/2031"));
        follow(policy, "admin", CITY).then().statusCode(200).body("regionCode", equalTo(COUNTY)).body("year", equalTo(2031));
    }

    @Test
    void everyDocumentedCreateDocumentsItsLocation() {
        // The contract documents a Location header on every 201; this keeps the document and the code together.
        String doc = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        io.restassured.path.json.JsonPath json = new io.restassured.path.json.JsonPath(doc);
        java.util.Map<String, java.util.Map<String, Object>> paths = json.getMap("paths");
        int creates = 0;
        for (var path : paths.entrySet()) {
            for (var op : path.getValue().entrySet()) {
                if (!(op.getValue() instanceof java.util.Map<?, ?> operation)) {
                    continue;
                }
                Object responses = operation.get("responses");
                if (responses instanceof java.util.Map<?, ?> r && r.get("201") instanceof java.util.Map<?, ?> created) {
                    creates++;
                    Object headers = created.get("headers");
                    assertTrue(headers instanceof java.util.Map<?, ?> h && h.containsKey("Location"),
                            op.getKey() + " " + path.getKey() + " answers 201 without a documented Location");
                }
            }
        }
        assertTrue(creates >= 15, "only " + creates + " creates documented");
    }
}
