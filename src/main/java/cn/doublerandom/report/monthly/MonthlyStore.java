package cn.doublerandom.report.monthly;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.result.Handling;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of {@link MonthlyReport} and {@link QuarterlyReport}: the report's view {@code inspection_record},
 * joined with the draw's views and the views of result and publication, the read APIs of their owners.
 */
@ApplicationScoped
class MonthlyStore {

    @Inject
    AgroalDataSource dataSource;

    /** A random check of the month as the query returns it, with the day its publication window is counted from. */
    record Check(String authority, String id, String drawId, LocalDate inspected, String uscc, String name, String wording,
                 boolean violation, int problems, List<Handling> handling, boolean nonSite, boolean withheld,
                 List<String> team, String planned, LocalDate published, String hold, LocalDate deadlineBasis,
                 Instant declassifiedAt) {
    }

    /** A quarter's aggregate row: the total ({@code dim} TOTAL) or one code's count in a distribution of a bureau's checks of a kind. */
    record Count(String authority, String kind, String dim, String code, long n, long problems, long violations, long nonSite) {
    }

    /** The month's random checks of the bureaus matching {@code like}, in bureau, date and id order, on the caller's connection. */
    List<Check> checks(Connection c, String like, YearMonth month) throws SQLException {
        List<Check> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select x.authority, x.id, x.draw_id, x.inspection_date, x.uscc, x.enterprise_name, x.wording_text,
                       x.violation_found, x.problem_count, x.handling, x.non_site, x.team, dt.method as planned,
                       (x.confidential and x.declassified_at is null) as withheld, x.declassified_at,
                       (select p.published_date from first_publication p where p.result_id = x.id limit 1) as published_date,
                       (select h.action from result_latest_hold h where h.result_id = x.id limit 1) as hold,
                       (select v.deadline_basis from result_public_version v where v.result_id = x.id and v.version = x.version) as deadline_basis
                from inspection_record x
                join draw_selection dt on dt.draw_id = x.draw_id and dt.uscc = x.uscc
                where x.kind = 'RANDOM' and x.authority like ? and x.inspection_date between ? and ?
                order by x.authority, x.inspection_date, x.id""")) {
            ps.setString(1, like);
            Sql.setDate(ps, 2, month.atDay(1));
            Sql.setDate(ps, 3, month.atEndOfMonth());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> team = Sql.getArray(rs, "team", t -> t);
                    out.add(new Check(rs.getString("authority"), rs.getString("id"), rs.getString("draw_id"),
                            Sql.getDate(rs, "inspection_date"), rs.getString("uscc"), rs.getString("enterprise_name"),
                            rs.getString("wording_text"), rs.getBoolean("violation_found"), rs.getInt("problem_count"),
                            Sql.getArray(rs, "handling", Handling::valueOf), rs.getBoolean("non_site"), rs.getBoolean("withheld"),
                            team, rs.getString("planned"), Sql.getDate(rs, "published_date"), rs.getString("hold"),
                            Sql.getDate(rs, "deadline_basis"), Sql.getInstant(rs, "declassified_at")));
                }
            }
        }
        return out;
    }

    /** The items of these draws, by draw, on the caller's connection. */
    Map<String, java.util.SortedSet<Long>> itemsOfDraws(Connection c, java.util.Collection<String> drawIds) throws SQLException {
        Map<String, java.util.SortedSet<Long>> itemsOfDraw = new java.util.HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select d.id, d.items from draw_state d where d.id = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", drawIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    itemsOfDraw.put(rs.getString(1), new java.util.TreeSet<>(java.util.Arrays.asList((Long[]) rs.getArray(2).getArray())));
                }
            }
        }
        return itemsOfDraw;
    }

    /** The quarter's checks of the bureaus matching {@code like}: totals and the four distributions, per bureau and kind. */
    List<Count> quarterCounts(String like, Quarter quarter) {
        List<Count> out = new ArrayList<>();
        try (Connection conn = dataSource.getConnection()) {
            // the quarter's checks are read once; totals and the four distributions are aggregates over them
            try (PreparedStatement ps = conn.prepareStatement("""
                    with x as materialized (
                        select authority, kind, wording, source, problems, problem_count, handling, violation_found, non_site
                        from inspection_record where authority like ? and inspection_date between ? and ?
                    )
                    select authority, kind, 'TOTAL' as dim, 'checks' as code, count(*) as n, coalesce(sum(problem_count), 0) as problems,
                           count(*) filter (where violation_found) as violations, count(*) filter (where non_site) as non_site
                    from x group by 1, 2
                    union all
                    select authority, kind, 'WORDING', wording, count(*), 0, 0, 0 from x where kind = 'RANDOM' group by 1, 2, 3, 4
                    union all
                    select authority, kind, 'PROBLEM', p.value ->> 'type', count(*), 0, 0, 0
                    from x cross join jsonb_array_elements(x.problems) p group by 1, 2, 3, 4
                    union all
                    select authority, kind, 'HANDLING', h.code, count(*), 0, 0, 0 from x cross join unnest(x.handling) h(code)
                    group by 1, 2, 3, 4
                    union all
                    select authority, kind, 'SOURCE', source, count(*), 0, 0, 0 from x where kind = 'TARGETED' group by 1, 2, 3, 4
                    order by 1, 2, 3, 5 desc, 4""")) {
                ps.setString(1, like);
                Sql.setDate(ps, 2, quarter.firstDay());
                Sql.setDate(ps, 3, quarter.lastDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Count(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7), rs.getLong(8)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
