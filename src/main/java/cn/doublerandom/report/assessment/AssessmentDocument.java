package cn.doublerandom.report.assessment;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.render.BarChart;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;

import java.util.ArrayList;
import java.util.List;

/** The assessment as the city files it: the ranking table, random and targeted apart, and a chart per figure. */
public final class AssessmentDocument {

    private AssessmentDocument() {
    }

    public static ReportDocument of(AssessmentView v) {
        List<String> header = new ArrayList<>(List.of("单位", "区划代码"));
        for (AssessmentView.FigureName f : v.figures()) {
            header.add(f.label() + "（" + f.unit() + "）");
            header.add(f.label() + "名次");
        }
        List<List<String>> ranking = new ArrayList<>();
        for (AssessmentView.UnitRow u : v.units()) {
            List<String> row = new ArrayList<>(List.of(u.name(), u.code()));
            for (AssessmentView.FigureName f : v.figures()) {
                row.add(Rates.text(AssessmentReport.VALUE.get(f.key()).apply(u.all())));
                row.add(Rates.text(u.ranks().get(f.key())));
            }
            ranking.add(row);
        }
        List<String> total = new ArrayList<>(List.of(v.regionName() + "合计", v.region()));
        for (AssessmentView.FigureName f : v.figures()) {
            total.add(Rates.text(AssessmentReport.VALUE.get(f.key()).apply(v.total().all())));
            total.add("");
        }
        ranking.add(total);

        List<List<String>> kinds = new ArrayList<>();
        for (AssessmentView.UnitRow u : v.units()) {
            kinds.add(kindRow(u.name(), u.code(), u.random(), u.targeted()));
        }
        kinds.add(kindRow(v.regionName() + "合计", v.region(), v.total().random(), v.total().targeted()));

        List<BarChart> charts = new ArrayList<>();
        for (AssessmentView.FigureName f : v.figures()) {
            List<BarChart.Point> points = v.units().stream().filter(u -> !u.own())
                    .map(u -> new BarChart.Point(u.name(), AssessmentReport.VALUE.get(f.key()).apply(u.all()))).toList();
            charts.add(BarChart.of(f.key(), f.label() + "（" + f.unit() + "）", "%".equals(f.unit()) ? "%" : "", points));
        }
        List<String> notes = List.of(
                "检查企业家次含双随机抽查与针对性（非随机）检查，按检查日期计入本季度；作废抽取的结果不计。",
                "发现问题率、发现违法问题率、非现场检查占比 = 相应数量 ÷ 检查企业家次 × 100%，保留两位小数（四舍五入）。",
                "正面清单企业现场检查：检查当日在正面清单内、结果记录为现场检查的双随机检查；按时公示：结果首次公示在 20 个工作日内。",
                "名次按各项数值由高到低排列，数值相同者名次相同（如 1、1、1、4）；" + v.regionName() + "本级计入合计，不参加排名。",
                "得分按本系统默认的考核评分方案计算（各市可自行配置），并非官方《评分标准》；执法考核整体得分为各类别得分之和，"
                        + "正面清单企业现场检查越少名次越前，无检查的单位比率类指标不计分。");
        List<ReportTable> tables = new ArrayList<>();
        for (AssessmentView.ScoreBlock b : v.scores()) {
            List<List<String>> rows = new ArrayList<>();
            for (AssessmentView.ScoreEntry e : b.entries()) {
                rows.add(List.of(e.name(), Rates.text(e.score()), Rates.text(e.rank())));
            }
            tables.add(new ReportTable("score-" + b.key(), b.name() + "排名", List.of("单位名称", "得分", "名次"), rows));
        }
        return new ReportDocument(v.regionName() + quarterText(v.quarter()) + "执法检查统计与排名",
                "统计范围：" + v.regionName() + "（" + v.region() + "）所辖单位；" + quarterText(v.quarter()),
                "执法考核-" + v.region() + "-" + v.quarter(), notes,
                concat(List.of(new ReportTable("ranking", "各单位检查情况及排名（全部检查）", header, ranking),
                        new ReportTable("kinds", "双随机抽查与针对性检查分列", List.of("单位", "区划代码", "双随机检查（家次）",
                                "双随机发现问题", "双随机发现违法问题", "双随机非现场检查", "针对性检查（家次）", "针对性检查发现问题",
                                "针对性检查发现违法问题", "针对性检查非现场检查"), kinds)), tables),
                charts);
    }

    private static List<ReportTable> concat(List<ReportTable> a, List<ReportTable> b) {
        List<ReportTable> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> kindRow(String name, String code, Figures r, Figures t) {
        return List.of(name, code, Rates.text(r.checks()), Rates.text(r.problems()), Rates.text(r.violations()),
                Rates.text(r.nonSite()), Rates.text(t.checks()), Rates.text(t.problems()), Rates.text(t.violations()),
                Rates.text(t.nonSite()));
    }

    static String quarterText(String quarter) {
        return cn.doublerandom.calendar.Quarter.parse(quarter).chinese();
    }
}
