package cn.doublerandom.registry.tabular;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.dhatim.fastexcel.reader.SheetVisibility;

/**
 * Reads an uploaded spreadsheet (xlsx, or csv in UTF-8 / UTF-8 with BOM / GBK / UTF-16 with BOM)
 * into a {@link Table}. The format is detected from the content (magic bytes), not from the file
 * name. Thread-safe and stateless apart from its limits; create one and share it.
 *
 * <p>xlsx: the first visible sheet is read; the first non-blank row is the header. Integral numbers
 * come back without ".0" or exponent; cells with a date/time number format come back as ISO text
 * ("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss" or "HH:mm:ss"); booleans as "TRUE"/"FALSE"; formulas as
 * their cached result; error cells as their text ("#N/A").
 *
 * <p>All formats: cells are trimmed (including NBSP, ideographic space U+3000, BOM, zero-width
 * space); a cell of only whitespace is blank ({@code null}); fully blank rows are skipped but keep
 * counting, so {@link TableRow#rowNumber()} is the row number Excel shows.
 */
public final class TableReader {
    /** Default maximum number of non-blank data rows. */
    public static final int DEFAULT_MAX_DATA_ROWS = 200_000;
    /** Default maximum file size: 50 MiB. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    /** Maximum number of columns (Excel's own limit, XFD). */
    public static final int MAX_COLUMNS = 16_384;

