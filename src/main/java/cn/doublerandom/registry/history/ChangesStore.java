package cn.doublerandom.registry.history;

import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.OperatingStatus;
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
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of {@link RegistryChanges}: the registry's versions of a period ({@code registry_version}) and, for
 * targets, their events ({@code target_event}, {@code target_event_retraction}).
 */
@ApplicationScoped
class ChangesStore {

    @Inject
    AgroalDataSource dataSource;

    /** A version of a listed record in the period: its changed fields, when, by whom, why, and the name it gave. */
    record Version(List<String> changed, Instant at, String by, String reason, String name) {
    }

    /** Per region: the records added [0], changed [1] and retired [2] in the period, over the regions of {@code scope}. */
    Map<String, int[]> counts(RegistryEntity entity, List<String> scope, Instant from, Instant to) {
        Map<String, int[]> raw = new HashMap<>();
        String sql = "with " + ADDED_BY_REGION + ", " + kinds(entity) + (entity == RegistryEntity.TARGET ? ", " + EVENT_ONLY : "") + """
                select region_code, 0, n from added
                union all select region_code, kind, count(*) from kinds group by 1, 2
                """ + (entity == RegistryEntity.TARGET ? "union all select region_code, 1, count(*) from events group by 1" : "");
        query(sql, Map.of("entity", entity.name(), "regions", scope, "listed", scope, "from", from, "to", to), rs -> {
            int[] n = raw.computeIfAbsent(rs.getString(1), k -> new int[3]);
            n[rs.getInt(2)] += rs.getInt(3);
        });
        return raw;
    }

    /**
     * Up to {@code limit} records (key, region, kind ordinal) of the period in the {@code listed} regions, in the
     * listing's order, after the position given by region, kind ordinal and key ("", -1, "": from the start).
     */
    List<String[]> listed(RegistryEntity entity, List<String> scope, List<String> listed, Instant from, Instant to,
                          String afterRegion, int afterKind, String afterKey, int limit) {
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
        Map<String, Object> p = new HashMap<>(Map.of("entity", entity.name(), "regions", scope, "listed", listed, "from", from,
                "to", to, "region", afterRegion, "kind", afterKind, "key", afterKey, "limit", limit));
        List<String[]> picked = new ArrayList<>();
        query(sql, p, rs -> picked.add(new String[]{rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3))}));
        return picked;
    }

    /** The versions in the period of these records, by key, in version order. */
    Map<String, List<Version>> versions(RegistryEntity entity, List<String> keys, Instant from, Instant to, List<String> scope) {
        Map<String, List<Version>> versions = new HashMap<>();
        query("""
                select entity_key, version, changed, recorded_at, recorded_by, reason, state->>'name' from registry_version
                where entity = :entity and entity_key = any(:keys) and recorded_at >= :from and recorded_at < :to
                  and region_code = any(:regions::bpchar[])
                order by entity_key, version""", Map.of("entity", entity.name(), "keys", keys, "from", from, "to", to, "regions", scope),
                rs -> versions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Version(
                        List.of((String[]) rs.getArray(3).getArray()), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6),
                        rs.getString(7))));
        return versions;
    }

    /** The names these records had in their last version before {@code to}. */
    Map<String, String> heldNames(RegistryEntity entity, List<String> eventOnly, Instant to) {
        Map<String, String> heldNames = new HashMap<>();
        query("""
                select distinct on (entity_key) entity_key, state->>'name' from registry_version
                where entity = :entity and entity_key = any(:keys) and recorded_at < :to order by entity_key, version desc""",
                Map.of("entity", entity.name(), "keys", eventOnly, "to", to), rs -> heldNames.put(rs.getString(1), rs.getString(2)));
        return heldNames;
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
}
