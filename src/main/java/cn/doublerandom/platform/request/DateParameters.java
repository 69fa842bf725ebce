package cn.doublerandom.platform.request;

import cn.doublerandom.platform.problem.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The one rule for dates and instants that arrive in a request: ISO form, years 1900 to 9999.
 * Wider years parse in Java but overflow PostgreSQL's date and timestamp types and the calendar, so
 * they are refused here, before any work, rather than failing deep inside a query.
 */
public final class DateParameters {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    private static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant LATEST_INSTANT = LATEST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    private DateParameters() {
    }

    /** A date in range, or DateTimeException (of which DateTimeParseException is one). */
    public static LocalDate parse(String text) {
        LocalDate date = LocalDate.parse(text.strip());
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new DateTimeException("out of range: " + text);
        }
        return date;
    }

    /** An optional date parameter: null when absent, a 400 problem naming the field when malformed. */
    public static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return parse(text);
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, field + " must be a date between " + EARLIEST + " and " + LATEST
                    + ", like 2026-10-01");
        }
    }

    /** An optional instant parameter (ISO-8601 with a zone), with the same range as dates. */
    public static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            Instant at = Instant.parse(text.strip());
            if (at.isBefore(EARLIEST_INSTANT) || !at.isBefore(LATEST_INSTANT)) {
                throw new DateTimeException("out of range: " + text);
            }
            return at;
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, field + " must be an instant such as 2026-10-01T00:00:00Z, between "
                    + EARLIEST + " and " + LATEST);
        }
    }
}
