package cn.doublerandom.registry.target;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.RegionRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@link TargetEventService}: a target's events with their retractions ({@code target_event}, {@code target_event_retraction}). */
@ApplicationScoped
class TargetEventStore {

    @Inject
    AgroalDataSource dataSource;

    /**
     * The events that can make targets of a region range special in {@code quarter}: unretracted
     * penalties and verified complaints dated in the {@code previous} quarter, and listings active on the
     * quarter's first day.
     */
    java.util.Map<String, List<TargetEvent>> forClassification(RegionRange range, Quarter previous, Quarter quarter) {
        try (Connection c = dataSource.getConnection()) {
            java.util.Map<String, List<TargetEvent>> out = new java.util.HashMap<>();
            for (TargetEvent e : query(c, """
                    e.uscc in (select uscc from target where region_code >= ? and region_code < ?) and r.event_id is null and (
                      (e.kind in ('PENALTY', 'VERIFIED_COMPLAINT') and e.event_date between ? and ?)
                      or (e.kind = 'SUPERVISED_LISTING' and e.event_date <= ? and (e.end_date is null or e.end_date >= ?)))""",
                    range.from(), range.to(),
                    java.sql.Date.valueOf(previous.firstDay()), java.sql.Date.valueOf(previous.lastDay()),
                    java.sql.Date.valueOf(quarter.firstDay()), java.sql.Date.valueOf(quarter.firstDay()))) {
                out.computeIfAbsent(e.uscc(), k -> new ArrayList<>()).add(e);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of these targets recorded or retracted in [from, to). */
    List<TargetEvent> recordedBetween(java.util.Collection<String> usccs, java.time.Instant from, java.time.Instant to) {
        try (Connection c = dataSource.getConnection()) {
            Timestamp f = Timestamp.from(from);
            Timestamp t = Timestamp.from(to);
            return query(c, """
                    e.uscc = any(?)
                    and ((e.recorded_at >= ? and e.recorded_at < ?) or (r.recorded_at >= ? and r.recorded_at < ?))""",
                    c.createArrayOf("text", usccs.toArray()), f, t, f, t);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<TargetEvent> query(Connection c, String where, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select e.*, r.reason as r_reason, r.recorded_at as r_at, r.recorded_by as r_by
                from target_event e left join target_event_retraction r on r.event_id = e.id
                where\s""" + where + " order by e.event_date, e.id")) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<TargetEvent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp rAt = rs.getTimestamp("r_at");
                    out.add(new TargetEvent(rs.getLong("id"), rs.getString("uscc"),
                            Sql.getEnum(rs, "kind", TargetEventKind.class), Sql.getDate(rs, "event_date"),
                            Sql.getDate(rs, "end_date"), Sql.getEnum(rs, "listing_level", TargetEvent.ListingLevel.class),
                            rs.getString("reference"), rs.getString("description"), rs.getTimestamp("recorded_at").toInstant(),
                            rs.getString("recorded_by"), rAt == null ? null
                            : new TargetEvent.Retraction(rs.getString("r_reason"), rAt.toInstant(), rs.getString("r_by"))));
                }
            }
            return out;
        }
    }
}
