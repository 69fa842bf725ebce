package cn.doublerandom.report.assessment;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.render.BarChart;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;
import cn.doublerandom.report.render.ReportTitle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The assessment as the city files it: seed 000's ranking blocks first, the figures behind every score
 * second, then the figures and ranks of every unit, the changes, random and targeted apart, and a chart per figure.
 */
public final class AssessmentDocument {

    private AssessmentDocument() {
    }

    public static ReportDocument of(AssessmentView v) {
        List<String> header = new ArrayList<>(List.of("单位", "区划代码"));
        for (AssessmentView.FigureName f : v.figures()) {
            header.add(f.label() + "（" + f.unit() + "）");
            header.add(f.label() + "名次");
        }
        header.add("发现违法问题率超过" + v.regionName() + "平均");
        header.add("发现违法问题率低于1%");
        List<List<String>> ranking = new ArrayList<>();
        List<String> changeHeader = new ArrayList<>(List.of("单位", "区划代码"));
        for (AssessmentView.FigureName f : v.figures()) {
            changeHeader.add(f.label() + "比上季度增减" + ("%".equals(f.unit()) ? "（百分点）" : "（" + f.unit() + "）"));
            if (!"%".equals(f.unit())) {
                changeHeader.add(f.label() + "比上季度增减（%）");
            }
        }
        List<List<String>> changes = new ArrayList<>();
        for (AssessmentView.UnitRow u : v.units()) {
            List<String> row = new ArrayList<>(List.of(u.name(), u.code()));
            for (AssessmentView.FigureName f : v.figures()) {
                row.add(Rates.text(AssessmentReport.VALUE.get(f.key()).apply(u.all())));
                row.add(u.ranked() ? Rates.text(u.ranks().get(f.key())) : "不参加排名");
            }
            row.add(yesNo(u.flags().aboveAverage()));
            row.add(yesNo(u.flags().belowLow()));
            ranking.add(row);
            changes.add(changeRow(u.name(), u.code(), v.figures(), u.changes()));
        }
        List<String> total = new ArrayList<>(List.of(v.regionName() + "合计", v.region()));
        for (AssessmentView.FigureName f : v.figures()) {
            total.add(Rates.text(AssessmentReport.VALUE.get(f.key()).apply(v.total().all())));
            total.add("");
        }
        total.add("");
        total.add("");
        ranking.add(total);
        changes.add(changeRow(v.regionName() + "合计", v.region(), v.figures(), v.total().changes()));

        List<List<String>> kinds = new ArrayList<>();
        for (AssessmentView.UnitRow u : v.units()) {
            kinds.add(kindRow(u.name(), u.code(), u.random(), u.targeted()));
        }
        kinds.add(kindRow(v.regionName() + "合计", v.region(), v.total().random(), v.total().targeted()));

        List<BarChart> charts = new ArrayList<>();
        for (AssessmentView.FigureName f : v.figures()) {
            List<BarChart.Point> points = v.units().stream().filter(AssessmentView.UnitRow::ranked)
                    .map(u -> new BarChart.Point(u.name(), AssessmentReport.VALUE.get(f.key()).apply(u.all()))).toList();
            charts.add(BarChart.of(f.key(), f.label() + "（" + f.unit() + "）", "%".equals(f.unit()) ? "%" : "", points));
        }
        List<String> notes = List.of(
                "检查企业家次含双随机抽查与针对性（非随机）检查，按检查日期计入本季度；作废抽取的结果不计。",
                "发现问题率、发现违法问题率、非现场检查占比 = 相应数量 ÷ 检查企业家次 × 100%，保留两位小数（四舍五入）。",
                "正面清单企业现场检查：检查当日在正面清单内、结果记录为现场检查的双随机检查；按时公示：结果首次公示在 20 个工作日内。",
                "出动执法人员人次为每次检查的检查人员人数之和；发现违法问题按问题个数计，一次检查发现两个违法问题计 2 个"
                        + "（未逐项标注违法的检查记录，认定有违法的计 1 个）；非现场发现问题按问题标注计，未标注的随检查方式。",
                "名次按各项数值由高到低排列（正面清单企业现场检查越少名次越前），数值相同者名次相同（如 1、1、1、4）；"
                        + v.regionName() + "本级及未列入考核的单位计入合计，不参加排名。",
                "比上季度增减：与" + ReportTitle.quarter(v.previousQuarter()) + "相比，数量为增减数及增减百分比，比率为增减的百分点；"
                        + "发现违法问题率超过" + v.regionName() + "平均、低于1%按本季度发现违法问题率判断，无检查的单位不作判断。",
                (v.scheme().recorded()
                        ? "得分按" + v.scheme().regionName() + v.scheme().year() + "年考核评分方案（第" + v.scheme().version() + "版，由该市配置）计算；"
                        : "得分按本系统默认的考核评分方案计算，该方案由本系统拟定、各市可自行配置，并非官方《评分标准》；")
                        + "执法考核整体得分为各类别得分之和，无检查的单位比率类指标不计分。",
                "得分明细列出每个参加排名单位各项指标的数值、该指标名次（按指标方向：越少越好的指标数值小者名次在前）及所得分数，"
                        + "按执法考核整体排名排列。");
        return new ReportDocument(v.title(),
                "统计范围：" + v.regionName() + "（" + v.region() + "）所辖单位；" + ReportTitle.quarter(v.quarter()),
                "执法考核-" + v.region() + "-" + v.quarter(), notes,
                List.of(scores(v), scoreDetail(v), new ReportTable("ranking", "各单位检查情况及排名（全部检查）", header, ranking),
                        new ReportTable("changes", "比上一季度增减（全部检查）", changeHeader, changes),
                        new ReportTable("kinds", "双随机抽查与针对性检查分列", List.of("单位", "区划代码", "双随机检查（家次）",
                                "双随机发现问题", "双随机发现违法问题", "双随机非现场检查", "针对性检查（家次）", "针对性检查发现问题",
                                "针对性检查发现违法问题", "针对性检查非现场检查"), kinds)),
                charts);
    }

