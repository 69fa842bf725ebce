package cn.doublerandom.report.render;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one title builder: periods in Chinese, no spaces, and the check that tells a loose title from a good one. */
class ReportTitleTest {

    @Test
    void periodsAreWrittenInChineseAndRunTogetherWithTheRegionAndSubject() {
        assertEquals("2026年第四季度", ReportTitle.quarter("2026Q4"));
        assertEquals("2026年12月", ReportTitle.month("2026-12"));
        assertEquals("2026年5月", ReportTitle.month("2026-05"));
        assertEquals("2026年", ReportTitle.year(2026));
        assertEquals("2026年12月18日", ReportTitle.date(LocalDate.of(2026, 12, 18)));
        assertEquals("石家庄市2026年第四季度抽查比例落实情况", ReportTitle.of("石家庄市", ReportTitle.quarter("2026Q4"), " 抽查比例落实情况"));
    }

    @Test
    void aTitleWithAnAsciiPeriodCodeOrALooseSpaceIsNotWellFormed() {
        for (String good : List.of("石家庄市2026年第四季度抽查比例落实情况", "石家庄市2026年12月“双随机、一公开”情况明细表",
                "统计范围：石家庄市（130100）及所辖单位；报送期限2026年12月18日", "石家庄市2026年“应查出而未查出”责任倒查")) {
            assertTrue(ReportTitle.wellFormed(good), good);
        }
        for (String loose : List.of("石家庄市 2026年第四季度 抽查比例落实情况", "石家庄市2026 年第四季度", "石家庄市2026Q4执法检查统计与排名",
                "石家庄市2026-12情况明细表", "统计范围：石家庄市（130100）及所辖单位；截至 2026-12-07", "报送期限 2026年12月18日",
                "2026年第四 季度", "", " ")) {
            assertFalse(ReportTitle.wellFormed(loose), loose);
        }
    }
}
