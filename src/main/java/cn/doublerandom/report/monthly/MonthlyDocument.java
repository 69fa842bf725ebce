package cn.doublerandom.report.monthly;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;
import cn.doublerandom.report.render.ReportTitle;

import java.util.ArrayList;
import java.util.List;

/** The monthly detail table as one sheet for all bureaus (bureau columns first) and a count per bureau. */
public final class MonthlyDocument {

    private MonthlyDocument() {
    }

    public static ReportDocument of(MonthlyView v) {
        List<List<String>> detail = new ArrayList<>();
        List<List<String>> counts = new ArrayList<>();
        for (MonthlyView.AuthorityTable a : v.authorities()) {
            counts.add(List.of(a.name(), a.authority(), Rates.text(a.inspections())));
            for (MonthlyView.Row r : a.rows()) {
                detail.add(List.of(a.name(), a.authority(), Rates.text(r.no()), r.inspectionDate().toString(), r.enterpriseName(),
                        r.uscc(), nz(r.items()), nz(r.team()), r.plannedMethod(), r.method(), r.wording(),
                        r.violationFound() ? "是" : "否", Rates.text(r.problems()), r.handling(), r.publication(),
                        r.publishedDate() == null ? "" : r.publishedDate().toString(), nz(r.link()), r.resultId(), r.drawId()));
            }
        }
        List<String> notes = List.of(
                "本表为" + ReportTitle.month(v.month()) + "检查日期在本月的双随机抽查明细，请于" + ReportTitle.date(v.dueBy()) + "前报送（附公示网址）。",
                "抽取方式为抽取时确定的检查方式；检查方式为结果记录的方式。公示状态截至" + ReportTitle.date(v.asOf()) + "。");
        return new ReportDocument(v.title(),
                "统计范围：" + v.regionName() + "（" + v.region() + "）；报送期限" + ReportTitle.date(v.dueBy()),
                "月度明细-" + v.region() + "-" + v.month(), notes,
                List.of(new ReportTable("detail", "抽查明细", List.of("单位", "区划代码", "序号", "检查日期", "企业名称",
                                "统一社会信用代码", "抽查事项", "检查人员", "抽取检查方式", "实际检查方式", "检查结果", "是否发现违法",
                                "发现问题数", "处理情况", "公示状态", "公示日期", "公示网址", "结果编号", "抽取编号"), detail),
                        new ReportTable("counts", "各单位本月抽查数", List.of("单位", "区划代码", "抽查家次"), counts)),
                List.of());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
