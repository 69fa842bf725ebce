package cn.doublerandom.registry.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code target_event}: a penalty, verified complaint or supervised listing of a target as entered,
 * with its retraction if any. Insert-only: a mistaken event is retracted ({@link TargetEventRetraction}), never
 * changed, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "target_event")
class TargetEventEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String uscc;

    @Enumerated(EnumType.STRING)
    public TargetEventKind kind;

    @Column(name = "event_date")
    public LocalDate eventDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "listing_level")
    public TargetEvent.ListingLevel listingLevel;

    public String reference;

    public String description;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The events of a target by the date they happened. */
    static List<TargetEventEntry> of(String uscc) {
        return list("uscc", Sort.by("eventDate").and("id"), uscc);
    }

    /** The events of a target with their retractions, by the date they happened. */
    static List<TargetEvent> views(String uscc) {
        List<TargetEventEntry> events = of(uscc);
        Map<Long, TargetEventRetraction> retractions = TargetEventRetraction.of(events.stream().map(e -> e.id).toList());
        return events.stream().map(e -> e.view(retractions.get(e.id))).toList();
    }

    TargetEvent view(TargetEventRetraction retraction) {
        return new TargetEvent(id, uscc, kind, eventDate, endDate, listingLevel, reference, description, recordedAt, recordedBy,
                retraction == null ? null : new TargetEvent.Retraction(retraction.reason, retraction.recordedAt,
                        retraction.recordedBy));
    }
}
