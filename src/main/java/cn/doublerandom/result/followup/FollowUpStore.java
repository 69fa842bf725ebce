package cn.doublerandom.result.followup;

import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The hand-written SQL of {@link FollowUpService}: rectifications in progress and the follow-up's locks. */
@ApplicationScoped
class FollowUpStore {

    @Inject
    AgroalDataSource dataSource;

    /** A rectification in progress as the query returns it: its current version's requirement and deadline. */
    record Open(String id, String resultId, String authority, String uscc, String name, String problemType, String requirement,
                String responsiblePerson, LocalDate deadline) {
    }

    /** Every rectification whose current version is in progress (a closed one's is RECTIFIED). */
    private static final String OPEN_CURRENT = """
            with open as (
                select z.id, z.result_id, z.problem_type, v.requirement, v.responsible_person, v.deadline
                from rectification z
                join lateral (select * from rectification_version v where v.rectification_id = z.id
                              order by v.version desc limit 1) v on true
                where v.status = 'IN_PROGRESS')
            """;

    /**
     * Rectifications of results under {@code regionPrefix} (null: all) in progress with a deadline on or before
     * {@code until}, in deadline and id order.
     */
    List<Open> openUntil(String regionPrefix, LocalDate until) {
        List<Open> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(OPEN_CURRENT + """
                     select o.id, o.result_id, r.authority, r.uscc, r.enterprise_name, o.problem_type, o.requirement,
                            o.responsible_person, o.deadline
                     from open o join result r on r.id = o.result_id
                     where o.deadline <= ? and (cast(? as text) is null or r.authority like ?)
                     order by o.deadline, o.id""")) {
            Sql.setDate(ps, 1, until);
            ps.setString(2, regionPrefix);
            ps.setString(3, regionPrefix == null ? "%" : regionPrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Open(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), Sql.getDate(rs, "deadline")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rectifications in progress with a deadline before {@code today}. */
    long overdueCount(LocalDate today) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(OPEN_CURRENT + "select count(*) from open where deadline < ?")) {
            Sql.setDate(ps, 1, today);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Takes the transaction-scoped advisory lock named {@code key} on the caller's connection. */
    static void lock(Connection c, String key) throws SQLException {
        Sql.lockForTransaction(c, key);
    }
}