    /** Seed 000's annex: the ranking blocks side by side, each 单位名称 | 得分 | 名次 in the order of its ranks. */
    static ReportTable scores(AssessmentView v) {
        List<String> header = new ArrayList<>();
        for (AssessmentView.ScoreBlock b : v.scores()) {
            header.addAll(List.of(b.name() + "排名", "得分", "名次"));
        }
        int n = v.scores().stream().mapToInt(b -> b.entries().size()).max().orElse(0);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> row = new ArrayList<>();
            for (AssessmentView.ScoreBlock b : v.scores()) {
                if (i < b.entries().size()) {
                    AssessmentView.ScoreEntry e = b.entries().get(i);
                    row.addAll(List.of(e.name(), Rates.text(e.score()), Rates.text(e.rank())));
                } else {
                    row.addAll(List.of("", "", ""));
                }
            }
            rows.add(row);
        }
        return new ReportTable("scores", "考核排名（单位名称、得分、名次）", header, rows);
    }

    /**
     * The figures behind every score: per ranked unit, in the order of the overall ranking, each
     * category's indicators with the unit's figure, its rank on it and the points it earned, then the
     * category's score; the overall score and rank first.
     */
    static ReportTable scoreDetail(AssessmentView v) {
        Map<String, AssessmentView.FigureName> names = new java.util.HashMap<>();
        v.figures().forEach(f -> names.put(f.key(), f));
        List<AssessmentView.ScoreBlock> categories = v.scores().subList(1, v.scores().size());
        List<String> header = new ArrayList<>(List.of("单位名称", "区划代码", v.scores().get(0).name() + "得分", "名次"));
        Map<String, Map<String, AssessmentView.ScoreEntry>> byCategory = new java.util.HashMap<>();
        for (AssessmentView.ScoreBlock b : categories) {
            Map<String, AssessmentView.ScoreEntry> entries = new java.util.HashMap<>();
            b.entries().forEach(e -> entries.put(e.code(), e));
            byCategory.put(b.key(), entries);
            if (!b.entries().isEmpty()) {
                for (AssessmentView.IndicatorScore i : b.entries().get(0).indicators()) {
                    AssessmentView.FigureName f = names.get(i.figure());
                    String label = f == null ? i.figure() : f.label();
                    header.addAll(List.of(label + "（" + (f == null ? "" : f.unit()) + "）", label + "名次", label + "得分"));
                }
            }
            header.add(b.name() + "得分");
        }
        List<List<String>> rows = new ArrayList<>();
        for (AssessmentView.ScoreEntry overall : v.scores().get(0).entries()) {
            List<String> row = new ArrayList<>(List.of(overall.name(), overall.code(), Rates.text(overall.score()),
                    Rates.text(overall.rank())));
            for (AssessmentView.ScoreBlock b : categories) {
                AssessmentView.ScoreEntry e = byCategory.get(b.key()).get(overall.code());
                for (AssessmentView.IndicatorScore i : e.indicators()) {
                    row.addAll(List.of(Rates.text(i.value()), Rates.text(i.rank()), Rates.text(i.points())));
                }
                row.add(Rates.text(e.score()));
            }
            rows.add(row);
        }
        return new ReportTable("scoreDetail", "得分明细（各指标数值、名次、得分）", header, rows);
    }

    private static String yesNo(Boolean b) {
        return b == null ? "—" : b ? "是" : "否";
    }

    private static List<String> changeRow(String name, String code, List<AssessmentView.FigureName> figures,
                                          java.util.Map<String, AssessmentView.Change> changes) {
        List<String> row = new ArrayList<>(List.of(name, code));
        for (AssessmentView.FigureName f : figures) {
            AssessmentView.Change c = changes.get(f.key());
            row.add(Rates.text(c.difference()));
            if (!"%".equals(f.unit())) {
                row.add(Rates.text(c.percent()));
            }
        }
        return row;
    }

    private static List<String> kindRow(String name, String code, Figures r, Figures t) {
        return List.of(name, code, Rates.text(r.checks()), Rates.text(r.problems()), Rates.text(r.violations()),
                Rates.text(r.nonSite()), Rates.text(t.checks()), Rates.text(t.problems()), Rates.text(t.violations()),
                Rates.text(t.nonSite()));
    }

}
