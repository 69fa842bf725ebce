package cn.doublerandom.report;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.publication.PublicationService;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.doublerandom.report.Reports.figures;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The city's assessment of its counties (seed 000) over ReportFixture's quarter: every figure, rate and rank. */
@QuarkusTest
class AssessmentReportTest {

    static final String Q2 = "/api/v1/reports/assessment?region=130400&quarter=2026Q2";

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

    static String unit(String code) {
        return "units.find { it.code == '" + code + "' }";
    }

    @Test
    void everyFigureOfEveryCountyAndTheCityTotal() {
        JsonPath j = Reports.get("city", "130400", Q2);
        assertEquals("邯郸市", j.getString("regionName"));
        assertEquals(21, j.getList("units").size(), "the 20 county-level units of 130400 and the city bureau itself");
        assertEquals("130402", j.getString("units[0].code"));
        assertEquals("邯郸市本级", j.getString("units[20].name"));
        assertTrue(j.getBoolean("units[20].own"));

        // A: 4 random (t0 2 problems, t3 1; t2 and t3 non-site; t1 positive list on site; t2 late, t3 held) + 2 targeted
        figures(j, unit("130402") + ".all", 6, 4, "66.67", 3, "50.00", 3, "50.00", 1, "33.33", 1, 4, 2, "50.00");
        figures(j, unit("130402") + ".random", 4, 3, "75.00", 2, "50.00", 2, "50.00", 1, "50.00", 1, 4, 2, "50.00");
        figures(j, unit("130402") + ".targeted", 2, 1, "50.00", 1, "50.00", 1, "50.00", 0, "0.00", null, null, null, null);
        // B: b2 confidential is not publishable
        figures(j, unit("130403") + ".all", 6, 2, "33.33", 2, "33.33", 3, "50.00", 0, "0.00", 0, 2, 2, "100.00");
        figures(j, unit("130403") + ".random", 3, 1, "33.33", 1, "33.33", 2, "66.67", 0, "0.00", 0, 2, 2, "100.00");
        // C: c3 was inspected on 07-02, in the next quarter
        figures(j, unit("130404") + ".all", 6, 2, "33.33", 2, "33.33", 4, "66.67", 1, "50.00", 0, 3, 3, "100.00");
        figures(j, unit("130404") + ".targeted", 3, 1, "33.33", 1, "33.33", 2, "66.67", 1, "100.00", null, null, null, null);
        figures(j, unit("130407") + ".all", 2, 0, "0.00", 0, "0.00", 1, "50.00", 0, null, 0, 2, 2, "100.00");
        // a county with no inspectors, and the city bureau: zeros, and no rate rather than a division by zero
        figures(j, unit("130406") + ".all", 0, 0, null, 0, null, 0, null, 0, null, 0, 0, 0, null);
        figures(j, unit("130400") + ".all", 0, 0, null, 0, null, 0, null, 0, null, 0, 0, 0, null);

        figures(j, "total.all", 20, 8, "40.00", 7, "35.00", 11, "55.00", 2, "28.57", 1, 11, 9, "81.82");
        figures(j, "total.random", 12, 5, "41.67", 4, "33.33", 7, "58.33", 1, "25.00", 1, 11, 9, "81.82");
        figures(j, "total.targeted", 8, 3, "37.50", 3, "37.50", 4, "50.00", 1, "33.33", null, null, null, null);

        // 出动执法人员人次: two members on every check; 非现场发现问题: A's t3 and C's targeted 06-20, each one problem
        assertEquals(List.of(12, 12, 12, 4, 0, 40), List.of(j.getInt(unit("130402") + ".all.inspectorTrips"),
                j.getInt(unit("130403") + ".all.inspectorTrips"), j.getInt(unit("130404") + ".all.inspectorTrips"),
                j.getInt(unit("130407") + ".all.inspectorTrips"), j.getInt(unit("130406") + ".all.inspectorTrips"),
                j.getInt("total.all.inspectorTrips")));
        assertEquals(List.of(1, 0, 1, 2), List.of(j.getInt(unit("130402") + ".all.nonSiteProblems"),
                j.getInt(unit("130403") + ".all.nonSiteProblems"), j.getInt(unit("130404") + ".all.nonSiteProblems"),
                j.getInt("total.all.nonSiteProblems")));

        // 2026Q1 had nothing: the change is the figure itself, with no percent of a previous 0; a rate had no previous value
        assertEquals("2026Q1", j.getString("previousQuarter"));
        assertEquals(List.of("0", "6", "null"), List.of(Reports.text(j.get(unit("130402") + ".changes.checks.previous")),
                Reports.text(j.get(unit("130402") + ".changes.checks.difference")),
                Reports.text(j.get(unit("130402") + ".changes.checks.percent"))));
        assertNull(j.get(unit("130402") + ".changes.problemRate.difference"));
        assertEquals("20", Reports.text(j.get("total.changes.checks.difference")));
        // the city's violation rate is 35.00%: A (50.00) is above it, B (33.33) not; E (0.00) is under 1%; no checks, no flag
        assertEquals(List.of(true, false), List.of(j.getBoolean(unit("130402") + ".flags.aboveAverage"),
                j.getBoolean(unit("130402") + ".flags.belowLow")));
        assertEquals(List.of(false, false), List.of(j.getBoolean(unit("130403") + ".flags.aboveAverage"),
                j.getBoolean(unit("130403") + ".flags.belowLow")));
        assertEquals(List.of(false, true), List.of(j.getBoolean(unit("130407") + ".flags.aboveAverage"),
                j.getBoolean(unit("130407") + ".flags.belowLow")));
        assertNull(j.get(unit("130406") + ".flags.aboveAverage"));
        assertTrue(j.getBoolean(unit("130402") + ".ranked"));
        assertFalse(j.getBoolean(unit("130400") + ".ranked"));
    }

