package cn.doublerandom.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The deadline for making a determination public.
 *
 * <p>《中华人民共和国政府信息公开条例》 requires government information that falls within the scope of
 * proactive disclosure to be made public within 20 working days (20个工作日) of its being formed or
 * changed, and the 双随机、一公开 (random inspection) practice applies the same limit to inspection
 * results: they must be public within 20 working days of the determination.
 *
 * <p>Counting: the determination date is day 0 whatever kind of day it is (working day, weekend or
 * statutory holiday); day 1 is the first official working day after it, make-up weekend working
 * days (调休) included and statutory days off excluded; the deadline is day 20.
 */
public final class PublicationDeadline {

    /** The number of working days allowed. */
    public static final int WORKING_DAYS = 20;

    private PublicationDeadline() {
    }

    /**
     * The last day on which the result may be published: the 20th working day after
     * {@code determinationDate}.
     *
     * @throws MissingCalendarYearException if the count reaches a year {@code calendar} does not hold
     *                                      (for example a year whose notice is not yet published)
     */
    public static LocalDate of(WorkingDayCalendar calendar, LocalDate determinationDate) {
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(determinationDate, "determinationDate");
        return calendar.nthWorkingDayAfter(determinationDate, WORKING_DAYS);
    }
}
