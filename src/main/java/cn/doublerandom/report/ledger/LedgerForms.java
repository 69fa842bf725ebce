package cn.doublerandom.report.ledger;

import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.history.RegistryHistory;
import cn.doublerandom.registry.inspector.InspectorStore;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetService;
import cn.doublerandom.registry.target.TargetSheet;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.WeatherGrade;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.result.Handling;
import cn.doublerandom.result.ResultView;
import cn.doublerandom.result.evidence.EvidenceService;
import cn.doublerandom.result.evidence.SignoffView;
import cn.doublerandom.result.followup.FollowUpService;
import cn.doublerandom.result.followup.PenaltyView;
import cn.doublerandom.result.followup.RectificationView;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The two forms of the Hengshui "全企体检" campaign (seed 004) filled from the checks the service
 * holds, random and targeted alike: 附件3 入企检查登记表, one row per check, and 附件4 入企检查问题台账,
 * one row per problem found (a check without one gets a row saying 未发现问题). Columns are the
 * seed's, in its order; 序号 and the coordinates are numbers, dates are dates. A target's facts are
 * those the registry held at the end of the check's date (a form of October keeps October's legal
 * representative and coordinates after they change), or today's for a target registered only after
 * its check; a check's are its current version, with its rectifications, penalty decisions and
 * sign-off as the result's follow-up records them.
 */
@ApplicationScoped
public class LedgerForms {

    /** 附件3's eleven fields, in its order. */
    public static final List<String> REGISTRATION_HEADER = List.of("序号", "检查日期", "企业名称", "法人代表", "是否正面清单企业",
            "企业地址", "经纬度", "企业类型", "行业类别", "现场检查情况", "现场执法人员");

    /** 附件4's nineteen columns, in its order, with its own words. */
    public static final List<String> PROBLEM_HEADER = List.of("检查日期", "序号", "检查人员", "企业名称", "企业类型",
            "行业类别（从现有类型中选择）", "是否超低排放改造的企业", "是否绩效分级A级或B级企业",
            "是否2019年以来自主验收的企业项目（含涉VOCs新建项目）", "经度", "纬度", "县市区", "乡镇或开发区", "存在的问题",
            "问题类型（从现有类型中选择）", "查处情况（从现有类型中选择）", "整改情况", "处罚情况", "责任人签字");

    @Inject
    LedgerFormStore store;

    @Inject
    ObjectMapper json;

    @Inject
    TargetStore targets;

    @Inject
    TargetService targetHistory;

    @Inject
    InspectorStore inspectors;

    @Inject
    RegionDirectory regionDirectory;

    @Inject
    FollowUpService followUps;

    @Inject
    EvidenceService evidence;

    /** One check as the forms use it, with what the follow-up recorded on a random one. */
    record Check(String kind, String id, String uscc, String enterpriseName, LocalDate inspectionDate, int version,
                 String wordingText, List<ResultView.FindingView> problems, List<Handling> handling, List<String> team,
                 List<RectificationView> rectifications, List<PenaltyView> penalties, SignoffView signoff) {
    }

    /** A filled form: its caption, header and rows of typed cells. */
    public record Form(String caption, List<String> header, List<List<Object>> rows) {
    }

    public Form registration(LedgerScope scope, ReportRegions regions) {
        Facts facts = facts(scope, regions);
        List<List<Object>> rows = new ArrayList<>();
        for (Check c : facts.checks) {
            TargetData t = facts.target(c);
            rows.add(Arrays.asList(rows.size() + 1, c.inspectionDate(), c.enterpriseName(),
                    t == null ? null : t.legalRepresentative(),
                    t == null ? null : TargetSheet.yesNo(t.onPositiveListOn(c.inspectionDate())),
                    t == null ? null : t.address(), t == null || t.longitude() == null ? null
                            : t.longitude().toPlainString() + "," + t.latitude().toPlainString(),
                    t == null || t.enterpriseType() == null ? null : t.enterpriseType().label(),
                    t == null || t.ledgerIndustry() == null ? null : t.ledgerIndustry().label(),
                    siteRecord(c), facts.team(c)));
        }
        return new Form("入企检查登记表（" + scope.region().name() + "，" + scope.label() + "）", REGISTRATION_HEADER, rows);
    }

