package cn.doublerandom.report.render;

import java.util.List;

/**
 * A report as the city hands it to its leadership: a title, what it covers, notes on how the figures
 * are counted, its tables and one bar chart per figure. The .xlsx and .csv downloads are its tables;
 * the HTML page is all of it.
 *
 * @param fileName the download's base name, e.g. 执法考核-130400-2026Q2
 */
public record ReportDocument(String title, String subtitle, String fileName, List<String> notes, List<ReportTable> tables,
                             List<BarChart> charts) {

    public ReportDocument {
        notes = List.copyOf(notes);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
    }
}
