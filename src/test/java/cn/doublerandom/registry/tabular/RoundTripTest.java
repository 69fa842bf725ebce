package cn.doublerandom.registry.tabular;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RoundTripTest {
    static final List<String> HEADER = List.of("统一社会信用代码", "企业名称", "地址", "备注", "编号", "注册资本（万元）", "空列");
    static final List<List<String>> ROWS = List.of(
            Arrays.asList("913701001234567890", "济南市历下区鑫源商贸有限公司", "山东省济南市历下区泉城路1号", "他说\"好\",行", "0123", "500", null),
            Arrays.asList("91370100MA3C5XYZ1K", "老王,家常菜", "第一行\n第二行", "", "00000000000000000000123", "1.50", null),
            Arrays.asList("92370102MA3D2ABC3P", "𠀀记商行（个体工商户）", null, "a;b\tc", "1E5", "-0", "x"),
            Arrays.asList("9137", "'=1+1", "=SUM(A1:A2)", "<tag>&amp;", "13800138000", "12345678901234567890", null));

    private static void assertRoundTrip(Table t, SourceFormat expected) {
        assertEquals(expected, t.sourceFormat());
        assertEquals(HEADER, t.header());
        assertEquals(ROWS.size(), t.size());
        for (int i = 0; i < ROWS.size(); i++) {
            List<String> want = new ArrayList<>(ROWS.get(i));
            want.replaceAll(v -> v == null || v.isEmpty() ? null : v);
            assertEquals(want, t.rows().get(i).values(), "row " + (i + 2));
            assertEquals(i + 2, t.rows().get(i).rowNumber());
            for (int c = 0; c < HEADER.size(); c++) {
                assertFalse(t.rows().get(i).isNumeric(c), "written as text");
            }
        }
    }

    @Test
    void xlsxRoundTrip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter.writeXlsx(HEADER, ROWS, out);
        byte[] b = out.toByteArray();
        assertEquals('P', b[0]);
        assertRoundTrip(new TableReader().read(b, null, null), SourceFormat.XLSX);
    }

    @Test
    void csvRoundTripIsUtf8BomCrlfRfc4180() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter.writeCsv(HEADER, ROWS, out);
        byte[] b = out.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(b, 3));
        String text = new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("统一社会信用代码,企业名称,地址,备注,编号,注册资本（万元）,空列\r\n"), text);
        assertTrue(text.contains(",\"他说\"\"好\"\",行\","), text);
        assertTrue(text.contains("\"第一行\n第二行\""), text);
        assertTrue(text.endsWith("\r\n"));
        assertRoundTrip(new TableReader().read(b, null, null), SourceFormat.CSV_UTF8);
    }

    @Test
    void tableRoundTripThroughBothFormats() throws IOException {
        Table original = Table.of(HEADER, ROWS);
        ByteArrayOutputStream x = new ByteArrayOutputStream();
        TableWriter.writeXlsx(original, x);
        Table fromXlsx = new TableReader().read(x.toByteArray(), null, null);
        ByteArrayOutputStream c = new ByteArrayOutputStream();
        TableWriter.writeCsv(fromXlsx, c);
        assertRoundTrip(new TableReader().read(c.toByteArray(), null, null), SourceFormat.CSV_UTF8);
    }

    @Test
    void writerDoesNotCloseCallersStream() throws IOException {
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        TableWriter.writeXlsx(HEADER, ROWS, out);
        TableWriter.writeCsv(HEADER, ROWS, out);
        assertFalse(closed[0]);
    }

    @Test
    void oversizedCellIsRejectedForXlsx() {
        List<List<String>> rows = List.of(List.of("x".repeat(TableWriter.MAX_CELL_CHARS + 1)));
        assertThrows(IllegalArgumentException.class, () -> TableWriter.writeXlsx(List.of("a"), rows, new ByteArrayOutputStream()));
    }
}
