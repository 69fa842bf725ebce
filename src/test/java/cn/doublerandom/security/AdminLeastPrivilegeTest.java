package cn.doublerandom.security;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.doublerandom.support.Api.targetJson;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The role table gives {@code admin} policies, calendars and item lists: not the target and
 * inspector registries, whose rows carry certificate numbers and enterprise details.
 */
@QuarkusTest
class AdminLeastPrivilegeTest {

    private static final String COUNTY = "130306";

    @Test
    void anAdministratorReadsNeitherRegistryButStillAdministers() {
        String uscc = Api.uscc(COUNTY);
        Api.operator(COUNTY).body(targetJson(COUNTY, "最小权限企业")).put("/api/v1/targets/" + uscc).then().statusCode(201);
        Api.operator(COUNTY).body("""
                {"regionCode":"%s","name":"最小权限执法员","certificateNo":"冀环执字LP1","certificateExpiry":"2029-01-01",
                 "status":"ACTIVE","certified":true}""".formatted(COUNTY)).put("/api/v1/inspectors/LP-" + uscc).then().statusCode(201);
        List<String> failures = new ArrayList<>();
        String[] paths = {"/api/v1/targets", "/api/v1/targets?region=" + COUNTY, "/api/v1/targets/" + uscc,
                "/api/v1/targets/" + uscc + "/history", "/api/v1/targets/" + uscc + "/events", "/api/v1/targets/" + uscc + "/class",
                "/api/v1/targets/export?region=" + COUNTY, "/api/v1/inspectors", "/api/v1/inspectors?region=" + COUNTY,
                "/api/v1/inspectors/LP-" + uscc, "/api/v1/inspectors/LP-" + uscc + "/history",
                "/api/v1/inspectors/export?region=" + COUNTY};
        for (String region : new String[] {"130300", "130000", COUNTY}) {
            for (String path : paths) {
                Response r = Api.as(Role.ADMIN, region).get(path);
                if (r.statusCode() != 403 || !String.valueOf(r.contentType()).startsWith("application/problem+json")
                        || !String.valueOf(r.jsonPath().getString("type")).endsWith("/problems/forbidden")
                        || r.asString().contains("冀环执字LP1") || r.asString().contains("最小权限企业")) {
                    failures.add("admin@" + region + " GET " + path + " -> " + r.statusCode() + " " + r.asString());
                }
            }
        }
        assertEquals(List.of(), failures);
        // what the role table does give an administrator is still there
        Api.as(Role.ADMIN, "130300").get("/api/v1/policies?region=130300")
                .then().statusCode(200);
    }
}
