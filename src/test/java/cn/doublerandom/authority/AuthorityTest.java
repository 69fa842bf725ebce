package cn.doublerandom.authority;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The registry of enforcement authorities: default names, versions with reasons, lost-update guard, public view. */
@QuarkusTest
class AuthorityTest {

    @Test
    void defaultNamesFollowThePlansForm() {
        Api.operator("130821").get("/api/v1/authorities/130821").then().statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("承德市生态环境局承德县分局")).body("recorded", equalTo(false)).body("version", equalTo(0));
        Api.anonymous().get("/public/v1/authorities/130871").then().statusCode(200)
                .body("name", equalTo("承德市生态环境局高新技术产业开发区分局")).body("regionName", equalTo("承德高新技术产业开发区"));
        Api.anonymous().get("/public/v1/authorities/130800").then().statusCode(200).body("name", equalTo("承德市生态环境局"));
        Api.anonymous().get("/public/v1/authorities/130123").then().statusCode(200).body("name", equalTo("石家庄市生态环境局正定县分局"));
        Api.anonymous().get("/public/v1/authorities/130000").then().statusCode(200).body("name", equalTo("河北省生态环境厅"));
        Api.anonymous().get("/public/v1/authorities/110105").then().statusCode(200).body("name", equalTo("北京市生态环境局朝阳区分局"));
    }

    @Test
    void aBureauRecordsItsNameWithAReasonAndEveryVersionStays() {
        String region = "130822";
        String body = "{\"name\":\"承德市生态环境局兴隆县分局\",\"address\":\"兴隆县兴隆镇环城路1号\",\"contact\":\"0314-5051234\","
                + "\"changeReason\":\"启用正式名称和地址\"}";
        // without a reason: refused, nothing written
        Api.operator(region).body(body.replace("\"changeReason\":\"启用正式名称和地址\"", "\"changeReason\":\"  \""))
                .put("/api/v1/authorities/" + region).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("changeReason"));
        // NUL in the name: refused
        Api.operator(region).body(body.replace("兴隆县分局", "兴隆县\\u0000分局")).put("/api/v1/authorities/" + region)
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        // another county's operator: refused
        Api.operator("130824").body(body).put("/api/v1/authorities/" + region).then().statusCode(403);
        // a stale If-Match: refused
        Api.operator(region).header("If-Match", "\"3\"").body(body).put("/api/v1/authorities/" + region).then().statusCode(412);
        Api.operator(region).get("/api/v1/authorities/" + region + "/history").then().statusCode(200).body("items", hasSize(0));

        Api.operator(region).header("If-Match", "\"0\"").body(body).put("/api/v1/authorities/" + region).then().statusCode(200)
                .header("ETag", "\"1\"").body("version", equalTo(1)).body("recorded", equalTo(true))
                .body("address", equalTo("兴隆县兴隆镇环城路1号"));
        // the same record again changes nothing
        Api.operator(region).body(body).put("/api/v1/authorities/" + region).then().statusCode(200).body("version", equalTo(1));
        // a lost update: the writer read version 0
        Api.operator(region).header("If-Match", "\"0\"").body(body.replace("5051234", "5059999"))
                .put("/api/v1/authorities/" + region).then().statusCode(412);
        Api.as("admin", "130800").header("If-Match", "\"1\"")
                .body("{\"name\":\"承德市生态环境局兴隆县分局\",\"address\":\"兴隆县兴隆镇环城路1号\",\"contact\":\"0314-5059999\","
                        + "\"changeReason\":\"电话变更\"}")
                .put("/api/v1/authorities/" + region).then().statusCode(200).body("version", equalTo(2));

        Response history = Api.operator(region).get("/api/v1/authorities/" + region + "/history");
        history.then().statusCode(200).body("items", hasSize(2)).body("items[0].contact", equalTo("0314-5051234"))
                .body("items[0].changeReason", equalTo("启用正式名称和地址")).body("items[1].changeReason", equalTo("电话变更"));
        Api.anonymous().get("/public/v1/authorities/" + region).then().statusCode(200)
                .body("name", equalTo("承德市生态环境局兴隆县分局")).body("contact", equalTo("0314-5059999"))
                .body("recordedBy", nullValue());
        // the county's operator may read, not a neighbour's
        Api.operator("130824").get("/api/v1/authorities/" + region).then().statusCode(403);
    }

    @Test
    void badRegionsAreProblems() {
        assertEquals(422, Api.anonymous().get("/public/v1/authorities/999999").statusCode());
        Api.anonymous().get("/public/v1/authorities/13%0082").then().statusCode(400);
        Api.operator("130825").body("{\"name\":\"x\",\"changeReason\":\"y\"} {}").put("/api/v1/authorities/130825")
                .then().statusCode(400);
        Api.operator("130825").body("{\"name\":\"承德市生态环境局隆化县分局\"}").put("/api/v1/authorities/130825")
                .then().statusCode(400).body("errors[0].field", equalTo("changeReason"));
        Api.operator("130825").get("/api/v1/authorities/130825/history").then().statusCode(200).body("items", hasSize(0));
    }
}
