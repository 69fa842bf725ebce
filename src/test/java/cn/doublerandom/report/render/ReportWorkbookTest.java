package cn.doublerandom.report.render;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The .xlsx as Excel reads its parts: every cell written in 宋体 (through its style's font), columns as
 * wide as their widest cell (a CJK character counting two, two characters of margin, at least 6 and at
 * most 60), a percent column formatted 0.00% over the fraction, the title block merged across the
 * table, and codes kept as text.
 */
class ReportWorkbookTest {

    private static final String LONG = "石家庄市生态环境局高新技术产业开发区分局";

    /** A count that names its period is a number; a column of codes or dates is text, whatever its cells look like. */
    @Test
    void countsNamingAPeriodAreNumbersAndCodeAndDateColumnsStayText() {
        assertEquals(new java.math.BigDecimal("3"), ReportWorkbook.number("季度内已检查", "3"));
        assertEquals(new java.math.BigDecimal("12"), ReportWorkbook.number("截至本季度末应抽", "12"));
        assertEquals(new java.math.BigDecimal("-1"), ReportWorkbook.number("检查企业比上季度增减（家次）", "-1"));
        assertEquals(new java.math.BigDecimal("50.00"), ReportWorkbook.number("检查企业比上季度增减（%）", "50.00"));
        for (String code : new String[]{"区划代码", "统一社会信用代码", "人员编号", "后次检查编号", "执法证号", "检查日期", "公示网址", "季度", "月份"}) {
            assertEquals(null, ReportWorkbook.number(code, "130100"), code);
        }
    }

    @Test
    void everyCellIsInSongTiColumnsFitTheirWidestCellAndPercentsArePercentFormatted() throws Exception {
        ReportDocument doc = new ReportDocument("石家庄市2026年第四季度执法检查统计", "统计范围：石家庄市（130100）所辖单位", "x",
                List.of(), List.of(new ReportTable("ranking", "各单位检查情况", List.of("单位", "区划代码", "检查家次", "发现问题率（%）"),
                        List.of(List.of(LONG, "130171", "12", "9.85"), List.of("正定县", "130123", "7", "—")))), List.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWorkbook.write(doc, "石家庄市生态环境局", "2026年12月7日", out);
        Map<String, Document> parts = parts(out.toByteArray());
        Document styles = parts.get("xl/styles.xml");
        Document sheet = parts.get("xl/worksheets/sheet1.xml");

        // the font of every written cell, through cellXfs
        List<String> fonts = new ArrayList<>();
        NodeList fontNodes = styles.getElementsByTagName("fonts").item(0).getChildNodes();
        for (int i = 0; i < fontNodes.getLength(); i++) {
            if (fontNodes.item(i) instanceof Element f) {
                fonts.add(((Element) f.getElementsByTagName("name").item(0)).getAttribute("val"));
            }
        }
        List<Element> xfs = children(styles.getElementsByTagName("cellXfs").item(0));
        Map<String, String> numFmts = new HashMap<>();
        NodeList fmts = styles.getElementsByTagName("numFmt");
        for (int i = 0; i < fmts.getLength(); i++) {
            Element f = (Element) fmts.item(i);
            numFmts.put(f.getAttribute("numFmtId"), f.getAttribute("formatCode"));
        }
        NodeList cells = sheet.getElementsByTagName("c");
        TreeSet<String> cellFonts = new TreeSet<>();
        Map<String, Element> byRef = new HashMap<>();
        for (int i = 0; i < cells.getLength(); i++) {
            Element c = (Element) cells.item(i);
            byRef.put(c.getAttribute("r"), c);
            Element xf = xfs.get(c.hasAttribute("s") ? Integer.parseInt(c.getAttribute("s")) : 0);
            cellFonts.add(fonts.get(Integer.parseInt(xf.getAttribute("fontId"))));
        }
        assertEquals(new TreeSet<>(List.of("宋体")), cellFonts, "the fonts of the written cells");

        // the table starts under the 5 title rows: header in row 5, data from row 6
        Element percent = byRef.get("D6");
        assertEquals("0.0985", percent.getElementsByTagName("v").item(0).getTextContent());
        assertTrue(!percent.hasAttribute("t") || "n".equals(percent.getAttribute("t")), "a percent is a number");
        assertEquals("0.00%", numFmts.get(xfs.get(Integer.parseInt(percent.getAttribute("s"))).getAttribute("numFmtId")));
        Element count = byRef.get("C6");
        assertTrue(!count.hasAttribute("t") || "n".equals(count.getAttribute("t")), "a count is a number");
        assertEquals("12", count.getElementsByTagName("v").item(0).getTextContent());
        assertTrue(byRef.get("B6").getAttribute("t").matches("s|inlineStr|str"), "a region code stays text");
        assertTrue(byRef.get("D7").getAttribute("t").matches("s|inlineStr|str"), "— stays text");

        // widths: 单位 is the long name's 40 + 2; 区划代码 its header's 8 + 2; 检查家次 8 + 2; the percent header's 15 + 2
        List<Double> widths = new ArrayList<>();
        for (Element col : children(sheet.getElementsByTagName("cols").item(0))) {
            widths.add(Double.parseDouble(col.getAttribute("width")));
        }
        assertEquals(4, widths.size());
        assertEquals(List.of(42.0, 10.0, 10.0, 17.0), widths.stream().map(w -> (double) Math.round(w)).toList());

        // the title block: four rows merged across the table's four columns
        List<String> merged = new ArrayList<>();
        NodeList merges = sheet.getElementsByTagName("mergeCell");
        for (int i = 0; i < merges.getLength(); i++) {
            merged.add(((Element) merges.item(i)).getAttribute("ref"));
        }
        assertEquals(new TreeSet<>(List.of("A1:D1", "A2:D2", "A3:D3", "A4:D4")), new TreeSet<>(merged));
    }

    private static List<Element> children(org.w3c.dom.Node parent) {
        List<Element> out = new ArrayList<>();
        NodeList n = parent.getChildNodes();
        for (int i = 0; i < n.getLength(); i++) {
            if (n.item(i) instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Map<String, Document> parts(byte[] xlsx) throws Exception {
        Map<String, Document> out = new HashMap<>();
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().endsWith(".xml")) {
                        try (java.io.InputStream in = zip.getInputStream(e)) {
                            out.put(e.getName(), f.newDocumentBuilder().parse(in));
                        }
                    }
                }
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        return out;
    }
}
