package cn.doublerandom.report.compliance;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of {@link ComplianceReport}: aggregates over the draw's views {@code draw_state} and
 * {@code draw_selection} and result's and publication's views, the read APIs of their owners.
 */
@ApplicationScoped
class ComplianceStore {

    @Inject
    AgroalDataSource dataSource;

    /** An executed draw of the quarter, with its stored plan's text. */
    record Draw(String id, String authority, String kind, LocalDate drawDate, String plan) {
    }

    /**
     * One group of a quarter's selections: its draw and stratum, and for unpublished results that may be
     * published the day their window starts from (with the declassification), and the counts.
     */
    record CountRow(String drawId, String stratum, LocalDate basis, Instant declassifiedAt, long drawn, long recorded,
                    long inspected, long withheld, long onTime, long late, long pending) {
    }

    /** An undirected draw of the year before the quarter, with its plan's text and its general counts. */
    record YearRow(String authority, String quarter, String plan, long drawn, long inspected) {
    }

    /** A connection for this quarter's draws and their counts, which take the caller's so that the report holds one. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The quarter's executed draws of the bureaus matching {@code like}, in bureau and id order, on the caller's connection. */
    List<Draw> draws(Connection c, String like, Quarter quarter) throws SQLException {
        List<Draw> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select d.id, d.authority, d.kind, d.draw_date, d.plan::text from draw_state d
                where d.authority like ? and d.quarter = ? and d.status = 'EXECUTED'
                order by d.authority, d.id""")) {
            ps.setString(1, like);
            ps.setString(2, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Draw(rs.getString(1), rs.getString(2), rs.getString(3), Sql.getDate(rs, "draw_date"),
                            rs.getString(5)));
                }
            }
        }
        return out;
    }

    /**
     * The selections of these draws grouped by draw, stratum and publication basis; inspected means by
     * {@code lastDay}. On the caller's connection.
     */
    List<CountRow> counts(Connection c, List<String> drawIds, LocalDate lastDay) throws SQLException {
        List<CountRow> out = new ArrayList<>();
        java.sql.Array ids = c.createArrayOf("varchar", drawIds.toArray());
        // one pass over the quarter's selections (limit 1 keeps each view's lookup an index probe per result);
        // unpublished results are grouped by the day their window starts on (few distinct days), so that
        // overdue is decided by the calendar, not per row
        try (PreparedStatement ps = c.prepareStatement("""
                select t.draw_id, t.stratum,
                       case when r.id is not null and not (r.confidential and dc.at is null) and fp.result_id is null
                            then v.deadline_basis end as basis,
                       case when r.id is not null and not (r.confidential and dc.at is null) and fp.result_id is null
                            then dc.at end as declassified_at,
                       count(*) as drawn, count(r.id) as recorded,
                       count(r.id) filter (where v.inspection_date <= ?) as inspected,
                       count(r.id) filter (where r.confidential and dc.at is null) as withheld,
                       count(fp.result_id) filter (where fp.on_time) as on_time,
                       count(fp.result_id) filter (where not fp.on_time) as late,
                       count(fp.result_id) filter (where fp.on_time is null) as pending
                from draw_selection t
                left join result_disclosure r on r.draw_id = t.draw_id and r.uscc = t.uscc
                left join lateral (select x.inspection_date, x.deadline_basis from result_latest_version x where x.result_id = r.id
                                   limit 1) v on true
                left join lateral (select p.result_id, p.on_time from first_publication p where p.result_id = r.id
                                   limit 1) fp on true
                -- a declassified result is publishable from its declassification on, no longer withheld
                left join lateral (select x.declassified_at as at from result_declassified x where x.result_id = r.id) dc on true
                where t.draw_id = any(?)
                group by 1, 2, 3, 4""")) {
            Sql.setDate(ps, 1, lastDay);
            ps.setArray(2, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CountRow(rs.getString("draw_id"), rs.getString("stratum"), Sql.getDate(rs, "basis"),
                            Sql.getInstant(rs, "declassified_at"), rs.getLong("drawn"), rs.getLong("recorded"),
                            rs.getLong("inspected"), rs.getLong("withheld"), rs.getLong("on_time"), rs.getLong("late"),
                            rs.getLong("pending")));
                }
            }
        }
        return out;
    }

    /** The year's undirected draws before this quarter, in authority and quarter order, with their general counts. */
    List<YearRow> yearGeneral(String like, Quarter quarter) {
        List<YearRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                select d.id, d.authority, d.quarter, d.plan::text as plan,
                       count(t.uscc) as drawn, count(v.inspection_date) filter (where v.inspection_date <= ?) as inspected
                from draw_state d
                left join draw_selection t on t.draw_id = d.id and t.stratum = 'GENERAL'
                left join result_disclosure r on r.draw_id = t.draw_id and r.uscc = t.uscc
                left join lateral (select x.inspection_date from result_latest_version x where x.result_id = r.id
                                   limit 1) v on true
                where d.authority like ? and d.kind = 'UNDIRECTED' and d.quarter like ? and d.quarter < ?
                  and d.status = 'EXECUTED'
                group by d.id, d.authority, d.quarter, d.plan
                order by d.authority, d.quarter, d.id""")) {
            Sql.setDate(ps, 1, quarter.lastDay());
            ps.setString(2, like);
            ps.setString(3, quarter.year() + "Q%");
            ps.setString(4, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new YearRow(rs.getString("authority"), rs.getString("quarter"), rs.getString("plan"),
                            rs.getLong("drawn"), rs.getLong("inspected")));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
