package cn.doublerandom.registry.history;

import cn.doublerandom.registry.inspector.InspectorSheet;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.TargetEvent;
import cn.doublerandom.registry.target.TargetEventService;
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
 * 关闭) and it was not retired before, else <em>changed</em>. A target's penalties, verified complaints
 * and supervised listings (its events, which decide its supervision class) are part of its entry: one
 * recorded or retracted in the period lists the target as changed, the event named among the fields.
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
     * @param fields   the changed fields by their Chinese column headers (none for the versions of a record
     *                 added), then the events recorded (行政处罚) or retracted (撤销行政处罚)
     * @param versions the versions and events the registry recorded in the period
     */
    public record Change(RegistryEntity entity, String key, String name, String regionCode, Kind kind, List<String> fields,
                         int versions, Instant lastAt, String lastBy, String reason) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    TargetEventService events;

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
        Map<String, List<TargetEvent>> eventsByKey = new LinkedHashMap<>();
        if (entity == RegistryEntity.TARGET) {
            for (TargetEvent e : events.recordedBetween(regionLike, from, to)) {
                eventsByKey.computeIfAbsent(e.uscc(), k -> new ArrayList<>()).add(e);
            }
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
            List<TargetEvent> mine = eventsByKey.getOrDefault(key, List.of());
            Instant lastAt = last.at;
            String lastBy = last.by;
            for (TargetEvent e : mine) {
                for (Stamp s : stamps(e, from, to)) {
                    fields.add(s.field);
                    if (s.at.isAfter(lastAt)) {
                        lastAt = s.at;
                        lastBy = s.by;
                    }
                }
            }
            out.add(new Change(entity, key, text(last.state, "name"), text(last.state, "regionCode"), kind, List.copyOf(fields),
                    rows.size() + mine.stream().mapToInt(e -> stamps(e, from, to).size()).sum(), lastAt, lastBy, last.reason));
        });
        // targets whose only news in the period is an event: changed, named as the registry held them
        List<String> eventOnly = eventsByKey.keySet().stream().filter(k -> !byKey.containsKey(k)).toList();
        Map<String, JsonNode> held = eventOnly.isEmpty() ? Map.of() : latest(entity, eventOnly, to);
        for (String key : eventOnly) {
            Set<String> fields = new LinkedHashSet<>();
            Instant lastAt = null;
            String lastBy = null;
            int count = 0;
            for (TargetEvent e : eventsByKey.get(key)) {
                for (Stamp s : stamps(e, from, to)) {
                    fields.add(s.field);
                    count++;
                    if (lastAt == null || s.at.isAfter(lastAt)) {
                        lastAt = s.at;
                        lastBy = s.by;
                    }
                }
            }
            JsonNode state = held.get(key);
            if (state != null) {
                out.add(new Change(entity, key, text(state, "name"), text(state, "regionCode"), Kind.CHANGED, List.copyOf(fields),
                        count, lastAt, lastBy, null));
            }
        }
        return out;
    }

    /** An event's recording and its retraction, as far as they fall in [from, to). */
    private record Stamp(String field, Instant at, String by) {
    }

    private static List<Stamp> stamps(TargetEvent e, Instant from, Instant to) {
        List<Stamp> out = new ArrayList<>();
        if (!e.recordedAt().isBefore(from) && e.recordedAt().isBefore(to)) {
            out.add(new Stamp(e.kind().label(), e.recordedAt(), e.recordedBy()));
        }
        if (e.retraction() != null && !e.retraction().recordedAt().isBefore(from) && e.retraction().recordedAt().isBefore(to)) {
            out.add(new Stamp("撤销" + e.kind().label(), e.retraction().recordedAt(), e.retraction().recordedBy()));
        }
        return out;
    }

    /** The records' last versions before {@code to}. */
    private Map<String, JsonNode> latest(RegistryEntity entity, List<String> keys, Instant to) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct on (entity_key) entity_key, state::text from registry_version
                where entity = ? and entity_key = any(?) and recorded_at < ? order by entity_key, version desc""")) {
            ps.setString(1, entity.name());
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), json.readTree(rs.getString(2)));
                }
            }
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("reading registry versions", e);
        }
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
