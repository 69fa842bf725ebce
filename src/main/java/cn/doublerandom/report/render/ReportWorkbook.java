package cn.doublerandom.report.render;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A report's tables as the .xlsx a bureau forwards to its leadership: per sheet a title block (the
 * report, what it covers, 制表单位, 制表日期) over the table; figures written as numbers so that SUM and
 * sort work, a column headed "（%）" as percent-formatted numbers (9.85 is written 0.0985, shown
 * 9.85%); codes (区划代码, 编号, USCCs) and "—" stay text; widths fitted to the widest cell; every cell
 * in a font that renders Chinese.
 */
public final class ReportWorkbook {

    /** The font of every cell: SimSun ships with every Chinese Windows and renders CJK. */
    static final String FONT = "宋体";
    /** Rows above a table's header: title, scope, 制表单位, 制表日期, a blank line. */
    public static final int TITLE_ROWS = 5;
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");
    /**
     * Columns of codes, addresses and dates: named by a code word anywhere, or ending in a date word
     * ("检查日期"), since a count may name its period ("季度内已检查", "比上季度增减（家次）") and is still a number.
     */
    private static final Pattern CODE_HEADER = Pattern.compile(".*(代码|编号|证号|号码|网址).*|.*(日期|月份|季度)");

    private ReportWorkbook() {
    }

    /** Whether a column holds percents: its header ends with a percent unit. */
    static boolean percentColumn(String header) {
        return header != null && (header.endsWith("（%）") || header.endsWith("(%)"));
    }

    /** A cell as a number, or null when it is text: a code column, "—", or anything not a plain decimal. */
    static BigDecimal number(String header, String cell) {
        if (cell == null || header == null || CODE_HEADER.matcher(header).matches() || !NUMBER.matcher(cell).matches()) {
            return null;
        }
        return new BigDecimal(cell);
    }

    public static void write(ReportDocument doc, String issuer, String date, OutputStream out) throws IOException {
        // the workbook closes its stream when it finishes; the response's stays open until the server is done
        Workbook wb = new Workbook(new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, "doublerandom", "1.0");
        for (ReportTable t : doc.tables()) {
            sheet(wb.newWorksheet(ReportResponses.sheetName(t.caption())), doc, t, issuer, date);
        }
        wb.finish();
        out.flush();
    }

    private static void sheet(Worksheet ws, ReportDocument doc, ReportTable t, String issuer, String date) {
        int cols = Math.max(1, t.header().size());
        String[] block = {doc.title() + "：" + t.caption(), doc.subtitle(), "制表单位：" + issuer, "制表日期：" + date};
        for (int r = 0; r < block.length; r++) {
            ws.value(r, 0, block[r]);
            if (cols > 1) {
                ws.range(r, 0, r, cols - 1).merge();
            }
            var style = ws.style(r, 0).fontName(FONT);
            if (r == 0) {
                style.bold().fontSize(14);
            }
            style.set();
        }
        ws.rowHeight(0, 24);
        int[] width = new int[cols];
        int head = TITLE_ROWS - 1;
        for (int c = 0; c < t.header().size(); c++) {
            ws.value(head, c, t.header().get(c));
            ws.style(head, c).fontName(FONT).bold().wrapText(true).horizontalAlignment("center").set();
            width[c] = Math.min(display(t.header().get(c)), 24);
        }
        ws.freezePane(0, TITLE_ROWS);
        int r = TITLE_ROWS;
        for (List<String> row : t.rows()) {
            for (int c = 0; c < row.size() && c < cols; c++) {
                String cell = row.get(c);
                if (cell == null || cell.isEmpty()) {
                    continue;
                }
                String header = t.header().get(c);
                BigDecimal n = number(header, cell);
                if (n == null) {
                    ws.value(r, c, cell);
                    ws.style(r, c).fontName(FONT).set();
                } else if (percentColumn(header)) {
                    ws.value(r, c, n.movePointLeft(2));
                    ws.style(r, c).fontName(FONT).format("0.00%").set();
                } else {
                    ws.value(r, c, n);
                    ws.style(r, c).fontName(FONT).format(n.scale() > 0 ? "0.00" : "0").set();
                }
                width[c] = Math.max(width[c], display(cell) + (percentColumn(header) ? 1 : 0));
            }
            r++;
        }
        for (int c = 0; c < cols; c++) {
            ws.width(c, Math.min(Math.max(width[c] + 2, 6), 60));
        }
    }

    /** The width of text in Excel's character units: a CJK character takes two. */
    static int display(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) < 0x2E80 ? 1 : 2;
        }
        return w;
    }
}
