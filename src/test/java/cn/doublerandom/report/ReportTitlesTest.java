package cn.doublerandom.report;

import cn.doublerandom.report.render.ReportTitle;
import cn.doublerandom.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every report's title, in every file it is written to: the JSON's {@code title}, the page's title and
 * heading, each workbook sheet's title row and the standalone charts, all the one title, with the period
 * in Chinese and no loose space; the scope line under it likewise. Read-only: 石家庄 (130100) in
 * periods no test writes to, each period form once (a quarter, a month, a year).
 */
@QuarkusTest
class ReportTitlesTest {

    record Report(String path, String expected, List<String> charts) {
    }

    static final List<Report> REPORTS = List.of(
            new Report("assessment?region=130100&quarter=2024Q1", "石家庄市2024年第一季度执法检查统计与排名", List.of("checks", "positiveListOnSite")),
            new Report("compliance?region=130100&quarter=2024Q1", "石家庄市2024年第一季度抽查比例落实情况", List.of()),
            new Report("monthly?region=130100&month=2024-02", "石家庄市2024年2月“双随机、一公开”情况明细表", List.of()),
            new Report("quarterly?region=130100&quarter=2024Q1", "石家庄市2024年第一季度“双随机、一公开”监管工作落实情况", List.of()),
            new Report("activity?region=130100&month=2024-02", "石家庄市2024年2月执法人员移动执法活跃情况", List.of("average")),
            new Report("accountability?region=130100&year=2024", "石家庄市2024年“应查出而未查出”责任倒查", List.of()),
            new Report("registry-changes?region=130100&quarter=2024Q1", "石家庄市2024年第一季度检查人员名录库、检查对象名录库调整情况", List.of()),
            new Report("inspector-ranking?region=130100&period=2024Q1", "石家庄市2024年第一季度执法人员检查次数排名及持证率",
                    List.of("certifiedShare")),
            new Report("inspector-ranking?region=130100&period=2024-02", "石家庄市2024年2月执法人员检查次数排名及持证率", List.of()),
            new Report("inspector-ranking?region=130100&period=2024", "石家庄市2024年执法人员检查次数排名及持证率", List.of()));

    @Test
    void everyReportCarriesOneWellFormedTitleInEveryFile() {
        for (Report r : REPORTS) {
            String path = "/api/v1/reports/" + r.path();
            JsonPath json = Reports.get("city", "130100", path);
            String title = json.getString("title");
            assertEquals(r.expected(), title, path);
            assertTrue(ReportTitle.wellFormed(title), title);

            String page = Api.as("city", "130100").get(path + "&format=html").then().statusCode(200).extract().asString();
            assertEquals(title, between(page, "<title>", "</title>"), path);
            assertEquals(title, between(page, "<h1 id=\"title\">", "</h1>"), path);
            String scope = between(page, "<p class=\"subtitle\" id=\"subtitle\">", "</p>");
            assertTrue(ReportTitle.wellFormed(scope), path + ": " + scope);

            byte[] xlsx = Api.as("city", "130100").get(path + "&format=xlsx").then().statusCode(200).extract().asByteArray();
            for (int sheet = 0; sheet < sheets(xlsx); sheet++) {
                Reports.Sheet s = Reports.sheet(xlsx, sheet);
                assertTrue(s.title().get(0).startsWith(title + "："), path + " sheet " + sheet + ": " + s.title().get(0));
                assertEquals(scope, s.title().get(1), path + " sheet " + sheet);
                assertTrue(s.title().get(3).matches("制表日期：\\d{4}年\\d{1,2}月\\d{1,2}日"), s.title().get(3));
            }

            for (String chart : r.charts()) {
                String svg = Api.as("city", "130100").get(path + "&format=svg&table=" + chart).then().statusCode(200)
                        .contentType(startsWith("image/svg+xml")).extract().asString();
                String heading = between(svg, "<title>", "</title>");
                assertTrue(heading.startsWith(title + "："), path + " " + chart + ": " + heading);
                assertTrue(svg.contains("font-weight=\"600\" fill=\"#1a1a1a\">" + heading + "</text>"), "the first line: " + heading);
            }
        }
    }

    private static String between(String text, String from, String to) {
        int i = text.indexOf(from);
        assertTrue(i >= 0, from + " in " + text.substring(0, Math.min(400, text.length())));
        int j = text.indexOf(to, i + from.length());
        return text.substring(i + from.length(), j).strip();
    }

    private static int sheets(byte[] xlsx) {
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx))) {
            return (int) wb.getSheets().count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
