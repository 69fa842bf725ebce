package cn.doublerandom.platform;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged service answers /q/openapi from {@link ContractDocument}; tests run where Quarkus still
 * has its own document, so they check that both give the same bytes and choose the same format.
 */
@QuarkusTest
class ContractDocumentTest {

    @Inject
    ContractDocument contract;

    @Test
    void theDocumentBuiltOnFirstRequestIsTheOneQuarkusServes() {
        byte[] quarkusJson = RestAssured.given().get("/q/openapi?format=json").then().statusCode(200).extract().asByteArray();
        byte[] quarkusYaml = RestAssured.given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asByteArray();
        assertTrue(quarkusJson.length > 100_000 && quarkusYaml.length > 100_000, "Quarkus served its whole document");
        assertArrayEquals(quarkusJson, contract.document(Format.JSON), "JSON");
        assertArrayEquals(quarkusYaml, contract.document(Format.YAML), "YAML");
        assertTrue(Arrays.equals(contract.document(Format.YAML), contract.document(Format.YAML)), "made once");
    }

    @Test
    void theFormatIsChosenAsQuarkusChoosesIt() {
        String nul = "\u0000";
        String[][] requests = {
                // path, Accept, format
                {"/q/openapi", null, null},
                {"/q/openapi", null, "json"},
                {"/q/openapi", null, "JSON"},
                {"/q/openapi", null, "yaml"},
                {"/q/openapi", null, "xml"},
                {"/q/openapi", null, ""},
                {"/q/openapi", null, "json" + nul},
                {"/q/openapi", null, "j".repeat(4_000)},
                {"/q/openapi", "application/json", null},
                {"/q/openapi", "application/json, */*", "yaml"},
                {"/q/openapi", "text/html", null},
                {"/q/openapi", "application/yaml", "json"},
                {"/q/openapi", "\u00e9" + nul, null},
                {"/q/openapi.json", null, null},
                {"/q/openapi.json", "application/yaml", "yaml"},
                {"/q/openapi.yaml", "application/json", "json"},
                {"/q/openapi.yml", null, "json"},
        };
        for (String[] r : requests) {
            var spec = RestAssured.given().urlEncodingEnabled(false);
            if (r[1] != null) {
                spec = spec.header("Accept", r[1].replace(nul, "%00"));
            }
            String query = r[2] == null ? "" : "?format=" + URLEncoder.encode(r[2], StandardCharsets.UTF_8);
            Response served = spec.get(r[0] + query);
            String what = String.join(" ", r[0], String.valueOf(r[1]), String.valueOf(r[2]).substring(0, Math.min(20, String.valueOf(r[2]).length())));
            assertEquals(200, served.statusCode(), what);
            Format chosen = ContractDocument.formatOf(r[0], r[1] == null ? null : r[1].replace(nul, "%00"), r[2]);
            assertEquals(chosen.getMimeType() + ";charset=UTF-8", served.contentType(), what);
        }
    }
}
