package cn.doublerandom.policy;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * A policy's life through its entity: created with defaults filled in, read back, updated against its
 * version, refused on a stale version without writing, found as the policy in force for a county, and
 * every version kept. Year 2035 of 石家庄市 130100 is this test's alone.
 */
@QuarkusTest
class PolicyTest {

    @Test
    void policyIsWrittenReadVersionedAndInheritedByItsCounties() {
        Api.as("admin", "130100").body("{\"teamSize\":3,\"countyKeyRate\":0.300,\"technologyMonitoring\":[\"VIDEO\",\"ONLINE\"],"
                        + "\"changeReason\":\"2035 plan\"}")
                .put("/api/v1/policies/130100/2035").then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("regionCode", equalTo("130100")).body("year", equalTo(2035)).body("version", equalTo(1))
                .body("teamSize", equalTo(3)).body("countyKeyRate", equalTo(0.3f))
                .body("countySpecialRate", equalTo(0.5f)).body("yearlyCap", equalTo(4))
                .body("technologyMonitoring", contains("ONLINE", "VIDEO"));

        Api.as("auditor", "130100").get("/api/v1/policies/130100/2035").then().statusCode(200)
                .header("ETag", "\"1\"").body("teamSize", equalTo(3)).body("countyKeyRate", equalTo(0.3f))
                .body("countyGeneralPerInspector", equalTo(10)).body("updatedBy", startsWith("admin-130100"));

        Api.as("admin", "130100").header("If-Match", "\"1\"").body("{\"teamSize\":4}")
                .put("/api/v1/policies/130100/2035").then().statusCode(200)
                .header("ETag", "\"2\"").body("version", equalTo(2)).body("teamSize", equalTo(4))
                .body("countyKeyRate", equalTo(0.25f));

        // a stale version is refused and writes nothing
        Api.as("admin", "130100").header("If-Match", "\"1\"").body("{\"teamSize\":9}")
                .put("/api/v1/policies/130100/2035").then().statusCode(412)
                .contentType("application/problem+json");
        Api.as("auditor", "130100").get("/api/v1/policies/130100/2035").then().statusCode(200)
                .body("version", equalTo(2)).body("teamSize", equalTo(4));

        Api.as("auditor", "130100").queryParam("region", "130100").get("/api/v1/policies").then().statusCode(200)
                .body("items.find { it.year == 2035 }.version", equalTo(2));
        Api.as("auditor", "130102").queryParam("authority", "130102").queryParam("year", 2035)
                .get("/api/v1/policies/effective").then().statusCode(200)
                .body("regionCode", equalTo("130100")).body("teamSize", equalTo(4));
        Api.as("auditor", "130100").get("/api/v1/policies/130100/2035/history").then().statusCode(200)
                .body("items.version", contains(1, 2)).body("items.reason", hasItem("2035 plan"));
    }
}
