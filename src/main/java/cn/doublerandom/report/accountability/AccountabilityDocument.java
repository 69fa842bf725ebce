package cn.doublerandom.report.accountability;

import cn.doublerandom.report.Rates;
import cn.doublerandom.report.render.BarChart;
import cn.doublerandom.report.render.ReportDocument;
import cn.doublerandom.report.render.ReportTable;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Accountability as tables: per inspector with the consequence, the judgements, and the pairs awaiting one. */
public final class AccountabilityDocument {

    private AccountabilityDocument() {
    }

    public static ReportDocument of(AccountabilityView v) {
        List<List<String>> inspectors = new ArrayList<>();
        for (AccountabilityView.InspectorRow i : v.inspectors()) {
            inspectors.add(List.of(i.code(), i.name() == null ? "" : i.name(), i.authority(), Rates.text(i.firms()),
                    Rates.text(i.judgements()), i.consequenceLabel(), String.join("、", i.judgementIds())));
        }
        List<List<String>> judgements = new ArrayList<>();
        for (AccountabilityView.JudgementRow j : v.judgements()) {
            judgements.add(List.of(j.id(), j.enterpriseName() == null ? "" : j.enterpriseName(), j.uscc(), kind(j.earlier()),
                    j.earlier().id(), j.earlier().authorityName(), j.earlier().date().toString(),
                    j.earlierTeam().stream().map(m -> (m.name() == null ? "" : m.name()) + "（" + m.code() + "）")
                            .collect(Collectors.joining("、")),
                    kind(j.later()), j.later().id(), j.later().authorityName(), j.later().date().toString(), j.reason(),
                    j.recordedBy()));
        }
        List<List<String>> candidates = new ArrayList<>();
        for (AccountabilityView.Candidate c : v.candidates()) {
            candidates.add(List.of(c.enterpriseName() == null ? "" : c.enterpriseName(), c.uscc(), kind(c.earlier()),
                    c.earlier().id(), c.earlier().authorityName(), c.earlier().date().toString(), kind(c.later()), c.later().id(),
                    c.later().authorityName(), c.later().date().toString()));
        }
        AccountabilityView.Thresholds t = v.thresholds();
        List<String> notes = List.of(
                "“应查出而未查出”须经人工认定：后次检查发现违法问题、前次检查（一年内）未发现问题，认定后计入前次检查组每名执法人员名下。",
                "按名下问题企业数处理：" + t.criticism() + " 家通报批评并作出深刻检查；" + t.removal() + " 家调离执法岗位；"
                        + t.referral() + " 家将线索移交驻局纪检组。",
                "待认定共 " + v.candidateCount() + " 对" + (v.candidateCount() > v.candidates().size() ? "，此处列出前 "
                        + v.candidates().size() + " 对" : "") + "；已撤回的认定不计。");
        List<BarChart> charts = v.inspectors().isEmpty() ? List.of() : List.of(BarChart.of("firms", "执法人员名下问题企业数（家）", "",
                v.inspectors().stream().map(i -> new BarChart.Point((i.name() == null ? "" : i.name()) + " " + i.code(), i.firms()))
                        .toList()));
        return new ReportDocument(v.title(),
                "统计范围：" + v.regionName() + "（" + v.region() + "）及所辖单位；按后次检查日期计入" + v.year() + "年",
                "责任倒查-" + v.region() + "-" + v.year(), notes,
                List.of(new ReportTable("inspectors", "执法人员责任情况", List.of("人员编号", "姓名", "单位", "问题企业数",
                                "认定次数", "处理", "认定编号"), inspectors),
                        new ReportTable("judgements", "认定记录", List.of("认定编号", "企业名称", "统一社会信用代码", "前次检查类型",
                                "前次检查编号", "前次检查单位", "前次检查日期", "前次检查组", "后次检查类型", "后次检查编号",
                                "后次检查单位", "后次检查日期", "认定理由", "认定人"), judgements),
                        new ReportTable("candidates", "待认定（一年内前次未发现、后次发现违法）", List.of("企业名称",
                                "统一社会信用代码", "前次检查类型", "前次检查编号", "前次检查单位", "前次检查日期", "后次检查类型",
                                "后次检查编号", "后次检查单位", "后次检查日期"), candidates)),
                charts);
    }

    private static String kind(AccountabilityView.CheckRef c) {
        return "RANDOM".equals(c.kind()) ? "双随机抽查" : "针对性检查";
    }
}
