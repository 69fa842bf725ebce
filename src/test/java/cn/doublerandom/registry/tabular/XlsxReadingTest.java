package cn.doublerandom.registry.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

class XlsxReadingTest {
    private final TableReader reader = new TableReader();

    interface SheetFiller {
        void fill(Worksheet ws) throws IOException;
    }

    static byte[] fastexcel(SheetFiller filler) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        filler.fill(ws);
        wb.finish();
        return out.toByteArray();
    }

    @Test
    void numbersDatesAndTextFromFastexcelWriter() throws IOException {
        byte[] xlsx = fastexcel(ws -> {
            String[] h = {"统一社会信用代码", "注册资本", "成立日期", "核准时间", "企业名称", "从业人数", "比例", "电话"};
            for (int c = 0; c < h.length; c++) {
                ws.value(0, c, h[c]);
            }
            ws.value(1, 0, 913701001234567890L);                 // USCC typed as a number
            ws.value(1, 1, 500.0);                                // integral double
            ws.value(1, 2, LocalDate.of(2021, 3, 15));
            ws.style(1, 2).format("yyyy-mm-dd").set();
            ws.value(1, 3, LocalDateTime.of(2022, 12, 31, 8, 30, 15));
            ws.style(1, 3).format("yyyy-mm-dd hh:mm:ss").set();
            ws.value(1, 4, "  济南市历下区鑫源商贸有限公司 ");
            ws.value(1, 5, 12);
            ws.value(1, 6, 0.1 + 0.2);                            // 0.30000000000000004
            ws.value(1, 7, 13800138000L);
            ws.value(2, 0, "91370100MA3C5XYZ1K");
            ws.value(2, 1, new BigDecimal("1234.50"));
            ws.value(2, 2, LocalDate.of(1999, 1, 1));
            ws.style(2, 2).format("yyyy年m月d日").set(); // fastexcel writer does not XML-escape '"' in formats
        });
        Table t = reader.read(xlsx, "a.xlsx", null);
        assertEquals(SourceFormat.XLSX, t.sourceFormat());
        assertEquals(8, t.header().size());
        TableRow r = t.rows().get(0);
        assertEquals(2, r.rowNumber());
        assertEquals("913701001234567890", r.get(0), "a long integer comes back as its digits, not 9.1E+17");
        assertTrue(r.isNumeric(0));
        assertTrue(r.exceedsNumericPrecision(0), "18 digits: more than Excel's 15");
        assertEquals("500", r.get(1));
        assertTrue(r.isNumeric(1));
        assertFalse(r.exceedsNumericPrecision(1));
        assertEquals("2021-03-15", r.get(2));
        assertFalse(r.isNumeric(2), "date cells are reported as dates, not numbers");
        assertEquals("2022-12-31 08:30:15", r.get(3));
        assertEquals("济南市历下区鑫源商贸有限公司", r.get(4));
        assertFalse(r.isNumeric(4));
        assertEquals("12", r.get(5));
        assertEquals("0.3", r.get(6));
        assertEquals("13800138000", r.get(7));
        assertFalse(r.exceedsNumericPrecision(7));

        TableRow r2 = t.rows().get(1);
        assertEquals("91370100MA3C5XYZ1K", r2.get(0));
        assertFalse(r2.isNumeric(0));
        assertEquals("1234.5", r2.get(1));
        assertEquals("1999-01-01", r2.get(2), "custom Chinese date format yyyy年m月d日");
        assertNull(r2.get(7));
    }

    @Test
    void excelStyleFileBuiltinFormatsSharedStringsAndPrecisionLoss() throws IOException {
        String[] sst = {"统一社会信用代码", "成立日期", "企业名称", "  ", "是否年报", "公式", "注册资本", "时长", "甲公司", "文本格式"};
        String data = ""
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                + "<c r=\"D1\" t=\"s\"><v>4</v></c><c r=\"E1\" t=\"s\"><v>5</v></c><c r=\"F1\" t=\"s\"><v>6</v></c>"
                + "<c r=\"G1\" t=\"s\"><v>7</v></c><c r=\"H1\" t=\"s\"><v>9</v></c></row>"
                // what Excel saves for 913701001234567890 typed into a General cell
                + "<row r=\"2\"><c r=\"A2\"><v>9.1370100123456794E+17</v></c>"
                + "<c r=\"B2\" s=\"1\"><v>44270</v></c>"                      // built-in id 14
                + "<c r=\"C2\" t=\"s\"><v>8</v></c>"
                + "<c r=\"D2\" t=\"b\"><v>1</v></c>"
                + "<c r=\"E2\" t=\"str\"><f>C2&amp;\"分公司\"</f><v>甲公司分公司</v></c>"
                + "<c r=\"F2\" s=\"5\"><v>100</v></c>"
                + "<c r=\"G2\" s=\"6\"><v>1.5</v></c>"
                + "<c r=\"H2\" s=\"4\" t=\"s\"><v>9</v></c></row>"
                // rows 3 and 4: a row of whitespace-only and empty cells, and a missing row
                + "<row r=\"3\"><c r=\"A3\" t=\"s\"><v>3</v></c><c r=\"C3\" t=\"inlineStr\"><is><t>\u3000</t></is></c></row>"
                + "<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>0123</t></is></c>"
                + "<c r=\"B5\" s=\"3\"><v>45000.5</v></c>"                     // built-in id 22 date time
                + "<c r=\"C5\" s=\"2\"><v>36161</v></c>"                       // custom 年月日 format
                + "<c r=\"E5\"><f>1+1</f><v>2</v></c></row>";
        Table t = reader.read(MiniXlsx.build(data, sst, false), "名录.xlsx", null);
        assertEquals(List.of("统一社会信用代码", "成立日期", "企业名称", "是否年报", "公式", "注册资本", "时长", "文本格式"), t.header());
        assertEquals(2, t.size());
        TableRow r = t.rows().get(0);
        assertEquals("913701001234568000", r.get(0), "Excel itself kept only 15 digits");
        assertTrue(r.isNumeric(0));
        assertTrue(r.exceedsNumericPrecision(0));
        assertEquals("2021-03-15", r.get(1));
        assertEquals("甲公司", r.get(2));
        assertEquals("TRUE", r.get(3));
        assertEquals("甲公司分公司", r.get(4));
        assertEquals("100", r.get(5), "format 0.00 is not a date");
        assertEquals("1.5", r.get(6), "[h]:mm:ss durations stay numbers");
        assertEquals("文本格式", r.get(7));

        TableRow r5 = t.rows().get(1);
        assertEquals(5, r5.rowNumber(), "blank row 3 and missing row 4 are skipped but counted");
        assertEquals("0123", r5.get(0));
        assertEquals("2023-03-15 12:00:00", r5.get(1));
        assertEquals("1999-01-01", r5.get(2));
        assertEquals("2", r5.get(4));
        assertTrue(r5.isNumeric(4));
    }

    @Test
    void date1904System() throws IOException {
        String data = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>日期</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>0</v></c></row>";
        Table t = reader.read(MiniXlsx.build(data, new String[0], true), null, null);
        assertEquals("1904-01-01", t.rows().get(0).get(0));
    }

    @Test
    void headerNotInFirstRowAndTrailingEmptyHeaderCells() throws IOException {
        byte[] xlsx = fastexcel(ws -> {
            ws.value(2, 0, "名称");
            ws.value(2, 1, "地址");
            ws.value(2, 2, " ");
            ws.value(3, 0, "甲");
            ws.value(5, 1, "济南");
        });
        Table t = reader.read(xlsx, null, null);
        assertEquals(3, t.headerRowNumber());
        assertEquals(List.of("名称", "地址"), t.header());
        assertEquals(4, t.rows().get(0).rowNumber());
        assertEquals(6, t.rows().get(1).rowNumber());
        assertEquals("济南", t.rows().get(1).get(1));
    }

    @Test
    void duplicateHeaderInXlsx() throws IOException {
        byte[] xlsx = fastexcel(ws -> {
            ws.value(0, 0, "企业名称");
            ws.value(0, 1, "电话");
            ws.value(0, 2, "企业名称 ");
        });
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(xlsx, "a.xlsx", null));
        assertTrue(e.getMessage().contains("\"企业名称\" twice (columns A and C"), e.getMessage());
    }

    @Test
    void emptyWorkbookHasNoHeader() throws IOException {
        byte[] xlsx = fastexcel(ws -> ws.value(3, 3, "   "));
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(xlsx, "a.xlsx", null));
        assertEquals("File \"a.xlsx\" has no header row (it contains no data)", e.getMessage());
    }

    @Test
    void overRowLimitInXlsx() throws IOException {
        byte[] xlsx = fastexcel(ws -> {
            ws.value(0, 0, "名称");
            for (int r = 1; r <= 11; r++) {
                ws.value(r, 0, "企业" + r);
            }
        });
        assertEquals(11, new TableReader(11, 1 << 20).read(xlsx, null, null).size());
        UnreadableTableException e = assertThrows(UnreadableTableException.class,
                () -> new TableReader(10, 1 << 20).read(xlsx, null, null));
        assertTrue(e.getMessage().contains("more than 10 data rows"), e.getMessage());
    }

    @Test
    void zipThatIsNotAWorkbook() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes());
            zip.closeEntry();
        }
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> reader.read(out.toByteArray(), "a.xlsx", null));
        assertTrue(e.getMessage().startsWith("File \"a.xlsx\" is a ZIP file but not a readable .xlsx workbook"), e.getMessage());
    }

    @Test
    void truncatedXlsx() throws IOException {
        byte[] xlsx = fastexcel(ws -> ws.value(0, 0, "名称"));
        byte[] cut = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);
        assertThrows(UnreadableTableException.class, () -> reader.read(cut, null, null));
    }
}
