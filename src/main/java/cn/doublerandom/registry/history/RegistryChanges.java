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
 * A province quarter can hold a million changes, so the counts are SQL aggregates, set-based over the
 * period's versions, and the records are listed in pages, in one query over the regions a page reaches
 * (by the counts): only a listed record's versions are read in full.
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
     * versions of the period of the records changed after their creation.
     */
    public Map<String, Counts> count(RegistryEntity entity, Collection<String> regions, Instant from, Instant to) {
        check(entity);
        List<String> scope = List.copyOf(regions);
        String sql = "with " + ADDED_BY_REGION + ", " + kinds(entity) + (entity == RegistryEntity.TARGET ? ", " + EVENT_ONLY : "") + """
                select region_code, 0, n from added
                union all select region_code, kind, count(*) from kinds group by 1, 2
                """ + (entity == RegistryEntity.TARGET ? "union all select region_code, 1, count(*) from events group by 1" : "");
        Map<String, int[]> raw = new HashMap<>();
        query(sql, Map.of("entity", entity.name(), "regions", scope, "listed", scope, "from", from, "to", to), rs -> {
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
     * @param counts what {@link #count} answered for the same regions and period: the listing reads only the
     *               regions that the counts say it reaches
     */
    public List<Change> list(RegistryEntity entity, Collection<String> regions, Instant from, Instant to, Position after, int limit,
                             Map<String, Counts> counts) {
        check(entity);
        List<String> scope = List.copyOf(regions);
        // the regions from the cursor's on, until their counts hold the page (the cursor's own region
        // counts for nothing, part of it being listed already)
        List<String> reached = new ArrayList<>();
        long held = 0;
        for (String region : scope.stream().sorted().toList()) {
            if (held >= limit) {
                break;
            }
            int total = counts.getOrDefault(region, Counts.NONE).total();
            if (after != null && region.compareTo(after.region()) < 0 || total == 0) {
                continue;
            }
            reached.add(region);
            held += after != null && region.equals(after.region()) ? 0 : total;
        }
        if (reached.isEmpty()) {
            return List.of();
        }
        String sql = "with " + """
                added as (
                    select entity_key, region_code, 0 as kind from registry_version
                    where entity = :entity and region_code = any(:listed::bpchar[]) and recorded_at >= :from and recorded_at < :to
                      and version = 1), """ + kinds(entity) + (entity == RegistryEntity.TARGET ? ", " + EVENT_ONLY : "") + """
                select entity_key, region_code, kind from (
                    select entity_key, region_code, kind from added
                    union all select entity_key, region_code, kind from kinds where region_code = any(:listed::bpchar[])
                """ + (entity == RegistryEntity.TARGET ? "    union all select entity_key, region_code, 1 from events\n" : "") + """
                ) listed
                where region_code collate "C" > :region
                   or (region_code = :region and (kind > :kind or (kind = :kind and entity_key collate "C" > :key)))
                order by region_code collate "C", kind, entity_key collate "C" limit :limit""";
        Map<String, Object> p = new HashMap<>(Map.of("entity", entity.name(), "regions", scope, "listed", reached, "from", from,
                "to", to, "region", after == null ? "" : after.region(), "kind", after == null ? -1 : after.kind().ordinal(),
                "key", after == null ? "" : after.key(), "limit", limit));
        List<String[]> picked = new ArrayList<>();
        query(sql, p, rs -> picked.add(new String[]{rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3))}));
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
                  and region_code = any(:regions::bpchar[])
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
                where entity = :entity and recorded_at >= :from and recorded_at < :to and version = 1 and region_code = any(:regions::bpchar[])
                group by region_code)""";

    /**
     * Targets whose only news in the period is an event recorded or retracted, in the listed regions: changed.
     * Their region is the target's as held now; a listing of a few regions reads the targets of those alone.
     */
    private static final String EVENT_ONLY = """
            touched as (
                select uscc from target_event where recorded_at >= :from and recorded_at < :to
                union select e.uscc from target_event_retraction r join target_event e on e.id = r.event_id
                where r.recorded_at >= :from and r.recorded_at < :to),
            events as (
                select x.uscc as entity_key, t.region_code
                from touched x join target t on t.uscc = x.uscc
                where t.region_code = any(:listed::bpchar[])
                  and not exists (select 1 from registry_version p where p.entity = :entity and p.entity_key = x.uscc
                                  and p.recorded_at >= :from and p.recorded_at < :to and p.region_code = any(:regions::bpchar[])))""";

    /**
     * The records with later versions in the period (in the covered regions) that were not added in it,
     * each in the region of its last such version: retired (2) when that version retires it and the version
     * before the period's first did not, else changed (1). One pass over the period's versions, which lie
     * together in the table (it is append-only); {@code last} is twice the last version plus 1 when it
     * retires (versions of a record are distinct, so the largest such number is the last version's); the
     * version before the period is looked up only for the records that retire, in an index of retiring
     * versions alone, and the last version's region only for a record that moved. The states are read
     * below {@code offset 0} so that a sort for the grouping holds the flag, not the states.
     */
    private static String kinds(RegistryEntity entity) {
        String retired = entity == RegistryEntity.INSPECTOR ? "(%s.state->>'status') = '" + InspectorStatus.LEFT.name() + "'"
                : "(%s.state->>'operatingStatus') = '" + OperatingStatus.CLOSED.name() + "'";
        return """
                updated as (
                    select entity_key, min(version) as first, min(region_code) as r0, max(region_code) as r1,
                           max(version * 2 + retires) as last
                    from (select v.entity_key, v.version, v.region_code, coalesce(%s, false)::int as retires
                          from registry_version v
                          where v.entity = :entity and v.recorded_at >= :from and v.recorded_at < :to and v.version > 1
                            and v.region_code = any(:regions::bpchar[])
                          offset 0) v
                    group by entity_key),
                created as (
                    select entity_key from registry_version
                    where entity = :entity and recorded_at >= :from and recorded_at < :to and version = 1 and region_code = any(:regions::bpchar[])),
                kinds as (
                    select u.entity_key,
                           case when u.r0 = u.r1 then u.r0 else (select l.region_code from registry_version l
                                where l.entity = :entity and l.entity_key = u.entity_key and l.version = u.last / 2) end as region_code,
                           case when u.last %% 2 = 1 and not exists (select 1 from registry_version b where b.entity = :entity
                                     and b.entity_key = u.entity_key and b.version = u.first - 1 and %s)
                                then 2 else 1 end as kind
                    from updated u
                    where not exists (select 1 from created c where c.entity_key = u.entity_key))""".formatted(
                retired.formatted("v"), retired.formatted("b"));
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
                    // a province quarter's changed records are sorted and grouped in memory, not in temporary files
                    st.execute("set local work_mem = '16MB'");
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
