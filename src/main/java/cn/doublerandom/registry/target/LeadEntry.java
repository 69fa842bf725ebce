package cn.doublerandom.registry.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A row of {@code target_lead}: a lead as recorded. Insert-only: it is closed by a {@link LeadClosure}, never
 * changed, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "target_lead")
class LeadEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String uscc;

    @Enumerated(EnumType.STRING)
    public CheckSource source;

    @Column(name = "opened_on")
    public LocalDate openedOn;

    public String reference;

    public String summary;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** The leads of a target with their closures, by the day they were received. */
    static List<TargetLead> views(String uscc) {
        List<LeadEntry> leads = list("uscc", Sort.by("openedOn").and("id"), uscc);
        Map<Long, LeadClosure> closures = new HashMap<>();
        if (!leads.isEmpty()) {
            LeadClosure.<LeadClosure>list("leadId in :ids", Parameters.with("ids", leads.stream().map(l -> l.id).toList()))
                    .forEach(c -> closures.put(c.leadId, c));
        }
        return leads.stream().map(l -> l.view(closures.get(l.id))).toList();
    }

    TargetLead view(LeadClosure c) {
        return new TargetLead(id, uscc, source, source.label(), openedOn, reference, summary, recordedAt, recordedBy,
                c == null ? null : new TargetLead.Closure(c.closedOn, c.reason, c.recordedAt, c.recordedBy));
    }
}
