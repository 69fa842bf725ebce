package cn.doublerandom.registry.inspector;

import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.registry.history.Stored;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code inspector} and {@code inspector_conflict} tables: one inspector or a page read through the
 * {@link Inspector} entity; writes, locked loads and whole regions in batches, like the targets.
 */
@ApplicationScoped
public class InspectorStore {

    private static final String COLUMNS = """
            code, version, region_code, name, certificate_no, certificate_expiry, status, certified, auxiliary,
            organisation, specialties, created_at, updated_at, updated_by""";

    @Inject
    AgroalDataSource dataSource;

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public Optional<Stored<InspectorData>> find(String code) {
        return Inspector.of(code);
    }

    /** The current data of these codes, on the calling thread's connection (its transaction's), by code. */
    public Map<String, InspectorData> current(Collection<String> codes) {
        try (Connection c = connection()) {
            Map<String, InspectorData> out = new HashMap<>();
            load(c, codes, false).forEach((code, i) -> out.put(code, i.data()));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Map<String, Stored<InspectorData>> load(Connection c, Collection<String> codes, boolean lock) throws SQLException {
        return select(c, "code = any(?)" + (lock ? " order by code for update" : ""), c.createArrayOf("text", codes.toArray()));
    }

    public List<Stored<InspectorData>> page(String regionPrefix, String after, int limit) {
        return Inspector.page(regionPrefix, after, limit);
    }

    public void forEach(String regionPrefix, Consumer<Stored<InspectorData>> sink) {
        try (Connection c = connection()) {
            select(c, "region_code like ? order by code", regionPrefix + "%").values().forEach(sink);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insert(Connection c, List<Stored<InspectorData>> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into inspector (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (Stored<InspectorData> s : rows) {
                bind(c, ps, 1, s, true);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        writeConflicts(c, rows);
    }

    public void update(Connection c, List<Stored<InspectorData>> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update inspector set code = ?, version = ?, region_code = ?, name = ?, certificate_no = ?,
                  certificate_expiry = ?, status = ?, certified = ?, auxiliary = ?, organisation = ?, specialties = ?,
                  updated_at = ?, updated_by = ? where code = ?""")) {
            for (Stored<InspectorData> s : rows) {
                int i = bind(c, ps, 1, s, false);
                ps.setString(i, s.data().code());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("delete from inspector_conflict where inspector_code = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", rows.stream().map(s -> s.data().code()).toArray()));
            ps.executeUpdate();
        }
        writeConflicts(c, rows);
    }

    /** Binds the columns in COLUMNS order (created_at only on insert); returns the next index. */
    private static int bind(Connection c, PreparedStatement ps, int i, Stored<InspectorData> s, boolean insert) throws SQLException {
        InspectorData d = s.data();
        ps.setString(i++, d.code());
        ps.setInt(i++, s.version());
        ps.setString(i++, d.regionCode());
        ps.setString(i++, d.name());
        ps.setString(i++, d.certificateNo());
        Sql.setDate(ps, i++, d.certificateExpiry());
        Sql.setEnum(ps, i++, d.status());
        ps.setBoolean(i++, d.certified());
        ps.setBoolean(i++, d.auxiliary());
        ps.setString(i++, d.organisation());
        ps.setArray(i++, Sql.textArray(c, d.specialties()));
        if (insert) {
            ps.setTimestamp(i++, Timestamp.from(s.createdAt()));
        }
        ps.setTimestamp(i++, Timestamp.from(s.updatedAt()));
        ps.setString(i++, s.updatedBy());
        return i;
    }

    private static void writeConflicts(Connection c, List<Stored<InspectorData>> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into inspector_conflict (inspector_code, uscc, reason) values (?, ?, ?)")) {
            for (Stored<InspectorData> s : rows) {
                for (Conflict k : s.data().conflicts()) {
                    ps.setString(1, s.data().code());
                    ps.setString(2, k.uscc());
                    ps.setString(3, k.reason());
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static Map<String, Stored<InspectorData>> select(Connection c, String where, Object... params) throws SQLException {
        Map<String, List<Conflict>> conflicts = new HashMap<>();
        Map<String, Object[]> raw = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from inspector where " + where)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    raw.put(rs.getString("code"), new Object[]{rs.getString("region_code"), rs.getString("name"),
                            rs.getString("certificate_no"), Sql.getDate(rs, "certificate_expiry"),
                            Sql.getEnum(rs, "status", InspectorStatus.class), rs.getBoolean("certified"),
                            rs.getBoolean("auxiliary"), rs.getString("organisation"), Sql.getArray(rs, "specialties", s -> s),
                            rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")});
                }
            }
        }
        if (!raw.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select inspector_code, uscc, reason from inspector_conflict where inspector_code = any(?) order by uscc")) {
                ps.setArray(1, c.createArrayOf("text", raw.keySet().toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        conflicts.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Conflict(rs.getString(2), rs.getString(3)));
                    }
                }
            }
        }
        Map<String, Stored<InspectorData>> out = new LinkedHashMap<>();
        raw.forEach((code, r) -> {
            @SuppressWarnings("unchecked")
            List<String> specialties = (List<String>) r[8];
            InspectorData d = new InspectorData(code, (String) r[0], (String) r[1], (String) r[2], (java.time.LocalDate) r[3],
                    (InspectorStatus) r[4], (Boolean) r[5], (Boolean) r[6], (String) r[7], specialties,
                    conflicts.getOrDefault(code, List.of()));
            out.put(code, new Stored<>(d, (Integer) r[9], (java.time.Instant) r[10], (java.time.Instant) r[11], (String) r[12]));
        });
        return out;
    }

    /** The roster of {@link InspectorRoster}: each inspector of the regions matching {@code regionLike} as it stood at {@code instant}. */
    List<InspectorRoster.Member> roster(String regionLike, java.time.Instant instant) {
        List<InspectorRoster.Member> out = new ArrayList<>();
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
                    out.add(new InspectorRoster.Member(rs.getString(1), rs.getString(2), rs.getString(3), InspectorStatus.valueOf(rs.getString(4)),
                            rs.getBoolean(5), rs.getBoolean(6), expiry == null ? null : expiry.toLocalDate()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading the inspector registry", e);
        }
        return out;
    }
}
