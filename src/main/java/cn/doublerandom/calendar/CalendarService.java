package cn.doublerandom.calendar;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.security.Caller;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    AgroalDataSource dataSource;

    @Inject
    ServiceClock clock;

    @Inject
    Caller caller;

    private final Map<Integer, HolidayNotice> shipped = new LinkedHashMap<>();
    private volatile Cached cached;

    private record Cached(long latestUpload, WorkingDayCalendar calendar, Map<Integer, String> sources) {
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
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into calendar_notice (year, notice, uploaded_at, uploaded_by) values (?, ?, ?, ?)")) {
            ps.setInt(1, year);
            ps.setString(2, json);
            ps.setTimestamp(3, Timestamp.from(clock.now()));
            ps.setString(4, caller.signature());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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

    private Cached current() {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from calendar_notice")) {
            rs.next();
            long latest = rs.getLong(1);
            Cached now = cached;
            if (now != null && now.latestUpload() == latest) {
                return now;
            }
            Map<Integer, HolidayNotice> notices = new LinkedHashMap<>(shipped);
            Map<Integer, String> sources = new LinkedHashMap<>();
            shipped.keySet().forEach(y -> sources.put(y, "SHIPPED"));
            try (ResultSet up = c.createStatement().executeQuery(
                    "select distinct on (year) year, notice from calendar_notice order by year, id desc")) {
                while (up.next()) {
                    notices.put(up.getInt(1), HolidayNoticeJson.parse(up.getString(2)));
                    sources.put(up.getInt(1), "UPLOADED");
                }
            }
            Cached fresh = new Cached(latest, WorkingDayCalendar.of(notices.values()), Map.copyOf(sources));
            cached = fresh;
            return fresh;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