    @Test
    void ranksAreDescendingAndTiesShareARank() {
        JsonPath j = Reports.get("city", "130400", Q2);
        Map<String, List<Integer>> expected = new HashMap<>();
        // A, B, C, E, 130406 (nothing), the city bureau (not ranked)
        expected.put("inspectorTrips", ranks(1, 1, 1, 4, 5, null));
        expected.put("checks", ranks(1, 1, 1, 4, 5, null));
        expected.put("problems", ranks(1, 2, 2, 4, 4, null));
        expected.put("problemRate", ranks(1, 2, 2, 4, null, null));
        expected.put("violations", ranks(1, 2, 2, 4, 4, null));
        expected.put("violationRate", ranks(1, 2, 2, 4, null, null));
        expected.put("nonSite", ranks(2, 2, 1, 4, 5, null));
        expected.put("nonSiteShare", ranks(2, 2, 1, 2, null, null));
        expected.put("nonSiteProblems", ranks(1, 3, 1, 3, 3, null));
        expected.put("nonSiteViolations", ranks(1, 3, 1, 3, 3, null));
        // fewer is better: A's one positive-list check on site ranks it last of the 20 counties
        expected.put("positiveListOnSite", ranks(20, 1, 1, 1, 1, null));
        expected.put("publishedOnTime", ranks(2, 2, 1, 2, 5, null));
        expected.put("onTimeRate", ranks(4, 1, 1, 1, null, null));
        for (var e : expected.entrySet()) {
            List<Integer> actual = new ArrayList<>();
            for (String code : List.of("130402", "130403", "130404", "130407", "130406", "130400")) {
                actual.add(j.get(unit(code) + ".ranks." + e.getKey()));
            }
            assertEquals(e.getValue(), actual, e.getKey());
        }
        assertEquals(13, j.getList("figures").size());
        assertEquals("发现问题率", j.getString("figures[3].label"));
        assertEquals("FEWER_IS_BETTER", j.getString("figures.find { it.key == 'positiveListOnSite' }.direction"));
    }

