package cn.doublerandom.report;

import cn.doublerandom.support.Api;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Reading reports in tests: decimals stay BigDecimal ("66.67" is 66.67 with two decimals, never a float). */
final class Reports {

    private Reports() {
    }

    static JsonPath get(String role, String region, String path) {
        String body = Api.as(role, region).get(path).then().statusCode(200).contentType("application/json").extract().asString();
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static BigDecimal dec(String text) {
        return text == null ? null : new BigDecimal(text);
    }

    /**
     * Asserts a Figures object: checks, problems, problemRate, violations, violationRate, nonSite,
     * nonSiteShare, nonSiteViolations, nonSiteViolationShare, positiveListOnSite, publishable,
     * publishedOnTime, onTimeRate (decimals as text, null for "—").
     */
    static void figures(JsonPath j, String at, int checks, int problems, String problemRate, int violations, String violationRate,
                        int nonSite, String nonSiteShare, int nonSiteViolations, String nonSiteViolationShare,
                        Integer positiveListOnSite, Integer publishable, Integer publishedOnTime, String onTimeRate) {
        List<Object> expected = List.of(checks, problems, String.valueOf(problemRate), violations, String.valueOf(violationRate),
                nonSite, String.valueOf(nonSiteShare), nonSiteViolations, String.valueOf(nonSiteViolationShare),
                String.valueOf(positiveListOnSite), String.valueOf(publishable), String.valueOf(publishedOnTime),
                String.valueOf(onTimeRate));
        List<Object> actual = List.of(j.getInt(at + ".checks"), j.getInt(at + ".problems"), text(j.get(at + ".problemRate")),
                j.getInt(at + ".violations"), text(j.get(at + ".violationRate")), j.getInt(at + ".nonSite"),
                text(j.get(at + ".nonSiteShare")), j.getInt(at + ".nonSiteViolations"), text(j.get(at + ".nonSiteViolationShare")),
                text(j.get(at + ".positiveListOnSite")), text(j.get(at + ".publishable")), text(j.get(at + ".publishedOnTime")),
                text(j.get(at + ".onTimeRate")));
        assertEquals(expected, actual, at);
    }

    /** A sheet of a report's .xlsx as a spreadsheet reader sees it: the title block, the header and the rows, cell by cell. */
    record Sheet(List<String> title, List<String> header, List<List<org.dhatim.fastexcel.reader.Cell>> rows) {

        /** The rows as text: a number as its plain decimal ("6", "0.6667"), an empty cell null. */
        List<List<String>> text() {
            return rows.stream().map(r -> r.stream().map(c -> c == null || c.getType() == org.dhatim.fastexcel.reader.CellType.EMPTY ? null
                    : c.getType() == org.dhatim.fastexcel.reader.CellType.NUMBER ? new BigDecimal(c.getRawValue()).stripTrailingZeros().toPlainString()
                    : c.getText()).toList()).toList();
        }
    }

    static Sheet sheet(byte[] xlsx, int index) {
        try (org.dhatim.fastexcel.reader.ReadableWorkbook wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx), new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            List<org.dhatim.fastexcel.reader.Row> rows = wb.getSheets().toList().get(index).read();
            int head = cn.doublerandom.report.render.ReportWorkbook.TITLE_ROWS - 1;
            List<String> title = rows.subList(0, 4).stream().map(r -> r.getCellText(0)).toList();
            int width = rows.get(head).getCellCount();
            List<String> header = new java.util.ArrayList<>();
            for (int c = 0; c < width; c++) {
                header.add(rows.get(head).getCellText(c));
            }
            List<List<org.dhatim.fastexcel.reader.Cell>> data = new java.util.ArrayList<>();
            for (org.dhatim.fastexcel.reader.Row r : rows.subList(head + 1, rows.size())) {
                List<org.dhatim.fastexcel.reader.Cell> cells = new java.util.ArrayList<>();
                for (int c = 0; c < width; c++) {
                    cells.add(c < r.getCellCount() ? r.getCell(c) : null);
                }
                data.add(cells);
            }
            return new Sheet(title, header, data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A number as JSON wrote it: BigDecimal keeps its scale ("50.00"); null stays "null". */
    static String text(Object o) {
        return o instanceof BigDecimal d ? d.toPlainString() : String.valueOf(o);
    }
}
