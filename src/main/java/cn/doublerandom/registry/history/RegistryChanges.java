package cn.doublerandom.registry.history;

import cn.doublerandom.registry.inspector.InspectorSheet;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.TargetEvent;
import cn.doublerandom.registry.target.TargetEventService;
import cn.doublerandom.registry.target.TargetSheet;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed in the inspector and target registries over a period (seed 001 四(四): the quarterly
 * report of registry adjustments), read from their history so that other capabilities never name its
 * table. A record is <em>added</em> when its first version falls in the period, <em>retired</em> when
 * its last version in the period leaves it out of the draw for good (an inspector 离职, a target
 * 关闭) and it was not retired before, else <em>changed</em>. A target's penalties, verified complaints
 * and supervised listings (its events, which decide its supervision class) are part of its entry: one
 * recorded or retracted in the period lists the target as changed, the event named among the fields.
 * <p>
 * A province quarter can hold a million changes, so the counts are SQL aggregates that read no state,
 * and the records are listed in pages, one region at a time: only a listed record's versions are read.
 * Versions are taken in the covered regions only: a record moved in from outside is changed there, one
 * created and moved inside the covered regions is added where it was created, and one changed in two of
 * them counts where its last version in the period is.
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

    /** How many records of one region were added, changed and retired in the period. */
    public record Counts(int added, int changed, int retired) {
        public static final Counts NONE = new Counts(0, 0, 0);

        public int total() {
            return added + changed + retired;
        }
    }

    /** Where a listing stopped: the last record listed, by region, kind and key (the listing's order). */
    public record Position(String region, Kind kind, String key) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TargetEventService events;

    /**
     * The records of the period per region, over the given region codes. Reads index entries, and the
     * states of the changed records only (whether the last version retires them).
     */
    public Map<String, Counts> count(RegistryEntity entity, Collection<String> regions, Instant from, Instant to) {
        check(entity);
        String sql = "with " + ADDED_BY_REGION + ", " + UPDATED_KEYS + ", " + kinds(entity, false) + (entity == RegistryEntity.TARGET
                ? ", " + EVENT_ONLY : "") + """
                select region_code, 0, n from added
                union all select region_code, kind, count(*) from kinds group by 1, 2
                """ + (entity == RegistryEntity.TARGET ? "union all select region_code, 1, count(*) from events where region_code = any(:regions) group by 1"
                : "");
        Map<String, int[]> raw = new HashMap<>();
        query(sql, Map.of("entity", entity.name(), "regions", List.copyOf(regions), "from", from, "to", to), rs -> {
            int[] n = raw.computeIfAbsent(rs.getString(1), k -> new int[3]);
            n[rs.getInt(2)] += rs.getInt(3);
        });
        Map<String, Counts> out = new HashMap<>();
        raw.forEach((region, n) -> out.put(region, new Counts(n[0], n[1], n[2])));
        return out;
    }

    /**
     * Up to {@code limit} records of the period in the listing's order (region, then added, changed,
     * retired, then key), after {@code after} (null: from the start), with their fields and versions.
     *
     * @param counts what {@link #count} answered for the same regions and period: regions without records are skipped
     */
    public List<Change> list(RegistryEntity entity, Collection<String> regions, Instant from, Instant to, Position after, int limit,
                             Map<String, Counts> counts) {
        check(entity);
        List<String> scope = List.copyOf(regions);
        String sql = "with " + """
                added as (
                    select entity_key, 0 as kind from registry_version
                    where entity = :entity and region_code = :region and recorded_at >= :from and recorded_at < :to and version = 1),
                updated as (
                    select entity_key, min(version) as first, max(version) as last from registry_version
                    where entity = :entity and region_code = :region and recorded_at >= :from and recorded_at < :to and version > 1
                    group by entity_key), """ + kinds(entity, true) + (entity == RegistryEntity.TARGET ? ", " + EVENT_ONLY : "") + """
                select entity_key, kind from (
                    select entity_key, kind from added
                    union all select entity_key, kind from kinds
                """ + (entity == RegistryEntity.TARGET ? "union all select entity_key, 1 from events where region_code = :region\n" : "") + """
                ) listed
                where kind > :kind or (kind = :kind and entity_key collate "C" > :key)
                order by kind, entity_key collate "C" limit :limit""";
        List<String[]> picked = new ArrayList<>();
        for (String region : scope.stream().sorted().toList()) {
            if (picked.size() >= limit) {
                break;
            }
            if (after != null && region.compareTo(after.region()) < 0 || counts.getOrDefault(region, Counts.NONE).total() == 0) {
                continue;
            }
            boolean resume = after != null && region.equals(after.region());
            Map<String, Object> p = new HashMap<>(Map.of("entity", entity.name(), "regions", scope, "region", region, "from", from,
                    "to", to, "kind", resume ? after.kind().ordinal() : -1, "key", resume ? after.key() : "",
                    "limit", limit - picked.size()));
            query(sql, p, rs -> picked.add(new String[]{rs.getString(1), region, String.valueOf(rs.getInt(2))}));
        }
        return details(entity, scope, from, to, picked);
    }

    /** The listed records' versions in the period (their changed fields, who, when) and their events. */
    private List<Change> details(RegistryEntity entity, List<String> scope, Instant from, Instant to, List<String[]> picked) {
        if (picked.isEmpty()) {
            return List.of();
        }
        List<String> keys = picked.stream().map(k -> k[0]).toList();
        Map<String, List<Version>> versions = new HashMap<>();
        query("""
                select entity_key, version, changed, recorded_at, recorded_by, reason, state->>'name' from registry_version
                where entity = :entity and entity_key = any(:keys) and recorded_at >= :from and recorded_at < :to
                  and region_code = any(:regions)
                order by entity_key, version""", Map.of("entity", entity.name(), "keys", keys, "from", from, "to", to, "regions", scope),
                rs -> versions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Version(
                        List.of((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                        rs.getString(7))));
        List<String> eventOnly = keys.stream().filter(k -> !versions.containsKey(k)).toList();
        Map<String, String> heldNames = new HashMap<>();
        if (!eventOnly.isEmpty()) {
            // named as the registry held them at the period's end
            query("""
                    select distinct on (entity_key) entity_key, state->>'name' from registry_version
                    where entity = :entity and entity_key = any(:keys) and recorded_at < :to order by entity_key, version desc""",
                    Map.of("entity", entity.name(), "keys", eventOnly, "to", to), rs -> heldNames.put(rs.getString(1), rs.getString(2)));
        }
        Map<String, List<TargetEvent>> eventsByKey = new HashMap<>();
        if (entity == RegistryEntity.TARGET) {
            for (TargetEvent e : events.recordedBetween(keys, from, to)) {
                eventsByKey.computeIfAbsent(e.uscc(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Change> out = new ArrayList<>();
        for (String[] k : picked) {
            String key = k[0];
            Kind kind = Kind.values()[Integer.parseInt(k[2])];
            List<Version> mine = versions.getOrDefault(key, List.of());
            Set<String> fields = new LinkedHashSet<>();
            Instant lastAt = null;
            String lastBy = null;
            String reason = null;
            String name = heldNames.get(key);
            int count = mine.size();
            for (Version v : mine) {
                if (kind != Kind.ADDED) {
                    v.changed.forEach(f -> fields.add(entity == RegistryEntity.INSPECTOR ? InspectorSheet.header(f) : TargetSheet.header(f)));
                }
                lastAt = v.at;
                lastBy = v.by;
                reason = v.reason;
                name = v.name;
            }
            for (TargetEvent e : eventsByKey.getOrDefault(key, List.of())) {
                for (Stamp s : stamps(e, from, to)) {
                    fields.add(s.field);
                    count++;
                    if (lastAt == null || s.at.isAfter(lastAt)) {
                        lastAt = s.at;
                        lastBy = s.by;
                    }
                }
            }
            out.add(new Change(entity, key, name, k[1], kind, List.copyOf(fields), count, lastAt, lastBy, reason));
        }
        return out;
    }

    private static void check(RegistryEntity entity) {
        if (entity != RegistryEntity.INSPECTOR && entity != RegistryEntity.TARGET) {
            throw new IllegalArgumentException(entity.name());
        }
    }

    /** Records whose first version falls in the period, per region: index entries only. */
    private static final String ADDED_BY_REGION = """
            added as (
                select region_code, count(*) as n from registry_version
                where entity = :entity and region_code = any(:regions) and recorded_at >= :from and recorded_at < :to and version = 1
                group by region_code)""";

    /** Records with later versions in the period: their first and last such version, and the regions they were in. */
    private static final String UPDATED_KEYS = """
            updated as (
                select entity_key, min(version) as first, max(version) as last, min(region_code) as r0, max(region_code) as r1
                from registry_version
                where entity = :entity and region_code = any(:regions) and recorded_at >= :from and recorded_at < :to and version > 1
                group by entity_key)""";

    /**
     * Targets whose only news in the period is an event recorded or retracted, by their region: changed.
     * Their region is the target's as held now.
     */
    private static final String EVENT_ONLY = """
            events as (
                select x.uscc as entity_key, (select t.region_code from target t where t.uscc = x.uscc) as region_code
                from (select uscc from target_event where recorded_at >= :from and recorded_at < :to
                      union select e.uscc from target_event_retraction r join target_event e on e.id = r.event_id
                      where r.recorded_at >= :from and r.recorded_at < :to) x
                where not exists (select 1 from registry_version p where p.entity = :entity and p.entity_key = x.uscc
                                  and p.recorded_at >= :from and p.recorded_at < :to and p.region_code = any(:regions)))""";

    /**
     * The updated records that were not added in the period, each retired (2) when its last version
     * retires it and the version before the period did not, else changed (1). The states are read only
     * for these records, and the earlier one only when the last retires.
     *
     * @param oneRegion listing one region: its records whose last version in the period is in another
     *                  covered region are listed there instead
     */
    private static String kinds(RegistryEntity entity, boolean oneRegion) {
        String retired = entity == RegistryEntity.INSPECTOR ? "(%s.state->>'status') = '" + InspectorStatus.LEFT.name() + "'"
                : "(%s.state->>'operatingStatus') = '" + OperatingStatus.CLOSED.name() + "'";
        return """
                kinds as (
                    select u.entity_key, %s as region_code,
                           case when coalesce((select %s from registry_version l
                                               where l.entity = :entity and l.entity_key = u.entity_key and l.version = u.last), false)
                                 and not coalesce((select %s from registry_version b
                                                   where b.entity = :entity and b.entity_key = u.entity_key and b.version = u.first - 1), false)
                                then 2 else 1 end as kind
                    from updated u
                    where not exists (select 1 from registry_version o where o.entity = :entity and o.entity_key = u.entity_key
                                      and o.version = 1 and o.recorded_at >= :from and o.region_code = any(:regions))%s)""".formatted(
                oneRegion ? ":region" : """
                        case when u.r0 = u.r1 then u.r0 else (select l.region_code from registry_version l
                            where l.entity = :entity and l.entity_key = u.entity_key and l.version = u.last) end""",
                retired.formatted("l"), retired.formatted("b"), oneRegion ? """

                      and not exists (select 1 from registry_version n where n.entity = :entity and n.entity_key = u.entity_key
                                      and n.version > u.last and n.recorded_at < :to and n.region_code = any(:regions))""" : "");
    }

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z]+)");

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /**
     * Runs a query with named parameters (a name may appear several times), without JIT (these queries
     * are planned as large and the compilation costs more than it saves) and planned for its parameters.
     */
    private void query(String sql, Map<String, ?> parameters, RowReader reader) {
        List<String> order = new ArrayList<>();
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            if (!parameters.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no parameter " + m.group(1));
            }
            order.add(m.group(1));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("set local jit = off");
                    // a generic plan, which the driver's prepared statements get after five runs, cannot see how
                    // many rows a quarter and a region hold, and chose nested loops over a million versions
                    st.execute("set local plan_cache_mode = force_custom_plan");
                }
                try (PreparedStatement ps = c.prepareStatement(jdbc.toString())) {
                    for (int i = 0; i < order.size(); i++) {
                        Object v = parameters.get(order.get(i));
                        if (v instanceof Instant t) {
                            ps.setTimestamp(i + 1, Timestamp.from(t));
                        } else if (v instanceof Collection<?> list) {
                            ps.setArray(i + 1, c.createArrayOf("text", list.toArray()));
                        } else {
                            ps.setObject(i + 1, v);
                        }
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reader.read(rs);
                        }
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading registry changes", e);
        }
    }

    private record Version(List<String> changed, Instant at, String by, String reason, String name) {
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
}
