package cn.doublerandom.registry;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exports are safe to open: a CSV cell Excel would run as a formula is neutralised, and reading
 * the file back gives the original name. Problem details name no internal classes.
 */
@QuarkusTest
class ExportSafetyTest {

    private static final String COUNTY = "130271";
    private static final List<String> HOSTILE_NAMES = List.of("=HYPERLINK(\"http://evil.example/\",\"点击查看\")",
            "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "'=已带撇号");

    @Test
    void formulaLeadingNamesAreNeutralisedInCsvAndReadBackAsWritten() {
        for (String name : HOSTILE_NAMES) {
            String json = "{\"regionCode\":\"" + COUNTY + "\",\"name\":\"" + name.replace("\"", "\\\"")
                    + "\",\"operatingStatus\":\"PRODUCING\"}";
            Api.operator(COUNTY).body(json).put("/api/v1/targets/" + Api.uscc(COUNTY)).then().statusCode(201);
        }
        byte[] csv = Api.operator(COUNTY).get("/api/v1/targets/export?region=" + COUNTY + "&format=csv")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains(",\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点击查看\"\")\","), text);
        assertTrue(text.contains(",'-2+3,"), text);
        assertTrue(text.contains(",'@SUM(1+1),"), text);
        assertTrue(text.contains(",''=已带撇号,"), text);
        for (String line : text.split("\r\n")) {
            for (String cell : line.split(",")) {
                String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!c.isEmpty() && "=+@".indexOf(c.charAt(0)) >= 0, "a cell opens as a formula: " + line);
            }
        }
        // importing the export back reads every name exactly as it was written, apostrophes of its own included
        Api.operator(COUNTY).contentType("text/csv").body(csv).post("/api/v1/targets/import").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0));
        List<String> names = Api.operator(COUNTY).get("/api/v1/targets?region=" + COUNTY).then().statusCode(200)
                .extract().jsonPath().getList("items.name");
        assertEquals(new java.util.TreeSet<>(HOSTILE_NAMES), new java.util.TreeSet<>(names));
    }

    @Test
    void aProblemNamesNoInternalClass() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("xl/workbook.xml"));
            z.write("<not-a-workbook".getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        int before = Api.operator(COUNTY).get("/api/v1/targets?region=" + COUNTY + "&limit=200").jsonPath().getList("items").size();
        Response r = Api.operator(COUNTY).contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(zip.toByteArray()).post("/api/v1/targets/import");
        assertEquals(415, r.statusCode(), r.asString());
        assertEquals(cn.doublerandom.platform.problem.ProblemType.UNREADABLE_FILE.uri(), r.jsonPath().getString("type"));
        for (String internal : List.of("org.dhatim", "com.fasterxml", "java.", "jakarta.", "Exception")) {
            assertFalse(r.asString().contains(internal), internal + " in " + r.asString());
        }
        assertEquals(before, Api.operator(COUNTY).get("/api/v1/targets?region=" + COUNTY + "&limit=200").jsonPath().getList("items").size());
    }
}
