package cn.doublerandom.publication;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.MissingCalendarYearException;
import cn.doublerandom.calendar.WorkingDayCalendar;
import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.result.PublicationRules;
import cn.doublerandom.result.followup.FollowUpService;
import cn.doublerandom.security.RegionScope;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
 * version is published at most once (the publication table's primary key).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class PublicationService {

    private static final Logger LOG = Logger.getLogger(PublicationService.class);
    /** The advisory lock key of the job: the same on every replica. */
    static final String JOB_LOCK = "publication-job";

    @Inject
    AgroalDataSource dataSource;

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

    /** An unpublished current version: what the job and the due list look at. */
    private record Unpublished(String resultId, int version, String drawId, String authority, String regionCode,
                               String quarter, String uscc, String name, LocalDate inspected, LocalDate determined,
                               String wording, String wordingText, String correctionReason, LocalDate basis,
                               boolean held, String holdReason) {
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
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, JOB_LOCK);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        LOG.info("publication run skipped: another instance is running it");
                        return new Run(false, 0, 0, 0, 0, 0, now);
                    }
                }
            }
            WorkingDayCalendar calendar = calendars.calendar();
            Tally counts = new Tally();
            forEachUnpublished(c, null, u -> {
                PublicationRules.Deadline deadline = PublicationRules.deadline(calendar, u.basis());
                if (deadline.pending()) {
                    counts.pending++;
                }
                if (u.held()) {
                    if (PublicationRules.overdue(deadline, today)) {
                        counts.overdue += markOverdue(c, u, deadline.date(), now);
                    }
                    return;
                }
                Boolean inTime = PublicationRules.onTime(deadline, today);
                if (Boolean.FALSE.equals(inTime)) {
                    // the job did not run, or the result was held, past its deadline day: it is overdue, and now published late
                    markOverdue(c, u, deadline.date(), now);
                }
                if (publish(c, u, deadline, inTime, now, today)) {
                    counts.published++;
                    if (Boolean.TRUE.equals(inTime)) {
                        counts.onTime++;
                    } else if (Boolean.FALSE.equals(inTime)) {
                        counts.late++;
                    }
                }
            });
            int dropped = dropDone(c);
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
            try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("""
                    select count(*) from publication_overdue o
                    where not exists (select 1 from publication p where p.result_id = o.result_id and p.version = o.version)""")) {
                rs.next();
                overdueGauge.set(rs.getInt(1));
            }
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
        try (Connection c = dataSource.getConnection()) {
            forEachUnpublished(c, regions.subtreePrefix(root), u -> {
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

    /** The tests fetch 3 at a time, so that every publication test reads through several fetches while it writes. */
    @Inject
    PublicationConfig config;

    @FunctionalInterface
    private interface UnpublishedSink {
        void accept(Unpublished u) throws SQLException;
    }

    /**
     * Every unpublished current version (of a region subtree, or all), in result id order, streamed
     * (the job runs inside a transaction, where the driver fetches by cursor). Read from the queue
     * {@code publication_pending}, which {@link PublicationQueue} fills as each version is recorded and
     * the job empties ({@link #dropDone}): with nothing due it reads an empty table, where the set
     * difference of all versions less all publications grows with every result ever published. The
     * queue may still hold rows that are done (until the job's next run, or for {@link #due}, which
     * deletes nothing), so the conditions are checked here as before.
     */
    private void forEachUnpublished(Connection c, String prefix, UnpublishedSink sink) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select r.result_id as id, r.version, r.draw_id, r.authority, r.region_code, r.quarter, r.uscc, r.enterprise_name,
                       r.inspection_date, r.determination_date, r.wording, r.wording_text, r.correction_reason, r.deadline_basis,
                       r.held, r.hold_reason, r.declassified_at
                from publication_pending q
                join result_public_version r on r.result_id = q.result_id and r.version = q.version
                where not %s
                  and (cast(? as text) is null or r.authority like ?)
                order by r.result_id""".formatted(DONE))) {
            ps.setFetchSize(config.batch());
            ps.setString(1, prefix);
            ps.setString(2, prefix == null ? null : prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(new Unpublished(rs.getString("id"), rs.getInt("version"), rs.getString("draw_id"),
                            rs.getString("authority"), rs.getString("region_code"), rs.getString("quarter"), rs.getString("uscc"),
                            rs.getString("enterprise_name"), Sql.getDate(rs, "inspection_date"),
                            Sql.getDate(rs, "determination_date"), rs.getString("wording"), rs.getString("wording_text"),
                            rs.getString("correction_reason"), PublicationRules.basis(Sql.getDate(rs, "deadline_basis"),
                                    Sql.getInstant(rs, "declassified_at"), clock.businessZone()), rs.getBoolean("held"),
                            rs.getBoolean("held") ? rs.getString("hold_reason") : null));
                }
            }
        }
    }

    /**
     * Deletes from the queue what the job is done with, in the run's transaction: versions published
     * (by this run or before), superseded by a correction, of a confidential result, or of a voided
     * draw (none of which will ever be published). Held versions stay: a release makes them
     * publishable again with no new row. Costs what is in the queue.
     */
    private static int dropDone(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "delete from publication_pending q using result_public_version r where r.result_id = q.result_id and r.version = q.version and "
                        + DONE)) {
            return ps.executeUpdate();
        }
    }

    /**
     * A queued version the job is done with, the one rule both the reading and the clearing of the
     * queue apply ({@code q} the queue row, {@code r} its version in result's view
     * {@code result_public_version}): published, superseded by a correction, of a result withheld as
     * confidential, or of a voided draw.
     */
    private static final String DONE = """
            (exists (select 1 from publication p where p.result_id = q.result_id and p.version = q.version)
             or r.superseded
             or r.withheld
             or %s)""".formatted(DrawFacts.voidedSql("r.draw_id"));

    private boolean publish(Connection c, Unpublished u, PublicationRules.Deadline deadline, Boolean onTime, Instant now,
                            LocalDate today) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into publication (result_id, version, draw_id, authority, region_code, quarter, uscc, enterprise_name,
                    inspection_date, determination_date, wording, wording_text, correction_reason, deadline, on_time,
                    published_at, published_date, items, wordings, handling)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    -- the items' outcomes as the portal shows them, their distinct codes (in item order) for its filter,
                    -- and 处理情况, as the portal lists it: copied from what result shows of the version
                    (select x.items from result_public_version x where x.result_id = ? and x.version = ?),
                    (select x.wordings from result_public_version x where x.result_id = ? and x.version = ?),
                    (select x.handling from result_public_version x where x.result_id = ? and x.version = ?))
                on conflict (result_id, version) do nothing""")) {
            ps.setString(1, u.resultId());
            ps.setInt(2, u.version());
            ps.setString(3, u.drawId());
            ps.setString(4, u.authority());
            ps.setString(5, u.regionCode());
            ps.setString(6, u.quarter());
            ps.setString(7, u.uscc());
            ps.setString(8, u.name());
            Sql.setDate(ps, 9, u.inspected());
            Sql.setDate(ps, 10, u.determined());
            ps.setString(11, u.wording());
            ps.setString(12, u.wordingText());
            ps.setString(13, u.correctionReason());
            Sql.setDate(ps, 14, deadline.date());
            ps.setObject(15, onTime, java.sql.Types.BOOLEAN);
            ps.setTimestamp(16, Timestamp.from(now));
            Sql.setDate(ps, 17, today);
            ps.setString(18, u.resultId());
            ps.setInt(19, u.version());
            ps.setString(20, u.resultId());
            ps.setInt(21, u.version());
            ps.setString(22, u.resultId());
            ps.setInt(23, u.version());
            return ps.executeUpdate() == 1;
        }
    }

    private static int markOverdue(Connection c, Unpublished u, LocalDate deadline, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into publication_overdue (result_id, version, deadline, marked_at) values (?, ?, ?, ?)
                on conflict (result_id, version) do nothing""")) {
            ps.setString(1, u.resultId());
            ps.setInt(2, u.version());
            Sql.setDate(ps, 3, deadline);
            ps.setTimestamp(4, Timestamp.from(now));
            return ps.executeUpdate();
        }
    }
}
