package cn.doublerandom.result.followup;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorService;
import cn.doublerandom.result.FindingType;
import cn.doublerandom.result.Handling;
import cn.doublerandom.result.ResultService;
import cn.doublerandom.result.ResultView;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The follow-up of a result (持续追踪): rectifications of the problems found, their re-checks, and
 * penalty decisions with their transfers. Written by whoever may write the result (the draw's
 * authority), read by whoever may read it. Nothing is updated: every change is a new version with its
 * reason, and a re-check is a row of its own.
 */
@ApplicationScoped
public class FollowUpService {

    static final int TEXT_MAX = 500;
    static final int NAME_MAX = 50;
    /** The largest amount a decision may carry, in yuan (numeric(14, 2)). */
    static final BigDecimal AMOUNT_MAX = new BigDecimal("999999999999.99");
    static final Map<String, String> STATUS_LABELS = Map.of("IN_PROGRESS", "整改中", "OVERDUE", "逾期未整改", "RECTIFIED", "已整改");
    static final Map<String, String> KIND_LABELS = Map.of("RECHECK", "复查", "LOOK_BACK", "回头看");
    static final Map<String, String> OUTCOME_LABELS = Map.of("CONFIRMED", "整改到位", "NOT_RECTIFIED", "未整改到位");
    static final Map<String, String> DISCRETION_LABELS = Map.of("NO_PENALTY", "不予处罚", "LIGHTER", "从轻处罚",
            "STANDARD", "一般处罚", "HEAVIER", "从重处罚");
    static final Set<Handling> TRANSFERS = Set.of(Handling.REFERRED, Handling.REFERRED_TO_GOVERNMENT, Handling.REFERRED_FOR_PENALTY,
            Handling.REFERRED_TO_POLICE, Handling.REFERRED_TO_JUDICIAL);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ResultService results;

    @Inject
    InspectorService inspectors;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    FollowUpStore store;

    @PostConstruct
    void registerGauge() {
        // read at each scrape: the clock decides what is overdue, not a job
        metrics.gauge("doublerandom.rectifications.overdue", this, s -> s.overdueCount());
    }

    // --- rectification -------------------------------------------------------------------------------

