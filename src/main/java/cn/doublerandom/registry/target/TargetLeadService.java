package cn.doublerandom.registry.target;

import cn.doublerandom.audit.AuditTrail;
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
import java.util.List;

/**
 * The lead register (问题线索登记): leads recorded on a target, each open until closed. A draw asks it which of
 * a region's targets have a lead open on the draw date, and visits those on site, unannounced.
 */
@ApplicationScoped
public class TargetLeadService {

    @Inject
    AuditTrail audit;

    @Inject
    TargetService targets;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    LeadStore store;

    @Transactional
    public TargetLead record(String uscc, TargetLeadInput in) {
        Stored<TargetData> target = targets.get(uscc, null);
        scope.requireRegistryWrite(target.data().regionCode());
        FieldRules f = new FieldRules();
        CheckSource source = CheckSource.parse(f, "source", in.source());
        if (in.openedOn() == null) {
            f.fail("openedOn", null, "is required");
        }
        f.date("openedOn", in.openedOn());
        if (in.openedOn() != null && in.openedOn().isAfter(clock.today())) {
            f.fail("openedOn", in.openedOn().toString(), "must not be in the future");
        }
        String reference = f.text("reference", in.reference(), 200, false);
        String summary = f.text("summary", in.summary(), 2000, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the lead is not valid", f.problems());
        }
        LeadEntry e = new LeadEntry();
        e.uscc = uscc;
        e.source = source;
        e.openedOn = in.openedOn();
        e.reference = reference;
        e.summary = summary;
        e.recordedAt = clock.now();
        e.recordedBy = caller.signature();
        e.persistAndFlush();
        audit.record("RECORD", "TARGET_LEAD", Long.toString(e.id), target.data().regionCode(),
                uscc + " " + source + " " + e.openedOn);
        return find(uscc, e.id);
    }

    @Transactional
    public TargetLead close(String uscc, long id, LocalDate closedOn, String reason) {
        Stored<TargetData> target = targets.get(uscc, null);
        scope.requireRegistryWrite(target.data().regionCode());
        // the row lock keeps two closures of one lead from racing past the check below to the primary key
        store.lockLead(id);
        TargetLead lead = find(uscc, id);
        FieldRules f = new FieldRules();
        String why = f.text("reason", reason, 500, true);
        if (closedOn == null) {
            f.fail("closedOn", null, "is required");
        }
        f.date("closedOn", closedOn);
        if (closedOn != null && closedOn.isAfter(clock.today())) {
            f.fail("closedOn", closedOn.toString(), "must not be in the future");
        }
        if (closedOn != null && closedOn.isBefore(lead.openedOn())) {
            f.fail("closedOn", closedOn.toString(), "must not be before openedOn " + lead.openedOn());
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the closure is not valid", f.problems());
        }
        if (lead.closure() != null) {
            throw new ProblemException(ProblemType.CONFLICT, "lead " + id + " was already closed");
        }
        LeadClosure c = new LeadClosure();
        c.leadId = id;
        c.closedOn = closedOn;
        c.reason = why;
        c.recordedAt = clock.now();
        c.recordedBy = caller.signature();
        c.persistAndFlush();
        audit.record("CLOSE", "TARGET_LEAD", Long.toString(id), target.data().regionCode(), closedOn + " " + why);
        return find(uscc, id);
    }

    public List<TargetLead> list(String uscc) {
        targets.get(uscc, null);
        return LeadEntry.views(uscc);
    }

    /**
     * The targets of a region subtree with a lead open on {@code day}, each once: one query for a whole pool, as a
     * draw freezes it at prepare (which packs them in byte order).
     */
    public List<String> openOn(String regionPrefix, LocalDate day) {
        RegionRange range = RegionRange.ofPrefix(regionPrefix);
        return store.openOn(range, day);
    }

    private static TargetLead find(String uscc, long id) {
        return LeadEntry.views(uscc).stream().filter(l -> l.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("target " + uscc + " has no lead " + id));
    }
}
