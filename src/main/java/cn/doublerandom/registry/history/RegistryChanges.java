package cn.doublerandom.registry.history;

import cn.doublerandom.registry.inspector.InspectorSheet;
import cn.doublerandom.registry.target.TargetEvent;
import cn.doublerandom.registry.target.TargetEventService;
import cn.doublerandom.registry.target.TargetSheet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
    ChangesStore store;

    @Inject
    TargetEventService events;

    /**
     * The records of the period per region, over the given region codes. Reads index entries, and the
     * versions of the period of the records changed after their creation.
     */
    public Map<String, Counts> count(RegistryEntity entity, Collection<String> regions, Instant from, Instant to) {
        check(entity);
        List<String> scope = List.copyOf(regions);
        Map<String, int[]> raw = store.counts(entity, scope, from, to);
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
        List<String[]> picked = store.listed(entity, scope, reached, from, to, after == null ? "" : after.region(),
                after == null ? -1 : after.kind().ordinal(), after == null ? "" : after.key(), limit);
        return details(entity, scope, from, to, picked);
    }

    /** The listed records' versions in the period (their changed fields, who, when) and their events. */
    private List<Change> details(RegistryEntity entity, List<String> scope, Instant from, Instant to, List<String[]> picked) {
        if (picked.isEmpty()) {
            return List.of();
        }
        List<String> keys = picked.stream().map(k -> k[0]).toList();
        Map<String, List<ChangesStore.Version>> versions = store.versions(entity, keys, from, to, scope);
        List<String> eventOnly = keys.stream().filter(k -> !versions.containsKey(k)).toList();
        // named as the registry held them at the period's end
        Map<String, String> heldNames = eventOnly.isEmpty() ? new HashMap<>() : store.heldNames(entity, eventOnly, to);
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
            List<ChangesStore.Version> mine = versions.getOrDefault(key, List.of());
            Set<String> fields = new LinkedHashSet<>();
            Instant lastAt = null;
            String lastBy = null;
            String reason = null;
            String name = heldNames.get(key);
            int count = mine.size();
            for (ChangesStore.Version v : mine) {
                if (kind != Kind.ADDED) {
                    v.changed().forEach(f -> fields.add(entity == RegistryEntity.INSPECTOR ? InspectorSheet.header(f) : TargetSheet.header(f)));
                }
                lastAt = v.at();
                lastBy = v.by();
                reason = v.reason();
                name = v.name();
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
