package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The monthly detail table (by the 8th) and the quarterly summary over ReportFixture's data. */
@QuarkusTest
class MonthlyReportTest {

    @Inject
    ServiceClock clock;

    @Inject
    PublicationService publication;

    @BeforeEach
    void data() {
        ReportFixture.ensure(clock, publication);
        ReportFixture.at(clock, "2026-07-20T02:00:00Z");
    }

    @AfterEach
    void resetClock() {
        clock.use(Clock.systemUTC());
    }

    static String authority(String code) {
        return "authorities.find { it.authority == '" + code + "' }";
    }

    private static String teamText(String role) {
        List<String> team = ReportFixture.team.get(role);
        return names(team.get(0)) + "、" + names(team.get(1));
    }

    private static String names(String code) {
        // RP130402-3 is 报表执法员A3
        String county = code.substring(2, 8);
        String letter = county.equals(ReportFixture.A) ? "A" : county.equals(ReportFixture.B) ? "B" : county.equals(ReportFixture.C) ? "C" : "E";
        return "报表执法员" + letter + code.substring(9) + "（" + code + "）";
    }

    @Test
    void everyRandomInspectionOfTheMonthWithItsPublication() {
        JsonPath j = Reports.get("city", "130400", "/api/v1/reports/monthly?region=130400&month=2026-05");
        assertEquals("2026-06-08", j.getString("dueBy"), "by the 8th of the next month");
        assertEquals(20, j.getList("authorities").size(), "every county, even with nothing; the city bureau only with rows");
        String a = authority("130402");
        assertEquals(2, j.getInt(a + ".inspections"));
        Map<String, Object> t2 = j.getMap(a + ".rows[0]");
        assertEquals(1, t2.get("no"));
        assertEquals(ReportFixture.result.get("A.t2"), t2.get("resultId"));
        assertEquals("2026-05-06", t2.get("inspectionDate"));
        assertEquals(ReportFixture.name.get("A.t2"), t2.get("enterpriseName"));
        assertEquals(ReportFixture.uscc.get("A.t2"), t2.get("uscc"));
        assertEquals(ReportFixture.ITEM_1 + "；" + ReportFixture.ITEM_2, t2.get("items"));
        assertEquals(teamText("A.t2"), t2.get("team"));
        assertEquals("科技检查（非现场）", t2.get("method"));
        assertEquals("未发现问题", t2.get("wording"));
        assertEquals("已公示", t2.get("publication"));
        assertEquals("2026-06-30", t2.get("publishedDate"));
        assertEquals("/results/" + ReportFixture.result.get("A.t2"), t2.get("link"));
        Map<String, Object> t3 = j.getMap(a + ".rows[1]");
        assertEquals("2026-05-20", t3.get("inspectionDate"));
        assertEquals("发现问题待处理", t3.get("wording"));
        assertEquals(true, t3.get("violationFound"));
        assertEquals(1, t3.get("problems"));
        assertEquals("立案处罚", t3.get("handling"));
        assertEquals("逾期未公示（期限 2026-06-17）", t3.get("publication"), "held, and past its deadline");
        assertEquals(null, t3.get("link"));
        assertEquals(List.of(ReportFixture.result.get("B.b1")), j.getList(authority("130403") + ".rows.resultId"));
        assertEquals("2026-05-31", j.getString(authority("130403") + ".rows[0].publishedDate"));
        assertEquals(List.of(ReportFixture.result.get("C.c2")), j.getList(authority("130404") + ".rows.resultId"));
        assertEquals(0, j.getInt(authority("130406") + ".inspections"));

        // a held result not yet past its deadline reads as held
        ReportFixture.at(clock, "2026-06-10T02:00:00Z");
        JsonPath before = Reports.get("operator", "130402", "/api/v1/reports/monthly?month=2026-05");
        assertEquals("暂缓公示（期限 2026-06-17）", before.getString("authorities[0].rows[1].publication"));
        // default: last month
        assertEquals("2026-05", before.getString("month"));
    }

    @Test
    void theMonthlyTableDownloadsWithItsLinks() {
        byte[] xlsx = Api.as("city", "130400").get("/api/v1/reports/monthly?region=130400&month=2026-05&format=xlsx")
                .then().statusCode(200).extract().asByteArray();
        Reports.Sheet detail = Reports.sheet(xlsx, 0);
        assertEquals(4, detail.rows().size());
        assertEquals("公示网址", detail.header().get(16));
        List<String> first = detail.text().get(0);
        assertEquals(List.of("邯郸市生态环境局邯山区分局", "130402", "1", "2026-05-06", ReportFixture.name.get("A.t2"), ReportFixture.uscc.get("A.t2")),
                first.subList(0, 6));
        assertEquals("/results/" + ReportFixture.result.get("A.t2"), first.get(16));
        JsonPath empty = Reports.get("city", "130400", "/api/v1/reports/monthly?region=130400&month=2026-01");
        assertEquals(0, (int) empty.getList("authorities.inspections", Integer.class).stream().mapToInt(Integer::intValue).sum());
        String html = Api.as("city", "130400").get("/api/v1/reports/monthly?region=130400&month=2026-01&format=html").asString();
        assertTrue(html.contains("id=\"empty-detail\""), "an empty month says so");
    }

    @Test
    void theQuarterlySummaryKeepsRandomAndTargetedApart() {
        JsonPath j = Reports.get("city", "130400", "/api/v1/reports/quarterly?region=130400&quarter=2026Q2");
        assertEquals("2026-07-08", j.getString("dueBy"));
        String a = authority("130402");
        assertEquals(List.of(4, 3, 2, 2), List.of(j.getInt(a + ".random.checks"), j.getInt(a + ".random.problems"),
                j.getInt(a + ".random.violations"), j.getInt(a + ".random.nonSite")));
        assertEquals(List.of("NO_PROBLEM:未发现问题:2", "CORRECTED:发现问题已责令改正:1", "PENDING_HANDLING:发现问题待处理:1"),
                counts(j, a + ".random.wordings"));
        assertEquals(List.of("DUST_CONTROL:物料扬尘管控不到位:2", "FACILITY_NOT_RUNNING:污染防治设施不正常运行:1"),
                counts(j, a + ".random.problemTypes"));
        assertEquals(List.of("NONE:无需处理:2", "CASE_FILED:立案处罚:1", "IMMEDIATE_CORRECTION:立行立改:1"), counts(j, a + ".random.handling"));
        assertEquals(List.of("COMPLAINT:投诉举报:1", "DATA_LEAD:数据分析或监测发现问题线索:1"), counts(j, a + ".targeted.sources"));
        assertEquals(List.of(), counts(j, a + ".random.sources"));
        assertEquals(2, j.getInt(a + ".targeted.checks"));
        assertEquals("130402", j.getString(a + ".compliance.authority"));
        assertEquals(3, j.getList(a + ".compliance.flags").size());
        assertEquals(0, j.getInt(authority("130406") + ".random.checks"));

        byte[] csv = Api.as("city", "130400").get("/api/v1/reports/quarterly?region=130400&quarter=2026Q2&format=csv")
                .then().statusCode(200).extract().asByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\n邯郸市生态环境局肥乡区分局,130407,是（"), text);
        assertTrue(text.contains("）,2,2,2,2,0,0,2,0,0,1,0,0,0,无\r\n"),
                "E: required 2, drawn 2, inspected 2, 2 on time; 2 random checks, 1 non-site; no gap\n" + text);
    }

    private static List<String> counts(JsonPath j, String path) {
        return j.getList(path + ".collect { it.code + ':' + it.label + ':' + it.count }");
    }
}
