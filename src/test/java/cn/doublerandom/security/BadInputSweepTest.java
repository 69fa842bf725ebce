package cn.doublerandom.security;

import cn.doublerandom.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Throws generated bad requests at every operation of the OpenAPI contract: hostile path and query
 * values, malformed and mistyped bodies, unreadable files, missing tokens. Each must get a 4xx
 * problem, never a 500, and nothing may be written.
 */
@QuarkusTest
class BadInputSweepTest {

    private static final String[] HOSTILE = {
            "x'; drop table target; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u202Eabc", "😀😀",
            "1 OR 1=1", "${jndi:ldap://x}", " ", "130123\n", "-1", "99999999999999999999999", "2026-02-30", "2026Q9",
            "A".repeat(3000), "null", "[]", "{}", "\\u0000", "NaN"};
    private static final String[] BODIES = {
            "{", "[]", "null", "\"text\"", "42", "{\"a\":", "{\"regionCode\":130123}", "{\"name\":[1,2]}",
            "{\"items\":\"all\"}", "{\"quarter\":{}}", "{\"seed\":7}", "{\"reason\":false}", "{\"countyKeyRate\":\"lots\"}",
            "{\"kind\":\"EVERYTHING\"}", "{\"methods\":\"ON_SITE\"}", "{\"eventDate\":\"yesterday\"}",
            "{\"name\":\"" + "名".repeat(5000) + "\"}", "{\"name\":\"a\\u0000b\"}", "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}"};
    private static final List<String> TABLES = List.of("target", "target_event", "inspector", "inspection_item", "policy",
            "draw", "draw_execution", "ledger", "registry_version", "calendar_notice", "audit_event", "result", "result_version",
            "result_hold", "publication", "result_item", "wording", "wording_retirement", "targeted_check",
            "accountability_judgement", "accountability_retraction", "rectification", "rectification_version",
            "rectification_check", "penalty", "penalty_version", "attachment", "attachment_content", "attachment_disclosure",
            "result_signoff", "credit_export_batch", "credit_export_item");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyOperationAnswersBadInputWithA4xxProblemAndWritesNothing() throws Exception {
        JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile());
        Map<String, Long> before = counts();
        Random random = new Random(20261123L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                List<String> pathParams = new ArrayList<>();
                List<String> queryParams = new ArrayList<>();
                List<String> headerParams = new ArrayList<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    String in = p.get("in").asText();
                    (in.equals("path") ? pathParams : in.equals("header") ? headerParams : queryParams).add(p.get("name").asText());
                }
                queryParams.addAll(headerParams.stream().map(h -> "header:" + h).toList());
                boolean hasBody = op.getValue().has("requestBody");
                boolean json = !hasBody || op.getValue().get("requestBody").get("content").has("application/json");
                List<Request> cases = new ArrayList<>();
                // hostile path values, one parameter at a time, the others plausible
                for (String p : pathParams) {
                    for (int i = 0; i < 6; i++) {
                        Map<String, String> values = plausible(pathParams);
                        values.put(p, HOSTILE[random.nextInt(HOSTILE.length)]);
                        cases.add(new Request(values, Map.of(), hasBody ? (json ? "{\"name\":1}" : "\u0000\u0001") : null, true));
                    }
                }
                // hostile query values
                for (String q : queryParams) {
                    for (int i = 0; i < 4; i++) {
                        cases.add(new Request(plausible(pathParams), Map.of(q, HOSTILE[random.nextInt(HOSTILE.length)]),
                                hasBody ? (json ? "{" : "") : null, true));
                    }
                }
                // malformed and mistyped bodies, or unreadable files
                if (hasBody) {
                    if (json) {
                        for (String body : BODIES) {
                            cases.add(new Request(plausible(pathParams), Map.of(), body, true));
                        }
                    } else {
                        byte[] noise = new byte[2048];
                        random.nextBytes(noise);
                        cases.add(new Request(plausible(pathParams), Map.of(), new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1), true));
                        cases.add(new Request(plausible(pathParams), Map.of(), "PK\u0003\u0004garbage", true));
                        cases.add(new Request(plausible(pathParams), Map.of(), "", true));
                    }
                }
                // no token at all
                cases.add(new Request(plausible(pathParams), Map.of(), hasBody ? "{" : null, false));
                for (Request c : cases) {
                    Response r = send(path.getKey(), method, json, c);
                    requests++;
                    statuses.merge(r.statusCode(), 1, Integer::sum);
                    String type = r.contentType() == null ? "" : r.contentType();
                    boolean open = path.getKey().startsWith("/public/") || path.getKey().startsWith("/api/v1/regions")
                            || path.getKey().startsWith("/api/v1/calendar/") && method.equals("GET")
                            || path.getKey().startsWith("/api/v1/items") && method.equals("GET");
                    boolean ok = r.statusCode() >= 400 && r.statusCode() < 500 && type.startsWith("application/problem+json");
                    // a read whose hostile value is only a free-text filter ("1 OR 1=1" as a name) finds nothing: 200 and an empty page
                    if ((open || !c.query().isEmpty()) && r.statusCode() == 200 && method.equals("GET")) {
                        ok = true;
                    }
                    if (!ok) {
                        failures.add(method + " " + path.getKey() + " " + c + " -> " + r.statusCode() + " " + type + " "
                                + r.asString().substring(0, Math.min(200, r.asString().length())));
                    }
                }
            }
        }
        System.out.printf("BAD INPUT SWEEP: %d requests, statuses %s%n", requests, statuses);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
        assertEquals(before, counts(), "a bad request wrote something");
        assertTrue(requests > 300, "only " + requests + " requests");
    }

    private record Request(Map<String, String> path, Map<String, String> query, String body, boolean authenticated) {
        @Override
        public String toString() {
            String b = body == null ? "" : body.length() > 40 ? body.substring(0, 40) + "…" : body;
            return path + " " + query + " body=" + b.replace("\n", "\\n") + (authenticated ? "" : " (no token)");
        }
    }

    private static Map<String, String> plausible(List<String> names) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String n : names) {
            values.put(n, switch (n) {
                case "uscc" -> "91130123AAAAAAAAA0";
                case "region" -> "130123";
                case "year" -> "2026";
                case "code" -> "SWEEP-1";
                case "id" -> "999999";
                default -> "x";
            });
        }
        return values;
    }

    private static Response send(String template, String method, boolean json, Request c) {
        String role = template.contains("/void") || template.startsWith("/api/v1/ledger") || template.startsWith("/api/v1/audit")
                ? "auditor" : template.startsWith("/api/v1/items") || template.startsWith("/api/v1/policies")
                || template.startsWith("/api/v1/calendar") || template.startsWith("/api/v1/wordings") ? "admin" : "operator";
        RequestSpecification spec = c.authenticated() ? Api.as(role, "130123") : RestAssured.given();
        spec = spec.urlEncodingEnabled(true);
        if (c.body() != null) {
            spec = spec.contentType(json ? "application/json" : "application/octet-stream").body(c.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        StringBuilder query = new StringBuilder();
        for (Map.Entry<String, String> q : c.query().entrySet()) {
            if (q.getKey().startsWith("header:")) {
                // header values cannot carry line breaks or NUL on the wire; send what HTTP allows
                spec = spec.header(q.getKey().substring(7), q.getValue().replaceAll("[\\x00-\\x1f\\x7f]", "?"));
            } else {
                query.append(query.isEmpty() ? "?" : "&").append(q.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(q.getValue(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String path = template;
        for (Map.Entry<String, String> p : c.path().entrySet()) {
            path = path.replace("{" + p.getKey() + "}", java.net.URLEncoder.encode(p.getValue(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return spec.urlEncodingEnabled(false).request(method, path + query);
    }

    private Map<String, Long> counts() throws Exception {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String t : TABLES) {
                try (ResultSet rs = c.createStatement().executeQuery("select count(*) from " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        }
        return out;
    }
}
