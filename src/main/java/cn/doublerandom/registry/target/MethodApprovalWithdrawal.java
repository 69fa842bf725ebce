package cn.doublerandom.registry.target;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code target_method_approval_withdrawal}: an approval withdrawn, once, with the reason. Insert-only. */
@Entity
@Immutable
@Table(name = "target_method_approval_withdrawal")
class MethodApprovalWithdrawal extends PanacheEntityBase {

    @Id
    @Column(name = "approval_id")
    public Long approvalId;

    @Column(name = "withdrawn_on")
    public LocalDate withdrawnOn;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
