package cn.doublerandom.registry.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A row of {@code target_event_retraction}: a mistaken event retracted with a reason; the event stays visible
 * beside it. Insert-only, one per event; the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "target_event_retraction")
class TargetEventRetraction extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public Long eventId;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The retractions of these events, by event id. */
    static Map<Long, TargetEventRetraction> of(Collection<Long> eventIds) {
        Map<Long, TargetEventRetraction> out = new HashMap<>();
        if (!eventIds.isEmpty()) {
            TargetEventRetraction.<TargetEventRetraction>list("eventId in :ids", Parameters.with("ids", eventIds))
                    .forEach(r -> out.put(r.eventId, r));
        }
        return out;
    }
}
