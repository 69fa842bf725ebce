package cn.doublerandom.report.compliance;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;
import cn.doublerandom.report.render.ReportTitle;

import java.util.ArrayList;
import java.util.List;

/** The compliance report as tables: per class, the general class's year, and the gaps. */
public final class ComplianceDocument {

    private ComplianceDocument() {
    }

    /** The gaps' codes as a Chinese table names them; the JSON keeps the codes for programs. */
    static final java.util.Map<String, String> GAP_NAMES = java.util.Map.of(
            "NO_DRAW", "未抽取", "BELOW_REQUIRED", "抽取不足", "NOT_INSPECTED", "已抽未检查",
            "PUBLISHED_LATE", "超期公示", "OVERDUE", "逾期未公示", "GENERAL_YEAR_BEHIND", "全年进度落后");

    public static ReportDocument of(ComplianceView v) {
        List<List<String>> classes = new ArrayList<>();
        List<List<String>> year = new ArrayList<>();
        List<List<String>> gaps = new ArrayList<>();
        for (ComplianceView.AuthorityRow a : v.authorities()) {
            for (ComplianceView.ClassRow c : a.classes()) {
                classes.add(List.of(a.name(), a.authority(), c.label(), Rates.text(c.operating()), Rates.text(c.required()),
                        Rates.text(c.eligible()), Rates.text(c.drawn()), Rates.text(c.inspected()), Rates.text(c.recorded()),
                        Rates.text(c.publishedOnTime()), Rates.text(c.publishedLate()), Rates.text(c.publishedPending()),
                        Rates.text(c.overdue()), Rates.text(c.withheld()), Rates.text(c.unpublished())));
            }
            ComplianceView.GeneralYear g = a.generalYear();
            year.add(List.of(a.name(), a.authority(), Rates.text(g.officers()), Rates.text(g.perInspector()),
                    Rates.text(g.yearlyRequirement()), Rates.text(g.expectedByQuarterEnd()), Rates.text(g.drawn()),
                    Rates.text(g.inspected()), Rates.text(g.remaining())));
            for (ComplianceView.Flag f : a.flags()) {
                gaps.add(List.of(a.name(), a.authority(), GAP_NAMES.getOrDefault(f.code(), f.code()), Rates.text(f.gap()), f.message()));
            }
        }
        List<ReportTable> tables = List.of(
                new ReportTable("classes", "抽查比例落实情况（不定向抽取，按监管类别）", List.of("单位", "区划代码", "监管类别",
                        "在营对象数", "应抽", "可抽", "已抽", "季度内已检查", "已录入结果", "按时公示", "超期公示", "已公示（期限待定）",
                        "逾期未公示", "不予公示", "未公示（未到期）"), classes),
                new ReportTable("general-year", "一般监管对象全年 1:10 落实情况", List.of("单位", "区划代码", "执法人员数",
                        "每人每年", "全年应抽", "截至本季度末应抽", "已抽", "已检查", "尚需抽取"), year),
                new ReportTable("gaps", "存在差距的单位", List.of("单位", "区划代码", "问题", "差额", "说明"), gaps));
        List<String> notes = List.of(
                "应抽、可抽取自各单位本季度不定向抽取时冻结的抽取方案（特殊、重点按比例向上取整；一般按执法人员数 × 每人每年家数分季度摊派）。",
                "定向抽取、失败和作废的抽取不计入比例；季度内已检查按检查日期不晚于季度末计。",
                "公示按每条结果首次公示计：20 个工作日内为按时；逾期未公示按截至" + ReportTitle.date(v.asOf()) + "计。");
        return new ReportDocument(v.title(), "统计范围：" + v.regionName() + "（"
                + v.region() + "）及所辖单位；截至" + ReportTitle.date(v.asOf()), "抽查比例-" + v.region() + "-" + v.quarter(), notes, tables, List.of());
    }
}
