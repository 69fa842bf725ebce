package cn.doublerandom.registry.importing;

import cn.doublerandom.registry.tabular.TableWriter;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class RegistryImportTest {

    private static final String HEADER = "统一社会信用代码,单位名称,行政区划代码,行业类别,污染物类型,监控类型,排污许可管理类别,重点排污单位,环境信用等级,正面清单起始日期,运营状态\n";

    private static Response post(String county, byte[] body, String type, String query) {
        return Api.operator(county).contentType(type).body(body).post("/api/v1/targets/import" + query);
    }

    @Test
    void importsGbkCsvAsExcelOnChineseWindowsWritesIt() {
        String county = "130128";
        String a = Api.uscc(county);
        String b = Api.uscc(county);
        String csv = HEADER
                + a + ",深泽县甲纺织有限公司," + county + ",纺织业,废水、废气,在线监测、分表计电,重点管理,是,B,,生产\n"
                + b + ",深泽县乙食品有限公司," + county + ",农副食品加工业,,,登记管理,否,A,2025/1/1,停产\n";
        post(county, csv.getBytes(Charset.forName("GBK")), "text/csv", "?filename=深泽.csv").then().statusCode(200)
                .body("format", equalTo("CSV_GBK")).body("rows", equalTo(2)).body("created", equalTo(2));
        Api.operator(county).get("/api/v1/targets/" + a).then().statusCode(200)
                .body("name", equalTo("深泽县甲纺织有限公司")).body("permitClass", equalTo("KEY"))
                .body("keyDischarger", equalTo(true)).body("monitoringTypes", equalTo(List.of("ONLINE", "SUB_METERING")))
                .body("pollutantTypes", equalTo(List.of("废气", "废水")));
        Api.operator(county).get("/api/v1/targets/" + b).then()
                .body("positiveListFrom", equalTo("2025-01-01")).body("operatingStatus", equalTo("HALTED"));
        Api.operator(county).get("/api/v1/targets/" + a + "/history").then().body("items[0].change", equalTo("IMPORT_CREATE"))
                .body("items[0].reason", equalTo("import of 深泽.csv"));

        // the same file again changes nothing
        post(county, csv.getBytes(Charset.forName("GBK")), "text/csv", "").then().statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(2));
        Api.operator(county).get("/api/v1/targets/" + a + "/history").then().body("items", hasSize(1));
    }

    @Test
    void objectKindsAreImportedInChineseAndEveryPermitHolderIsAPollutantDischarger() {
        String county = "130423";
        String seller = Api.uscc(county);
        String user = Api.uscc(county);
        String header = "统一社会信用代码,单位名称,行政区划代码,排污许可管理类别,运营状态,检查对象类型\n";
        String csv = header
                + seller + ",临漳县甲汽车销售有限公司," + county + ",,生产,机动车销售企业\n"
                + user + ",临漳县乙制冷有限公司," + county + ",简化管理,生产,HCFCs使用企业、VEHICLE_SELLER\n";
        post(county, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "").then().statusCode(200).body("created", equalTo(2));
        Api.operator(county).get("/api/v1/targets/" + seller).then().body("objectKinds", equalTo(List.of("VEHICLE_SELLER")));
        Api.operator(county).get("/api/v1/targets/" + user).then()
                .body("objectKinds", equalTo(List.of("POLLUTANT_DISCHARGER", "HCFC_USER", "VEHICLE_SELLER")));
        Api.operator(county).get("/api/v1/targets/" + user + "/history").then()
                .body("items[0].state.objectKinds", equalTo(List.of("POLLUTANT_DISCHARGER", "HCFC_USER", "VEHICLE_SELLER")));
        String exported = new String(Api.operator(county).get("/api/v1/targets/export?format=csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        org.junit.jupiter.api.Assertions.assertTrue(exported.contains("检查对象类型")
                && exported.contains("排污单位、HCFCs使用企业、机动车销售企业"), exported);

        // a kind that is not on the code list refuses the whole file
        String other = Api.uscc(county);
        post(county, (header + other + ",临漳县丙养殖场," + county + ",,生产,养猪场\n").getBytes(StandardCharsets.UTF_8),
                "text/csv", "").then().statusCode(422).body("errors[0].column", equalTo("检查对象类型"))
                .body("errors[0].row", equalTo(2)).body("errors[0].message", containsString("机动车销售企业"));
        Api.operator(county).get("/api/v1/targets/" + other).then().statusCode(404);
    }

    @Test
    void aFileWithBadRowsIsRejectedWholeWithEveryProblemListed() {
        String county = "130127";
        String good = Api.uscc(county);
        String dup = Api.uscc(county);
        String csv = HEADER
                + good + ",高邑县好企业," + county + ",,,,,,,,生产\n"
                + Api.badCheck(Api.uscc(county)) + ",校验错," + county + ",,,,,,,,生产\n"
                + dup + ",许可类别错," + county + ",,,,特别管理,也许,F,2025-13-01,生产\n"
                + dup + ",重复," + county + ",,,,,,,,生产\n"
                + Api.uscc("130128") + ",别县企业,130128,,,,,,,,生产\n"
                + Api.uscc(county) + ",,999999,,,,,,,,\n";
        Response r = post(county, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "");
        r.then().statusCode(422).contentType("application/problem+json").body("type", endsWith("/problems/import-rejected"));
        List<Integer> rows = r.jsonPath().getList("errors.row");
        List<String> columns = r.jsonPath().getList("errors.column");
        // row 3: check character; row 4: four unreadable cells; row 6: another county; row 7: name, region, status
        assertEquals(List.of(3, 4, 4, 4, 4, 6, 7, 7, 7), rows, r.asString());
        assertEquals(List.of("统一社会信用代码", "排污许可管理类别", "重点排污单位", "环境信用等级", "正面清单起始日期",
                "行政区划代码", "行政区划代码", "单位名称", "运营状态"), columns, r.asString());
        Api.operator(county).get("/api/v1/targets/" + good).then().statusCode(404);
    }

    @Test
    void aRowListsEveryProblemNotOnlyItsUnreadableCells() {
        String county = "130127";
        // a wrong check character and a date that is no date in one row: the cell and the rule are both named
        String csv = HEADER + Api.badCheck(Api.uscc(county)) + ",两处错," + county + ",,,,,,,2025-13-01,生产\n";
        Response r = post(county, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "");
        r.then().statusCode(422).body("type", endsWith("/problems/import-rejected"));
        assertEquals(List.of(2, 2), r.jsonPath().getList("errors.row"), r.asString());
        assertEquals(List.of("正面清单起始日期", "统一社会信用代码"), r.jsonPath().getList("errors.column"), r.asString());
    }

    @Test
    void aDryRunCountsWhatItWouldCreateUpdateAndLeaveUnchanged() {
        String county = "130127";
        String kept = Api.uscc(county);
        String changed = Api.uscc(county);
        String added = Api.uscc(county);
        post(county, (HEADER + kept + ",留存企业," + county + ",,,,,,,,生产\n" + changed + ",改名前," + county + ",,,,,,,,生产\n")
                .getBytes(StandardCharsets.UTF_8), "text/csv", "").then().statusCode(200).body("created", equalTo(2));
        String next = HEADER + kept + ",留存企业," + county + ",,,,,,,,生产\n" + changed + ",改名后," + county + ",,,,,,,,生产\n"
                + added + ",新增企业," + county + ",,,,,,,,生产\n";
        post(county, next.getBytes(StandardCharsets.UTF_8), "text/csv", "?dryRun=true").then().statusCode(200)
                .body("dryRun", equalTo(true)).body("rows", equalTo(3))
                .body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        // and it wrote nothing
        Api.operator(county).get("/api/v1/targets/" + added).then().statusCode(404);
        Api.operator(county).get("/api/v1/targets/" + changed).then().body("name", equalTo("改名前"));
        Api.operator(county).get("/api/v1/targets/" + changed + "/history").then().body("items", hasSize(1));
    }

    @Test
    void aRepeatedKeyIsNamedWithItsFirstRow() {
        String county = "130127";
        String dup = Api.uscc(county);
        String csv = HEADER + dup + ",甲," + county + ",,,,,,,,生产\n" + dup + ",乙," + county + ",,,,,,,,生产\n";
        post(county, csv.getBytes(StandardCharsets.UTF_8), "text/csv", "").then().statusCode(422)
                .body("errors[0].row", equalTo(3)).body("errors[0].message", containsString("first in row 2"));
    }

    @Test
    void missingColumnsAndUnreadableFilesAreProblems() {
        post("130127", "名称,地址\n甲,乙\n".getBytes(StandardCharsets.UTF_8), "text/csv", "").then().statusCode(422)
                .body("errors.message", org.hamcrest.Matchers.hasItem(containsString("统一社会信用代码")));
        post("130127", new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0}, "application/octet-stream", "")
                .then().statusCode(415).body("type", endsWith("/problems/unreadable-file"));
        post("130127", new byte[0], "text/csv", "").then().statusCode(415);
        Api.as("auditor", "ALL").contentType("text/csv").body(HEADER.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/targets/import").then().statusCode(403);
    }

    @Test
    void xlsxImportsAndAnExportReimportsUnchanged() throws Exception {
        String county = "130129";
        String a = Api.uscc(county);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        TableWriter.writeXlsx(List.of("统一社会信用代码", "企业名称", "区划代码", "运营状态", "监控类型"),
                List.of(List.of(a, "赞皇县丙建材有限公司", county, "生产", "视频监控")), xlsx);
        post(county, xlsx.toByteArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "?dryRun=true")
                .then().statusCode(200).body("dryRun", equalTo(true)).body("rows", equalTo(1)).body("created", equalTo(1));
        Api.operator(county).get("/api/v1/targets/" + a).then().statusCode(404);
        post(county, xlsx.toByteArray(), "application/octet-stream", "").then().statusCode(200)
                .body("format", equalTo("XLSX")).body("created", equalTo(1));

        for (String format : List.of("xlsx", "csv")) {
            byte[] exported = Api.operator(county).get("/api/v1/targets/export?format=" + format).then().statusCode(200)
                    .header("Content-Disposition", containsString(".%s".formatted(format))).extract().asByteArray();
            post(county, exported, "application/octet-stream", "").then().statusCode(200)
                    .body("created", equalTo(0)).body("updated", equalTo(0));
        }
    }

    @Test
    void inspectorsImportWithConflictsAndSpecialties() {
        String county = "130129";
        String conflict = Api.uscc(county);
        String csv = "人员编号,姓名,行政区划代码,执法证号,执法证有效期至,状态,持证执法人员,辅助检查人员,专业领域,回避企业\n"
                + "ZH-101,周杰,130129,冀环执字101,2028-12-31,在岗,是,否,radiation、ods," + conflict + ":亲属任职\n"
                + "ZH-102,吴霞,130129,,,在岗,否,是,monitoring,\n";
        Api.operator(county).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8)).post("/api/v1/inspectors/import")
                .then().statusCode(200).body("created", equalTo(2));
        Api.operator(county).get("/api/v1/inspectors/ZH-101").then().body("certified", equalTo(true))
                .body("specialties", equalTo(List.of("ods", "radiation"))).body("conflicts[0].reason", equalTo("亲属任职"));
        byte[] exported = Api.operator(county).get("/api/v1/inspectors/export?format=csv").then().statusCode(200).extract().asByteArray();
        Api.operator(county).contentType("text/csv").body(exported).post("/api/v1/inspectors/import")
                .then().statusCode(200).body("unchanged", equalTo(2)).body("updated", equalTo(0));
    }
}
