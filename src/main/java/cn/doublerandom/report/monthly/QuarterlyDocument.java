package cn.doublerandom.report.monthly;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.compliance.ComplianceView;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;
import cn.doublerandom.report.render.ReportTitle;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The quarterly summary as a row per bureau and its distributions in long form. */
public final class QuarterlyDocument {

    private QuarterlyDocument() {
    }

    public static ReportDocument of(QuarterlyView v) {
        List<List<String>> summary = new ArrayList<>();
        List<List<String>> distribution = new ArrayList<>();
        for (QuarterlyView.AuthoritySummary a : v.authorities()) {
            ComplianceView.AuthorityRow c = a.compliance();
            long required = 0;
            boolean anyRequired = false;
            long drawn = 0;
            long inspected = 0;
            long onTime = 0;
            long late = 0;
            long overdue = 0;
            for (ComplianceView.ClassRow k : c.classes()) {
                if (k.required() != null) {
                    required += k.required();
                    anyRequired = true;
                }
                drawn += k.drawn();
                inspected += k.inspected();
                onTime += k.publishedOnTime();
                late += k.publishedLate();
                overdue += k.overdue();
            }
            summary.add(List.of(a.name(), a.authority(), c.drawId() == null ? "否" : "是（" + c.drawId() + "）",
                    anyRequired ? Rates.text(required) : "—", Rates.text(drawn), Rates.text(inspected), Rates.text(onTime),
                    Rates.text(late), Rates.text(overdue), Rates.text(a.random().checks()), Rates.text(a.random().problems()),
                    Rates.text(a.random().violations()), Rates.text(a.random().nonSite()), Rates.text(a.targeted().checks()),
                    Rates.text(a.targeted().problems()), Rates.text(a.targeted().violations()),
                    c.flags().isEmpty() ? "无" : c.flags().stream().map(ComplianceView.Flag::message).collect(Collectors.joining("；"))));
            add(distribution, a, "双随机抽查", a.random());
            add(distribution, a, "针对性检查", a.targeted());
        }
        String due = ReportTitle.date(v.dueBy());
        List<String> notes = List.of(
                "报送期限" + due + "。抽取与公示按本季度不定向抽取计（见抽查比例落实情况）；检查家次按检查日期在本季度计。");
        return new ReportDocument(v.title(),
                "统计范围：" + v.regionName() + "（" + v.region() + "）及所辖单位；报送期限" + due,
                "季度汇总-" + v.region() + "-" + v.quarter(), notes,
                List.of(new ReportTable("summary", "季度汇总", List.of("单位", "区划代码", "不定向抽取", "应抽合计", "已抽合计",
                                "季度内已检查", "按时公示", "超期公示", "逾期未公示", "双随机检查（家次）", "双随机发现问题",
                                "双随机发现违法问题", "双随机非现场检查", "针对性检查（家次）", "针对性检查发现问题", "针对性检查发现违法问题", "存在差距"),
                                summary),
                        new ReportTable("distribution", "检查结果、问题类型、处理情况分布", List.of("单位", "区划代码", "检查类型",
                                "项目", "名称", "数量"), distribution)),
                List.of());
    }

    private static void add(List<List<String>> out, QuarterlyView.AuthoritySummary a, String kind, QuarterlyView.Breakdown b) {
        for (var e : List.of(java.util.Map.entry("检查结果", b.wordings()), java.util.Map.entry("问题类型", b.problemTypes()),
                java.util.Map.entry("处理情况", b.handling()), java.util.Map.entry("任务来源", b.sources()))) {
            for (QuarterlyView.Count c : e.getValue()) {
                // the Chinese table names each code; the JSON keeps the codes for programs
                out.add(List.of(a.name(), a.authority(), kind, e.getKey(), c.label() == null ? String.valueOf(c.code()) : c.label(),
                        Rates.text(c.count())));
            }
        }
    }
}
