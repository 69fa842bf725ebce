package cn.doublerandom.registry.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What an upsert of registry records by key will do: which are new, which changed (with the next
 * version and the fields that changed), and which are equal to what is stored and stay untouched,
 * so that re-importing the same file changes nothing. A creation lists no changed fields: all of them are new.
 */
public record ChangeSet<D extends Record>(List<Stored<D>> inserts, List<Stored<D>> updates,
                                          List<RegistryHistory.Entry> versions, int unchanged) {

    /**
     * @param mayWrite called with the region of every record written, before and after, and throws
     *                 when the caller may not write there
     */
    public static <D extends Record> ChangeSet<D> plan(RegistryEntity entity, List<D> rows, Map<String, Stored<D>> existing,
                                                       Function<D, String> key, Function<D, String> region,
                                                       Consumer<String> mayWrite, boolean imported, String reason,
                                                       Instant now, String by) {
        List<Stored<D>> inserts = new ArrayList<>();
        List<Stored<D>> updates = new ArrayList<>();
        List<RegistryHistory.Entry> versions = new ArrayList<>();
        int unchanged = 0;
        Set<String> allowed = new HashSet<>();
        Consumer<String> check = r -> {
            if (!allowed.contains(r)) {
                mayWrite.accept(r);
                allowed.add(r);
            }
        };
        for (D row : rows) {
            check.accept(region.apply(row));
            Stored<D> before = existing.get(key.apply(row));
            if (before == null) {
                inserts.add(new Stored<>(row, 1, now, now, by));
                versions.add(new RegistryHistory.Entry(entity, key.apply(row), 1, region.apply(row),
                        imported ? "IMPORT_CREATE" : "CREATE", List.of(), reason, now, by, row));
            } else if (before.data().equals(row)) {
                unchanged++;
            } else {
                check.accept(region.apply(before.data()));
                Stored<D> after = new Stored<>(row, before.version() + 1, before.createdAt(), now, by);
                updates.add(after);
                versions.add(new RegistryHistory.Entry(entity, key.apply(row), after.version(), region.apply(row),
                        imported ? "IMPORT_UPDATE" : "UPDATE", Changes.between(before.data(), row), reason, now, by, row));
            }
        }
        return new ChangeSet<>(inserts, updates, versions, unchanged);
    }

    public List<Stored<D>> written() {
        List<Stored<D>> all = new ArrayList<>(inserts);
        all.addAll(updates);
        return all;
    }

    /** What a write did, as the API reports it. */
    public record Outcome<D extends Record>(int created, int updated, int unchanged, List<Stored<D>> written) {

        /** "3 created, 1 updated, 0 unchanged; import of x.csv", as the audit trail says it. */
        public String summary(String reason) {
            return created + " created, " + updated + " updated, " + unchanged + " unchanged" + (reason == null ? "" : "; " + reason);
        }
    }

    public Outcome<D> outcome() {
        return new Outcome<>(inserts.size(), updates.size(), unchanged, written());
    }
}
