package cn.doublerandom.registry.target;

import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facts the inspection ledger (seed 004) needs of a target: 企业类型, 法定代表人, 经纬度, 是否超低排放改造,
 * 是否2019年以来自主验收 and the 22-option industry, through JSON, import, export and history.
 */
@QuarkusTest
class TargetLedgerFactsTest {

    private static final String COUNTY = "131124";
    private static final String HEADER = "统一社会信用代码,单位名称,行政区划代码,运营状态,行业类别,企业类型,法人代表,经度,纬度,"
            + "是否超低排放改造的企业,是否2019年以来自主验收的企业项目（含涉VOCs新建项目）,行业类别 (从现有类型中选择)\n";

    private static Response importCsv(String csv) {
        return Api.operator(COUNTY).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/targets/import");
    }

    @Test
    void theFactsImportUnderTheSeedsHeadersExportAndReimportUnchangedWithHistory() throws Exception {
        String a = Api.uscc(COUNTY);
        String b = Api.uscc(COUNTY);
        // seed 004's own wording: "1. 是 2. 否", the industry by number and words, or by words alone
        importCsv(HEADER
                + a + ",饶阳县甲化工有限公司," + COUNTY + ",生产,化学原料和化学制品制造业,有限责任公司,王建国,115.7268554,38.2352,"
                + "1. 是,2,13. 化工\n"
                + b + ",饶阳县乙印务有限公司," + COUNTY + ",生产,印刷和记录媒介复制业,个体工商户,,,,否,是,包装印刷\n")
                .then().statusCode(200).body("created", equalTo(2));
        Api.operator(COUNTY).get("/api/v1/targets/" + a).then().statusCode(200)
                .body("industry", equalTo("化学原料和化学制品制造业")).body("ledgerIndustry", equalTo("CHEMICAL"))
                .body("enterpriseType", equalTo("LIMITED_LIABILITY")).body("legalRepresentative", equalTo("王建国"))
                // kept to six places (about 0.1 m)
                .body("longitude", equalTo(115.726855f)).body("latitude", equalTo(38.2352f))
                .body("ultraLowEmission", equalTo(true)).body("selfAcceptedSince2019", equalTo(false));
        Api.operator(COUNTY).get("/api/v1/targets/" + b).then()
                .body("ledgerIndustry", equalTo("PACKAGING_PRINTING")).body("enterpriseType", equalTo("INDIVIDUAL"))
                .body("longitude", equalTo(null)).body("ultraLowEmission", equalTo(false)).body("selfAcceptedSince2019", equalTo(true));
        Api.operator(COUNTY).get("/api/v1/targets/" + a + "/history").then()
                .body("items[0].state.ledgerIndustry", equalTo("CHEMICAL")).body("items[0].state.legalRepresentative", equalTo("王建国"));

        // the export carries them under its own headers, numbers as written; both formats re-import unchanged
        String csv = new String(Api.operator(COUNTY).get("/api/v1/targets/export?format=csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("企业类型,法定代表人,经度,纬度,是否超低排放改造,是否2019年以来自主验收,台账行业类别"), csv);
        assertTrue(csv.contains("有限责任公司,王建国,115.726855,38.235200,是,否,化工"), csv);
        for (String format : List.of("xlsx", "csv")) {
            byte[] exported = Api.operator(COUNTY).get("/api/v1/targets/export?format=" + format).then().statusCode(200)
                    .extract().asByteArray();
            Api.operator(COUNTY).contentType("application/octet-stream").body(exported).post("/api/v1/targets/import")
                    .then().statusCode(200).body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        }
        byte[] xlsx = Api.operator(COUNTY).get("/api/v1/targets/export?format=xlsx").then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> header = rows.get(0).stream().map(c -> c.getText()).toList();
            Row row = rows.stream().filter(r -> a.equals(r.getCellText(0))).findFirst().orElseThrow();
            assertEquals("115.726855", row.getCellText(header.indexOf("经度")));
            assertEquals("化工", row.getCellText(header.indexOf("台账行业类别")));
        }

        // a move is a new version naming what changed
        Api.operator(COUNTY).body("""
                {"regionCode":"%s","name":"饶阳县甲化工有限公司","operatingStatus":"PRODUCING","industry":"化学原料和化学制品制造业",
                 "enterpriseType":"LIMITED_LIABILITY","legalRepresentative":"王建国","longitude":115.7,"latitude":38.2,
                 "ultraLowEmission":true,"selfAcceptedSince2019":false,"ledgerIndustry":"CHEMICAL","changeReason":"复测坐标"}"""
                .formatted(COUNTY)).put("/api/v1/targets/" + a).then().statusCode(200).body("version", equalTo(2));
        Api.operator(COUNTY).get("/api/v1/targets/" + a + "/history").then().body("items", hasSize(2))
                .body("items[1].changed", equalTo(List.of("longitude", "latitude"))).body("items[0].state.longitude", equalTo(115.726855f));
    }

    @Test
    void badCoordinatesNulBytesAndUnknownIndustriesAreProblemsThatWriteNothing() {
        String uscc = Api.uscc(COUNTY);
        String base = "{\"regionCode\":\"" + COUNTY + "\",\"name\":\"饶阳县丙公司\",\"operatingStatus\":\"PRODUCING\"";
        Api.operator(COUNTY).body(base + ",\"longitude\":200,\"latitude\":38.2}").put("/api/v1/targets/" + uscc).then()
                .statusCode(400).contentType("application/problem+json").body("type", endsWith("/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("longitude"))).body("errors[0].value", equalTo("200"))
                .body("errors[0].message", containsString("经度须为十进制度数，在73至136之间"));
        Api.operator(COUNTY).body(base + ",\"longitude\":115.2,\"latitude\":-91}").put("/api/v1/targets/" + uscc).then()
                .statusCode(400).body("errors.field", equalTo(List.of("latitude")));
        Api.operator(COUNTY).body(base + ",\"longitude\":115.2}").put("/api/v1/targets/" + uscc).then()
                .statusCode(400).body("errors[0].message", containsString("经度和纬度须同时填写"));
        Api.operator(COUNTY).body(base + ",\"legalRepresentative\":\"王\\u0000五\"}").put("/api/v1/targets/" + uscc).then()
                .statusCode(400).contentType("application/problem+json");
        Api.operator(COUNTY).body(base + ",\"ledgerIndustry\":\"MINING\"}").put("/api/v1/targets/" + uscc).then()
                .statusCode(400).contentType("application/problem+json");
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc).then().statusCode(404);

        // in a file: every bad cell named with its row and column, and the whole file refused
        String c = Api.uscc(COUNTY);
        Response r = importCsv(HEADER
                + uscc + ",饶阳县丙公司," + COUNTY + ",生产,,,王\u202e五,200,38.1,,,\n"
                + c + ",饶阳县丁公司," + COUNTY + ",生产,,,,115.1,38.1,也许,,23\n"
                + Api.uscc(COUNTY) + ",饶阳县戊公司," + COUNTY + ",生产,,,,114°30',38.1,,,采矿\n");
        r.then().statusCode(422).body("type", endsWith("/problems/import-rejected"));
        List<String> columns = r.jsonPath().getList("errors.column");
        assertTrue(columns.containsAll(List.of("经度", "法人代表", "是否超低排放改造的企业", "行业类别 (从现有类型中选择)")), r.asString());
        r.then().body("errors.message", hasItem(containsString("须为全企体检台账的22个行业类别之一：1. 钢铁 2. 焦化")))
                .body("errors.message", hasItem(containsString("须为十进制数字")))
                .body("errors.message", hasItem(containsString("经度须为十进制度数")));
        Api.operator(COUNTY).get("/api/v1/targets/" + uscc).then().statusCode(404);
        Api.operator(COUNTY).get("/api/v1/targets/" + c).then().statusCode(404);
        // a NUL byte makes a CSV a binary file: refused whole
        importCsv(HEADER + c + ",饶阳县丁公司," + COUNTY + ",生产,,,王\u0000五,115.1,38.1,,,\n").then().statusCode(415)
                .body("type", endsWith("/problems/unreadable-file"));
        Api.operator(COUNTY).get("/api/v1/targets/" + c).then().statusCode(404);
    }
}
