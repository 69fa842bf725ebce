package cn.doublerandom.security;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every role against every class of endpoint: allowed (anything but 401/403: the request may still
 * be refused for its content) or refused (403 problem; 401 without a token). Own region 130123;
 * another county 130125 of the same city; the city 130100.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final String OWN = "130123";
    private static final String USCC = Api.uscc(OWN);
    private static final String OTHER_USCC = Api.uscc("130125");
    private static final String TARGET = "{\"regionCode\":\"" + OWN + "\",\"name\":\"矩阵\",\"operatingStatus\":\"PRODUCING\"}";
    private static final String OTHER_TARGET = TARGET.replace(OWN, "130125");
    private static final String ITEM = "{\"regionCode\":\"130100\",\"name\":\"n\",\"targetType\":\"t\",\"legalBasis\":\"b\",\"content\":\"c\",\"methods\":[\"ON_SITE\"],\"jointInspection\":true}";

    private record Case(String method, String path, String body, String role, String region, boolean allowed) {
    }

    private static final String[] ROLES = {"operator", "city", "auditor", "admin", null};

    @Test
    void eachRoleReachesExactlyWhatItShould() {
        List<Case> cases = new ArrayList<>();
        // registry reads of the own county: everyone signed in whose scope covers it
        expect(cases, "GET", "/api/v1/targets?region=" + OWN, null, new String[][]{
                {"operator", OWN, "y"}, {"operator", "130125", "n"}, {"city", "130100", "y"}, {"city", "130200", "n"},
                {"auditor", "130100", "y"}, {"auditor", "ALL", "y"}, {"admin", "130100", "n"}, {null, null, "n"}});
        // registry writes: only the operator of that region (a city only its own city-level records)
        expect(cases, "PUT", "/api/v1/targets/" + USCC, TARGET, new String[][]{
                {"operator", OWN, "y"}, {"operator", "130125", "n"}, {"city", "130100", "n"}, {"auditor", "ALL", "n"},
                {"admin", "130100", "n"}, {null, null, "n"}});
        expect(cases, "PUT", "/api/v1/targets/" + OTHER_USCC, OTHER_TARGET, new String[][]{
                {"operator", OWN, "n"}});
        expect(cases, "PUT", "/api/v1/inspectors/MX-1", "{\"regionCode\":\"130100\",\"name\":\"x\",\"status\":\"ACTIVE\",\"certified\":false}",
                new String[][]{{"city", "130100", "y"}, {"operator", OWN, "n"}, {"admin", "130100", "n"}, {"auditor", "ALL", "n"}});
        expect(cases, "POST", "/api/v1/targets/import", "uscc\n", new String[][]{
                {"operator", OWN, "y"}, {"auditor", "ALL", "n"}, {"admin", "130100", "n"}, {null, null, "n"}});
        // item lists and policies: administrators of the region
        expect(cases, "POST", "/api/v1/items", ITEM, new String[][]{
                {"admin", "130100", "y"}, {"admin", "130000", "y"}, {"admin", "130200", "n"}, {"operator", OWN, "n"},
                {"city", "130100", "n"}, {"auditor", "ALL", "n"}, {null, null, "n"}});
        expect(cases, "PUT", "/api/v1/policies/130100/2031", "{\"teamSize\":1}", new String[][]{
                {"admin", "130100", "y"}, {"admin", "130200", "n"}, {"operator", OWN, "n"}, {"city", "130100", "n"}, {"auditor", "ALL", "n"}});
        expect(cases, "PUT", "/api/v1/calendar/2031", "{}", new String[][]{
                {"admin", "130100", "y"}, {"operator", OWN, "n"}, {"auditor", "ALL", "n"}, {null, null, "n"}});
        // result wordings: administrators of the region add and retire; every role reads; the public reads without a token
        expect(cases, "POST", "/api/v1/wordings", "{\"code\":\"MATRIX_OWN\",\"regionCode\":\"" + OWN + "\",\"text\":\"矩阵测试用语\"}",
                new String[][]{{"admin", "130100", "y"}, {"admin", OWN, "y"}, {"admin", "130125", "n"}, {"admin", "130200", "n"},
                        {"operator", OWN, "n"}, {"city", "130100", "n"}, {"auditor", "ALL", "n"}, {null, null, "n"}});
        expect(cases, "POST", "/api/v1/wordings/MATRIX_OWN/retire", "{\"reason\":\"矩阵\"}", new String[][]{
                {"operator", OWN, "n"}, {"city", "130100", "n"}, {"auditor", "ALL", "n"}, {"admin", "130200", "n"},
                {null, null, "n"}, {"admin", OWN, "y"}});
        expect(cases, "GET", "/api/v1/wordings?region=" + OWN, null, new String[][]{
                {"operator", OWN, "y"}, {"city", "130100", "y"}, {"auditor", "ALL", "y"}, {"admin", "130100", "y"}, {null, null, "n"}});
        expect(cases, "GET", "/public/v1/wordings?region=" + OWN, null, new String[][]{{null, null, "y"}});
        // draws: bureaus prepare and execute; auditors void; the ledger and the audit trail are the auditors'
        expect(cases, "POST", "/api/v1/draws", "{\"authority\":\"" + OWN + "\",\"quarter\":\"2031Q1\",\"items\":[1]}", new String[][]{
                {"operator", OWN, "y"}, {"operator", "130125", "n"}, {"auditor", "ALL", "n"}, {"admin", "130100", "n"}, {null, null, "n"}});
        expect(cases, "POST", "/api/v1/draws/D999999999/void", "{\"reason\":\"r\"}", new String[][]{
                {"auditor", "ALL", "y"}, {"operator", OWN, "n"}, {"city", "130100", "n"}, {"admin", "130100", "n"}});
        expect(cases, "GET", "/api/v1/ledger/verify", null, new String[][]{
                {"auditor", "ALL", "y"}, {"operator", OWN, "n"}, {"city", "130100", "n"}, {"admin", "130100", "n"}, {null, null, "n"}});
        expect(cases, "GET", "/api/v1/audit?region=130100", null, new String[][]{
                {"auditor", "130100", "y"}, {"auditor", "130200", "n"}, {"operator", OWN, "n"}, {"admin", "130100", "n"}});
        // public data needs no token
        expect(cases, "GET", "/public/v1/items?region=" + OWN, null, new String[][]{{null, null, "y"}});
        expect(cases, "GET", "/api/v1/calendar/2026", null, new String[][]{{null, null, "y"}});
        expect(cases, "GET", "/api/v1/regions?parent=130100", null, new String[][]{{null, null, "y"}});

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            RequestSpecification spec = c.role() == null ? RestAssured.given() : Api.as(c.role(), c.region());
            if (c.body() != null) {
                spec = spec.contentType(c.path().endsWith("/import") ? "text/csv" : "application/json").body(c.body());
            }
            Response r = spec.request(c.method(), c.path());
            int s = r.statusCode();
            boolean refused = s == 401 || s == 403;
            boolean asExpected = c.allowed() ? !refused && s < 500
                    : refused && (c.role() == null ? s == 401 : s == 403) && r.contentType().startsWith("application/problem+json");
            if (!asExpected) {
                wrong.add(c + " -> " + s + " " + r.asString().substring(0, Math.min(150, r.asString().length())));
            }
        }
        System.out.println("ROLE MATRIX: " + cases.size() + " role/endpoint cases");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static void expect(List<Case> cases, String method, String path, String body, String[][] rows) {
        for (String[] row : rows) {
            cases.add(new Case(method, path, body, row[0], row[1], "y".equals(row[2])));
        }
    }
}
