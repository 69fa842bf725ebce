package cn.doublerandom.report.accountability;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Constraints;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.report.ReportConfig;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records the judgement that a violation should have been found (应查出而未查出) against an earlier
 * check and its team, retracts a mistaken one, and reports a year of them. The service never
 * decides blame itself: it checks that the two checks can bear the judgement (same enterprise, the
 * earlier found nothing, the later found a violation within a year) and lists the pairs awaiting one. Its
 * SQL sits in {@link AccountabilityStore}.
 */
@ApplicationScoped
public class AccountabilityService {

    /** How many unjudged pairs the report lists (their total is always given). */
    static final int CANDIDATES_LISTED = 200;

    @Inject
    AccountabilityStore store;

    @Inject
    RegionScope scope;

    @Inject
    TargetStore targets;

    @Inject
    RegionDirectory regions;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ReportConfig config;

    @Transactional
    public AccountabilityView.JudgementRow judge(JudgementInput in) {
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String earlierId = f.text("earlierId", in.earlierId(), 32, true);
        String laterId = f.text("laterId", in.laterId(), 32, true);
        String reason = f.text("reason", in.reason(), 500, true);
        for (String[] id : new String[][]{{"earlierId", earlierId}, {"laterId", laterId}}) {
            if (id[1] != null && !id[1].matches("[RC]\\d{9}")) {
                f.fail(id[0], id[1], "must be a result id (R000000001) or a targeted check id (C000000001)");
            }
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the judgement is not valid; nothing was recorded", f.problems());
        }
        try {
            AccountabilityStore.Check earlier = check("earlierId", earlierId);
            scope.requireRead(earlier.authority());
            AccountabilityStore.Check later = check("laterId", laterId);
            List<FieldProblem> problems = new ArrayList<>();
            if (!earlier.uscc().equals(later.uscc())) {
                problems.add(FieldProblem.field("laterId", laterId, "checked " + later.uscc() + ", not " + earlier.uscc()));
            }
            if (earlier.violation()) {
                problems.add(FieldProblem.field("earlierId", earlierId, "found a violation itself: nothing was missed"));
            }
            if (!later.violation()) {
                problems.add(FieldProblem.field("laterId", laterId, "found no violation"));
            }
            if (!later.date().isAfter(earlier.date())) {
                problems.add(FieldProblem.field("laterId", later.date().toString(), "is not after the earlier check of "
                        + earlier.date()));
            } else if (later.date().isAfter(earlier.date().plusYears(1))) {
                problems.add(FieldProblem.field("laterId", later.date().toString(), "is more than a year after the earlier check of "
                        + earlier.date()));
            }
            if (!problems.isEmpty()) {
                throw new ProblemException(ProblemType.JUDGEMENT_INVALID, "check " + laterId + " cannot show that " + earlierId
                        + " missed a violation; nothing was recorded", problems);
            }
            Judgement.between(earlierId, laterId).ifPresent(j -> {
                throw new ProblemException(ProblemType.JUDGEMENT_EXISTS, "judgement " + j.id + " already concerns these two checks");
            });
            String id = Judgement.nextId();
            try {
                Judgement.record(id, earlier.uscc(), earlier.kind(), earlier.id(), earlier.authority(), earlier.date(),
                        earlier.team(), later.kind(), later.id(), later.authority(), later.date(), reason, clock.now(),
                        caller.signature());
            } catch (PersistenceException e) {
                if (Constraints.isUniqueViolation(e)) {
                    throw new ProblemException(ProblemType.JUDGEMENT_EXISTS, "a judgement already concerns these two checks");
                }
                throw e;
            }
            audit.record("JUDGE", "ACCOUNTABILITY", id, earlier.authority(), earlierId + " missed what " + laterId + " found");
            return row(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public AccountabilityView.JudgementRow retract(String id, String reasonText) {
        FieldRules f = new FieldRules();
        String reason = f.text("reason", reasonText, 500, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "retracting a judgement needs a reason", f.problems());
        }
        try {
            String authority = authorityOf(id);
            scope.requireRead(authority);
            if (JudgementRetraction.findByIdOptional(id).isPresent()) {
                throw new ProblemException(ProblemType.JUDGEMENT_EXISTS, "judgement " + id + " is already retracted");
            }
            try {
                JudgementRetraction.record(id, reason, clock.now(), caller.signature());
            } catch (PersistenceException e) {
                if (Constraints.isUniqueViolation(e)) {
                    throw new ProblemException(ProblemType.JUDGEMENT_EXISTS, "judgement " + id + " is already retracted");
                }
                throw e;
            }
            audit.record("RETRACT", "ACCOUNTABILITY", id, authority, reason);
            return row(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AccountabilityView.JudgementRow get(String id) {
        try {
            scope.requireRead(authorityOf(id));
            return row(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AccountabilityView report(Region region, int year, ReportRegions units) {
        String like = units.like(region);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        try {
            List<AccountabilityView.JudgementRow> judgements = named(store.standing(like, from, to));
            List<AccountabilityView.InspectorRow> members = new ArrayList<>();
            for (AccountabilityStore.MemberCount m : store.members(like, from, to)) {
                String[] consequence = consequence(m.firms());
                members.add(new AccountabilityView.InspectorRow(m.code(), null, m.authority(), m.firms(), m.judgements(),
                        m.judgementIds(), consequence[0], consequence[1]));
            }
            // an inspector no longer in the registry keeps the authority of the judgements that name it
            Map<String, Stored<InspectorData>> registered = members.isEmpty() ? Map.of()
                    : store.inspectors(members.stream().map(AccountabilityView.InspectorRow::code).toList());
            List<AccountabilityView.InspectorRow> inspectorRows = members.stream().map(m -> {
                Stored<InspectorData> i = registered.get(m.code());
                return i == null ? m : new AccountabilityView.InspectorRow(m.code(), i.data().name(),
                        i.data().regionCode() == null ? m.authority() : i.data().regionCode(), m.firms(), m.judgements(),
                        m.judgementIds(), m.consequence(), m.consequenceLabel());
            }).toList();
            AccountabilityStore.Candidates candidates = store.candidates(like, from, to, CANDIDATES_LISTED);
            return new AccountabilityView(region.code(), region.name(), year, thresholds(), judgements, inspectorRows,
                    candidates.total(), candidates.listed());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AccountabilityView.Thresholds thresholds() {
        AccountabilityPolicy policy = config.accountability();
        return new AccountabilityView.Thresholds(policy.criticismAt(), policy.removalAt(), policy.referralAt());
    }

    /** The heaviest consequence the firm count reaches: code and Chinese wording. */
    String[] consequence(long firms) {
        if (firms >= config.accountability().referralAt()) {
            return new String[]{"REFERRAL", "移交纪检"};
        }
        if (firms >= config.accountability().removalAt()) {
            return new String[]{"REMOVAL", "调离执法岗位"};
        }
        if (firms >= config.accountability().criticismAt()) {
            return new String[]{"CRITICISM", "通报批评"};
        }
        return new String[]{"NONE", "—"};
    }

    private AccountabilityStore.Check check(String field, String id) throws SQLException {
        return store.check(id).orElseThrow(() -> new ProblemException(ProblemType.JUDGEMENT_INVALID, "no check " + id
                + " (a result of a voided draw does not count)", List.of(FieldProblem.field(field, id, "no such check"))));
    }

    private static String authorityOf(String id) {
        if (id == null || !id.matches("A\\d{9}")) {
            throw ProblemException.notFound("no judgement " + FieldRules.abbreviate(id));
        }
        return Judgement.of(id).orElseThrow(() -> ProblemException.notFound("no judgement " + id)).earlierAuthority;
    }

    /** A judgement with its retraction if any, and the names the registry has now. */
    private AccountabilityView.JudgementRow row(String id) throws SQLException {
        return named(List.of(store.judgement(id))).get(0);
    }

    /** The rows with their enterprise's and earlier team's names as the registry has them now (none where it has none). */
    private List<AccountabilityView.JudgementRow> named(List<AccountabilityView.JudgementRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, TargetStore.Label> labels = targets.labels(rows.stream().map(AccountabilityView.JudgementRow::uscc)
                .collect(Collectors.toSet()));
        Map<String, String> names = inspectorNames(rows.stream().flatMap(r -> r.earlierTeam().stream())
                .map(AccountabilityView.Member::code).collect(Collectors.toSet()));
        return rows.stream().map(r -> {
            TargetStore.Label label = labels.get(r.uscc());
            List<AccountabilityView.Member> team = r.earlierTeam().stream()
                    .map(m -> new AccountabilityView.Member(m.code(), names.get(m.code()))).toList();
            return new AccountabilityView.JudgementRow(r.id(), r.uscc(), label == null ? null : label.name(), r.earlier(), team,
                    r.later(), r.reason(), r.recordedAt(), r.recordedBy(), r.retraction());
        }).toList();
    }

    private Map<String, String> inspectorNames(Set<String> codes) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (!codes.isEmpty()) {
            store.inspectors(codes).forEach((code, i) -> out.put(code, i.data().name()));
        }
        return out;
    }
}
