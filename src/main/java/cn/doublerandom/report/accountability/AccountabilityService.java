package cn.doublerandom.report.accountability;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Constraints;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStore;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.report.ReportConfig;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * earlier found nothing, the later found a violation within a year) and lists the pairs awaiting one.
 */
@ApplicationScoped
public class AccountabilityService {

    /** How many unjudged pairs the report lists (their total is always given). */
    static final int CANDIDATES_LISTED = 200;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegionScope scope;

    @Inject
    TargetStore targets;

    @Inject
    InspectorStore inspectors;

    @Inject
    RegionDirectory regions;

    @Inject
    cn.doublerandom.authority.AuthorityDirectory authorities;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ReportConfig config;

    private record Check(String kind, String id, String authority, String uscc, String name, LocalDate date,
                         boolean violation, List<String> team) {
    }

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
        try (Connection c = dataSource.getConnection()) {
            Check earlier = check(c, "earlierId", earlierId);
            scope.requireRead(earlier.authority());
            Check later = check(c, "laterId", laterId);
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
            return row(c, id);
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
        try (Connection c = dataSource.getConnection()) {
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
            return row(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AccountabilityView.JudgementRow get(String id) {
        try (Connection c = dataSource.getConnection()) {
            scope.requireRead(authorityOf(id));
            return row(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AccountabilityView report(Region region, int year, ReportRegions units) {
        String like = units.like(region);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        try (Connection c = dataSource.getConnection()) {
            List<AccountabilityView.JudgementRow> judgements = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ROW + """
                    where j.earlier_authority like ? and j.later_date between ? and ? and x.judgement_id is null
                    order by j.later_date, j.id""")) {
                ps.setString(1, like);
                Sql.setDate(ps, 2, from);
                Sql.setDate(ps, 3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        judgements.add(row(rs));
                    }
                }
            }
            judgements = named(c, judgements);
            List<AccountabilityView.InspectorRow> members = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select m.code, min(j.earlier_authority) as authority,
                           count(distinct j.uscc) as firms, count(*) as judgements,
                           string_agg(j.id, ',' order by j.id) as ids
                    from accountability_judgement j
                    cross join unnest(j.earlier_team) as m(code)
                    where j.earlier_authority like ? and j.later_date between ? and ?
                      and not exists (select 1 from accountability_retraction r where r.judgement_id = j.id)
                    group by m.code
                    order by firms desc, m.code""")) {
                ps.setString(1, like);
                Sql.setDate(ps, 2, from);
                Sql.setDate(ps, 3, to);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long firms = rs.getLong("firms");
                        String[] consequence = consequence(firms);
                        members.add(new AccountabilityView.InspectorRow(rs.getString("code"), null,
                                rs.getString("authority"), firms, rs.getLong("judgements"), List.of(rs.getString("ids").split(",")),
                                consequence[0], consequence[1]));
                    }
                }
            }
            // an inspector no longer in the registry keeps the authority of the judgements that name it
            Map<String, Stored<InspectorData>> registered = members.isEmpty() ? Map.of()
                    : inspectors.load(c, members.stream().map(AccountabilityView.InspectorRow::code).toList(), false);
            List<AccountabilityView.InspectorRow> inspectorRows = members.stream().map(m -> {
                Stored<InspectorData> i = registered.get(m.code());
                return i == null ? m : new AccountabilityView.InspectorRow(m.code(), i.data().name(),
                        i.data().regionCode() == null ? m.authority() : i.data().regionCode(), m.firms(), m.judgements(),
                        m.judgementIds(), m.consequence(), m.consequenceLabel());
            }).toList();
            // the two sides are read apart and materialized, then joined by enterprise: the planner cannot
            // estimate the join of the view with itself, and under a LIMIT it would otherwise loop over it
            long count = 0;
            List<AccountabilityView.Candidate> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    with later as materialized (
                        select kind, id, authority, uscc, inspection_date from inspection_record
                        where violation_found and inspection_date between ? and ? and region_code like ?
                    ), earlier as materialized (
                        select kind, id, authority, uscc, enterprise_name, inspection_date from inspection_record
                        where not violation_found and inspection_date between ? and ? and authority like ?
                          and uscc in (select uscc from later)
                    ), pairs as materialized (
                        select e.uscc, e.enterprise_name, e.kind as ek, e.id as eid, e.authority as ea, e.inspection_date as ed,
                               l.kind as lk, l.id as lid, l.authority as la, l.inspection_date as ld
                        from later l join earlier e on e.uscc = l.uscc and e.inspection_date < l.inspection_date
                             and e.inspection_date >= cast(l.inspection_date - interval '1 year' as date)
                        where not exists (select 1 from accountability_judgement j where j.earlier_id = e.id and j.later_id = l.id)
                    )
                    select p.*, count(*) over () as total from pairs p
                    order by ld, lid, ed, eid limit ?""")) {
                Sql.setDate(ps, 1, from);
                Sql.setDate(ps, 2, to);
                ps.setString(3, like);
                Sql.setDate(ps, 4, from.minusYears(1));
                Sql.setDate(ps, 5, to);
                ps.setString(6, like);
                ps.setInt(7, CANDIDATES_LISTED);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        count = rs.getLong("total");
                        candidates.add(new AccountabilityView.Candidate(rs.getString("uscc"), rs.getString("enterprise_name"),
                                ref(rs.getString("ek"), rs.getString("eid"), rs.getString("ea"), Sql.getDate(rs, "ed")),
                                ref(rs.getString("lk"), rs.getString("lid"), rs.getString("la"), Sql.getDate(rs, "ld"))));
                    }
                }
            }
            return new AccountabilityView(region.code(), region.name(), year, thresholds(), judgements, inspectorRows, count,
                    candidates);
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

    private AccountabilityView.CheckRef ref(String kind, String id, String authority, LocalDate date) {
        return new AccountabilityView.CheckRef(kind, id, authority, authorities.nameOf(authority), date);
    }

    private Check check(Connection c, String field, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select kind, id, authority, uscc, enterprise_name, inspection_date, violation_found, team
                from inspection_record where id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ProblemException(ProblemType.JUDGEMENT_INVALID, "no check " + id
                            + " (a result of a voided draw does not count)", List.of(FieldProblem.field(field, id, "no such check")));
                }
                return new Check(rs.getString("kind"), rs.getString("id"), rs.getString("authority"), rs.getString("uscc"),
                        rs.getString("enterprise_name"), Sql.getDate(rs, "inspection_date"), rs.getBoolean("violation_found"),
                        Sql.getArray(rs, "team", s -> s));
            }
        }
    }

    private static String authorityOf(String id) {
        if (id == null || !id.matches("A\\d{9}")) {
            throw ProblemException.notFound("no judgement " + FieldRules.abbreviate(id));
        }
        return Judgement.of(id).orElseThrow(() -> ProblemException.notFound("no judgement " + id)).earlierAuthority;
    }

    /** A judgement with its retraction if any; the names come from the registry, see {@link #named}. */
    private static final String ROW = """
            select j.*, x.reason as retraction
            from accountability_judgement j left join accountability_retraction x on x.judgement_id = j.id
            """;

    private AccountabilityView.JudgementRow row(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ROW + "where j.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return named(c, List.of(row(rs))).get(0);
            }
        }
    }

    private AccountabilityView.JudgementRow row(ResultSet rs) throws SQLException {
        List<AccountabilityView.Member> team = Sql.getArray(rs, "earlier_team", s -> s).stream()
                .map(code -> new AccountabilityView.Member(code, null)).toList();
        return new AccountabilityView.JudgementRow(rs.getString("id"), rs.getString("uscc"), null,
                ref(rs.getString("earlier_kind"), rs.getString("earlier_id"), rs.getString("earlier_authority"),
                        Sql.getDate(rs, "earlier_date")), team,
                ref(rs.getString("later_kind"), rs.getString("later_id"), rs.getString("later_authority"),
                        Sql.getDate(rs, "later_date")),
                rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                rs.getString("retraction"));
    }

    /** The rows with their enterprise's and earlier team's names as the registry has them now (none where it has none). */
    private List<AccountabilityView.JudgementRow> named(Connection c, List<AccountabilityView.JudgementRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, TargetStore.Label> labels = targets.labels(rows.stream().map(AccountabilityView.JudgementRow::uscc)
                .collect(Collectors.toSet()));
        Map<String, String> names = inspectorNames(c, rows.stream().flatMap(r -> r.earlierTeam().stream())
                .map(AccountabilityView.Member::code).collect(Collectors.toSet()));
        return rows.stream().map(r -> {
            TargetStore.Label label = labels.get(r.uscc());
            List<AccountabilityView.Member> team = r.earlierTeam().stream()
                    .map(m -> new AccountabilityView.Member(m.code(), names.get(m.code()))).toList();
            return new AccountabilityView.JudgementRow(r.id(), r.uscc(), label == null ? null : label.name(), r.earlier(), team,
                    r.later(), r.reason(), r.recordedAt(), r.recordedBy(), r.retraction());
        }).toList();
    }

    private Map<String, String> inspectorNames(Connection c, Set<String> codes) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (!codes.isEmpty()) {
            inspectors.load(c, codes, false).forEach((code, i) -> out.put(code, i.data().name()));
        }
        return out;
    }
}
