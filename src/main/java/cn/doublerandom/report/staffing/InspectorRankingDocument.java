package cn.doublerandom.report.staffing;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.render.BarChart;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;
import cn.doublerandom.report.render.ReportTitle;

import java.util.ArrayList;
import java.util.List;

/** The ranking and the certified shares as two tables, and the shares as a chart. */
public final class InspectorRankingDocument {

    private InspectorRankingDocument() {
    }

    public static ReportDocument of(InspectorRankingView v) {
        List<List<String>> ranking = new ArrayList<>();
        for (InspectorRankingView.Ranked r : v.inspectors()) {
            ranking.add(List.of(Rates.text(r.rank()), r.name() == null ? "" : r.name(), r.code(), r.authorityName(), r.authority(),
                    Rates.text(r.inspections())));
        }
        List<List<String>> shares = new ArrayList<>();
        for (InspectorRankingView.UnitShare u : v.units()) {
            shares.add(List.of(u.name(), u.authority(), Rates.text(u.staff()), Rates.text(u.certified()), Rates.text(u.certifiedShare()),
                    yes(u.allCertified()), yes(u.above80()), Rates.text(u.inTop())));
        }
        List<String> notes = List.of(
                "检查次数：执法人员（不含辅助检查人员）列入检查组的双随机抽查与针对性检查，按检查日期计入" + v.periodName() + "；按次数从多到少排名，次数相同名次相同（如 1、1、3），列出前"
                        + v.top() + "名（末位并列者一并列出）。",
                "持证率 = 持有有效执法证的执法人员 ÷ 执法人员 × 100%（保留两位小数）。执法人员：名录库中除辅助检查人员和离职人员外的人员（在岗、休假、借调）；"
                        + "按" + ReportTitle.date(v.asOf()) + "名录库状态计。无执法人员的单位记为“—”。");
        List<BarChart> charts = List.of(BarChart.of("certifiedShare", "持证率（%）", "%",
                v.units().stream().map(u -> new BarChart.Point(u.name(), u.certifiedShare())).toList()));
        return new ReportDocument(v.title(),
                "统计范围：" + v.regionName() + "（" + v.region() + "）及所辖单位", "执法人员排名-" + v.region() + "-" + v.period(), notes,
                List.of(new ReportTable("ranking", "执法人员检查次数前" + v.top() + "名", List.of("名次", "姓名", "人员编号", "单位", "区划代码",
                                "检查次数"), ranking),
                        new ReportTable("certified", "各单位执法人员持证率", List.of("单位", "区划代码", "执法人员数", "持证人数", "持证率（%）",
                                "全员持证", "持证率大于80%", "进入前" + v.top() + "名人数"), shares)),
                charts);
    }

    private static String yes(Boolean b) {
        return b == null ? "—" : b ? "是" : "否";
    }
}
