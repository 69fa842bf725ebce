package cn.doublerandom.item;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ItemListTest {

    private static final String ITEM = """
            {"regionCode":"130200","seqNo":"4","name":"对机动车销售企业的检查","subItem":"机动车环保信息一致性情况",
             "category":"GENERAL","targetType":"机动车销售企业","inspectingLevel":"COUNTY_AND_ABOVE",
             "legalBasis":"《中华人民共和国大气污染防治法》","content":"机动车环保信息向社会公开情况",
             "methods":["ON_SITE"],"jointInspection":true,"objectKinds":["VEHICLE_SELLER"],
             "responsibleDivision":"大气环境科"}""";

    @Test
    void anAdministratorKeepsTheListAndEveryoneReadsIt() {
        int id = Api.as("admin", "130200").body(ITEM).post("/api/v1/items").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("id");
        // a county's applicable list includes its city's items; the public API needs no token
        Api.anonymous().get("/public/v1/items?region=130203").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age"))
                .body("items.id", hasItem(id));
        Api.as("admin", "130200").body(ITEM.replace("\"jointInspection\":true", "\"jointInspection\":true,\"active\":false,\"changeReason\":\"事项调整\""))
                .put("/api/v1/items/" + id).then().statusCode(200).body("version", equalTo(2)).body("active", equalTo(false));
        Api.anonymous().get("/public/v1/items?region=130203").then().body("items.id", not(hasItem(id)));
        Api.operator("130203").get("/api/v1/items/" + id + "/history").then().body("items[1].reason", equalTo("事项调整"));
    }

    @Test
    void anItemNamesTheKindsOfObjectItInspectsAndWhereTheServiceReadsAMissingCell() {
        Api.as("admin", "130200").body(ITEM.replace("\"objectKinds\":[\"VEHICLE_SELLER\"]",
                        "\"objectKinds\":[\"VEHICLE_SELLER\",\"POLLUTANT_DISCHARGER\",\"VEHICLE_SELLER\"],\"readingNote\":\"本服务的理解\""))
                .post("/api/v1/items").then().statusCode(201)
                .body("objectKinds", org.hamcrest.Matchers.contains("POLLUTANT_DISCHARGER", "VEHICLE_SELLER"))
                .body("readingNote", equalTo("本服务的理解")).body("responsibleDivision", equalTo("大气环境科"));
        Api.as("admin", "130200").body(ITEM.replace("\"objectKinds\":[\"VEHICLE_SELLER\"]", "\"objectKinds\":[\"PIG_FARM\"]"))
                .post("/api/v1/items").then().statusCode(400).body("errors[0].field", equalTo("objectKinds[0]"));
        Api.as("admin", "130200").body(ITEM.replace("\"objectKinds\":[\"VEHICLE_SELLER\"]", "\"objectKinds\":[null]"))
                .post("/api/v1/items").then().statusCode(400).body("errors[0].field", equalTo("objectKinds"));
    }

    @Test
    void onlyAnAdministratorOfTheRegionMayChangeIt() {
        Api.operator("130203").body(ITEM).post("/api/v1/items").then().statusCode(403);
        Api.as("admin", "130100").body(ITEM).post("/api/v1/items").then().statusCode(403);
        Api.anonymous().body(ITEM).post("/api/v1/items").then().statusCode(401);
        Api.as("admin", "130200").body(ITEM.replace("\"methods\":[\"ON_SITE\"]", "\"methods\":[\"BY_PHONE\"]"))
                .post("/api/v1/items").then().statusCode(400).body("errors[0].field", equalTo("methods[0]"));
        Api.as("admin", "130200").body(ITEM.replace("\"methods\":[\"ON_SITE\"]", "\"methods\":[]"))
                .post("/api/v1/items").then().statusCode(400).body("errors[0].field", equalTo("methods"));
    }
}
