package cn.doublerandom.report;

import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts over the report capability's view {@code inspection_record} that more than one report reads: the
 * activity report and the inspector ranking count checks per team member the same way.
 */
@ApplicationScoped
public class InspectionRecordStore {

    @Inject
    AgroalDataSource dataSource;

    /** The checks of the bureaus matching {@code like} in [from, to] per team member's code. */
    public Map<String, Long> checksPerMember(String like, LocalDate from, LocalDate to) {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select m.code, count(*) from inspection_record x cross join unnest(x.team) as m(code)
                where x.authority like ? and x.inspection_date between ? and ? group by m.code""")) {
            ps.setString(1, like);
            Sql.setDate(ps, 2, from);
            Sql.setDate(ps, 3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
