package cn.doublerandom.report.ledger;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.result.ResultFixture;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two forms of seed 004 filled from a county's checks and read back by a spreadsheet reader:
 * the seed's columns in its order, 序号 and the coordinates as numbers, dates as dates, and what the
 * follow-up recorded (rectification, penalty, sign-off) in its column.
 */
@QuarkusTest
class LedgerFormsTest {

    private static final String COUNTY = "131128";
    private static ResultFixture f;
    private static String problemResult;
    /** A target registered only after its (targeted) check. */
    private static String late;

    /** 附件4's header row, as the seed prints it. */
    private static final List<String> PROBLEM_HEADER = List.of("检查日期", "序号", "检查人员", "企业名称", "企业类型",
            "行业类别（从现有类型中选择）", "是否超低排放改造的企业", "是否绩效分级A级或B级企业",
            "是否2019年以来自主验收的企业项目（含涉VOCs新建项目）", "经度", "纬度", "县市区", "乡镇或开发区", "存在的问题",
            "问题类型（从现有类型中选择）", "查处情况（从现有类型中选择）", "整改情况", "处罚情况", "责任人签字");

    /** 附件3's eleven fields, as the seed prints them. */
    private static final List<String> REGISTRATION_HEADER = List.of("序号", "检查日期", "企业名称", "法人代表", "是否正面清单企业",
            "企业地址", "经纬度", "企业类型", "行业类别", "现场检查情况", "现场执法人员");

    @Inject
    ServiceClock clock;

