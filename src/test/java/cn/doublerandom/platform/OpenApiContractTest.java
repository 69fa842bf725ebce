package cn.doublerandom.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * openapi/openapi.yaml is the contract bureaus and the portal build against: the service must serve
 * exactly it. After a deliberate change of the API, refresh the contract with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true} and review the diff.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi/openapi.yaml");

    @Test
    void theServedDocumentIsTheContract() throws Exception {
        String served = RestAssured.given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CONTRACT, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(CONTRACT), "missing " + CONTRACT);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode expected = yaml.readTree(Files.readString(CONTRACT, StandardCharsets.UTF_8));
        JsonNode actual = yaml.readTree(served);
        if (!expected.equals(actual)) {
            Path out = Path.of("target/openapi-served.yaml");
            Files.writeString(out, served, StandardCharsets.UTF_8);
            assertEquals(expected.toPrettyString(), actual.toPrettyString(),
                    "the served OpenAPI differs from " + CONTRACT + "; the served one is in " + out);
        }
    }

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    /**
     * A client generator names a method after the operationId and types its answer after the success
     * response's schema: an operation without either becomes {@code Object call0(...)}. A person
     * trying the API starts from a request body's example.
     */
    @Test
    void everyOperationHasAnIdATypedSuccessResponseAndAnExampleBody() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(
                RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<String> offenders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                operations++;
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (id.isEmpty()) {
                    offenders.add(name + ": no operationId");
                } else if (!id.matches("[a-z][A-Za-z0-9]*")) {
                    offenders.add(name + ": operationId " + id + " is not camelCase");
                } else if (!ids.add(id)) {
                    offenders.add(name + ": operationId " + id + " is used twice");
                }
                offenders.addAll(successSchemaProblems(name, op.getValue().path("responses")));
                JsonNode json = op.getValue().path("requestBody").path("content").path("application/json");
                if (!json.isMissingNode() && json.path("examples").isEmpty() && json.path("example").isMissingNode()) {
                    offenders.add(name + ": its JSON request body has no example");
                }
                // a file upload's binary types (xlsx) need none when another type of the same body shows one
                JsonNode body = op.getValue().path("requestBody").path("content");
                boolean shown = false;
                for (Iterator<JsonNode> media = body.elements(); media.hasNext(); ) {
                    JsonNode m = media.next();
                    shown |= !m.path("examples").isEmpty() || !m.path("example").isMissingNode();
                }
                if (!body.isMissingNode() && !shown) {
                    offenders.add(name + ": its request body (" + String.join(", ", (Iterable<String>) body::fieldNames)
                            + ") has no example");
                }
            }
        }
        assertTrue(operations > 50, "the document lists " + operations + " operations");
        if (!offenders.isEmpty()) {
            fail(offenders.size() + " operations fall short of the contract:\n  " + String.join("\n  ", offenders));
        }
    }

    /** The values a client most often gets wrong have their form in the contract, wherever they are named. */
    @Test
    void codesCarryTheirFormWhereverTheyAreNamed() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(
                RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        Map<String, List<String>> goodAndBad = Map.of(
                "uscc", List.of("91130123MA0CX5XK18", "91130123MA0CX5XK1I", "91130123MA0CX5XK1"),
                "regionCode", List.of("130123", "13012", "1301234"),
                "authority", List.of("130123", "ALL", "13012a"),
                "quarter", List.of("2026Q4", "2026Q5", "26Q4"));
        Map<String, Integer> seen = new java.util.TreeMap<>();
        List<String> offenders = new ArrayList<>();
        java.util.function.BiConsumer<String, JsonNode> check = (where, schema) -> {
            String name = where.substring(where.lastIndexOf(' ') + 1);
            List<String> values = goodAndBad.get(name);
            if (values == null || !"string".equals(schema.path("type").asText())) {
                return;
            }
            seen.merge(name, 1, Integer::sum);
            String pattern = schema.path("pattern").asText("");
            if (pattern.isEmpty()) {
                offenders.add(where + ": no pattern");
                return;
            }
            java.util.regex.Pattern form = java.util.regex.Pattern.compile(pattern);
            if (!form.matcher(values.get(0)).find()) {
                offenders.add(where + ": " + pattern + " refuses " + values.get(0));
            }
            for (String bad : values.subList(1, values.size())) {
                if (form.matcher(bad).find()) {
                    offenders.add(where + ": " + pattern + " accepts " + bad);
                }
            }
        };
        for (Iterator<Map.Entry<String, JsonNode>> schemas = doc.path("components").path("schemas").fields(); schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                check.accept(schema.getKey() + " " + prop.getKey(), prop.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (JsonNode op : path.getValue()) {
                for (JsonNode p : op.path("parameters")) {
                    String name = p.path("name").asText();
                    check.accept(path.getKey() + " " + (name.equals("region") ? "regionCode" : name), p.path("schema"));
                }
            }
        }
        assertTrue(seen.keySet().containsAll(goodAndBad.keySet()), "named: " + seen);
        if (!offenders.isEmpty()) {
            fail(offenders.size() + " codes without their form:\n  " + String.join("\n  ", offenders));
        }
    }

    /**
     * A list that can grow is one page envelope, walked with limit and after: a client generator then
     * writes one pager, and no answer grows without bound. Every create says where to read it.
     */
    @Test
    void everyListIsOnePageEnvelopeAndEveryCreateSaysWhereItIs() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(
                RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> offenders = new ArrayList<>();
        int lists = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                for (Iterator<Map.Entry<String, JsonNode>> codes = op.getValue().path("responses").fields(); codes.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = codes.next();
                    if (response.getKey().equals("201") && response.getValue().path("headers").path("Location").isMissingNode()) {
                        offenders.add(name + ": 201 without a Location header");
                    }
                    if (!response.getKey().startsWith("2")) {
                        continue;
                    }
                    JsonNode schema = response.getValue().path("content").path("application/json").path("schema");
                    if ("array".equals(schema.path("type").asText())) {
                        offenders.add(name + ": " + response.getKey() + " is a bare array, not a page");
                    }
                    String ref = schema.path("$ref").asText("");
                    if (!ref.startsWith("#/components/schemas/Page")) {
                        continue;
                    }
                    lists++;
                    JsonNode page = schemas.path(ref.substring(ref.lastIndexOf('/') + 1)).path("properties");
                    if (!"array".equals(page.path("items").path("type").asText()) || page.path("next").isMissingNode()) {
                        offenders.add(name + ": " + ref + " is not {items, next}");
                    }
                    Set<String> parameters = new HashSet<>();
                    op.getValue().path("parameters").forEach(p -> parameters.add(p.path("name").asText()));
                    if (!parameters.containsAll(Set.of("limit", "after"))) {
                        offenders.add(name + ": a page without limit and after (has " + parameters + ")");
                    }
                }
            }
        }
        assertTrue(lists > 25, "the document lists " + lists + " pages");
        if (!offenders.isEmpty()) {
            fail(offenders.size() + " operations fall short:\n  " + String.join("\n  ", offenders));
        }
    }

    /** Free-text fields whose names only sound like codes: whoever records them writes what they like. */
    private static final Set<String> FREE_TEXT = Set.of(
            "SignoffInput signatoryRole", "SignoffView signatoryRole",
            "TargetInput projectStatus", "TargetView projectStatus");

    private static final java.util.regex.Pattern CODE_NAME =
            java.util.regex.Pattern.compile("(?i).*(state|status|kind|method|level|role|outcome|class)");

    /**
     * A field named like a code (…state, …status, …kind, …method, …level, …role, …outcome, …class) lists
     * its codes, inline or through an enum schema, so a generated client gets a type instead of a string.
     */
    @Test
    void fieldsNamedLikeCodesListTheirCodes() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(
                RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> offenders = new ArrayList<>();
        Set<String> exceptionsSeen = new HashSet<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> all = schemas.fields(); all.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = all.next();
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields(); props.hasNext(); ) {
                Map.Entry<String, JsonNode> prop = props.next();
                String where = schema.getKey() + " " + prop.getKey();
                if (!CODE_NAME.matcher(prop.getKey()).matches()) {
                    continue;
                }
                JsonNode field = prop.getValue().has("items") ? prop.getValue().get("items") : prop.getValue();
                JsonNode resolved = resolve(schemas, field);
                if (resolved.has("type") && !"string".equals(resolved.path("type").asText())) {
                    continue;
                }
                if (FREE_TEXT.contains(where)) {
                    exceptionsSeen.add(where);
                    continue;
                }
                checked++;
                if (!resolved.path("enum").isArray() || resolved.path("enum").isEmpty()) {
                    offenders.add(where);
                }
            }
        }
        assertEquals(FREE_TEXT, exceptionsSeen, "an exception no longer in the contract");
        assertTrue(checked > 30, "checked " + checked + " fields");
        if (!offenders.isEmpty()) {
            fail(offenders.size() + " fields named like codes list no codes:\n  " + String.join("\n  ", offenders));
        }
    }

    /** The schema a field stands for: itself, or what its $ref (alone or as the one allOf) names. */
    private static JsonNode resolve(JsonNode schemas, JsonNode field) {
        JsonNode ref = field.path("$ref");
        if (ref.isMissingNode() && field.path("allOf").size() == 1) {
            ref = field.path("allOf").get(0).path("$ref");
        }
        if (ref.isTextual() && ref.asText().startsWith("#/components/schemas/")) {
            return schemas.path(ref.asText().substring("#/components/schemas/".length()));
        }
        return field;
    }

    private static List<String> successSchemaProblems(String name, JsonNode responses) {
        List<String> problems = new ArrayList<>();
        String success = null;
        for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
            String code = codes.next();
            if (code.startsWith("2") && (success == null || code.compareTo(success) < 0)) {
                success = code;
            }
        }
        if (success == null) {
            problems.add(name + ": no 2xx response");
            return problems;
        }
        if (success.equals("204")) {
            return problems;
        }
        JsonNode content = responses.get(success).path("content");
        if (content.isEmpty()) {
            problems.add(name + ": " + success + " has no content");
        }
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> m = media.next();
            if (m.getValue().path("schema").isEmpty()) {
                problems.add(name + ": " + success + " " + m.getKey() + " has an empty schema");
            }
        }
        return problems;
    }
}
