package cn.doublerandom.report.render;

import java.util.List;

/**
 * One table of a report as bureaus file it: a sheet of the .xlsx download, the .csv download (when
 * chosen with {@code table=}), and a table of the HTML page. Cells are text, as printed ("9.85", "—").
 *
 * @param name    a short stable name: the csv choice and the xlsx sheet name
 * @param caption the Chinese title over the table
 */
public record ReportTable(String name, String caption, List<String> header, List<List<String>> rows) {

    public ReportTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }
}
