package cn.doublerandom.result;

import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.MissingCalendarYearException;
import cn.doublerandom.calendar.PublicationDeadline;
import cn.doublerandom.calendar.WorkingDayCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The 20-working-day window of a result version: its deadline, or PENDING with the year the calendar
 * lacks (never an error: the result waits, visibly, until the year is loaded).
 */
@ApplicationScoped
public class PublicationRules {

    @Inject
    CalendarService calendars;

    /** A deadline, or the missing year that keeps it pending. */
    public record Deadline(LocalDate date, Integer missingYear) {
        public boolean pending() {
            return date == null;
        }

        public String state() {
            return date == null ? "PENDING" : "KNOWN";
        }
    }

    public Deadline deadline(LocalDate basis) {
        return deadline(calendars.calendar(), basis);
    }

    public static Deadline deadline(WorkingDayCalendar calendar, LocalDate basis) {
        try {
            return new Deadline(PublicationDeadline.of(calendar, basis), null);
        } catch (MissingCalendarYearException e) {
            return new Deadline(null, e.year());
        }
    }

    /**
     * The day a version's 20 working days count from: its recorded basis (the determination date), or,
     * for a result withheld as confidential and declassified since, the business day of its
     * declassification if later: a withheld result could not be published before it, so its window opens
     * when it becomes publishable, as a newly formed piece of information's does.
     */
    public static LocalDate basis(LocalDate recorded, Instant declassifiedAt, ZoneId zone) {
        if (declassifiedAt == null) {
            return recorded;
        }
        LocalDate declassified = LocalDate.ofInstant(declassifiedAt, zone);
        return declassified.isAfter(recorded) ? declassified : recorded;
    }

    /**
     * Whether publishing on {@code published} is on time. With a pending deadline the answer is still
     * known when the publication falls before the missing year: the deadline cannot be earlier.
     */
    public static Boolean onTime(Deadline deadline, LocalDate published) {
        if (!deadline.pending()) {
            return !published.isAfter(deadline.date());
        }
        return published.getYear() < deadline.missingYear() ? Boolean.TRUE : null;
    }

    /** Overdue: not published by the end of its deadline day. */
    public static boolean overdue(Deadline deadline, LocalDate today) {
        return !deadline.pending() && today.isAfter(deadline.date());
    }
}
