package cn.doublerandom.registry.target;

import cn.doublerandom.item.InspectionMethod;
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
 * A row of {@code target_method_approval}: the bureau's approval of another method as recorded. Insert-only: it is
 * withdrawn by a {@link MethodApprovalWithdrawal}, never changed, and the table's triggers refuse rewrites.
 */
@Entity
@Immutable
@Table(name = "target_method_approval")
class MethodApprovalEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String uscc;

    public String authority;

    @Column(name = "item_id")
    public Long itemId;

    @Enumerated(EnumType.STRING)
    public InspectionMethod method;

    public String reason;

    public String reference;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    /** The approvals of a target with their withdrawals, the latest first. */
    static List<MethodApproval> views(String uscc) {
        List<MethodApprovalEntry> rows = list("uscc", Sort.by("id", Sort.Direction.Descending), uscc);
        Map<Long, MethodApprovalWithdrawal> withdrawals = new HashMap<>();
        if (!rows.isEmpty()) {
            MethodApprovalWithdrawal.<MethodApprovalWithdrawal>list("approvalId in :ids",
                    Parameters.with("ids", rows.stream().map(r -> r.id).toList())).forEach(w -> withdrawals.put(w.approvalId, w));
        }
        return rows.stream().map(r -> r.view(withdrawals.get(r.id))).toList();
    }

    MethodApproval view(MethodApprovalWithdrawal w) {
        return new MethodApproval(id, uscc, authority, itemId, method, method.label(), reason, reference, validFrom, validTo,
                approvedAt, approvedBy, w == null ? null
                        : new MethodApproval.Withdrawal(w.withdrawnOn, w.reason, w.recordedAt, w.recordedBy));
    }
}