    private static final ReadingOptions XLSX_OPTIONS = new ReadingOptions(true, false);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};

    private final int maxDataRows;
    private final long maxBytes;

    /** Reader with {@link #DEFAULT_MAX_DATA_ROWS} and {@link #DEFAULT_MAX_BYTES}. */
    public TableReader() {
        this(DEFAULT_MAX_DATA_ROWS, DEFAULT_MAX_BYTES);
    }

    /**
     * @param maxDataRows maximum number of non-blank data rows (header excluded), e.g. 200,000
     * @param maxBytes    maximum size of the uploaded file in bytes (at most 2 GiB - 8)
     */
    public TableReader(int maxDataRows, long maxBytes) {
        if (maxDataRows < 1) {
            throw new IllegalArgumentException("maxDataRows must be positive: " + maxDataRows);
        }
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + (Integer.MAX_VALUE - 8) + ": " + maxBytes);
        }
        this.maxDataRows = maxDataRows;
        this.maxBytes = maxBytes;
    }

    public int maxDataRows() {
        return maxDataRows;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads a stream (up to the byte limit) and parses it; the stream is not closed.
     *
     * @throws UnreadableTableException if the content is not a readable table or exceeds a limit
     * @throws IOException              if reading the stream fails
     */
    public Table read(InputStream in, String filenameOrNull, String contentTypeOrNull) throws IOException {
        byte[] content = in.readNBytes((int) (maxBytes + 1));
        return read(content, filenameOrNull, contentTypeOrNull);
    }

    /**
     * Parses the content of an uploaded file.
     *
     * @param content           the file's bytes
     * @param filenameOrNull    original file name, used only in messages (detection is by content)
     * @param contentTypeOrNull declared content type, used only in messages (browsers often send
     *                          "application/octet-stream" or "application/vnd.ms-excel" for csv)
     * @throws UnreadableTableException if the content is not a readable table or exceeds a limit
     */
    public Table read(byte[] content, String filenameOrNull, String contentTypeOrNull) {
        String what = describe(filenameOrNull, contentTypeOrNull);
        if (content == null || content.length == 0) {
            throw new UnreadableTableException(what + " is empty");
        }
        if (content.length > maxBytes) {
            throw new UnreadableTableException(what + " is larger than the limit of " + maxBytes + " bytes");
        }
        if (startsWith(content, ZIP)) {
            return readXlsx(content, what);
        }
        String kind = sniffNonTable(content);
        if (kind != null) {
            throw new UnreadableTableException(what + " is " + kind + ", not an .xlsx or .csv table");
        }
        return readCsv(content, what);
    }

    // ------------------------------------------------------------------ xlsx

    /**
     * Longest run of XML between two angle brackets: a cell's text (Excel allows 32,767 characters,
     * at most 4 UTF-8 bytes each, or up to 10 as a character reference) or one tag. A longer run is
     * no spreadsheet a person made, and the reader would hold it in memory whole.
     */
    static final int MAX_XML_RUN_BYTES = 32_767 * 10;
    /** All parts of a workbook together, decompressed: bounds a ZIP bomb before any part is parsed. */
    static final long MAX_XML_TOTAL_BYTES = 1L << 30;

    /**
     * Decompresses every part once, counting, before the workbook is parsed: a few kilobytes of
     * ZIP can hold one string of gigabytes (in the shared strings or inline), which would exhaust the
     * heap while it is read into a single String.
     */
    static void checkXmlParts(byte[] content, String what) {
        long total = 0;
        byte[] buffer = new byte[1 << 16];
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(content))) {
            for (java.util.zip.ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                int run = 0;
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_XML_TOTAL_BYTES) {
                        throw new UnreadableTableException(what + " unpacks to more than " + (MAX_XML_TOTAL_BYTES >> 20)
                                + " MiB; split the table into smaller files");
                    }
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        run = b == '<' || b == '>' ? 0 : run + 1;
                        if (run > MAX_XML_RUN_BYTES) {
                            throw new UnreadableTableException(what + " holds a text longer than Excel's 32,767 characters per cell"
                                    + " (in " + e.getName() + ")");
                        }
                    }
                }
            }
        } catch (UnreadableTableException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            // a ZIP this scan cannot walk is left to the workbook reader, which says what is wrong with it
        }
    }

    private Table readXlsx(byte[] content, String what) {
        checkXmlParts(content, what);
        Assembler table = new Assembler(what);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(content), XLSX_OPTIONS)) {
            boolean date1904 = wb.isDate1904() || declaresDate1904(content);
            Sheet sheet = wb.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
                    .orElseGet(wb::getFirstSheet);
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                while (it.hasNext()) {
                    Row row = it.next();
                    int n = row.getCellCount();
                    if (n > MAX_COLUMNS) {
                        throw new UnreadableTableException(what + " has more than " + MAX_COLUMNS + " columns in row " + row.getRowNum());
                    }
                    String[] values = new String[n];
                    BitSet numeric = null;
                    BitSet overPrecision = null;
                    for (int i = 0; i < n; i++) {
                        Cell cell = row.getCell(i);
                        if (cell == null) {
                            continue;
                        }
                        String raw = cell.getRawValue();
                        switch (cell.getType()) {
                            case STRING:
                                Object v = cell.getValue();
                                values[i] = Cells.clean(v == null ? raw : v.toString());
                                break;
                            case NUMBER:
                            case FORMULA: {
                                String text = Cells.clean(raw);
                                if (text == null) {
                                    break;
                                }
                                if (!looksNumeric(text)) { // formula with a text result
                                    values[i] = text;
                                    break;
                                }
                                ExcelDates.Kind kind = ExcelDates.classify(cell.getDataFormatId(), cell.getDataFormatString());
                                if (kind != ExcelDates.Kind.NONE) {
                                    String date = ExcelDates.format(Double.parseDouble(text), date1904, kind);
                                    if (date != null) {
                                        values[i] = date;
                                        break;
                                    }
                                }
                                String number = Cells.formatNumber(text);
                                values[i] = number;
                                if (numeric == null) {
                                    numeric = new BitSet(n);
                                }
                                numeric.set(i);
                                if (Cells.significantPositions(number) > Cells.EXCEL_DIGITS) {
                                    if (overPrecision == null) {
                                        overPrecision = new BitSet(n);
                                    }
                                    overPrecision.set(i);
                                }
                                break;
                            }
                            case BOOLEAN:
                                values[i] = raw == null ? null : ("1".equals(raw.strip()) || "true".equalsIgnoreCase(raw.strip()) ? "TRUE" : "FALSE");
                                break;
                            case ERROR:
                                values[i] = Cells.clean(raw);
                                break;
                            case EMPTY:
                            default:
                                break;
                        }
                    }
                    table.accept(row.getRowNum(), values, numeric, overPrecision);
                }
            }
        } catch (UnreadableTableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnreadableTableException(what + " is a ZIP file but not a readable .xlsx workbook (" + e + ")", e);
        }
        return table.finish(SourceFormat.XLSX);
    }

    private static final java.util.regex.Pattern DATE1904 =
            java.util.regex.Pattern.compile("date1904\\s*=\\s*[\"'](1|true)[\"']");

    /**
     * fastexcel-reader 0.19.0 parses workbookPr/@date1904 with Boolean.parseBoolean, so the value
     * "1" that Excel (notably Excel for Mac) writes is read as false; check the part ourselves.
     */
    private static boolean declaresDate1904(byte[] content) throws IOException {
        try (org.apache.commons.compress.archivers.zip.ZipFile zip = org.apache.commons.compress.archivers.zip.ZipFile.builder()
                .setSeekableByteChannel(new org.apache.commons.compress.utils.SeekableInMemoryByteChannel(content)).get()) {
            org.apache.commons.compress.archivers.zip.ZipArchiveEntry entry = zip.getEntry("xl/workbook.xml");
            if (entry == null || entry.getSize() > (8 << 20)) {
                return false;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                String xml = new String(in.readNBytes(8 << 20), StandardCharsets.UTF_8);
                int at = xml.indexOf("workbookPr");
                return at >= 0 && DATE1904.matcher(xml.substring(at, Math.min(xml.length(), at + 1000))).find();
            }
        }
    }

    private static boolean looksNumeric(String s) {
        char c = s.charAt(0);
        if (!(c == '-' || c == '+' || c == '.' || (c >= '0' && c <= '9'))) {
            return false;
        }
        if (Cells.isPlainInteger(s)) {
            return true;
        }
        try {
            Double.parseDouble(s);
            return s.chars().noneMatch(ch -> ch == 'N' || ch == 'I' || ch == 'x' || ch == 'X' || ch == 'd' || ch == 'D' || ch == 'f' || ch == 'F');
        } catch (NumberFormatException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ csv

    private Table readCsv(byte[] content, String what) {
        String text;
        SourceFormat format;
        if (content.length >= 2 && content[0] == (byte) 0xFF && content[1] == (byte) 0xFE) {
            text = decodeStrict(StandardCharsets.UTF_16LE, content, 2, what);
            format = SourceFormat.CSV_UTF16;
        } else if (content.length >= 2 && content[0] == (byte) 0xFE && content[1] == (byte) 0xFF) {
            text = decodeStrict(StandardCharsets.UTF_16BE, content, 2, what);
            format = SourceFormat.CSV_UTF16;
        } else {
            if (hasNulByte(content)) {
                throw new UnreadableTableException(what + " is a binary file, not an .xlsx or .csv table");
            }
            int offset = content.length >= 3 && content[0] == (byte) 0xEF && content[1] == (byte) 0xBB && content[2] == (byte) 0xBF ? 3 : 0;
            String utf8 = tryDecode(StandardCharsets.UTF_8, content, offset);
            if (utf8 != null) {
                text = utf8;
                format = SourceFormat.CSV_UTF8;
            } else {
                text = tryDecode(Charset.forName("GB18030"), content, offset);
                format = SourceFormat.CSV_GBK;
                if (text == null) {
                    throw new UnreadableTableException(what + " is neither valid UTF-8 nor GBK/GB18030 text");
                }
            }
        }
        String markup = sniffMarkup(text);
        if (markup != null) {
            throw new UnreadableTableException(what + " is " + markup);
        }

        int start = 0;
        int rowOffset = 0;
        char delimiter;
        if (text.regionMatches(true, 0, "sep=", 0, 4) && text.length() > 4 && text.charAt(4) != '\r' && text.charAt(4) != '\n') {
            // Excel's "sep=;" hint line
            delimiter = text.charAt(4);
            int nl = text.indexOf('\n');
            start = nl < 0 ? text.length() : nl + 1;
            rowOffset = 1;
        } else {
            delimiter = detectDelimiter(text);
        }

        CSVFormat csv = CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .get();
        Assembler table = new Assembler(what);
        try (CSVParser parser = CSVParser.parse(new StringReader(start == 0 ? text : text.substring(start)), csv)) {
            for (CSVRecord record : parser) {
                int n = record.size();
                if (n > MAX_COLUMNS) {
                    throw new UnreadableTableException(what + " has more than " + MAX_COLUMNS + " columns in row " + (record.getRecordNumber() + rowOffset));
                }
                String[] values = new String[n];
                for (int i = 0; i < n; i++) {
                    values[i] = Cells.restoreFormulaText(Cells.clean(record.get(i)));
                }
                table.accept((int) record.getRecordNumber() + rowOffset, values, null, null);
            }
        } catch (UnreadableTableException e) {
            throw e;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new UnreadableTableException(what + " is not a well-formed CSV file: " + e.getMessage(), e);
        }
        return table.finish(format);
    }

    /** Comma unless the first non-blank line has no comma but has tabs or semicolons. */
    static char detectDelimiter(String text) {
        int pos = 0;
        int limit = Math.min(text.length(), 1 << 20);
        while (pos < limit) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? limit : Math.min(nl, limit);
            String line = text.substring(pos, end);
            if (Cells.clean(line) != null) {
                int commas = 0, semis = 0, tabs = 0;
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (c == ',') commas++;
                    else if (c == ';') semis++;
                    else if (c == '\t') tabs++;
                }
                if (commas > 0 || (semis == 0 && tabs == 0)) {
                    return ',';
                }
                return tabs >= semis ? '\t' : ';';
            }
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        return ',';
    }

    private static String tryDecode(Charset cs, byte[] b, int offset) {
        try {
            return cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, offset, b.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeStrict(Charset cs, byte[] b, int offset, String what) {
        String s = tryDecode(cs, b, offset);
        if (s == null) {
            throw new UnreadableTableException(what + " starts with a " + cs.name() + " byte order mark but is not valid " + cs.name() + " text");
        }
        return s;
    }

    // ------------------------------------------------------------------ sniffing

    private static String sniffNonTable(byte[] b) {
        if (startsWith(b, OLE2)) {
            return "a legacy Excel 97-2003 .xls file or a password-protected workbook (please save it as an"
                    + " unprotected .xlsx \"Excel Workbook\" or as CSV)";
        }
        if (startsWith(b, new byte[] {(byte) 0x89, 'P', 'N', 'G'})) return "a PNG image";
        if (startsWith(b, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) return "a JPEG image";
        if (startsWith(b, new byte[] {'G', 'I', 'F', '8'})) return "a GIF image";
        if (startsWith(b, new byte[] {'%', 'P', 'D', 'F'})) return "a PDF document";
        if (startsWith(b, new byte[] {0x1F, (byte) 0x8B})) return "a gzip archive";
        if (startsWith(b, new byte[] {'R', 'a', 'r', '!'})) return "a RAR archive";
        if (startsWith(b, new byte[] {'7', 'z', (byte) 0xBC, (byte) 0xAF})) return "a 7z archive";
        if (startsWith(b, new byte[] {'{', '\\', 'r', 't', 'f'})) return "an RTF document";
        if (startsWith(b, new byte[] {'P', 'K'})) return "a ZIP archive";
        return null;
    }

    private static String sniffMarkup(String text) {
        String head = Cells.clean(text.substring(0, Math.min(text.length(), 4096)));
        if (head == null || head.charAt(0) != '<') {
            return null;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        if (lower.contains("urn:schemas-microsoft-com:office:spreadsheet")) {
            return "an \"XML Spreadsheet 2003\" file, not an .xlsx or .csv table (please save it as .xlsx)";
        }
        if (lower.contains("<html") || lower.contains("<table") || lower.contains("<!doctype") || lower.startsWith("<?xml")) {
            return "an HTML or XML document, not an .xlsx or .csv table (some systems export web pages named"
                    + " .xls; open it in Excel and save it as .xlsx)";
        }
        return null;
    }

    private static boolean hasNulByte(byte[] b) {
        int n = Math.min(b.length, 8192);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(String filename, String contentType) {
        String name = filename == null ? null : Cells.clean(filename);
        return name == null ? "The file" : "File \"" + name + "\"";
    }

    // ------------------------------------------------------------------ assembling

    /** Collects rows: first non-blank row is the header, blank rows are skipped, limits enforced. */
    private final class Assembler {
        private final String what;
        private List<String> header;
        private int headerRowNumber;
        private final List<TableRow> rows = new ArrayList<>();
        private int width;

        Assembler(String what) {
            this.what = what;
        }

        void accept(int rowNumber, String[] values, BitSet numeric, BitSet overPrecision) {
            int last = values.length - 1;
            while (last >= 0 && values[last] == null) {
                last--;
            }
            if (last < 0) {
                return; // blank row
            }
            int w = last + 1;
            String[] trimmed = w == values.length ? values : java.util.Arrays.copyOf(values, w);
            if (header == null) {
                setHeader(rowNumber, trimmed);
                return;
            }
            if (rows.size() >= maxDataRows) {
                throw new UnreadableTableException(what + " has more than " + maxDataRows + " data rows (the limit)");
            }
            width = Math.max(width, w);
            rows.add(new TableRow(rowNumber, trimmed, numeric, overPrecision));
        }

        private void setHeader(int rowNumber, String[] names) {
            Map<String, Integer> seen = new HashMap<>();
            List<String> list = new ArrayList<>(names.length);
            for (int i = 0; i < names.length; i++) {
                String name = names[i] == null ? "" : names[i];
                if (!name.isEmpty()) {
                    Integer previous = seen.putIfAbsent(name, i);
                    if (previous != null) {
                        throw new UnreadableTableException(what + " has the column name \"" + name + "\" twice (columns "
                                + Cells.columnLetter(previous) + " and " + Cells.columnLetter(i) + " of header row " + rowNumber + ")");
                    }
                }
                list.add(name);
            }
            header = list;
            headerRowNumber = rowNumber;
            width = names.length;
        }

        Table finish(SourceFormat format) {
            if (header == null) {
                throw new UnreadableTableException(what + " has no header row (it contains no data)");
            }
            List<String> h = header;
            if (width > h.size()) {
                h = new ArrayList<>(h);
                while (h.size() < width) {
                    h.add(""); // data in a column without a header name
                }
            }
            for (int i = 0; i < rows.size(); i++) {
                rows.set(i, rows.get(i).widen(width));
            }
            return new Table(h, headerRowNumber, rows, format);
        }
    }
}