    @BeforeEach
    void checkedOnce() {
        if (f == null) {
            f = new ResultFixture(COUNTY).drawn(clock, 2);
            // the ledger's facts of the two targets checked (a legal representative Excel would run as a formula)
            String header = "统一社会信用代码,单位名称,行政区划代码,排污许可管理类别,环境信用等级,重污染天气绩效分级,运营状态,地址,乡镇,"
                    + "企业类型,法定代表人,经度,纬度,是否超低排放改造,是否2019年以来自主验收,台账行业类别\n";
            String csv = header
                    + f.uscc(0) + "," + name(0) + "," + COUNTY + ",重点管理,B,A,生产,阜城县工业路1号,古城镇,有限责任公司,王建国,"
                    + "115.726855,37.862,是,否,化工\n"
                    + f.uscc(1) + "," + name(1) + "," + COUNTY + ",重点管理,B,C,生产,阜城县工业路2号,阜城镇,私营企业,=2+3,"
                    + ",,,,其他具体行业\n";
            Api.operator(COUNTY).contentType("text/csv").body(csv.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/targets/import").then().statusCode(200);
            at("2026-10-20");
            problemResult = f.record(0, "2026-10-14", "2026-10-16", "CORRECTED", "");
            f.record(1, "2026-10-15", "2026-10-16", "NO_PROBLEM", "");
            String base = "/api/v1/results/" + problemResult;
            Api.operator(COUNTY).body("""
                    {"problemIndex":0,"requirement":"料场全部苫盖","deadline":"2026-10-23","responsiblePerson":"张建国"}""")
                    .post(base + "/rectifications").then().statusCode(201);
            Api.operator(COUNTY).body("""
                    {"caseNumber":"阜环罚〔2026〕3号","decisionDate":"2026-10-19","amount":20000.00,"discretion":"LIGHTER",
                     "discretionReason":"主动改正","transfers":[]}""").post(base + "/penalties").then().statusCode(201);
            Api.operator(COUNTY).body("{\"signatory\":\"王建国\",\"signatoryRole\":\"法定代表人\",\"refused\":false}")
                    .post(base + "/signoffs").then().statusCode(201);
            // after the checks the enterprise registers a new legal representative, moves and has not retrofitted after all:
            // the forms keep the facts of the check's day
            String changed = header + f.uscc(0) + "," + name(0) + "," + COUNTY + ",重点管理,B,A,生产,阜城县新区路8号,古城镇,"
                    + "股份有限公司,李明,116.100000,37.900000,否,否,化工\n";
            Api.operator(COUNTY).contentType("text/csv").body(changed.getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/targets/import").then().statusCode(200);
            // a complaint led to an enterprise missing from the registry: checked on 28 September, registered only now
            late = Api.uscc(COUNTY);
            Api.operator(COUNTY).contentType("text/csv").body((header + late + ",阜城县补录加工厂," + COUNTY + ",登记管理,B,,生产,"
                    + "阜城县东环路5号,阜城镇,个体工商户,赵六,115.8,37.85,否,否,其他具体行业\n").getBytes(StandardCharsets.UTF_8))
                    .post("/api/v1/targets/import").then().statusCode(200);
            Api.operator(COUNTY).body("{\"uscc\":\"" + late + "\",\"source\":\"COMPLAINT\",\"sourceReference\":\"12369-0928\","
                    + "\"inspectionDate\":\"2026-09-28\",\"problems\":[],\"handling\":[\"NONE\"],\"violationFound\":false,"
                    + "\"nonSite\":false,\"team\":[\"R" + COUNTY + "-1\",\"R" + COUNTY + "-2\"]}").post("/api/v1/checks").then()
                    .log().ifValidationFails().statusCode(201);
            // a campaign: a directed draw of key targets, its one check done in November
            String items = f.itemIds().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
            String directed = Api.operator(COUNTY).body("{\"authority\":\"" + COUNTY + "\",\"quarter\":\"2026Q4\",\"kind\":\"DIRECTED\","
                    + "\"filter\":{\"supervisionClass\":\"KEY\"},\"count\":1,\"items\":[" + items + "]}")
                    .post("/api/v1/draws").then().statusCode(201).extract().path("id");
            io.restassured.path.json.JsonPath drawn = Api.operator(COUNTY).body("{\"seed\":\"campaign-" + COUNTY + "\"}")
                    .post("/api/v1/draws/" + directed + "/execute").then().statusCode(200).extract().jsonPath();
            List<String> team = drawn.getList("targets[0].team");
            at("2026-11-05");
            Api.operator(COUNTY).body("{\"drawId\":\"" + directed + "\",\"uscc\":\"" + drawn.getString("targets[0].uscc")
                    + "\",\"inspectionDate\":\"2026-11-03\",\"determinationDate\":\"2026-11-04\",\"wording\":\"NO_PROBLEM\","
                    + "\"problems\":[],\"handling\":[\"NONE\"],\"violationFound\":false,\"nonSite\":false,\"team\":[\""
                    + team.get(0) + "\",\"" + team.get(1) + "\"]}").post("/api/v1/results").then().statusCode(201);
        }
        at("2026-10-20");
    }

    @AfterEach
    void realClock() {
        clock.use(Clock.systemUTC());
    }

    private void at(String day) {
        clock.use(Clock.fixed(Instant.parse(day + "T02:00:00Z"), ZoneOffset.UTC));
    }

    private static String name(int i) {
        return Api.operator(COUNTY).get("/api/v1/targets/" + f.uscc(i)).then().statusCode(200).extract().path("name");
    }

    private static byte[] form(String path, String query) {
        return Api.operator(COUNTY).get("/api/v1/ledger-forms/" + path + "?" + query).then().statusCode(200)
                .header("Cache-Control", "no-store").extract().asByteArray();
    }

    @Test
    void theProblemLedgerHasTheSeedsNineteenColumnsWithNumbersAsNumbers() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(form("problems", "month=2026-10")))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(PROBLEM_HEADER, rows.get(0).stream().map(c -> c.getText()).toList());
            assertEquals(3, rows.size(), "one row per problem, and one for the check that found none");
            Row found = rows.get(1);
            assertEquals(CellType.NUMBER, found.getCell(0).getType());
            assertEquals(LocalDate.of(2026, 10, 14), found.getCell(0).asDate().toLocalDate());
            assertEquals(CellType.NUMBER, found.getCell(1).getType());
            assertEquals(0, BigDecimal.ONE.compareTo(found.getCell(1).asNumber()));
            assertTrue(found.getCellText(2).contains("执法员"), found.getCellText(2));
            assertEquals(List.of("有限责任公司", "化工", "是", "A级", "否"), List.of(found.getCellText(4), found.getCellText(5),
                    found.getCellText(6), found.getCellText(7), found.getCellText(8)));
            assertEquals(CellType.NUMBER, found.getCell(9).getType());
            assertEquals(0, new BigDecimal("115.726855").compareTo(found.getCell(9).asNumber()));
            assertEquals(CellType.NUMBER, found.getCell(10).getType());
            assertEquals(0, new BigDecimal("37.862").compareTo(found.getCell(10).asNumber()));
            assertEquals(List.of("阜城县", "古城镇", "料场未苫盖，扬尘明显", "物料扬尘管控不到位", "立行立改"), List.of(found.getCellText(11),
                    found.getCellText(12), found.getCellText(13), found.getCellText(14), found.getCellText(15)));
            assertTrue(found.getCellText(16).startsWith("整改中：料场全部苫盖，时限 2026-10-23"), found.getCellText(16));
            assertTrue(found.getCellText(17).contains("阜环罚〔2026〕3号") && found.getCellText(17).contains("罚款 20000.00 元"),
                    found.getCellText(17));
            assertEquals("王建国（法定代表人）", found.getCellText(18));

            Row clean = rows.get(2);
            assertEquals(0, new BigDecimal(2).compareTo(clean.getCell(1).asNumber()));
            assertEquals("未发现问题", clean.getCellText(13));
            assertEquals(List.of("私营企业", "其他具体行业", "否"), List.of(clean.getCellText(4), clean.getCellText(5),
                    clean.getCellText(7)));
            assertEquals(CellType.EMPTY, clean.getCell(9) == null ? CellType.EMPTY : clean.getCell(9).getType());
        }
        // the same as CSV: the seed's header line, numbers as plain digits
        String csv = new String(form("problems", "month=2026-10&format=csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF" + String.join(",", PROBLEM_HEADER) + "\r\n"), csv);
        assertTrue(csv.contains("2026-10-14,1,"), csv);
        assertTrue(csv.contains(",115.726855,37.862000,阜城县,古城镇,"), csv);
    }

    @Test
    void theRegistrationFormHasTheSeedsElevenFieldsAndCsvNeutralisesFormulas() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(form("registration", "from=2026-10-01&to=2026-10-31")))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(REGISTRATION_HEADER, rows.get(0).stream().map(c -> c.getText()).toList());
            assertEquals(3, rows.size(), "one row per check");
            Row first = rows.get(1);
            assertEquals(CellType.NUMBER, first.getCell(0).getType());
            assertEquals(CellType.NUMBER, first.getCell(1).getType());
            assertEquals(List.of("王建国", "否", "阜城县工业路1号", "115.726855,37.862000", "有限责任公司", "化工"),
                    List.of(first.getCellText(3), first.getCellText(4), first.getCellText(5), first.getCellText(6),
                            first.getCellText(7), first.getCellText(8)));
            assertTrue(first.getCellText(9).contains("料场未苫盖，扬尘明显（物料扬尘管控不到位）")
                    && first.getCellText(9).contains("整改要求：料场全部苫盖，时限 2026-10-23"), first.getCellText(9));
            assertTrue(first.getCellText(10).contains("执法员"), first.getCellText(10));
        }
        String csv = new String(form("registration", "month=2026-10&format=csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",'=2+3,"), "a cell Excel would run is written with an apostrophe: " + csv);
    }

    @Test
    void theFormsShowTheTargetAsItStoodOnTheCheckDateNotAsItIsToday() throws Exception {
        Api.operator(COUNTY).get("/api/v1/targets/" + f.uscc(0)).then().statusCode(200)
                .body("legalRepresentative", equalTo("李明")).body("address", equalTo("阜城县新区路8号"))
                .body("ultraLowEmission", equalTo(false));
        // the registry as it stood at the end of the check's day (14 October) answers the same
        Api.operator(COUNTY).get("/api/v1/targets/" + f.uscc(0) + "?asOf=2026-10-14").then().statusCode(200)
                .body("legalRepresentative", equalTo("王建国"));
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(form("registration", "month=2026-10")))) {
            Row first = wb.getFirstSheet().read().get(1);
            assertEquals(List.of("王建国", "阜城县工业路1号", "115.726855,37.862000", "有限责任公司"), List.of(first.getCellText(3),
                    first.getCellText(5), first.getCellText(6), first.getCellText(7)));
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(form("problems", "month=2026-10")))) {
            Row found = wb.getFirstSheet().read().get(1);
            assertEquals(List.of("有限责任公司", "是"), List.of(found.getCellText(4), found.getCellText(6)));
            assertEquals(0, new BigDecimal("115.726855").compareTo(found.getCell(9).asNumber()));
            assertEquals(0, new BigDecimal("37.862").compareTo(found.getCell(10).asNumber()));
        }
    }

    @Test
    void aTargetRegisteredOnlyAfterItsCheckShowsTodaysFacts() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(form("registration", "month=2026-09")))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(2, rows.size(), "the September check alone");
            Row row = rows.get(1);
            assertEquals(LocalDate.of(2026, 9, 28), row.getCell(1).asDate().toLocalDate());
            assertEquals(List.of("阜城县补录加工厂", "赵六", "阜城县东环路5号", "115.800000,37.850000", "个体工商户"),
                    List.of(row.getCellText(2), row.getCellText(3), row.getCellText(5), row.getCellText(6), row.getCellText(7)));
        }
    }

    /** The rows (header included) of the problem ledger of a campaign, in October when {@code from} is given. */
    private static int campaignRows(String campaign, String from) throws Exception {
        var request = Api.operator(COUNTY).queryParam("campaign", campaign);
        if (from != null) {
            request = request.queryParam("from", from).queryParam("to", "2026-10-31");
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(request.get("/api/v1/ledger-forms/problems")
                .then().statusCode(200).extract().asByteArray()))) {
            return wb.getFirstSheet().read().size();
        }
    }

    @Test
    void aCityReadsItsCountiesAndBadScopesAreProblems() throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(Api.as("city", "131100")
                .get("/api/v1/ledger-forms/problems?region=" + COUNTY + "&month=2026-10").then().statusCode(200)
                .extract().asByteArray()))) {
            assertEquals(3, wb.getFirstSheet().read().size());
        }
        // a campaign is the checks of the directed draws carrying its tags, narrowed by a range if given
        assertEquals(2, campaignRows("class=KEY", null), "the directed draw's one check");
        assertEquals(1, campaignRows("class=KEY", "2026-10-01"), "its check was in November");
        assertEquals(1, campaignRows("industry=纺织业", null), "no directed draw of that tag");
        Api.operator("131127").get("/api/v1/ledger-forms/problems?region=" + COUNTY + "&month=2026-10").then().statusCode(403)
                .contentType("application/problem+json");
        for (String query : List.of("", "month=2026-13", "month=2026-10&from=2026-10-01", "from=2026-10-01",
                "from=2026-10-31&to=2026-10-01", "from=2026-01-01&to=2027-06-30", "campaign=industry", "campaign=color",
                "month=2026-10&format=pdf")) {
            Api.operator(COUNTY).get("/api/v1/ledger-forms/problems" + (query.isEmpty() ? "" : "?" + query)).then().statusCode(400)
                    .contentType("application/problem+json").body("type", endsWith("/problems/validation-failed"));
        }
        Api.operator(COUNTY).get("/api/v1/ledger-forms/registration?month=2026-10&region=999999").then().statusCode(422)
                .body("type", endsWith("/problems/unknown-region"));
        Api.anonymous().get("/api/v1/ledger-forms/registration?month=2026-10").then().statusCode(401);
        Api.operator(COUNTY).get("/api/v1/ledger-forms/registration?month=2026-10").then()
                .header("Content-Disposition", containsString(".xlsx")).statusCode(equalTo(200));
    }
}
