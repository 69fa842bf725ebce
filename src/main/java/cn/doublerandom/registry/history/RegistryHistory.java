package cn.doublerandom.registry.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.doublerandom.platform.database.Sql;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The append-only history of the registries (table {@code registry_version}): every create and
 * update of a target, inspector or item keeps the whole new state. The database refuses updates and
 * deletes of these rows.
 */
@ApplicationScoped
public class RegistryHistory {

    @Inject
    HistoryStore store;

    @Inject
    ObjectMapper json;

    @Inject
    cn.doublerandom.platform.ServiceClock clock;

    private volatile com.fasterxml.jackson.databind.ObjectWriter stateWriter;

    /** States leave out null fields: a version reads back the same, and an import's history is a third smaller. */
    private com.fasterxml.jackson.databind.ObjectWriter stateWriter() {
        if (stateWriter == null) {
            stateWriter = json.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).writer();
        }
        return stateWriter;
    }

    /** A version to append; {@code state} is the record after the change. */
    public record Entry(RegistryEntity entity, String key, int version, String regionCode, String change,
                        List<String> changed, String reason, Instant at, String by, Object state) {
    }

    /**
     * Appends on the caller's transaction. Uses COPY: an import of 100,000 records writes 100,000
     * versions, and COPY is several times faster than batched inserts.
     */
    public void append(Connection c, List<Entry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        // serialising 100,000 states is the costly part: both cores take a share
        String csv = entries.parallelStream().map(this::csvLine).collect(Collectors.joining());
        HistoryStore.copy(c, csv);
    }

    private String csvLine(Entry e) {
        StringBuilder line = new StringBuilder(700);
        Sql.csvField(line, e.entity().name());
        Sql.csvField(line, e.key());
        Sql.csvField(line, e.version());
        Sql.csvField(line, e.regionCode());
        Sql.csvField(line, e.change());
        Sql.csvField(line, Sql.arrayLiteral(e.changed()));
        Sql.csvField(line, e.reason());
        Sql.csvField(line, e.at().toString());
        Sql.csvField(line, e.by());
        Sql.csvField(line, toJson(e.state()));
        return line.append('\n').toString();
    }

    public List<VersionRecord> versions(RegistryEntity entity, String key) {
        return query(HistoryStore.VERSIONS, entity, key, null);
    }

    /** The version in force at {@code instant}: the last one recorded before it. */
    public Optional<VersionRecord> asOf(RegistryEntity entity, String key, Instant instant) {
        return query(HistoryStore.VERSION_BEFORE, entity, key, instant).stream().findFirst();
    }

    /** A record's key and a business date, to read the record as it stood at the end of that date. */
    public record KeyAt(String key, java.time.LocalDate date) {
    }

    /**
     * Many records at once, each as it stood at the end of its own business date (Asia/Shanghai): the
     * state of the last version recorded before then. A record not yet registered then is absent.
     */
    public <D> java.util.Map<KeyAt, D> asOf(RegistryEntity entity, java.util.Collection<KeyAt> asked, Class<D> type) {
        java.util.Map<KeyAt, D> out = new java.util.HashMap<>();
        if (asked.isEmpty()) {
            return out;
        }
        List<KeyAt> all = List.copyOf(new java.util.LinkedHashSet<>(asked));
        try {
            for (java.util.Map.Entry<Integer, String> row : store.statesAt(entity.name(), all.stream().map(KeyAt::key).toList(),
                    all.stream().map(k -> clock.endOf(k.date()).toString()).toList()).entrySet()) {
                out.put(all.get(row.getKey() - 1), json.readValue(row.getValue(), type));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reading the history of " + entity + " as of dates", e);
        }
        return out;
    }

    private List<VersionRecord> query(String sql, RegistryEntity entity, String key, Instant instant) {
        try {
            List<VersionRecord> out = new ArrayList<>();
            for (HistoryStore.Row r : store.versions(sql, entity.name(), key, instant)) {
                out.add(new VersionRecord(r.version(), r.change(), r.changed(), r.reason(), r.recordedAt(), r.recordedBy(),
                        json.readTree(r.state())));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reading history of " + entity + " " + key, e);
        }
    }

    /**
     * A record as it stood at the end of a business date (Asia/Shanghai), or {@code now} when no
     * date is asked; 404 when it was not registered yet.
     */
    public <D extends Record> Stored<D> asOf(RegistryEntity entity, String key, Stored<D> now, java.time.LocalDate date,
                                             Class<D> type) {
        if (date == null) {
            return now;
        }
        VersionRecord version = asOf(entity, key, clock.endOf(date)).orElseThrow(() -> cn.doublerandom.platform.problem.ProblemException
                .notFound(entity.name().toLowerCase() + " " + key + " was not registered yet on " + date));
        return new Stored<>(read(version.state(), type), version.version(), now.createdAt(), version.recordedAt(),
                version.recordedBy());
    }

    /** 412 when an {@code If-Match} version is given and the record is at another one. */
    public static void requireVersion(RegistryEntity entity, String key, int current, Integer expected) {
        if (expected != null && expected != current) {
            throw new cn.doublerandom.platform.problem.ProblemException(cn.doublerandom.platform.problem.ProblemType.VERSION_MISMATCH,
                    entity.name().toLowerCase() + " " + key + " is at version " + current + ", the request expected " + expected);
        }
    }

    public <T> T read(JsonNode state, Class<T> type) {
        try {
            return json.treeToValue(state, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history state does not read as " + type.getSimpleName(), e);
        }
    }

    private String toJson(Object state) {
        try {
            return stateWriter().writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
