package cn.doublerandom.report.accountability;

import cn.doublerandom.authority.AuthorityDirectory;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of accountability ({@link AccountabilityService}): its judgements and retractions as they are
 * read back (the writes go through {@link Judgement} and {@link JudgementRetraction}), the counts per
 * inspector, the pairs of checks awaiting a judgement, and the checks themselves in the view
 * {@code inspection_record}. The service keeps the rules; this class only reads.
 *
 * <p>Every method runs on the connection of the caller's transaction when there is one (Agroal hands
 * the enlisted connection back), so a judgement just recorded is read back.
 */
@ApplicationScoped
class AccountabilityStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuthorityDirectory authorities;

    @Inject
    InspectorStore inspectors;

    /** A check as a judgement names it. */
    record Check(String kind, String id, String authority, String uscc, String name, LocalDate date,
                 boolean violation, List<String> team) {
    }

    /** An inspector named in the earlier team of a year's standing judgements: over how many firms and judgements. */
    record MemberCount(String code, String authority, long firms, long judgements, List<String> judgementIds) {
    }

    /** The pairs awaiting a judgement that are listed, and how many there are in all. */
    record Candidates(long total, List<AccountabilityView.Candidate> listed) {
    }

    /** A random or targeted check; none for an unknown id or a result of a voided draw. */
    Optional<Check> check(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select kind, id, authority, uscc, enterprise_name, inspection_date, violation_found, team
                from inspection_record where id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Check(rs.getString("kind"), rs.getString("id"), rs.getString("authority"), rs.getString("uscc"),
                        rs.getString("enterprise_name"), Sql.getDate(rs, "inspection_date"), rs.getBoolean("violation_found"),
                        Sql.getArray(rs, "team", s -> s)));
            }
        }
    }

    /** A judgement with its retraction if any; the names come from the registry, see {@link AccountabilityService}. */
    private static final String ROW = """
            select j.*, x.reason as retraction
            from accountability_judgement j left join accountability_retraction x on x.judgement_id = j.id
            """;

    /** A judgement known to exist, without the registry's names. */
    AccountabilityView.JudgementRow judgement(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROW + "where j.id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return row(rs);
            }
        }
    }

    /** The standing judgements against checks of authorities {@code like}, found by later checks between the dates, without names. */
    List<AccountabilityView.JudgementRow> standing(String like, LocalDate from, LocalDate to) throws SQLException {
        List<AccountabilityView.JudgementRow> judgements = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(ROW + """
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
        return judgements;
    }

    /** Per inspector of the earlier teams of those standing judgements: the firms and judgements, most firms first. */
    List<MemberCount> members(String like, LocalDate from, LocalDate to) throws SQLException {
        List<MemberCount> members = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
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
                    members.add(new MemberCount(rs.getString("code"), rs.getString("authority"), rs.getLong("firms"),
                            rs.getLong("judgements"), List.of(rs.getString("ids").split(","))));
                }
            }
        }
        return members;
    }

    /**
     * The pairs of an earlier check that found nothing and a later one within a year that found a violation
     * at the same enterprise, with no judgement yet: the first {@code listed} by the later check's date.
     */
    Candidates candidates(String like, LocalDate from, LocalDate to, int listed) throws SQLException {
        // the two sides are read apart and materialized, then joined by enterprise: the planner cannot
        // estimate the join of the view with itself, and under a LIMIT it would otherwise loop over it
        long count = 0;
        List<AccountabilityView.Candidate> candidates = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
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
            ps.setInt(7, listed);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count = rs.getLong("total");
                    candidates.add(new AccountabilityView.Candidate(rs.getString("uscc"), rs.getString("enterprise_name"),
                            ref(rs.getString("ek"), rs.getString("eid"), rs.getString("ea"), Sql.getDate(rs, "ed")),
                            ref(rs.getString("lk"), rs.getString("lid"), rs.getString("la"), Sql.getDate(rs, "ld"))));
                }
            }
        }
        return new Candidates(count, candidates);
    }

    /** The registry's inspectors of these codes, as it has them now. */
    Map<String, Stored<InspectorData>> inspectors(Collection<String> codes) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return inspectors.load(c, codes, false);
        }
    }

    private AccountabilityView.CheckRef ref(String kind, String id, String authority, LocalDate date) {
        return new AccountabilityView.CheckRef(kind, id, authority, authorities.nameOf(authority), date);
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
}
