package cn.doublerandom.registry.inspector;

import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The inspector registry as it stood at an instant, for reports of other capabilities: every inspector
 * registered in the regions matching a LIKE pattern, in its last version recorded before the instant.
 */
@ApplicationScoped
public class InspectorRoster {

    /** One inspector as the registry held it; {@code certificateExpiry} may be null. */
    public record Member(String code, String regionCode, String name, InspectorStatus status, boolean certified, boolean auxiliary,
                         LocalDate certificateExpiry) {

        /** Enforcement staff (执法人员): not an auxiliary expert, and not gone (离职). */
        public boolean staff() {
            return !auxiliary && status != InspectorStatus.LEFT;
        }

        /** Holds an enforcement certificate (执法证) valid on {@code day}. */
        public boolean certificateValidOn(LocalDate day) {
            return certified && certificateExpiry != null && !certificateExpiry.isBefore(day);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    public List<Member> asOf(String regionLike, Instant instant) {
        List<Member> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with keys as (
                    select distinct entity_key from registry_version where entity = 'INSPECTOR' and region_code like ?
                ), latest as (
                    select distinct on (v.entity_key) v.entity_key as code, v.region_code, v.state
                    from registry_version v join keys k on k.entity_key = v.entity_key
                    where v.entity = 'INSPECTOR' and v.recorded_at < ?
                    order by v.entity_key, v.version desc
                )
                select code, region_code, state ->> 'name', state ->> 'status', coalesce((state ->> 'certified')::boolean, false),
                       coalesce((state ->> 'auxiliary')::boolean, false), (state ->> 'certificateExpiry')::date
                from latest where region_code like ? order by region_code, code""")) {
            ps.setString(1, regionLike);
            ps.setTimestamp(2, Timestamp.from(instant));
            ps.setString(3, regionLike);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Date expiry = rs.getDate(7);
                    out.add(new Member(rs.getString(1), rs.getString(2), rs.getString(3), InspectorStatus.valueOf(rs.getString(4)),
                            rs.getBoolean(5), rs.getBoolean(6), expiry == null ? null : expiry.toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the inspector registry", e);
        }
        return out;
    }
}