    @Transactional
    public RectificationView order(String resultId, RectificationInput in) {
        ResultView result = writable(resultId);
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        List<ResultView.FindingView> problems = result.current().problems();
        Integer index = in.problemIndex();
        if (index == null) {
            f.fail("problemIndex", null, "is required: the problem's place (0-based) in the result's current version");
        } else if (index < 0 || index >= problems.size()) {
            f.fail("problemIndex", String.valueOf(index), problems.isEmpty() ? "the result's current version records no problem"
                    : "must be between 0 and " + (problems.size() - 1) + " (the current version's problems)");
        }
        String requirement = f.text("requirement", in.requirement(), TEXT_MAX, true);
        String person = f.text("responsiblePerson", in.responsiblePerson(), NAME_MAX, true);
        LocalDate deadline = notBeforeInspection(f, "deadline", in.deadline(), result, true, false);
        if (in.status() != null || in.rectifiedOn() != null || in.reason() != null) {
            f.fail("status", FieldRules.abbreviate(in.status()), "an order starts 整改中; status, rectifiedOn and reason belong to a later version");
        }
        failIfAny(f, "the rectification was not ordered; nothing was recorded");
        try (Connection c = dataSource.getConnection()) {
            lock(c, "rectification:" + resultId);
            ResultView.FindingView problem = problems.get(index);
            int version = result.current().version();
            Rectification.of(resultId, version, index).ifPresent(existing -> {
                throw new ProblemException(ProblemType.CONFLICT, "problem " + index + " of result " + resultId
                        + " already has rectification " + existing.id + "; change it with a new version",
                        List.of(), Map.of("rectificationId", existing.id));
            });
            Rectification z = new Rectification();
            z.id = Rectification.nextId();
            z.resultId = resultId;
            z.resultVersion = version;
            z.problemIndex = index;
            z.problemType = problem.type();
            z.problemDescription = problem.description();
            z.recordedAt = clock.now();
            z.recordedBy = caller.signature();
            z.persist();
            String id = z.id;
            Instant now = z.recordedAt;
            insertVersion(id, 1, new RectificationView.Version(1, requirement, deadline, person, "IN_PROGRESS", null, null,
                    now, null));
            return rectification(id, result);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new version of a rectification: its status and whatever of requirement, deadline and person changed. */
    @Transactional
    public RectificationView update(String resultId, String id, RectificationInput in) {
        ResultView result = writable(resultId);
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        if (in.problemIndex() != null) {
            f.fail("problemIndex", String.valueOf(in.problemIndex()), "the problem of a rectification stays as ordered");
        }
        String requirement = f.text("requirement", in.requirement(), TEXT_MAX, false);
        String person = f.text("responsiblePerson", in.responsiblePerson(), NAME_MAX, false);
        LocalDate deadline = notBeforeInspection(f, "deadline", in.deadline(), result, false, false);
        String reason = f.text("reason", in.reason(), TEXT_MAX, true);
        String status = in.status();
        if (status == null) {
            f.fail("status", null, "is required: IN_PROGRESS (整改中) or RECTIFIED (已整改)");
        } else if (!status.equals("IN_PROGRESS") && !status.equals("RECTIFIED")) {
            f.fail("status", FieldRules.abbreviate(status), "must be IN_PROGRESS (整改中) or RECTIFIED (已整改); "
                    + "逾期未整改 follows from the deadline");
        }
        LocalDate rectifiedOn = notBeforeInspection(f, "rectifiedOn", in.rectifiedOn(), result, "RECTIFIED".equals(status), true);
        if ("IN_PROGRESS".equals(status) && in.rectifiedOn() != null) {
            f.fail("rectifiedOn", in.rectifiedOn().toString(), "only a rectified problem has a rectification date");
        }
        failIfAny(f, "the rectification was not changed; nothing was recorded");
        try (Connection c = dataSource.getConnection()) {
            lock(c, "rectification:" + resultId);
            RectificationView now = rectification(requireRectification(resultId, id), result);
            if (now.closed()) {
                throw new ProblemException(ProblemType.CONFLICT, "rectification " + id + " was confirmed by a re-check and is closed; "
                        + "a look-back (回头看) that finds the problem again reopens it");
            }
            RectificationView.Version cur = now.current();
            insertVersion(id, cur.version() + 1, new RectificationView.Version(cur.version() + 1,
                    requirement == null ? cur.requirement() : requirement, deadline == null ? cur.deadline() : deadline,
                    person == null ? cur.responsiblePerson() : person, status, rectifiedOn, reason, clock.now(), null));
            return rectification(id, result);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A re-check (复查) or look-back (回头看): recorded as a check of its own; its outcome moves the rectification. */
    @Transactional
    public RectificationView recheck(String resultId, String id, RecheckInput in) {
        ResultView result = writable(resultId);
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String kind = in.kind();
        if (kind == null || !KIND_LABELS.containsKey(kind)) {
            f.fail("kind", FieldRules.abbreviate(kind), "must be RECHECK (复查) or LOOK_BACK (回头看)");
        }
        String outcome = in.outcome();
        if (outcome == null || !OUTCOME_LABELS.containsKey(outcome)) {
            f.fail("outcome", FieldRules.abbreviate(outcome), "must be CONFIRMED (整改到位) or NOT_RECTIFIED (未整改到位)");
        }
        LocalDate checkDate = notBeforeInspection(f, "checkDate", in.checkDate(), result, true, true);
        String findings = f.text("findings", in.findings(), TEXT_MAX, true);
        List<String> team = team(f, in.team(), result.authority(), checkDate);
        LocalDate deadline = null;
        if ("NOT_RECTIFIED".equals(outcome)) {
            deadline = notBeforeInspection(f, "deadline", in.deadline(), result, true, false);
            if (deadline != null && checkDate != null && deadline.isBefore(checkDate)) {
                f.fail("deadline", deadline.toString(), "the new deadline is before the re-check date " + checkDate);
            }
        } else if (in.deadline() != null) {
            f.fail("deadline", in.deadline().toString(), "only a re-check that finds the problem not rectified sets a new deadline");
        }
        failIfAny(f, "the re-check was not recorded; nothing was recorded");
        try (Connection c = dataSource.getConnection()) {
            lock(c, "rectification:" + resultId);
            RectificationView now = rectification(requireRectification(resultId, id), result);
            if (kind.equals("RECHECK") && now.closed()) {
                throw new ProblemException(ProblemType.CONFLICT, "rectification " + id + " is closed; a later visit is a look-back (LOOK_BACK 回头看)");
            }
            Instant at = clock.now();
            RectificationCheck check = new RectificationCheck();
            check.rectificationId = id;
            check.kind = kind;
            check.checkDate = checkDate;
            check.team = team.toArray(String[]::new);
            check.outcome = outcome;
            check.findings = findings;
            check.recordedAt = at;
            check.recordedBy = caller.signature();
            check.persist();
            RectificationView.Version cur = now.current();
            String label = KIND_LABELS.get(kind) + checkDate;
            if (outcome.equals("CONFIRMED") && !cur.status().equals("RECTIFIED")) {
                insertVersion(id, cur.version() + 1, new RectificationView.Version(cur.version() + 1, cur.requirement(),
                        cur.deadline(), cur.responsiblePerson(), "RECTIFIED", checkDate, label + "确认整改到位", at, null));
            } else if (outcome.equals("NOT_RECTIFIED")) {
                insertVersion(id, cur.version() + 1, new RectificationView.Version(cur.version() + 1, cur.requirement(),
                        deadline, cur.responsiblePerson(), "IN_PROGRESS", null, label + "未整改到位：" + findings, at, null));
            }
            return rectification(id, result);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<RectificationView> rectifications(String resultId) {
        ResultView result = results.get(resultId);
        List<RectificationView> out = new ArrayList<>();
        for (Rectification z : Rectification.ofResult(resultId)) {
            out.add(rectification(z, result));
        }
        return out;
    }

    /** A rectification still in progress whose deadline is near or past, for the due list. */
    public record OpenRectification(String id, String resultId, String authority, String uscc, String enterpriseName,
                                    String problemTypeLabel, String requirement, String responsiblePerson, LocalDate deadline,
                                    boolean overdue) {
    }

    /**
     * Rectifications of results under {@code regionPrefix} (a region's subtree; null: all) whose current
     * version is in progress with a deadline on or before {@code until}; overdue once the deadline day ended.
     */
    public List<OpenRectification> openUntil(String regionPrefix, LocalDate until) {
        LocalDate today = clock.today();
        List<OpenRectification> out = new ArrayList<>();
        for (FollowUpStore.Open o : store.openUntil(regionPrefix, until)) {
            out.add(new OpenRectification(o.id(), o.resultId(), o.authority(), o.uscc(), o.name(), typeLabel(o.problemType()),
                    o.requirement(), o.responsiblePerson(), o.deadline(), o.deadline().isBefore(today)));
        }
        return out;
    }

    /** Rectifications in progress past their deadline day, service-wide (metric doublerandom_rectifications_overdue). */
    double overdueCount() {
        try {
            return store.overdueCount(clock.today());
        } catch (SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }

    // --- penalty ------------------------------------------------------------------------------------

    @Transactional
    public PenaltyView decide(String resultId, PenaltyInput in) {
        ResultView result = writable(resultId);
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String caseNumber = f.text("caseNumber", in.caseNumber(), 60, true);
        if (in.reason() != null) {
            f.fail("reason", FieldRules.abbreviate(in.reason()), "a first decision has no correction reason");
        }
        PenaltyView.Version v = penaltyVersion(f, in, result);
        if (!result.current().violationFound() && result.current().problems().isEmpty()) {
            f.fail("resultId", resultId, "the result's current version records no problem and no violation: nothing to decide on");
        }
        failIfAny(f, "the penalty decision was not recorded; nothing was recorded");
        try (Connection c = dataSource.getConnection()) {
            lock(c, "penalty-case:" + caseNumber);
            Penalty.ofCase(caseNumber).ifPresent(existing -> {
                throw new ProblemException(ProblemType.CONFLICT, "case number " + caseNumber + " is already decision "
                        + existing.id + " of result " + existing.resultId + "; a change is a correction",
                        List.of(FieldProblem.field("caseNumber", caseNumber, "already recorded")), Map.of("penaltyId", existing.id));
            });
            Penalty p = new Penalty();
            p.id = Penalty.nextId();
            p.resultId = resultId;
            p.caseNumber = caseNumber;
            p.recordedAt = clock.now();
            p.recordedBy = caller.signature();
            p.persist();
            String id = p.id;
            Instant now = p.recordedAt;
            insertPenaltyVersion(id, 1, v, null, now);
            return penalty(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public PenaltyView correctPenalty(String resultId, String id, PenaltyInput in) {
        ResultView result = writable(resultId);
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        if (in.caseNumber() != null) {
            f.fail("caseNumber", FieldRules.abbreviate(in.caseNumber()), "the case number stays as recorded");
        }
        String reason = f.text("reason", in.reason(), TEXT_MAX, true);
        PenaltyView.Version v = penaltyVersion(f, in, result);
        failIfAny(f, "the penalty decision was not corrected; nothing was recorded");
        try (Connection c = dataSource.getConnection()) {
            lock(c, "penalty:" + id);
            String owner = id == null || !id.matches("P\\d{9}") ? null : Penalty.of(id).map(p -> p.resultId).orElse(null);
            if (!resultId.equals(owner)) {
                throw ProblemException.notFound("no penalty decision " + FieldRules.abbreviate(id) + " on result " + resultId);
            }
            int next = PenaltyVersion.next(id);
            insertPenaltyVersion(id, next, v, reason, clock.now());
            return penalty(id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<PenaltyView> penalties(String resultId) {
        results.get(resultId);
        return Penalty.ofResult(resultId).stream().map(this::penalty).toList();
    }

    private PenaltyView.Version penaltyVersion(FieldRules f, PenaltyInput in, ResultView result) {
        LocalDate decided = notBeforeInspection(f, "decisionDate", in.decisionDate(), result, true, true);
        String discretion = in.discretion();
        if (discretion == null || !DISCRETION_LABELS.containsKey(discretion)) {
            f.fail("discretion", FieldRules.abbreviate(discretion), "must be one of NO_PENALTY (不予处罚), LIGHTER (从轻), "
                    + "STANDARD (一般), HEAVIER (从重)");
        }
        String why = f.text("discretionReason", in.discretionReason(), TEXT_MAX, discretion != null && !discretion.equals("STANDARD"));
        BigDecimal amount = in.amount();
        if (amount == null) {
            f.fail("amount", null, "is required, in yuan (0 when no fine)");
        } else if (amount.signum() < 0 || amount.compareTo(AMOUNT_MAX) > 0) {
            f.fail("amount", FieldRules.abbreviate(amount.toString()), "must be between 0 and " + AMOUNT_MAX.toPlainString() + " yuan");
            amount = null;
        } else if (amount.stripTrailingZeros().scale() > 2) {
            f.fail("amount", FieldRules.abbreviate(amount.toString()), "has more than two decimals (yuan and fen)");
            amount = null;
        } else if ("NO_PENALTY".equals(discretion) && amount.signum() != 0) {
            f.fail("amount", amount.toPlainString(), "不予处罚 carries no fine: the amount is 0");
        }
        List<PenaltyView.Transfer> transfers = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> given = in.transfers() == null ? List.of() : in.transfers();
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i);
            Handling h = null;
            try {
                h = code == null ? null : Handling.valueOf(code);
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (h == null || !TRANSFERS.contains(h)) {
                f.fail("transfers[" + i + "]", FieldRules.abbreviate(code), "is not a transfer: one of " + TRANSFERS.stream()
                        .map(Enum::name).sorted().toList());
            } else if (seen.add(h.name())) {
                transfers.add(new PenaltyView.Transfer(h.name(), h.label()));
            }
        }
        return new PenaltyView.Version(0, decided, amount == null ? null : amount.setScale(2), discretion,
                discretion == null ? null : DISCRETION_LABELS.get(discretion), why, transfers, null, null, null);
    }

    private void insertPenaltyVersion(String id, int version, PenaltyView.Version v, String reason, Instant now) {
        PenaltyVersion pv = new PenaltyVersion();
        pv.penaltyId = id;
        pv.version = version;
        pv.decisionDate = v.decisionDate();
        pv.amount = v.amount();
        pv.discretion = v.discretion();
        pv.discretionReason = v.discretionReason();
        pv.transfers = v.transfers().stream().map(PenaltyView.Transfer::code).toArray(String[]::new);
        pv.changeReason = reason;
        pv.recordedAt = now;
        pv.recordedBy = caller.signature();
        pv.persist();
        PenaltyVersion.flush();
    }

    private PenaltyView penalty(String id) {
        return penalty(Penalty.<Penalty>findById(id));
    }

    private PenaltyView penalty(Penalty p) {
        List<PenaltyView.Version> versions = PenaltyVersion.of(p.id).stream().map(v -> new PenaltyView.Version(v.version,
                v.decisionDate, v.amount, v.discretion, DISCRETION_LABELS.get(v.discretion), v.discretionReason,
                Arrays.stream(v.transfers).map(Handling::valueOf).map(h -> new PenaltyView.Transfer(h.name(), h.label())).toList(),
                v.changeReason, v.recordedAt, v.recordedBy)).toList();
        return new PenaltyView(p.id, p.resultId, p.caseNumber, versions.get(0), versions, p.recordedAt, p.recordedBy);
    }

    // --- shared -----------------------------------------------------------------------------------

    /** The result, when the caller may write it (the draw's authority). */
    private ResultView writable(String resultId) {
        ResultView result = results.get(resultId);
        scope.requireRegistryWrite(result.authority());
        return result;
    }

    private static void failIfAny(FieldRules f, String detail) {
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, detail, f.problems());
        }
    }

    /** A date on or after the visit's inspection date, within the service's range, and (when {@code past}) not after today. */
    private LocalDate notBeforeInspection(FieldRules f, String field, LocalDate value, ResultView result, boolean required,
                                          boolean past) {
        if (value == null) {
            if (required) {
                f.fail(field, null, "is required");
            }
            return null;
        }
        int before = f.problems().size();
        LocalDate d = f.date(field, value);
        if (f.problems().size() > before) {
            return null;
        }
        LocalDate inspected = result.current().inspectionDate();
        if (d.isBefore(inspected)) {
            f.fail(field, d.toString(), "is before the inspection date " + inspected);
            return null;
        }
        LocalDate today = clock.today();
        if (past && d.isAfter(today)) {
            f.fail(field, d.toString(), "is in the future (today is " + today + ")");
            return null;
        }
        return d;
    }

    /** Two or more distinct inspectors of the authority, as registered on the check date. */
    private List<String> team(FieldRules f, List<String> given, String authority, LocalDate on) {
        List<String> codes = f.texts("team", given, 32);
        if (codes.size() < 2) {
            f.fail("team", given == null ? null : FieldRules.abbreviate(String.join(",", given.stream()
                    .map(String::valueOf).toList())), "a check is made by two or more inspectors (two distinct codes)");
            return codes;
        }
        for (String code : codes) {
            InspectorData who;
            try {
                who = inspectors.get(code, on == null ? clock.today() : on).data();
            } catch (ProblemException e) {
                f.fail("team", FieldRules.abbreviate(code), "is not an inspector of " + authority);
                continue;
            }
            if (!who.regionCode().equals(authority)) {
                f.fail("team", code, "is an inspector of " + who.regionCode() + ", not of " + authority);
            }
        }
        return codes;
    }

    private Rectification requireRectification(String resultId, String id) {
        Rectification z = id == null || !id.matches("Z\\d{9}") ? null : Rectification.<Rectification>findById(id);
        if (z == null || !resultId.equals(z.resultId)) {
            throw ProblemException.notFound("no rectification " + FieldRules.abbreviate(id) + " on result " + resultId);
        }
        return z;
    }

    private void insertVersion(String id, int version, RectificationView.Version v) {
        RectificationVersion rv = new RectificationVersion();
        rv.rectificationId = id;
        rv.version = version;
        rv.requirement = v.requirement();
        rv.deadline = v.deadline();
        rv.responsiblePerson = v.responsiblePerson();
        rv.status = v.status();
        rv.rectifiedOn = v.rectifiedOn();
        rv.changeReason = v.changeReason();
        rv.recordedAt = v.recordedAt();
        rv.recordedBy = caller.signature();
        rv.persist();
        RectificationVersion.flush();
    }

    private RectificationView rectification(String id, ResultView result) {
        return rectification(Rectification.<Rectification>findById(id), result);
    }

    private RectificationView rectification(Rectification z, ResultView result) {
        List<RectificationView.Version> versions = RectificationVersion.of(z.id).stream().map(v -> new RectificationView.Version(
                v.version, v.requirement, v.deadline, v.responsiblePerson, v.status, v.rectifiedOn, v.changeReason, v.recordedAt,
                v.recordedBy)).toList();
        List<RectificationView.Check> checks = RectificationCheck.of(z.id).stream().map(k -> new RectificationView.Check(k.id,
                k.kind, KIND_LABELS.get(k.kind), k.checkDate, List.of(k.team), k.outcome, OUTCOME_LABELS.get(k.outcome), k.findings,
                k.recordedAt, k.recordedBy)).toList();
        RectificationView.Version cur = versions.get(0);
        boolean closed = !checks.isEmpty() && checks.get(checks.size() - 1).outcome().equals("CONFIRMED");
        boolean overdue = cur.status().equals("IN_PROGRESS") && cur.deadline().isBefore(clock.today());
        String status = overdue ? "OVERDUE" : cur.status();
        return new RectificationView(z.id, result.id(), result.authority(), result.uscc(), result.enterpriseName(),
                z.resultVersion, z.problemIndex, z.problemType, typeLabel(z.problemType), z.problemDescription, status,
                STATUS_LABELS.get(status), overdue, closed, cur, versions, checks, z.recordedAt, z.recordedBy);
    }

    private static String typeLabel(String type) {
        return Arrays.stream(FindingType.values()).filter(t -> t.name().equals(type)).map(FindingType::label).findFirst().orElse(type);
    }

    private static void lock(Connection c, String key) throws SQLException {
        FollowUpStore.lock(c, key);
    }
}
