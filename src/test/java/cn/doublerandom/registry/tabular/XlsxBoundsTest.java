package cn.doublerandom.registry.tabular;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small .xlsx that unpacks to one huge string is refused before it is read into memory. */
class XlsxBoundsTest {

    @Test
    void oneHugeSharedStringIsRefusedQuicklyAndTheFileStaysSmall() throws IOException {
        String huge = "A".repeat(16 * 1024 * 1024);
        byte[] xlsx = MiniXlsx.build("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>", new String[] {huge}, false);
        huge = null;
        assertTrue(xlsx.length < 1024 * 1024, "the crafted file is small: " + xlsx.length + " bytes");
        long start = System.nanoTime();
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> new TableReader().read(xlsx, "bomb.xlsx", null));
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(e.getMessage().contains("32,767"), e.getMessage());
        assertTrue(e.getMessage().contains("sharedStrings"), e.getMessage());
        assertTrue(ms < 10_000, "refused in " + ms + " ms");
    }

    @Test
    void aHugeInlineStringIsRefusedToo() throws IOException {
        String cell = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>" + "中".repeat(200_000) + "</t></is></c></row>";
        byte[] xlsx = MiniXlsx.build(cell, new String[0], false);
        UnreadableTableException e = assertThrows(UnreadableTableException.class, () -> new TableReader().read(xlsx, "inline.xlsx", null));
        assertTrue(e.getMessage().contains("sheet1.xml"), e.getMessage());
    }

    @Test
    void aLongButLegalCellStillReads() throws IOException {
        String text = "中".repeat(32_767);
        String cells = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>备注</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c></row>";
        Table t = new TableReader().read(MiniXlsx.build(cells, new String[] {text}, false), "long.xlsx", null);
        assertEquals(List.of("备注"), t.header());
        assertEquals(text, t.rows().get(0).values().get(0));
    }
}
