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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
