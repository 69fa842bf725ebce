package cn.doublerandom.registry.history;

import cn.doublerandom.registry.inspector.InspectorSheet;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.TargetSheet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed in the inspector and target registries over a period (seed 001 四(四): the quarterly
 * report of registry adjustments), read from their history so that other capabilities never name its
 * table. A record is <em>added</em> when its first version falls in the period, <em>retired</em> when
 * its last version in the period leaves it out of the draw for good (an inspector 离职, a target
 * 关闭) and it was not retired before, else <em>changed</em>.
 */
@ApplicationScoped
public class RegistryChanges {

    public enum Kind {
        ADDED("新增"), CHANGED("变更"), RETIRED("退出");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One record's changes in the period.
     *
     * @param fields the changed fields by their Chinese column headers (empty when added)
     */
    public record Change(RegistryEntity entity, String key, String name, String regionCode, Kind kind, List<String> fields,
                         int versions, Instant lastAt, String lastBy, String reason) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** Inspectors and targets whose records changed in [from, to), inside the regions matching the LIKE pattern {@code regionLike}. */
    public List<Change> between(RegistryEntity entity, String regionLike, Instant from, Instant to) {
        if (entity != RegistryEntity.INSPECTOR && entity != RegistryEntity.TARGET) {
            throw new IllegalArgumentException(entity.name());
        }
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        Map<String, JsonNode> before = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                with k as (select distinct entity_key from registry_version
                           where entity = ? and region_code like ? and recorded_at >= ? and recorded_at < ?)
                select v.entity_key, v.version, v.change, v.changed, v.recorded_at, v.recorded_by, v.reason, v.state::text,
                       v.recorded_at < ? as earlier
                from registry_version v join k on k.entity_key = v.entity_key
                where v.entity = ? and v.recorded_at < ?
                order by v.entity_key, v.version""")) {
            ps.setString(1, entity.name());
            ps.setString(2, regionLike);
            ps.setTimestamp(3, Timestamp.from(from));
            ps.setTimestamp(4, Timestamp.from(to));
            ps.setTimestamp(5, Timestamp.from(from));
            ps.setString(6, entity.name());
            ps.setTimestamp(7, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    JsonNode state = json.readTree(rs.getString(8));
                    if (rs.getBoolean(9)) {
                        before.put(rs.getString(1), state);
                        continue;
                    }
                    byKey.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Row(rs.getInt(2), rs.getString(3),
                            List.of((String[]) rs.getArray(4).getArray()), rs.getTimestamp(5).toInstant(), rs.getString(6),
                            rs.getString(7), state));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("reading registry changes", e);
        }
        List<Change> out = new ArrayList<>();
        byKey.forEach((key, rows) -> {
            Row last = rows.get(rows.size() - 1);
            JsonNode prior = before.get(key);
            Kind kind;
            if (prior == null) {
                kind = Kind.ADDED;
            } else if (retired(entity, last.state) && !retired(entity, prior)) {
                kind = Kind.RETIRED;
            } else {
                kind = Kind.CHANGED;
            }
            Set<String> fields = new LinkedHashSet<>();
            if (kind != Kind.ADDED) {
                rows.forEach(r -> r.changed.forEach(f -> fields.add(entity == RegistryEntity.INSPECTOR ? InspectorSheet.header(f)
                        : TargetSheet.header(f))));
            }
            out.add(new Change(entity, key, text(last.state, "name"), text(last.state, "regionCode"), kind, List.copyOf(fields),
                    rows.size(), last.at, last.by, last.reason));
        });
        return out;
    }

    private record Row(int version, String change, List<String> changed, Instant at, String by, String reason, JsonNode state) {
    }

    private static boolean retired(RegistryEntity entity, JsonNode state) {
        return entity == RegistryEntity.INSPECTOR ? InspectorStatus.LEFT.name().equals(text(state, "status"))
                : OperatingStatus.CLOSED.name().equals(text(state, "operatingStatus"));
    }

    private static String text(JsonNode state, String field) {
        JsonNode n = state.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }
}