    public Form problems(LedgerScope scope, ReportRegions regions) {
        Facts facts = facts(scope, regions);
        List<List<Object>> rows = new ArrayList<>();
        for (Check c : facts.checks) {
            TargetData t = facts.target(c);
            String handling = c.handling().stream().filter(h -> h != Handling.NONE).map(Handling::label)
                    .collect(Collectors.joining("、"));
            String penalties = penalties(c);
            String signoff = c.signoff() == null ? null : c.signoff().refused()
                    ? "拒绝签字（" + c.signoff().refusalReason() + "）"
                    : c.signoff().signatory() + "（" + c.signoff().signatoryRole() + "）";
            List<ResultView.FindingView> found = c.problems().isEmpty() ? java.util.Collections.singletonList(null) : c.problems();
            for (int i = 0; i < found.size(); i++) {
                ResultView.FindingView p = found.get(i);
                rows.add(Arrays.asList(c.inspectionDate(), rows.size() + 1, facts.team(c), c.enterpriseName(),
                        t == null || t.enterpriseType() == null ? null : t.enterpriseType().label(),
                        t == null || t.ledgerIndustry() == null ? null : t.ledgerIndustry().label(),
                        t == null ? null : TargetSheet.yesNo(t.ultraLowEmission()),
                        t == null ? null : performanceGrade(t.weatherGrade()),
                        t == null ? null : TargetSheet.yesNo(t.selfAcceptedSince2019()),
                        t == null ? null : t.longitude(), t == null ? null : t.latitude(),
                        t == null ? null : regionName(t.regionCode()), t == null ? null : t.township(),
                        p == null ? "未发现问题" : p.description(), p == null ? null : p.typeLabel(),
                        handling.isEmpty() ? null : handling, p == null ? null : rectification(c, i, p), penalties, signoff));
            }
        }
        return new Form("入企检查问题台账（" + scope.region().name() + "，" + scope.label() + "）", PROBLEM_HEADER, rows);
    }

    /** 是否绩效分级A级或B级企业: "分别填写A级、B级和否". */
    static String performanceGrade(WeatherGrade g) {
        if (g == null) {
            return null;
        }
        return g == WeatherGrade.A || g == WeatherGrade.B ? g.label() + "级" : "否";
    }

    private String regionName(String code) {
        Region r = regionDirectory.find(code);
        return r == null ? code : r.name();
    }

    /**
     * 现场检查情况: the outcome, each problem with its type, how it was handled, and what was required by
     * when, as the form asks ("存在的全部环境违法问题…整改要求、时限").
     */
    private static String siteRecord(Check c) {
        StringBuilder s = new StringBuilder(c.wordingText() == null ? "" : c.wordingText());
        for (int i = 0; i < c.problems().size(); i++) {
            ResultView.FindingView p = c.problems().get(i);
            s.append(s.isEmpty() ? "" : "；").append("问题").append(i + 1).append("：").append(p.description())
                    .append("（").append(p.typeLabel()).append("）");
        }
        String handling = c.handling().stream().map(Handling::label).collect(Collectors.joining("、"));
        if (!handling.isEmpty()) {
            s.append(s.isEmpty() ? "" : "；").append("查处情况：").append(handling);
        }
        for (RectificationView r : c.rectifications()) {
            s.append("；整改要求：").append(r.current().requirement()).append("，时限 ").append(r.current().deadline())
                    .append("，责任人 ").append(r.current().responsiblePerson());
        }
        return s.toString();
    }

    /** 整改情况 of problem {@code index} of the check's current version: its status, requirement and deadline. */
    private static String rectification(Check c, int index, ResultView.FindingView p) {
        for (RectificationView r : c.rectifications()) {
            boolean same = r.resultVersion() == c.version() ? r.problemIndex() == index
                    : r.problemType().equals(p.type()) && r.problemDescription().equals(p.description());
            if (same) {
                StringBuilder s = new StringBuilder(r.statusLabel());
                if (r.current().rectifiedOn() != null) {
                    s.append("（").append(r.current().rectifiedOn()).append("）");
                }
                s.append("：").append(r.current().requirement()).append("，时限 ").append(r.current().deadline());
                if (r.closed()) {
                    s.append("，复查确认销号");
                }
                return s.toString();
            }
        }
        return null;
    }

