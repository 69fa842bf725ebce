package cn.doublerandom.registry.tabular;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a header and rows as .xlsx or .csv, streaming to an OutputStream (rows are consumed from
 * an Iterable as they are written; the OutputStream is flushed but not closed). {@code null} and
 * "" are written as blank cells. Stateless; all methods are static.
 */
public final class TableWriter {
    /** Excel's maximum number of characters in one cell. */
    public static final int MAX_CELL_CHARS = 32_767;
    /** Excel's maximum number of data rows below one header row. */
    public static final int MAX_XLSX_DATA_ROWS = 1_048_575;

    private static final int FLUSH_EVERY_ROWS = 1_000;

    private TableWriter() {
    }

    /**
     * Writes .xlsx with one sheet: the header row is bold and frozen; every text value is written as a
     * text cell (inline string), and all columns get the text number format "@", so identifiers
     * like USCCs, "0123" or long digit strings stay text also when a user edits the file. Only a
     * {@link Number} or {@link LocalDate} cell ({@link Sheet}) is numeric, with its own format.
     *
     * @throws IllegalArgumentException if a value is longer than {@value #MAX_CELL_CHARS} characters,
     *                                  there are more than {@value #MAX_XLSX_DATA_ROWS} rows, or too many columns
     */
    public static void writeXlsx(List<String> header, Iterable<? extends List<String>> rows, OutputStream out) throws IOException {
        writeXlsx("Sheet1", header, rows, out);
    }

    public static void writeXlsx(String sheetName, List<String> header, Iterable<? extends List<String>> rows, OutputStream out)
            throws IOException {
        writeXlsx(List.of(new Sheet(sheetName, header, rows)), out);
    }

    /**
     * One sheet of a workbook: its name (at most 31 characters, none of []:*?/\\), header and rows. A cell
     * is text, or a {@link Number} or {@link LocalDate} where a form wants a figure or a date Excel can
     * compute with: those are written as numeric cells (in CSV as plain digits, never neutralised).
     */
    public record Sheet(String name, List<String> header, Iterable<? extends List<?>> rows) {
    }

    /** Writes .xlsx with one sheet per entry, each as {@link #writeXlsx(List, Iterable, OutputStream)} writes its one. */
    public static void writeXlsx(List<Sheet> sheets, OutputStream out) throws IOException {
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException("a workbook needs at least one sheet");
        }
        for (Sheet sheet : sheets) {
            checkHeader(sheet.header());
        }
        Workbook wb = new Workbook(new NonClosing(out), "tabular", "1.0");
        // deflate's fastest level: the XML compresses well either way, so a province's tables are
        // written much faster for a file only a little larger
        wb.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
        for (Sheet sheet : sheets) {
            writeSheet(wb.newWorksheet(sheet.name()), sheet.header(), sheet.rows());
        }
        wb.finish();
        out.flush();
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("header must not be empty");
        }
        if (header.size() > Worksheet.MAX_COLS) {
            throw new IllegalArgumentException("more than " + Worksheet.MAX_COLS + " columns");
        }
    }

    private static void writeSheet(Worksheet ws, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        int cols = header.size();
        for (int c = 0; c < cols; c++) {
            ws.style(c).format("@").set();
            ws.width(c, 18);
        }
        for (int c = 0; c < cols; c++) {
            String v = header.get(c);
            if (v != null && !v.isEmpty()) {
                ws.inlineString(0, c, check(v, 1, c));
            }
            ws.style(0, c).bold().format("@").set();
        }
        ws.freezePane(0, 1);
        int r = 1;
        for (List<?> row : rows) {
            if (r > MAX_XLSX_DATA_ROWS) {
                throw new IllegalArgumentException("more than " + MAX_XLSX_DATA_ROWS + " rows do not fit in one sheet");
            }
            int n = row.size();
            if (n > Worksheet.MAX_COLS) {
                throw new IllegalArgumentException("more than " + Worksheet.MAX_COLS + " columns in row " + (r + 1));
            }
            for (int c = 0; c < n; c++) {
                Object v = row.get(c);
                if (v instanceof Number number) {
                    ws.value(r, c, number);
                    ws.style(r, c).format(numberFormat(number)).set();
                } else if (v instanceof LocalDate date) {
                    ws.value(r, c, date);
                    ws.style(r, c).format("yyyy-mm-dd").set();
                } else if (v != null && !v.toString().isEmpty()) {
                    ws.inlineString(r, c, check(v.toString(), r + 1, c));
                }
            }
            r++;
            if (r % FLUSH_EVERY_ROWS == 0) {
                ws.flush();
            }
        }
        ws.finish();
    }

    /** Whole numbers as such; a decimal with all its places (a coordinate's six). */
    private static String numberFormat(Number n) {
        int scale = n instanceof BigDecimal d ? Math.max(0, d.scale()) : 0;
        return scale == 0 ? "0" : "0." + "0".repeat(scale);
    }

    /** Writes a table (header and rows) as .xlsx. */
    public static void writeXlsx(Table table, OutputStream out) throws IOException {
        writeXlsx(table.header(), () -> table.rows().stream().map(TableRow::values).iterator(), out);
    }

    /**
     * Writes CSV as Excel on Chinese Windows reads it: UTF-8 with BOM, comma-separated, CRLF line
     * ends, fields quoted per RFC 4180 when they contain a comma, quote or line break. A cell that
     * Excel would run as a formula is written with a leading apostrophe (the reader removes it).
     *
     * <p>Note: Excel itself turns "0123" into 123 and long digit strings into 9.1E+17 when it
     * opens a CSV; this module's reader does not. Hand out .xlsx to people who edit in Excel.
     */
    public static void writeCsv(List<String> header, Iterable<? extends List<?>> rows, OutputStream out) throws IOException {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosing(out), StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.RFC4180);
        printer.printRecord(blanksAsEmpty(header));
        for (List<?> row : rows) {
            printer.printRecord(blanksAsEmpty(row));
        }
        printer.flush();
        w.flush();
        out.flush();
    }

    /** Writes a table (header and rows) as CSV; see {@link #writeCsv(List, Iterable, OutputStream)}. */
    public static void writeCsv(Table table, OutputStream out) throws IOException {
        Iterable<List<String>> rows = () -> table.rows().stream().map(TableRow::values).iterator();
        writeCsv(table.header(), rows, out);
    }

    private static Iterable<String> blanksAsEmpty(List<?> values) {
        return () -> values.stream().map(TableWriter::csvText).iterator();
    }

    /** A typed number or date is written as itself: only text can carry a formula. */
    private static String csvText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof LocalDate) {
            return v.toString();
        }
        return Cells.neutraliseFormula(v.toString());
    }

    private static String check(String v, int rowNumber, int column) {
        if (v.length() > MAX_CELL_CHARS) {
            throw new IllegalArgumentException("cell " + Cells.columnLetter(column) + rowNumber + " has " + v.length()
                    + " characters; Excel allows at most " + MAX_CELL_CHARS);
        }
        return v;
    }

    /** Lets the libraries close their streams without closing the caller's. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
