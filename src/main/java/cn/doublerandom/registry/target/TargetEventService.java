package cn.doublerandom.registry.target;

import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.RegistryConfig;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/** Penalties, verified complaints and supervised listings of a target, and its class for a quarter. */
@ApplicationScoped
public class TargetEventService {

    @Inject
    cn.doublerandom.audit.AuditTrail audit;

    @Inject
    TargetEventStore store;

    @Inject
    TargetService targets;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    RegistryConfig config;

    @Transactional
    public TargetEvent record(String uscc, TargetEventInput in) {
        Stored<TargetData> target = targets.get(uscc, null);
        scope.requireRegistryWrite(target.data().regionCode());
        FieldRules f = new FieldRules();
        if (in.kind() == null) {
            f.fail("kind", null, "is required: PENALTY, VERIFIED_COMPLAINT or SUPERVISED_LISTING");
        }
        if (in.eventDate() == null) {
            f.fail("eventDate", null, "is required");
        }
        f.date("eventDate", in.eventDate());
        f.date("endDate", in.endDate());
        if (in.kind() == TargetEventKind.SUPERVISED_LISTING && in.listingLevel() == null) {
            f.fail("listingLevel", null, "a supervised listing needs MINISTRY or PROVINCE");
        }
        if (in.kind() != null && in.kind() != TargetEventKind.SUPERVISED_LISTING) {
            if (in.listingLevel() != null) {
                f.fail("listingLevel", in.listingLevel().name(), "only a supervised listing has a level");
            }
            if (in.endDate() != null) {
                f.fail("endDate", in.endDate().toString(), "only a supervised listing has an end date");
            }
        }
        if (in.endDate() != null && in.eventDate() != null && in.endDate().isBefore(in.eventDate())) {
            f.fail("endDate", in.endDate().toString(), "must not be before eventDate");
        }
        if (in.eventDate() != null && in.eventDate().isAfter(clock.today())) {
            f.fail("eventDate", in.eventDate().toString(), "must not be in the future");
        }
        String reference = f.text("reference", in.reference(), 200, false);
        String description = f.text("description", in.description(), 2000, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the event is not valid", f.problems());
        }
        TargetEventEntry e = new TargetEventEntry();
        e.uscc = uscc;
        e.kind = in.kind();
        e.eventDate = in.eventDate();
        e.endDate = in.endDate();
        e.listingLevel = in.listingLevel();
        e.reference = reference;
        e.description = description;
        e.recordedAt = clock.now();
        e.recordedBy = caller.signature();
        e.persistAndFlush();
        TargetEvent event = find(uscc, e.id);
        audit.record("RECORD", "TARGET_EVENT", Long.toString(event.id()), target.data().regionCode(),
                uscc + " " + event.kind() + " " + event.eventDate());
        return event;
    }

    @Transactional
    public TargetEvent retract(String uscc, long id, String reason) {
        Stored<TargetData> target = targets.get(uscc, null);
        scope.requireRegistryWrite(target.data().regionCode());
        FieldRules f = new FieldRules();
        String why = f.text("reason", reason, 500, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "a retraction needs a reason", f.problems());
        }
        TargetEvent event = find(uscc, id);
        if (event.retracted()) {
            throw new ProblemException(ProblemType.CONFLICT, "event " + id + " was already retracted");
        }
        TargetEventRetraction r = new TargetEventRetraction();
        r.eventId = id;
        r.reason = why;
        r.recordedAt = clock.now();
        r.recordedBy = caller.signature();
        r.persistAndFlush();
        audit.record("RETRACT", "TARGET_EVENT", Long.toString(id), target.data().regionCode(), why);
        return find(uscc, id);
    }

    public List<TargetEvent> list(String uscc) {
        targets.get(uscc, null);
        return TargetEventEntry.views(uscc);
    }

    public SupervisionClassifier.Classification classify(String uscc, Quarter quarter) {
        Stored<TargetData> target = targets.get(uscc, null);
        return classifier().classify(target.data(), list(uscc), quarter);
    }

    private static TargetEvent find(String uscc, long id) {
        return TargetEventEntry.views(uscc).stream().filter(e -> e.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("target " + uscc + " has no event " + id));
    }

    /**
     * The events that can make targets of a region subtree special in {@code quarter}: unretracted
     * penalties and verified complaints dated in the previous quarter, and listings active on the
     * quarter's first day. One query for a whole pool.
     */
    public java.util.Map<String, List<TargetEvent>> forClassification(String regionPrefix, Quarter quarter) {
        return store.forClassification(RegionRange.ofPrefix(regionPrefix), quarter.previous(), quarter);
    }

    /**
     * The events of the targets registered in the regions matching {@code regionLike} that were recorded,
     * or retracted, in [from, to): what the registry-change report lists beside the registry's versions.
     */
    /** The events of these targets recorded or retracted in [from, to). */
    public List<TargetEvent> recordedBetween(java.util.Collection<String> usccs, java.time.Instant from, java.time.Instant to) {
        if (usccs.isEmpty()) {
            return List.of();
        }
        return store.recordedBetween(usccs, from, to);
    }

    public SupervisionClassifier classifier() {
        return new SupervisionClassifier(config.classification().specialOverGeneral());
    }
}
