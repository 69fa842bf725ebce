package cn.doublerandom.registry.history;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL of {@link RegistryHistory}: the registry's versions ({@code registry_version}). */
@ApplicationScoped
class HistoryStore {

    @Inject
    AgroalDataSource dataSource;

    /** A record's versions, in order. */
    static final String VERSIONS = """
            select version, change, changed, reason, recorded_at, recorded_by, state::text from registry_version
            where entity = ? and entity_key = ? order by version""";

    /** A record's last version recorded before an instant. */
    static final String VERSION_BEFORE = """
            select version, change, changed, reason, recorded_at, recorded_by, state::text from registry_version
            where entity = ? and entity_key = ? and recorded_at < ? order by version desc limit 1""";

    /** A version as stored, its state as JSON text. */
    record Row(int version, String change, List<String> changed, String reason, Instant recordedAt, String recordedBy, String state) {
    }

    /** Appends these CSV lines on the caller's connection (its transaction's) by COPY. */
    static void copy(Connection c, String csv) throws SQLException {
        Sql.copy(c, """
                copy registry_version (entity, entity_key, version, region_code, change, changed, reason, recorded_at,
                                       recorded_by, state) from stdin (format csv)""", csv);
    }

    /** The versions {@code sql} selects with the entity, the key and (when not null) an instant as its parameters. */
    List<Row> versions(String sql, String entity, String key, Instant instant) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, entity);
            ps.setString(2, key);
            if (instant != null) {
                ps.setTimestamp(3, Timestamp.from(instant));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getInt(1), rs.getString(2), List.of((String[]) rs.getArray(3).getArray()),
                            rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading history of " + entity + " " + key, e);
        }
    }

    /**
     * The state (JSON text) of the last version of each key recorded before its instant (timestamptz text), by the
     * key's place counted from 1; a key not registered then is absent.
     */
    Map<Integer, String> statesAt(String entity, List<String> keys, List<String> ats) {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select q.ord, v.state::text
                from unnest(?::text[], ?::text[]) with ordinality as q(key, at, ord)
                cross join lateral (
                    select r.state from registry_version r
                    where r.entity = ? and r.entity_key = q.key and r.recorded_at < q.at::timestamptz
                    order by r.recorded_at desc, r.version desc limit 1) v""")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            ps.setArray(2, c.createArrayOf("text", ats.toArray()));
            ps.setString(3, entity);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getInt(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the history of " + entity + " as of dates", e);
        }
        return out;
    }
}
