package cn.doublerandom.report.activity;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.render.BarChart;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;
import cn.doublerandom.report.render.ReportTitle;

import java.util.ArrayList;
import java.util.List;

/** Activity as tables (per bureau, the inspectors below the mark, every inspector) and two charts. */
public final class ActivityDocument {

    private ActivityDocument() {
    }

    public static ReportDocument of(ActivityView v) {
        List<List<String>> summary = new ArrayList<>();
        List<List<String>> below = new ArrayList<>();
        List<List<String>> all = new ArrayList<>();
        for (ActivityView.AuthorityRow a : v.authorities()) {
            summary.add(List.of(a.name(), a.authority(), Rates.text(a.inspectors()), Rates.text(a.records()),
                    Rates.text(a.average()), Rates.text(a.ranks().get("average")), Rates.text(a.active()),
                    Rates.text(a.activityRate()), Rates.text(a.ranks().get("activityRate")), yes(a.meetsAverage()),
                    yes(a.meetsActivityRate()), String.join("；", a.flags())));
            for (ActivityView.InspectorRow i : a.below()) {
                below.add(List.of(a.name(), a.authority(), i.code(), i.name() == null ? "" : i.name(), Rates.text(i.records())));
            }
            for (ActivityView.InspectorRow i : a.staff()) {
                all.add(List.of(a.name(), a.authority(), i.code(), i.name() == null ? "" : i.name(), Rates.text(i.records()),
                        i.records() > 0 ? "是" : "否", i.records() >= v.minRecords() ? "是" : "否"));
            }
        }
        summary.add(List.of(v.regionName() + "合计", v.region(), Rates.text(v.total().inspectors()), Rates.text(v.total().records()),
                Rates.text(v.total().average()), "", Rates.text(v.total().active()), Rates.text(v.total().activityRate()), "", "", "", ""));
        List<ActivityView.AuthorityRow> ranked = v.authorities().stream().filter(a -> !a.own()).toList();
        List<BarChart> charts = List.of(
                BarChart.of("average", "人均有效检查记录（条）", "",
                        ranked.stream().map(a -> new BarChart.Point(a.name(), a.average())).toList()),
                BarChart.of("activityRate", "活跃率（%）", "%",
                        ranked.stream().map(a -> new BarChart.Point(a.name(), a.activityRate())).toList()));
        String rate = v.minActivityRate().stripTrailingZeros().toPlainString();
        List<String> notes = List.of(
                "以持证在岗执法人员为基数（" + ReportTitle.month(v.month()) + "末名录库状态：持证、非辅助人员、在岗、执法证本月有效）。",
                "有效检查记录：执法人员列入检查组的双随机抽查与针对性检查，按检查日期计入本月；人均 = 记录数 ÷ 人数，要求不少于 "
                        + v.minRecords() + " 条。",
                "活跃率 = 本月至少有 1 条记录的人数 ÷ 人数 × 100%，要求不低于 " + rate + "%；保留两位小数（四舍五入）。无持证在岗人员的单位记为“—”。");
        return new ReportDocument(v.title(),
                "统计范围：" + v.regionName() + "（" + v.region() + "）及所辖单位", "执法活跃度-" + v.region() + "-" + v.month(), notes,
                List.of(new ReportTable("summary", "各单位人均检查记录与活跃率", List.of("单位", "区划代码", "持证在岗人数",
                                "有效检查记录", "人均（条）", "人均名次", "有记录人数", "活跃率（%）", "活跃率名次", "人均达标",
                                "活跃率达标", "说明"), summary),
                        new ReportTable("below", "检查记录不足 " + v.minRecords() + " 条的执法人员", List.of("单位", "区划代码",
                                "人员编号", "姓名", "有效检查记录"), below),
                        new ReportTable("inspectors", "执法人员检查记录明细", List.of("单位", "区划代码", "人员编号", "姓名",
                                "有效检查记录", "活跃", "达标"), all)),
                charts);
    }

    private static String yes(Boolean b) {
        return b == null ? "—" : b ? "是" : "否";
    }
}
