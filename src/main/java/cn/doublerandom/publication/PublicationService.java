package cn.doublerandom.publication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.MissingCalendarYearException;
import cn.doublerandom.calendar.WorkingDayCalendar;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.result.PublicationRules;
import cn.doublerandom.result.followup.FollowUpService;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Publication (一公开): each run publishes the current version of every recorded result that is
 * neither confidential nor held, records when and whether it was on time, and marks as overdue
 * what is still unpublished after its deadline day. What it looks at is the queue
 * {@code publication_pending}: every result version is queued as it is recorded ({@link PublicationQueue}), and
 * the run deletes, in its transaction, the versions it is done with (published, superseded,
 * confidential, of a voided draw); held ones stay queued until released and published. A run's cost
 * is therefore what is queued, not every result ever recorded. One run at a time across all
 * replicas (a transaction-scoped advisory lock; a replica that finds it taken skips), and each
 * version is published at most once (the publication table's primary key). Its SQL sits in
 * {@link PublicationStore}.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class PublicationService {

    private static final Logger LOG = Logger.getLogger(PublicationService.class);
    /** The advisory lock key of the job: the same on every replica. */
    static final String JOB_LOCK = "publication-job";

    @Inject
    PublicationStore store;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    /** Results past their deadline day and still unpublished, as of the last run (metric doublerandom_results_overdue). */
    private final java.util.concurrent.atomic.AtomicInteger overdueGauge = new java.util.concurrent.atomic.AtomicInteger();
    /** Deadlines waiting for a calendar year not yet loaded (metric doublerandom_deadlines_pending). */
    private final java.util.concurrent.atomic.AtomicInteger pendingGauge = new java.util.concurrent.atomic.AtomicInteger();

    @jakarta.annotation.PostConstruct
    void registerGauges() {
        metrics.gauge("doublerandom.results.overdue", overdueGauge);
        metrics.gauge("doublerandom.deadlines.pending", pendingGauge);
    }

    @Inject
    ServiceClock clock;

    @Inject
    CalendarService calendars;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    FollowUpService followUps;

    /** What one run did. {@code ran} is false when another replica held the lock. */
    public record Run(boolean ran, int published, int onTime, int late, int markedOverdue, int pendingDeadlines,
                      Instant at) {
    }

    /** What a run counts as it goes. */
    private static final class Tally {
        int published;
        int onTime;
        int late;
        int overdue;
        int pending;
    }

    @Transactional
    public Run run() {
        Instant now = clock.now();
        LocalDate today = clock.today();
        try {
            if (!store.tryLock(JOB_LOCK)) {
                LOG.info("publication run skipped: another instance is running it");
                return new Run(false, 0, 0, 0, 0, 0, now);
            }
            WorkingDayCalendar calendar = calendars.calendar();
            Tally counts = new Tally();
            store.forEachUnpublished(null, u -> {
                PublicationRules.Deadline deadline = PublicationRules.deadline(calendar, u.basis());
                if (deadline.pending()) {
                    counts.pending++;
                }
                if (u.held()) {
                    if (PublicationRules.overdue(deadline, today)) {
                        counts.overdue += store.markOverdue(u, deadline.date(), now);
                    }
                    return;
                }
                Boolean inTime = PublicationRules.onTime(deadline, today);
                if (Boolean.FALSE.equals(inTime)) {
                    // the job did not run, or the result was held, past its deadline day: it is overdue, and now published late
                    store.markOverdue(u, deadline.date(), now);
                }
                if (store.publish(u, deadline.date(), inTime, now, today)) {
                    counts.published++;
                    if (Boolean.TRUE.equals(inTime)) {
                        counts.onTime++;
                    } else if (Boolean.FALSE.equals(inTime)) {
                        counts.late++;
                    }
                }
            });
            int dropped = store.dropDone();
            int published = counts.published;
            int onTime = counts.onTime;
            int late = counts.late;
            int overdue = counts.overdue;
            int pending = counts.pending;
            LOG.infof("publication run at %s: %d published (%d on time, %d late), %d newly overdue, %d deadlines pending",
                    now, published, onTime, late, overdue, pending);
            LOG.debugf("publication queue: %d versions done with and removed", dropped);
            metrics.counter("doublerandom.publications", "timeliness", "on_time").increment(onTime);
            metrics.counter("doublerandom.publications", "timeliness", "late").increment(late);
            metrics.counter("doublerandom.publications", "timeliness", "pending_deadline").increment(published - onTime - late);
            pendingGauge.set(pending);
            overdueGauge.set(store.stillOverdue());
            return new Run(true, published, onTime, late, overdue, pending, now);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One thing due: a result to publish ({@code kind} PUBLICATION) that is overdue or due within 3
     * working days, or whose deadline is pending; or a rectification (RECTIFICATION, state IN_PROGRESS)
     * that is overdue (逾期未整改) or due within 3 working days, with its problem and responsible person.
     */
    public record Due(String resultId, int version, String drawId, String authority, String uscc, String enterpriseName,
                      LocalDate determinationDate,
                      @Schema(enumeration = {"HELD", "PUBLISHABLE", "IN_PROGRESS"}) String state, String holdReason,
                      LocalDate deadline, @Schema(enumeration = {"KNOWN", "PENDING", "DUE", "OVERDUE"}) String deadlineState, Integer missingYear, boolean overdue, Integer workingDaysLeft,
                      @Schema(enumeration = {"PUBLICATION", "RECTIFICATION"}) String kind, String rectificationId, String problem, String responsiblePerson) {
    }

    public static final int DUE_WITHIN_WORKING_DAYS = 3;

    /** The due list's order: by deadline (a pending one last), then result, kind, version and rectification. */
    private static final java.util.Comparator<Due> DUE_ORDER = java.util.Comparator
            .comparing((Due d) -> d.deadline() == null ? LocalDate.MAX : d.deadline())
            .thenComparing(Due::resultId).thenComparing(Due::kind).thenComparingInt(Due::version)
            .thenComparing(d -> d.rectificationId() == null ? "" : d.rectificationId());

    /** A due element's place in {@link #DUE_ORDER}, the cursor's key: deadline|result|kind|version|rectification. */
    private static String dueKey(Due d) {
        return (d.deadline() == null ? "" : d.deadline().toString()) + "|" + d.resultId() + "|" + d.kind() + "|" + d.version()
                + "|" + (d.rectificationId() == null ? "" : d.rectificationId());
    }

    private static final java.util.regex.Pattern DUE_KEY =
            java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})?\\|([^|]{1,64})\\|(PUBLICATION|RECTIFICATION)\\|(\\d{1,9})\\|([^|]{0,64})");

    /** The cursor's key as a due element that sorts where the element it names did. */
    private static Due afterDue(String key) {
        if (key == null) {
            return null;
        }
        java.util.regex.Matcher m = DUE_KEY.matcher(key);
        if (!m.matches()) {
            throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
        }
        LocalDate deadline;
        try {
            deadline = m.group(1) == null ? null : LocalDate.parse(m.group(1));
        } catch (java.time.DateTimeException e) {
            throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
        }
        return new Due(m.group(2), Integer.parseInt(m.group(4)), null, null, null, null, null, null, null, deadline, null, null,
                false, null, m.group(3), m.group(5).isEmpty() ? null : m.group(5), null, null);
    }

    /**
     * What of an authority (a city includes its counties) is overdue, due within 3 working days, or
     * pending, a page at a time. A deadline is the calendar's count of working days from the result's
     * basis, so the queue is read through to judge each version; only the page after the cursor is kept
     * (the {@code limit + 1} first in order), and the whole list is counted on the way.
     */
    public Page<Due> due(String authority, Integer limitParam, String afterParam) {
        String root = authority == null ? scope.home() : regions.require("authority", authority).code();
        scope.requireRead(root);
        int limit = Listing.limit(limitParam);
        Due after = afterDue(Page.afterKey(afterParam, DUE_KEY));
        LocalDate today = clock.today();
        WorkingDayCalendar calendar = calendars.calendar();
        java.util.PriorityQueue<Due> kept = new java.util.PriorityQueue<>(DUE_ORDER.reversed());
        int[] total = {0};
        java.util.function.Consumer<Due> offer = d -> {
            total[0]++;
            if (after == null || DUE_ORDER.compare(d, after) > 0) {
                kept.add(d);
                if (kept.size() > limit + 1) {
                    kept.poll();
                }
            }
        };
        try {
            store.forEachUnpublished(regions.subtreePrefix(root), u -> {
                PublicationRules.Deadline deadline = PublicationRules.deadline(calendar, u.basis());
                boolean overdue = PublicationRules.overdue(deadline, today);
                Integer left = null;
                if (!deadline.pending() && !overdue) {
                    try {
                        left = calendar.workingDaysBetween(today, deadline.date());
                    } catch (MissingCalendarYearException e) {
                        left = null;
                    }
                }
                if (deadline.pending() || overdue || (left != null && left <= DUE_WITHIN_WORKING_DAYS)) {
                    offer.accept(new Due(u.resultId(), u.version(), u.drawId(), u.authority(), u.uscc(), u.name(), u.determined(),
                            u.held() ? "HELD" : "PUBLISHABLE", u.holdReason(), deadline.date(), deadline.state(),
                            deadline.missingYear(), overdue, left, "PUBLICATION", null, null, null));
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // a rectification is due like a publication: overdue, or within 3 working days (at most 3 weeks ahead by the calendar)
        for (FollowUpService.OpenRectification r : followUps.openUntil(regions.subtreePrefix(root), today.plusWeeks(3))) {
            Integer left = null;
            if (!r.overdue()) {
                try {
                    left = calendar.workingDaysBetween(today, r.deadline());
                } catch (MissingCalendarYearException e) {
                    left = null;
                }
                if (left == null || left > DUE_WITHIN_WORKING_DAYS) {
                    continue;
                }
            }
            offer.accept(new Due(r.resultId(), 0, null, r.authority(), r.uscc(), r.enterpriseName(), null, "IN_PROGRESS", null,
                    r.deadline(), r.overdue() ? "OVERDUE" : "DUE", null, r.overdue(), left, "RECTIFICATION", r.id(),
                    r.problemTypeLabel() + "：" + r.requirement(), r.responsiblePerson()));
        }
        List<Due> page = new ArrayList<>(kept);
        page.sort(DUE_ORDER);
        return Page.keyset(page, limit, PublicationService::dueKey, total[0]);
    }
}
