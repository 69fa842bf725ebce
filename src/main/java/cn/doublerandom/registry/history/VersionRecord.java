package cn.doublerandom.registry.history;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** One kept version of a registry record: who changed what, when, why, and the whole state after. */
public record VersionRecord(int version, String change, List<String> changed, String reason, Instant recordedAt,
                            String recordedBy, JsonNode state) {
}
