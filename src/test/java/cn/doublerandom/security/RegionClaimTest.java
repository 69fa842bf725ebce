package cn.doublerandom.security;

import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.doublerandom.support.Api.targetJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signed token whose region claim is empty, a LIKE wildcard or unknown reads nothing and writes
 * nothing: it gets a 401 or 403 problem.
 */
@QuarkusTest
class RegionClaimTest {

    private static final String[] BAD_CLAIMS = {"", "%", "_", "%%", "13%", "1301_1", "\\", "999999", "130300 ", "all"};

    @Test
    void aClaimOutsideTheRegionDirectoryIsRefusedWithAProblem() {
        List<String> failures = new ArrayList<>();
        String uscc = Api.uscc("130304");
        for (String claim : BAD_CLAIMS) {
            for (String role : new String[] {Role.OPERATOR, Role.CITY, Role.AUDITOR, Role.ADMIN}) {
                for (String path : new String[] {"/api/v1/targets", "/api/v1/inspectors", "/api/v1/draws", "/api/v1/audit"}) {
                    expectRefused(token(role, claim).get(path), role + " '" + claim + "' GET " + path, failures);
                }
            }
            expectRefused(token(Role.OPERATOR, claim).body(targetJson("130304", "通配企业")).put("/api/v1/targets/" + uscc),
                    "operator '" + claim + "' PUT", failures);
        }
        // the claim is checked on every request, not only where a resource scopes by region
        for (String claim : BAD_CLAIMS) {
            for (String path : new String[] {"/api/v1/policies/130300/2026", "/api/v1/policies?region=130300", "/api/v1/regions/130304"}) {
                expectRefused(token(Role.ADMIN, claim).get(path), "admin '" + claim + "' GET " + path, failures);
            }
        }
        expectRefused(token("superuser", "130304").get("/api/v1/policies/130300/2026"), "no role of ours", failures);
        // ALL is for a national auditor only
        for (String role : new String[] {Role.OPERATOR, Role.CITY, Role.ADMIN}) {
            expectRefused(token(role, "ALL").get("/api/v1/targets"), role + " ALL", failures);
        }
        assertEquals(List.of(), failures);
        // none of the refused writes left a row
        Api.operator("130304").get("/api/v1/targets/" + uscc).then().statusCode(404);
    }

    @Test
    void anUnknownCodeIsAPrefixOfItselfOnly() {
        RegionDirectory regions = new RegionDirectory();
        assertEquals("\\%", regions.subtreePrefix("%"));
        assertEquals("\\_", regions.subtreePrefix("_"));
        assertEquals("13\\%\\\\", regions.subtreePrefix("13%\\"));
        assertEquals("1301", regions.subtreePrefix("130100"));
        assertEquals("130304", regions.subtreePrefix("130304"));
    }

    private static io.restassured.specification.RequestSpecification token(String role, String claim) {
        return RestAssured.given().auth().oauth2(DevTokens.mint(role + "-claim", role, claim))
                .contentType(io.restassured.http.ContentType.JSON);
    }

    private static void expectRefused(Response r, String what, List<String> failures) {
        int status = r.statusCode();
        String type = r.contentType();
        if ((status != 401 && status != 403) || type == null || !type.startsWith("application/problem+json")) {
            failures.add(what + " -> " + status + " " + type + " " + r.asString());
        } else {
            assertTrue(r.jsonPath().getString("type").contains("/problems/"), what);
        }
    }
}
