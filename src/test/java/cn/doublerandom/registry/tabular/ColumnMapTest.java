package cn.doublerandom.registry.tabular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class ColumnMapTest {
    private final ColumnMap map = ColumnMap.builder()
            .required("uscc", "统一社会信用代码", "社会信用代码", "USCC")
            .required("name", "企业名称", "单位名称", "名称")
            .required("legalPerson", "法定代表人", "法人代表")
            .optional("capital", "注册资本(万元)", "注册资本")
            .optional("phone", "联系电话", "电话")
            .build();

    @Test
    void normalization() {
        assertEquals("注册资本(万元)", ColumnMap.normalize(" 注册资本（万元） "));
        assertEquals("注册资本(万元)", ColumnMap.normalize("注册资本【万元】"));
        assertEquals("uscc", ColumnMap.normalize("Ｕ Ｓ Ｃ Ｃ"));
        assertEquals("企业名称", ColumnMap.normalize("*企业名称："));
        assertEquals("法定代表人", ColumnMap.normalize("法定\u3000代表人"));
    }

    @Test
    void mapsAliasesAndReportsEveryProblem() {
        List<String> header = Arrays.asList("社会信用代码", "*企业名称", "注册资本（万元）", "经营范围", "", "Uscc");
        ColumnMap.Mapping m = map.map(header);
        assertEquals(0, m.indexOf("uscc"));
        assertEquals(1, m.indexOf("name"));
        assertEquals(2, m.indexOf("capital"));
        assertEquals(-1, m.indexOf("phone"));
        assertFalse(m.has("legalPerson"));
        assertFalse(m.hasAllRequired());

        List<ColumnMap.Problem> p = m.problems();
        assertEquals(4, p.size(), p.toString());
        assertEquals(new ColumnMap.Problem(3, "经营范围", null, ColumnMap.Kind.UNKNOWN_COLUMN,
                "Column D \"经营范围\" is not a recognized column"), p.get(0));
        assertEquals(ColumnMap.Kind.UNNAMED_COLUMN, p.get(1).kind());
        assertEquals(4, p.get(1).columnIndex());
        assertEquals(ColumnMap.Kind.DUPLICATE_FIELD, p.get(2).kind());
        assertEquals("Uscc", p.get(2).column());
        assertEquals("uscc", p.get(2).field());
        assertTrue(p.get(2).message().contains("column F \"Uscc\"") || p.get(2).message().startsWith("Column F \"Uscc\""), p.get(2).message());
        assertEquals(ColumnMap.Kind.MISSING_REQUIRED, p.get(3).kind());
        assertEquals("legalPerson", p.get(3).field());
        assertEquals(-1, p.get(3).columnIndex());
        assertTrue(p.get(3).message().contains("法定代表人"), p.get(3).message());
    }

    @Test
    void valuesThroughMapping() {
        Table t = new TableReader().read(
                "名称,法人代表,统一社会信用代码\n甲公司,张三,91370100MA3C5XYZ1K\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, null);
        ColumnMap.Mapping m = map.map(t);
        assertTrue(m.problems().isEmpty(), m.problems().toString());
        assertTrue(m.hasAllRequired());
        TableRow r = t.rows().get(0);
        assertEquals("91370100MA3C5XYZ1K", m.get(r, "uscc"));
        assertEquals("张三", m.get(r, "legalPerson"));
        assertNull(m.get(r, "phone"));
        assertEquals("name", map.fieldFor(" 名 称 "));
    }

    @Test
    void conflictingAliasesAreADefinitionError() {
        assertThrows(IllegalArgumentException.class, () -> ColumnMap.builder()
                .required("a", "名称").optional("b", "名 称").build());
        assertThrows(IllegalArgumentException.class, () -> ColumnMap.builder()
                .required("a", "x").optional("a", "y").build());
    }
}
