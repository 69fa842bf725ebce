package cn.doublerandom.registry.target;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A dated event of a target. {@code eventDate} is the date it happened (a penalty decided, a
 * complaint verified, a listing started), not the date it was entered; a class uses the former.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TargetEvent(long id, String uscc, TargetEventKind kind, LocalDate eventDate, LocalDate endDate,
                          ListingLevel listingLevel, String reference, String description, Instant recordedAt,
                          String recordedBy, Retraction retraction) {

    /** Who lists a target for supervision (挂牌督办). */
    public enum ListingLevel { MINISTRY, PROVINCE }

    /** A mistaken event is retracted, never deleted. */
    public record Retraction(String reason, Instant recordedAt, String recordedBy) {
    }

    public boolean retracted() {
        return retraction != null;
    }

    /** A listing is active on {@code day} when it started on or before it and had not ended. */
    public boolean activeOn(LocalDate day) {
        return !eventDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }
}
