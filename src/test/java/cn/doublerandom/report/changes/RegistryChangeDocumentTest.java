package cn.doublerandom.report.changes;

import cn.doublerandom.report.render.ReportDocument;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A province's lists cut at the report's limit say how many records there are and where each unit's list is read. */
class RegistryChangeDocumentTest {

    static RegistryChangeView view(int targetsTotal, int listed) {
        List<RegistryChangeView.Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < listed; i++) {
            rows.add(new RegistryChangeView.Row("410102", "中原区", "91410102" + String.format("%09d", i) + "X", "企业" + i, "ADDED", "新增",
                    List.of(), 1, Instant.parse("2026-05-01T00:00:00Z"), null));
        }
        return new RegistryChangeView("410000", "河南省", "2026Q2", "2026年第二季度", LocalDate.of(2026, 6, 18), null,
                List.of(new RegistryChangeView.UnitCount("410102", "中原区", 0, 0, 0, targetsTotal, 0, 0)), List.of(), rows, 0, targetsTotal,
                listed);
    }

    @Test
    void aCutListSaysHowManyAndWhereTheRestIs() {
        ReportDocument doc = RegistryChangeDocument.of(view(1_000_000, 3));
        assertEquals(3, doc.tables().get(2).rows().size());
        assertEquals("检查对象名录库调整明细（前3条，共1000000条）", doc.tables().get(2).caption());
        assertEquals("检查人员名录库调整明细", doc.tables().get(1).caption());
        String note = doc.notes().stream().filter(n -> n.startsWith("检查对象调整共")).findFirst().orElseThrow();
        assertTrue(note.contains("共1000000条") && note.contains("前3条"), note);
        assertTrue(note.contains("/api/v1/reports/registry-changes/targets?region=410000&quarter=2026Q2"), note);
        assertTrue(note.contains("该单位的区划代码"), note);
        assertFalse(doc.notes().stream().anyMatch(n -> n.startsWith("检查人员调整共")), "the inspectors' list is whole");
        assertEquals("1000000", doc.tables().get(0).rows().get(0).get(5));
    }

    @Test
    void aWholeListSaysNothingMore() {
        ReportDocument doc = RegistryChangeDocument.of(view(3, 3));
        assertEquals("检查对象名录库调整明细", doc.tables().get(2).caption());
        assertFalse(doc.notes().stream().anyMatch(n -> n.contains("条，明细表只列出")), doc.notes().toString());
    }
}
