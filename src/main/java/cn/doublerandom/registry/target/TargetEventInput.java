package cn.doublerandom.registry.target;

import java.time.LocalDate;

/** A new event as a bureau records it. */
public record TargetEventInput(TargetEventKind kind, LocalDate eventDate, LocalDate endDate,
                               TargetEvent.ListingLevel listingLevel, String reference, String description) {
}
