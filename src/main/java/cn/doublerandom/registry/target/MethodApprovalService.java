package cn.doublerandom.registry.target;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.item.InspectionMethod;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The bureau's approvals of other inspection methods (seed 001 二（五）: "采用其他检查方式开展检查的，应经本级生态环境部门
 * 批准后实施"): 书面检查 or a qualified third party, for a target and one item or all, for some days. The approving
 * bureau is the caller's region; a draw of that bureau keeps, at prepare, the approvals valid on its date.
 */
@ApplicationScoped
public class MethodApprovalService {

    /** The methods that need an approval; on site and technology are the plan's own. */
    static final Set<InspectionMethod> APPROVABLE = Set.of(InspectionMethod.DOCUMENTARY, InspectionMethod.THIRD_PARTY);

    /** An approval is for a season of work, not for ever: a year at most, a quarter as a rule. */
    static final int MAX_DAYS = 366;

    @Inject
    AuditTrail audit;

    @Inject
    TargetService targets;

    @Inject
    ItemService items;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    MethodApprovalStore store;

    @Transactional
    public MethodApproval record(String uscc, MethodApprovalInput in) {
        Stored<TargetData> target = targets.get(uscc, null);
        scope.requireRegistryWrite(target.data().regionCode());
        String authority = caller.region();
        FieldRules f = new FieldRules();
        InspectionMethod method = method(f, in.method());
        if (in.itemId() != null) {
            ItemData item = items.find(in.itemId()).map(Stored::data).orElse(null);
            if (item == null) {
                f.fail("itemId", in.itemId().toString(), "is not a known item");
            } else if (method == InspectionMethod.DOCUMENTARY && !item.methods().contains(InspectionMethod.DOCUMENTARY)) {
                f.fail("itemId", in.itemId().toString(), "item " + in.itemId() + " does not allow 书面检查");
            }
        }
        String reason = f.text("reason", in.reason(), 500, true);
        String reference = f.text("reference", in.reference(), 200, false);
        LocalDate from = required(f, "validFrom", in.validFrom());
        LocalDate to = required(f, "validTo", in.validTo());
        LocalDate today = clock.today();
        if (to != null && to.isBefore(today)) {
            f.fail("validTo", to.toString(), "must not be before today " + today);
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                f.fail("validTo", to.toString(), "must not be before validFrom " + from);
            } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
                f.fail("validTo", to.toString(), "must be at most " + MAX_DAYS + " days after validFrom");
            }
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the approval is not valid", f.problems());
        }
        // one approval at a time for a target and item: two recorded at once must not both pass the overlap check
        store.lockTarget(uscc);
        for (MethodApproval a : MethodApprovalEntry.views(uscc)) {
            LocalDate end = a.lastValidDay();
            boolean sameItems = a.itemId() == null || in.itemId() == null || a.itemId().equals(in.itemId());
            if (a.authority().equals(authority) && sameItems && !a.validFrom().isAfter(to) && !end.isBefore(from)) {
                throw new ProblemException(ProblemType.CONFLICT, "approval " + a.id() + " already covers "
                        + (a.itemId() == null ? "every item" : "item " + a.itemId()) + " of target " + uscc + " from "
                        + a.validFrom() + " to " + end + " until withdrawn");
            }
        }
        MethodApprovalEntry e = new MethodApprovalEntry();
        e.uscc = uscc;
        e.authority = authority;
        e.itemId = in.itemId();
        e.method = method;
        e.reason = reason;
        e.reference = reference;
        e.validFrom = from;
        e.validTo = to;
        e.approvedAt = clock.now();
        e.approvedBy = caller.signature();
        e.persistAndFlush();
        audit.record("APPROVE", "TARGET_METHOD_APPROVAL", Long.toString(e.id), target.data().regionCode(),
                uscc + " " + method + " " + (e.itemId == null ? "*" : e.itemId) + " " + from + ".." + to);
        return find(uscc, e.id);
    }

    /** Withdraws an approval from today on, once; only the bureau that gave it may. */
    @Transactional
    public MethodApproval withdraw(String uscc, long id, String reason) {
        Stored<TargetData> target = targets.get(uscc, null);
        scope.requireRegistryWrite(target.data().regionCode());
        MethodApproval approval = find(uscc, id);
        if (!approval.authority().equals(caller.region())) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the approving bureau " + approval.authority()
                    + " may withdraw approval " + id);
        }
        FieldRules f = new FieldRules();
        String why = f.text("reason", reason, 500, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the withdrawal is not valid", f.problems());
        }
        // the row lock keeps two withdrawals of one approval from racing past this check to the primary key
        store.lockApproval(id);
        if (find(uscc, id).withdrawal() != null) {
            throw new ProblemException(ProblemType.CONFLICT, "approval " + id + " was already withdrawn");
        }
        MethodApprovalWithdrawal w = new MethodApprovalWithdrawal();
        w.approvalId = id;
        w.withdrawnOn = clock.today();
        w.reason = why;
        w.recordedAt = clock.now();
        w.recordedBy = caller.signature();
        w.persistAndFlush();
        audit.record("WITHDRAW", "TARGET_METHOD_APPROVAL", Long.toString(id), target.data().regionCode(),
                w.withdrawnOn + " " + why);
        return find(uscc, id);
    }

    public List<MethodApproval> list(String uscc) {
        targets.get(uscc, null);
        return MethodApprovalEntry.views(uscc);
    }

    /**
     * The approvals of {@code authority} valid on {@code day} for the targets of a region subtree and for these
     * items (or every item), one query for a whole pool as a draw keeps them at prepare: each
     * {@code "<uscc> <item id or *> <method>"}, in byte order.
     */
    public List<String> validOn(String authority, String regionPrefix, LocalDate day, Collection<Long> itemIds) {
        RegionRange range = RegionRange.ofPrefix(regionPrefix);
        List<Object[]> rows = store.validOn(authority, range, day, itemIds);
        List<String> out = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            out.add(r[0] + " " + (r[1] == null ? "*" : r[1].toString()) + " " + r[2]);
        }
        out.sort(null);
        return out;
    }

    private static InspectionMethod method(FieldRules f, String text) {
        if (text == null || text.isBlank()) {
            f.fail("method", null, "is required: one of [DOCUMENTARY, THIRD_PARTY]");
            return null;
        }
        String t = text.strip();
        InspectionMethod m = "第三方专业机构".equals(t) || "第三方".equals(t) ? InspectionMethod.THIRD_PARTY
                : cn.doublerandom.registry.Labelled.parse(InspectionMethod.class, t).orElse(null);
        if (m == null || !APPROVABLE.contains(m)) {
            f.fail("method", FieldRules.abbreviate(text), "is not a method that needs approval: one of [DOCUMENTARY, THIRD_PARTY]");
            return null;
        }
        return m;
    }

    private static LocalDate required(FieldRules f, String field, LocalDate value) {
        if (value == null) {
            f.fail(field, null, "is required");
            return null;
        }
        return f.date(field, value);
    }

    private static MethodApproval find(String uscc, long id) {
        return MethodApprovalEntry.views(uscc).stream().filter(a -> a.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("target " + uscc + " has no approval " + id));
    }
}