    /**
     * The default scheme by hand over the 20 counties of 130400 (A=130402, B=130403, C=130404, E=130407, 16 without
     * checks, among them 130406; the city bureau is not scored).
     * daily: checks and inspectorTrips (two members a check) A,B,C rank 1 (10), E and the empty ones rank 4/5 (8);
     * nonSiteShare C 1, A,B,E 2 (10 each), none for the empty; problemRate A 1, B,C 2 (10), E 4 (8).
     * A=B=C=40, E=34, empty 16.
     * violations: count A 1, B,C 2 (10), the 17 zeros rank 4 (8); rate >=3% 10 (A,B,C), E 0%; non-site violations
     * A,C 1, the 18 zeros rank 3: 10 for all. A=B=C=30, E=empty=18.
     * conduct: positive-list on-site checks, fewer is better: A's one check ranks it 20th (0), the rest rank 1 (15);
     * on-time rate 100% scores 15 (B,C,E), A's 50% 0, no rate 0. A=0, B=C=E=30, empty 15.
     * overall: B=C=100 (1), E=82 (3), A=70 (4), empty 49 (5).
     */
    @Test
    void scoresRankEachBlockWithSharedRanksAndFewerIsBetterWhereTheSchemeSaysSo() {
        JsonPath j = Reports.get("city", "130400", Q2);
        assertEquals(List.of("overall", "daily", "violations", "conduct"), j.getList("scores.key"));
        assertEquals(List.of("执法考核整体", "日常执法监管", "违法问题查处", "规范执法行为"), j.getList("scores.name"));
        for (int b = 0; b < 4; b++) {
            assertEquals(20, j.getList("scores[" + b + "].entries").size(), "the counties, not the city bureau");
            assertFalse(j.getList("scores[" + b + "].entries.code").contains("130400"));
        }
        score(j, 0, 4, List.of("130403", "130404", "130407", "130402", "130406"), List.of("100.00", "100.00", "82.00", "70.00", "49.00"),
                List.of(1, 1, 3, 4, 5));
        score(j, 1, 4, List.of("130402", "130403", "130404", "130407", "130406"), List.of("40.00", "40.00", "40.00", "34.00", "16.00"),
                List.of(1, 1, 1, 4, 5));
        score(j, 2, 3, List.of("130402", "130403", "130404", "130407", "130406"), List.of("30.00", "30.00", "30.00", "18.00", "18.00"),
                List.of(1, 1, 1, 4, 4));
        score(j, 3, 3, List.of("130403", "130404", "130407", "130406"), List.of("30.00", "30.00", "30.00", "15.00"), List.of(1, 1, 1, 4));
        assertEquals("130402", j.getString("scores[3].entries[19].code"), "A's one positive-list check on site ranks it last");
        assertEquals("0.00", Reports.text(j.get("scores[3].entries[19].score")));
        assertEquals(20, (Integer) j.get("scores[3].entries[19].indicators.find { it.figure == 'positiveListOnSite' }.rank"));
        assertEquals(1, (Integer) j.get("scores[3].entries[0].indicators.find { it.figure == 'positiveListOnSite' }.rank"));
        assertEquals("邯山区", j.getString("scores[3].entries[19].name"));
        // the empty county: no problem rate, so no rank and no points on it
        String empty = "scores[1].entries.find { it.code == '130406' }.indicators.find { it.figure == 'problemRate' }";
        assertNull(j.get(empty + ".rank"));
        assertEquals("0", Reports.text(j.get(empty + ".points")));
    }

