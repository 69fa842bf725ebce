package cn.doublerandom.registry.history;

import java.time.Instant;

/** A registry record as held now: its data, its version number, and who last changed it. */
public record Stored<D extends Record>(D data, int version, Instant createdAt, Instant updatedAt, String updatedBy) {
}
