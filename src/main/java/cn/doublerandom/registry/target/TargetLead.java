package cn.doublerandom.registry.target;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A lead (问题线索) concerning a target, as recorded, with its closure once closed. While it is open, a draw
 * that selects the target visits it on site, unannounced (四不两直), for every item of its visit.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetLead(long id, String uscc, CheckSource source, String sourceLabel, LocalDate openedOn, String reference,
                         String summary, Instant recordedAt, String recordedBy, Closure closure) {

    /** How and when the lead was closed (办结). */
    public record Closure(LocalDate closedOn, String reason, Instant recordedAt, String recordedBy) {
    }

    /** Open on {@code day}: opened on or before it, and not closed before it. */
    public boolean openOn(LocalDate day) {
        return !openedOn.isAfter(day) && (closure == null || !closure.closedOn().isBefore(day));
    }
}