    /** Entries of a block: the first {@code ordered} at the head in this order; scores (two decimals) and ranks of all given. */
    private static void score(JsonPath j, int block, int ordered, List<String> codes, List<String> scores, List<Integer> ranks) {
        String at = "scores[" + block + "].entries";
        List<String> actualCodes = new ArrayList<>();
        List<String> actualScores = new ArrayList<>();
        List<Integer> actualRanks = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            String e = at + ".find { it.code == '" + code + "' }";
            actualCodes.add(i < ordered ? j.getString(at + "[" + i + "].code") : code);
            actualScores.add(Reports.text(j.get(e + ".score")));
            actualRanks.add(j.get(e + ".rank"));
        }
        assertEquals(codes, actualCodes, at);
        assertEquals(scores, actualScores, at);
        assertEquals(ranks, actualRanks, at);
    }

    private static List<Integer> ranks(Integer... r) {
        return java.util.Arrays.asList(r);
    }

    @Test
    void anEmptyQuarterIsZerosWithoutRatesAndEveryoneShareRankOne() {
        JsonPath j = Reports.get("city", "130400", "/api/v1/reports/assessment?region=130400&quarter=2026Q1");
        figures(j, "total.all", 0, 0, null, 0, null, 0, null, 0, null, 0, 0, 0, null);
        figures(j, unit("130402") + ".random", 0, 0, null, 0, null, 0, null, 0, null, 0, 0, 0, null);
        assertEquals(1, (Integer) j.get(unit("130402") + ".ranks.checks"));
        assertEquals(1, (Integer) j.get(unit("130481") + ".ranks.checks"));
        assertNull(j.get(unit("130402") + ".ranks.problemRate"));
    }

    @Test
    void aCountyReadsItselfAloneAndAProvinceRanksItsCities() {
        JsonPath own = Reports.get("operator", "130402", "/api/v1/reports/assessment?quarter=2026Q2");
        assertEquals(1, own.getList("units").size());
        figures(own, "units[0].all", 6, 4, "66.67", 3, "50.00", 3, "50.00", 1, "33.33", 1, 4, 2, "50.00");
        assertEquals(1, (Integer) own.get("units[0].ranks.problemRate"));
        JsonPath none = Reports.get("operator", ReportFixture.NO_INSPECTORS, "/api/v1/reports/assessment?quarter=2026Q2");
        figures(none, "total.all", 0, 0, null, 0, null, 0, null, 0, null, 0, 0, 0, null);

        JsonPath province = Reports.get("auditor", "130000", "/api/v1/reports/assessment?region=130000&quarter=2026Q2");
        assertEquals("河北省本级", province.getString("units[-1].name"));
        assertEquals("邯郸市", province.getString(unit("130400") + ".name"));
        figures(province, unit("130400") + ".all", 20, 8, "40.00", 7, "35.00", 11, "55.00", 2, "28.57", 1, 11, 9, "81.82");
    }

    @Test
    void theTablesAsXlsxAndCsvAndThePageAsHtml() throws Exception {
        byte[] xlsx = Api.as("city", "130400").get(Q2 + "&format=xlsx").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E6%89%A7%E6%B3%95%E8%80%83%E6%A0%B8-130400-2026Q2.xlsx"))
                .extract().asByteArray();
        assertEquals(5, sheets(xlsx), "the score blocks, the figures behind the scores, the ranking, the changes, the random/targeted tables");
        Reports.Sheet ranking = Reports.sheet(xlsx, 2);
        assertEquals(List.of("邯郸市2026年第二季度执法检查统计与排名：各单位检查情况及排名（全部检查）",
                "统计范围：邯郸市（130400）所辖单位；2026年第二季度", "制表单位：邯郸市生态环境局", "制表日期：2026年7月20日"), ranking.title());
        assertEquals(List.of("单位", "区划代码", "出动执法人员（人次）", "出动执法人员名次", "检查企业（家次）"), ranking.header().subList(0, 5));
        assertEquals(22, ranking.rows().size(), "21 units and the total");
        List<String> a = ranking.text().get(0);
        assertEquals(List.of("邯山区", "130402", "12", "1", "6", "1", "4", "1", "0.6667", "1"), a.subList(0, 10));
        // numbers are numbers, the rate a percent-formatted fraction, the region code text
        List<org.dhatim.fastexcel.reader.Cell> cells = ranking.rows().get(0);
        assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, cells.get(1).getType());
        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, cells.get(2).getType());
        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, cells.get(8).getType());
        assertEquals("发现问题率（%）", ranking.header().get(8));
        assertEquals("0.00%", cells.get(8).getDataFormatString());
        List<String> total = ranking.text().get(21);
        assertEquals(java.util.Arrays.asList("邯郸市合计", "130400", "40", null, "20", null, "8", null, "0.4"), total.subList(0, 9));
        List<org.dhatim.fastexcel.reader.Cell> city = ranking.rows().get(20);
        assertEquals(org.dhatim.fastexcel.reader.CellType.STRING, city.get(8).getType());
        assertEquals("—", city.get(8).getText(), "no checks, no rate");
        assertEquals("不参加排名", city.get(3).getText());
        Reports.Sheet scores = Reports.sheet(xlsx, 0);
        assertEquals(List.of("执法考核整体排名", "得分", "名次", "日常执法监管排名", "得分", "名次", "违法问题查处排名", "得分", "名次",
                "规范执法行为排名", "得分", "名次"), scores.header());
        assertEquals(List.of("丛台区", "100", "1"), scores.text().get(0).subList(0, 3));
        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, scores.rows().get(0).get(1).getType());
        assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, scores.rows().get(0).get(2).getType());

        String csv = new String(Api.as("city", "130400").get(Q2 + "&format=csv&table=kinds").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF单位,区划代码,双随机检查（家次）,双随机发现问题,双随机发现违法问题,双随机非现场检查,针对性检查（家次）"), csv);
        assertTrue(csv.contains("\r\n丛台区,130403,3,1,1,2,3,1,1,1\r\n"), csv);

        Response html = Api.as("city", "130400").get(Q2 + "&format=html");
        html.then().statusCode(200).contentType(startsWith("text/html")).header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Cache-Control", equalTo("no-store"));
        String page = html.asString();
        assertTrue(page.contains("<title>邯郸市2026年第二季度执法检查统计与排名</title>"), page);
        assertEquals(13, page.split("<svg").length - 1, "one chart per figure");
        assertFalse(page.contains("<script"));
        assertTrue(page.contains("<td>邯山区</td>"));
        // charts list the counties, the highest first: C leads the non-site share
        String chart = page.substring(page.indexOf("id=\"chart-nonSiteShare\""));
        assertTrue(chart.indexOf("复兴区") < chart.indexOf("邯山区"), chart.substring(0, 600));
    }

    /** Sheets in the workbook, from the zip's central directory (fastexcel streams entries with data descriptors). */
    static int sheets(byte[] xlsx) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                return (int) zip.stream().filter(e -> e.getName().matches("xl/worksheets/sheet\\d+\\.xml")).count();
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void eachRoleReadsOnlyItsScope() {
        String[][] cases = {
                // role, token region, report region, status
                {"city", "130400", "130400", "200"}, {"city", "130400", "130402", "200"}, {"city", "130500", "130400", "403"},
                {"operator", "130402", "130402", "200"}, {"operator", "130402", "130400", "403"}, {"operator", "130402", "130403", "403"},
                {"auditor", "130400", "130403", "200"}, {"auditor", "130500", "130400", "403"}, {"auditor", "ALL", "130400", "200"},
                {"admin", "130400", "130400", "403"}};
        for (String path : List.of("assessment?quarter=2026Q2", "compliance?quarter=2026Q2", "monthly?month=2026-05",
                "quarterly?quarter=2026Q2", "activity?month=2026-05", "accountability?year=2026")) {
            for (String[] c : cases) {
                Response r = Api.as(c[0], c[1]).get("/api/v1/reports/" + path + "&region=" + c[2]);
                assertEquals(Integer.parseInt(c[3]), r.statusCode(), path + " as " + c[0] + "-" + c[1] + " for " + c[2]);
                if (c[3].equals("403")) {
                    r.then().contentType("application/problem+json").body("type", endsWith("/problems/forbidden"));
                }
            }
            RestAssured.given().get("/api/v1/reports/" + path).then().statusCode(401);
        }
    }

    @Test
    void badInputIsAProblemAndNamesTheField() {
        Object[][] cases = {
                {"/api/v1/reports/assessment?region=130400&quarter=2026Q5", 400, "quarter"},
                {"/api/v1/reports/assessment?region=130400&quarter=2026Q2&format=pdf", 400, "format"},
                {"/api/v1/reports/assessment?region=130400&quarter=2026Q2&format=xlsx&table=ranking", 400, "table"},
                {"/api/v1/reports/assessment?region=130400&quarter=2026Q2&format=csv&table=nope", 400, "table"},
                {"/api/v1/reports/assessment?region=13040&quarter=2026Q2", 400, "region"},
                {"/api/v1/reports/assessment?region=139999&quarter=2026Q2", 422, "region"},
                {"/api/v1/reports/monthly?region=130400&month=2026-13", 400, "month"},
                {"/api/v1/reports/activity?region=130400&month=May", 400, "month"},
                {"/api/v1/reports/accountability?region=130400&year=1999", 400, "year"}};
        for (Object[] c : cases) {
            Api.as("city", "130400").get((String) c[0]).then().statusCode((Integer) c[1]).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(c[2]));
        }
        Api.as("auditor", "ALL").get("/api/v1/reports/assessment").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("region"));
    }
}
