package cn.doublerandom.registry.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code target_lead_closure}: a lead closed (办结), once, with the reason. Insert-only. */
@Entity
@Immutable
@Table(name = "target_lead_closure")
class LeadClosure extends PanacheEntityBase {

    @Id
    @Column(name = "lead_id")
    public Long leadId;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
