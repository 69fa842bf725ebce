package cn.doublerandom.registry.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReadingTest {
    private static final Charset GBK = Charset.forName("GBK");
    private final TableReader reader = new TableReader();

    private static final String SAMPLE = "统一社会信用代码,企业名称,法定代表人,注册资本（万元）\r\n"
            + "91370100MA3C5XYZ1K,济南市历下区鑫源商贸有限公司,张伟,500\r\n"
            + "92370102MA3D2ABC3P,历下区老王家常菜馆（个体工商户）,王建国,\r\n";

    private static void assertSample(Table t) {
        assertEquals(List.of("统一社会信用代码", "企业名称", "法定代表人", "注册资本（万元）"), t.header());
        assertEquals(2, t.size());
        TableRow r = t.rows().get(0);
        assertEquals(2, r.rowNumber());
        assertEquals(Arrays.asList("91370100MA3C5XYZ1K", "济南市历下区鑫源商贸有限公司", "张伟", "500"), r.values());
        TableRow r2 = t.rows().get(1);
        assertEquals(3, r2.rowNumber());
        assertEquals("历下区老王家常菜馆（个体工商户）", r2.get(1));
        assertNull(r2.get(3), "empty cell is null");
        assertNull(r2.get(99), "out of range is null");
        assertFalse(r.isNumeric(3), "csv cells are never flagged numeric");
    }

    @Test
    void gbkCsvAsWrittenByExcelOnChineseWindows() {
        Table t = reader.read(SAMPLE.getBytes(GBK), "名录.csv", "text/csv");
        assertEquals(SourceFormat.CSV_GBK, t.sourceFormat());
        assertSample(t);
    }

    @Test
    void gb18030OnlyCharacterIsDecoded() {
        // 𠀀 (U+20000) and the rare surname 䶮 are not in GBK but in GB18030
        String csv = "企业名称,法定代表人\n𠀀记商行,刘䶮\n";
        Table t = reader.read(csv.getBytes(Charset.forName("GB18030")), null, null);
        assertEquals(SourceFormat.CSV_GBK, t.sourceFormat());
        assertEquals("刘䶮", t.rows().get(0).get(1));
        assertEquals("𠀀记商行", t.rows().get(0).get(0));
    }

    @Test
    void utf8WithoutBom() {
        Table t = reader.read(SAMPLE.getBytes(StandardCharsets.UTF_8), "a.csv", null);
        assertEquals(SourceFormat.CSV_UTF8, t.sourceFormat());
        assertSample(t);
    }

    @Test
    void utf8WithBomStripsBomFromFirstHeader() {
        byte[] body = SAMPLE.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Table t = reader.read(withBom, "a.csv", null);
        assertEquals(SourceFormat.CSV_UTF8, t.sourceFormat());
        assertEquals("统一社会信用代码", t.header().get(0));
        assertEquals(0, t.columnIndex("统一社会信用代码"));
        assertSample(t);
    }

    @Test
    void utf16LeWithBomTabSeparatedUnicodeText() {
        String text = SAMPLE.replace(',', '\t');
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] b = new byte[body.length + 2];
        b[0] = (byte) 0xFF;
        b[1] = (byte) 0xFE;
        System.arraycopy(body, 0, b, 2, body.length);
        Table t = reader.read(b, "a.txt", null);
        assertEquals(SourceFormat.CSV_UTF16, t.sourceFormat());
        assertSample(t);
    }

    @Test
    void quotedNewlineCommaAndQuoteStayInOneCellAndOneRow() {
        String csv = "名称,地址,备注\r\n"
                + "\"甲公司\",\"山东省济南市\r\n历下区1号\",\"他说\"\"好\"\",行\"\r\n"
                + "乙公司,济南,\r\n";
        Table t = reader.read(csv.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(2, t.size());
        assertEquals("山东省济南市\r\n历下区1号", t.rows().get(0).get(1));
        assertEquals("他说\"好\",行", t.rows().get(0).get(2));
        assertEquals(2, t.rows().get(0).rowNumber());
        assertEquals(3, t.rows().get(1).rowNumber(), "a record spanning two lines is one Excel row");
        assertEquals("乙公司", t.rows().get(1).get(0));
    }

    @Test
    void semicolonDelimited() {
        String csv = "名称;注册资本;地址\n甲公司;1,5;济南\n";
        Table t = reader.read(csv.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(List.of("名称", "注册资本", "地址"), t.header());
        assertEquals(Arrays.asList("甲公司", "1,5", "济南"), t.rows().get(0).values());
    }

    @Test
    void tabDelimited() {
        Table t = reader.read("a\tb\n1\t2\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(List.of("a", "b"), t.header());
        assertEquals("2", t.rows().get(0).get(1));
    }

    @Test
    void excelSepHintLine() {
        Table t = reader.read("sep=;\na;b\n1;2\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(List.of("a", "b"), t.header());
        assertEquals(2, t.headerRowNumber());
        assertEquals(3, t.rows().get(0).rowNumber());
    }

    @Test
    void blankRowsSkippedButCountedAndCellsTrimmed() {
        String csv = "\n 名称 ,\u3000电话\u00A0\n,\n甲公司,  0531-1234567 \n\n  ,\t\n乙公司,\u3000\n";
        Table t = reader.read(csv.getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(2, t.headerRowNumber());
        assertEquals(List.of("名称", "电话"), t.header());
        assertEquals(2, t.size());
        assertEquals(4, t.rows().get(0).rowNumber());
        assertEquals("0531-1234567", t.rows().get(0).get(1));
        assertEquals(7, t.rows().get(1).rowNumber());
        assertNull(t.rows().get(1).get(1), "ideographic space only is blank");
    }

    @Test
    void leadingZerosAndLongDigitStringsStayText() {
        Table t = reader.read("代码,号码\n0123,913701001234567890\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals("0123", t.rows().get(0).get(0));
        assertEquals("913701001234567890", t.rows().get(0).get(1));
    }

    @Test
    void dataBeyondHeaderGetsUnnamedColumn() {
        Table t = reader.read("a,b\n1,2,3\n4\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(List.of("a", "b", ""), t.header());
        assertEquals("3", t.rows().get(0).get(2));
        assertEquals(3, t.rows().get(1).size(), "rows are as wide as the table");
    }

    @Test
    void headerOnlyGivesEmptyTable() {
        Table t = reader.read("a,b\r\n".getBytes(StandardCharsets.UTF_8), null, null);
        assertEquals(List.of("a", "b"), t.header());
        assertEquals(0, t.size());
    }

    @Test
    void readsFromInputStream() throws IOException {
        Table t = reader.read(new ByteArrayInputStream(SAMPLE.getBytes(GBK)), "x.csv", null);
        assertSample(t);
    }

    // ---------------------------------------------------------------- rejections

    @Test
    void emptyFile() {
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(new byte[0], "x.csv", null));
        assertEquals("File \"x.csv\" is empty", e.getMessage());
        assertThrows(UnreadableTableException.class, () -> reader.read((byte[]) null, null, null));
    }

    @Test
    void onlyBlankLinesHasNoHeader() {
        UnreadableTableException e = assertThrows(UnreadableTableException.class,
                () -> reader.read(" \r\n,,\r\n\r\n".getBytes(StandardCharsets.UTF_8), null, null));
        assertTrue(e.getMessage().contains("no header"), e.getMessage());
    }

    @Test
    void duplicateHeader() {
        UnreadableTableException e = assertThrows(UnreadableTableException.class,
                () -> reader.read("名称,电话, 名称 \n1,2,3\n".getBytes(StandardCharsets.UTF_8), null, null));
        assertTrue(e.getMessage().contains("\"名称\" twice (columns A and C"), e.getMessage());
        assertTrue(e instanceof IllegalArgumentException);
    }

    @Test
    void pngIsRejected() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(png, "名录.csv", "text/csv"));
        assertEquals("File \"名录.csv\" is a PNG image, not an .xlsx or .csv table", e.getMessage());
    }

    @Test
    void unknownBinaryIsRejected() {
        byte[] b = {1, 2, 0, 4, 'a', ',', 'b'};
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(b, null, null));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void legacyXlsIsRejectedWithAdvice() {
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(xls, "a.xls", null));
        assertTrue(e.getMessage().contains("legacy Excel 97-2003 .xls"), e.getMessage());
    }

    @Test
    void htmlDisguisedAsXlsIsRejected() {
        byte[] html = "<html><body><table><tr><td>名称</td></tr></table></body></html>".getBytes(StandardCharsets.UTF_8);
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(html, "export.xls", null));
        assertTrue(e.getMessage().contains("HTML"), e.getMessage());
    }

    @Test
    void neitherUtf8NorGb18030() {
        byte[] b = {'a', ',', 'b', '\n', (byte) 0xFF, (byte) 0xFF, ',', '1', '\n'};
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(b, null, null));
        assertTrue(e.getMessage().contains("neither valid UTF-8 nor GBK"), e.getMessage());
    }

    @Test
    void unterminatedQuoteIsMalformed() {
        byte[] b = "a,b\n1,\"abc\n2,3\n".getBytes(StandardCharsets.UTF_8);
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(b, null, null));
        assertTrue(e.getMessage().contains("not a well-formed CSV"), e.getMessage());
    }

    @Test
    void overRowLimit() {
        TableReader small = new TableReader(3, 1_000_000);
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 3; i++) {
            sb.append(i).append(",x\n\n"); // blank lines do not count
        }
        assertEquals(3, small.read(sb.toString().getBytes(StandardCharsets.UTF_8), null, null).size());
        sb.append("4,y\n");
        UnreadableTableException e = assertThrows(UnreadableTableException.class,
                () -> small.read(sb.toString().getBytes(StandardCharsets.UTF_8), null, null));
        assertEquals("The file has more than 3 data rows (the limit)", e.getMessage());
    }

    @Test
    void overByteLimit() {
        TableReader small = new TableReader(100, 10);
        UnreadableTableException e = assertThrows(UnreadableTableException.class,
                () -> small.read("a,b\n1234,5678\n".getBytes(StandardCharsets.UTF_8), null, null));
        assertTrue(e.getMessage().contains("larger than the limit of 10 bytes"), e.getMessage());
        assertThrows(UnreadableTableException.class,
                () -> small.read(new ByteArrayInputStream(new byte[1000]), null, null));
    }

    @Test
    void invalidLimits() {
        assertThrows(IllegalArgumentException.class, () -> new TableReader(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new TableReader(10, 0));
    }
}
