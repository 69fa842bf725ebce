package cn.doublerandom.report.ledger;

import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.result.Handling;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQL of {@link LedgerForms}: the report's view {@code inspection_record}, the draw's view {@code draw_state}
 * and result's view {@code result_followed_up}, the read APIs of their owners.
 */
@ApplicationScoped
class LedgerFormStore {

    @Inject
    AgroalDataSource dataSource;

    /** A check as the query returns it, before names are put to its codes. */
    record Raw(String kind, String id, String uscc, String name, LocalDate inspected, int version, String wording,
               String problems, List<Handling> handling, List<String> team) {
    }

    /** A connection for the checks and their follow-ups, which take the caller's so that the report holds one. */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    /** The checks of the scope in the bureaus matching {@code like}, in date, bureau and id order, on the caller's connection. */
    List<Raw> checks(Connection c, LedgerScope scope, String like) throws SQLException {
        List<Raw> out = new ArrayList<>();
        String sql = """
                select x.kind, x.id, x.uscc, x.enterprise_name, x.inspection_date, x.version, x.wording_text,
                       x.problems::text, x.handling, x.team
                from inspection_record x
                where x.authority like ? and x.inspection_date between ? and ?
                """ + (scope.campaign() ? """
                  and x.kind = 'RANDOM' and x.draw_id in (
                      select d.id from draw_state d
                      where d.kind = 'DIRECTED' and d.executed and not d.voided and d.authority like ?
                        and ';' || d.filter || ';' like all (?))
                """ : "") + "order by x.inspection_date, x.authority, x.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, like);
            Sql.setDate(ps, 2, scope.from());
            Sql.setDate(ps, 3, scope.to());
            if (scope.campaign()) {
                ps.setString(4, like);
                ps.setArray(5, c.createArrayOf("text", scope.tags().stream()
                        .map(t -> "%;" + Sql.likeEscape(t) + ";%").toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Raw(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), Sql.getDate(rs, "inspection_date"),
                            rs.getInt(6), rs.getString(7), rs.getString(8), Sql.getArray(rs, "handling", Handling::valueOf),
                            Sql.getArray(rs, "team", s -> s)));
                }
            }
        }
        return out;
    }

    /** Those of these random checks' results that have a follow-up, on the caller's connection. */
    Set<String> followedUp(Connection c, List<String> random) throws SQLException {
        Set<String> followedUp = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select distinct result_id from result_followed_up where result_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("varchar", random.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    followedUp.add(rs.getString(1));
                }
            }
        }
        return followedUp;
    }
}
