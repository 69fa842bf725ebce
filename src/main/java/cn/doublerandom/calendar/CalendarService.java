package cn.doublerandom.calendar;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one working-day calendar of the service: the State Council notices shipped with it
 * (2020-2026, reference/holidays) and those administrators upload when a new year's notice comes
 * out. A date in a year it does not hold is an error naming the year, never a guess.
 */
@ApplicationScoped
public class CalendarService {

    static final int FIRST_SHIPPED = 2020;
    static final int LAST_SHIPPED = 2026;

    @Inject
    cn.doublerandom.audit.AuditTrail audit;

    @Inject
    ServiceClock clock;

    @Inject
    Caller caller;

    private final Map<Integer, HolidayNotice> shipped = new LinkedHashMap<>();
    @Inject
    CalendarStore store;

    private volatile Cached cached;

    private record Cached(long uploads, WorkingDayCalendar calendar, Map<Integer, String> sources) {
    }

    public CalendarService() {
        for (int year = FIRST_SHIPPED; year <= LAST_SHIPPED; year++) {
            String path = "reference/holidays/" + year + ".json";
            try (InputStream in = CalendarService.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + path);
                }
                shipped.put(year, HolidayNoticeJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The calendar as it stands: shipped notices, overridden by the latest upload of each year. */
    public WorkingDayCalendar calendar() {
        return current().calendar();
    }

    /** SHIPPED or UPLOADED, per year held. */
    public Map<Integer, String> sources() {
        return current().sources();
    }

    public LocalDate deadline(LocalDate determined) {
        try {
            return PublicationDeadline.of(calendar(), determined);
        } catch (MissingCalendarYearException e) {
            throw missing(e);
        }
    }

    public static ProblemException missing(MissingCalendarYearException e) {
        return new ProblemException(ProblemType.CALENDAR_YEAR_MISSING, e.getMessage() + "; an administrator loads the State Council's "
                + "holiday notice for " + e.year() + " at PUT /api/v1/calendar/" + e.year(), java.util.List.of(),
                Map.of("missingYear", e.year()));
    }

    /** Loads a year's notice (holiday-cn JSON); it replaces the shipped or earlier upload for that year. */
    @Transactional
    public HolidayNotice upload(int year, String json) {
        HolidayNotice notice;
        try {
            notice = HolidayNoticeJson.parse(json == null ? "" : json);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("body", e.getMessage());
        }
        if (notice.year() != year) {
            throw ProblemException.invalid("year", "the notice is for " + notice.year() + ", not " + year);
        }
        CalendarNotice.record(year, json, clock.now(), caller.signature());
        audit.record("UPLOAD", "CALENDAR", Integer.toString(year), null, notice.days().size() + " days");
        return notice;
    }

    /** From 1 December, next year's notice should be loaded: the year missing, or null. */
    public Integer missingNextYear() {
        LocalDate today = clock.today();
        if (today.getMonthValue() == 12 && !calendar().holdsYear(today.getYear() + 1)) {
            return today.getYear() + 1;
        }
        return null;
    }

    /*
     * Read by plain JDBC, not the entity: the calendar is asked from threads that share a request's context
     * (a report's parts run at once on the managed executor), and a request's Hibernate session must not be
     * used by two threads at the same time.
     */
    private Cached current() {
        // the count and, when it changed, the notices on one connection, not one each outside a transaction
        try (Connection c = store.connection()) {
            long uploads = store.uploads(c);
            Cached now = cached;
            if (now != null && now.uploads() == uploads) {
                return now;
            }
            Map<Integer, HolidayNotice> notices = new LinkedHashMap<>(shipped);
            Map<Integer, String> sources = new LinkedHashMap<>();
            shipped.keySet().forEach(y -> sources.put(y, "SHIPPED"));
            for (CalendarStore.Notice n : store.latestNotices(c)) {
                notices.put(n.year(), HolidayNoticeJson.parse(n.json()));
                sources.put(n.year(), "UPLOADED");
            }
            return refreshed(uploads, notices, sources);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cached refreshed(long uploads, Map<Integer, HolidayNotice> notices, Map<Integer, String> sources) {
        Cached fresh = new Cached(uploads, WorkingDayCalendar.of(notices.values()), Map.copyOf(sources));
        cached = fresh;
        return fresh;
    }
}