    /** 处罚情况: each decision's case number, date, amount and discretion, and its transfers. */
    private static String penalties(Check c) {
        if (c.penalties().isEmpty()) {
            return null;
        }
        return c.penalties().stream().map(p -> {
            PenaltyView.Version v = p.current();
            StringBuilder s = new StringBuilder(p.caseNumber()).append("，").append(v.decisionDate()).append(" 决定，")
                    .append(v.discretionLabel());
            if (v.amount().signum() > 0) {
                s.append("，罚款 ").append(v.amount().toPlainString()).append(" 元");
            }
            if (v.discretionReason() != null) {
                s.append("（").append(v.discretionReason()).append("）");
            }
            if (!v.transfers().isEmpty()) {
                s.append("，").append(v.transfers().stream().map(PenaltyView.Transfer::label).collect(Collectors.joining("、")));
            }
            return s.toString();
        }).collect(Collectors.joining("；"));
    }

    /** The checks in scope with the targets' facts on each check's date, today's as a fallback, and the team members' names. */
    private final class Facts {
        final List<Check> checks;
        final Map<RegistryHistory.KeyAt, TargetData> onCheckDate;
        final Map<String, TargetData> today;
        final Map<String, String> names;

        Facts(List<Check> checks, Map<RegistryHistory.KeyAt, TargetData> onCheckDate, Map<String, TargetData> today,
              Map<String, String> names) {
            this.checks = checks;
            this.onCheckDate = onCheckDate;
            this.today = today;
            this.names = names;
        }

        TargetData target(Check c) {
            TargetData then = onCheckDate.get(new RegistryHistory.KeyAt(c.uscc(), c.inspectionDate()));
            return then != null ? then : today.get(c.uscc());
        }

        String team(Check c) {
            return c.team().stream().map(code -> names.getOrDefault(code, code)).collect(Collectors.joining("、"));
        }
    }

    private Facts facts(LedgerScope scope, ReportRegions regions) {
        List<LedgerFormStore.Raw> raw;
        Set<String> followedUp;
        // outside a transaction each read would take a connection of its own; the checks and their follow-ups share one
        try (Connection c = store.connection()) {
            raw = store.checks(c, scope, regions.like(scope.region()));
            // the follow-up is read only for the random checks that have any
            List<String> random = raw.stream().filter(r -> r.kind().equals("RANDOM")).map(LedgerFormStore.Raw::id).toList();
            followedUp = random.isEmpty() ? new HashSet<>() : store.followedUp(c, random);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<Check> checks = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (LedgerFormStore.Raw r : raw) {
            boolean followed = followedUp.contains(r.id());
            SignoffView signoff = !followed ? null : evidence.signoffs(r.id()).stream()
                    .filter(s -> s.resultVersion() <= r.version()).findFirst().orElse(null);
            checks.add(new Check(r.kind(), r.id(), r.uscc(), r.name(), r.inspected(), r.version(), r.wording(),
                    findings(r.problems()), r.handling(), r.team(),
                    followed ? followUps.rectifications(r.id()) : List.of(), followed ? followUps.penalties(r.id()) : List.of(),
                    signoff));
            codes.addAll(r.team());
        }
        Map<RegistryHistory.KeyAt, TargetData> onCheckDate = targetHistory.asOf(raw.stream()
                .map(r -> new RegistryHistory.KeyAt(r.uscc(), r.inspected())).toList());
        Set<String> unregistered = raw.stream().filter(r -> !onCheckDate.containsKey(new RegistryHistory.KeyAt(r.uscc(), r.inspected())))
                .map(LedgerFormStore.Raw::uscc).collect(Collectors.toSet());
        Map<String, TargetData> today = unregistered.isEmpty() ? Map.of() : targets.current(unregistered);
        Map<String, String> names = new HashMap<>();
        try (Connection c = inspectors.connection()) {
            inspectors.load(c, codes, false).forEach((code, i) -> names.put(code, i.data().name()));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Facts(checks, onCheckDate, today, names);
    }

    private List<ResultView.FindingView> findings(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, new TypeReference<List<ResultView.FindingView>>() { }).stream()
                    .filter(Objects::nonNull).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a check's problems do not read", e);
        }
    }

}
