package cn.doublerandom.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * China's official working-day calendar, built from the State Council holiday notices of the years
 * it holds. Immutable and thread-safe.
 *
 * <p>A date is a working day when it is a Monday–Friday that no held notice lists as a day off, or
 * a Saturday/Sunday that a held notice lists as a make-up working day (调休上班).
 *
 * <p>Every question about a date whose year is not held throws {@link MissingCalendarYearException}
 * naming that year; the calendar never falls back to the plain weekday rule. Coverage goes by the
 * date's own year: a notice's New Year lead-in entry dated in December of the previous year (such
 * as 2022-12-31 in the 2023 notice) is used only when that previous year is held as well.
 */
public final class WorkingDayCalendar {

    private final SortedMap<Integer, HolidayNotice> notices;
    /** date → offDay, merged from all held notices. */
    private final Map<LocalDate, Boolean> listed;

    private WorkingDayCalendar(SortedMap<Integer, HolidayNotice> notices) {
        this.notices = Collections.unmodifiableSortedMap(notices);
        this.listed = merge(notices);
    }

    /**
     * A calendar holding the years of the given notices.
     *
     * @throws IllegalArgumentException if two notices have the same year, or two notices list the
     *                                  same date with different meaning
     */
    public static WorkingDayCalendar of(Collection<HolidayNotice> notices) {
        Objects.requireNonNull(notices, "notices");
        SortedMap<Integer, HolidayNotice> byYear = new TreeMap<>();
        for (HolidayNotice notice : notices) {
            Objects.requireNonNull(notice, "notice");
            if (byYear.putIfAbsent(notice.year(), notice) != null) {
                throw new IllegalArgumentException("More than one holiday notice for year " + notice.year());
            }
        }
        return new WorkingDayCalendar(byYear);
    }

    /** Convenience for {@link #of(Collection)}. */
    public static WorkingDayCalendar of(HolidayNotice... notices) {
        return of(List.of(notices));
    }

    /**
     * A new calendar with {@code notice}'s year added, or replaced if already held (for example when
     * an administrator uploads a corrected notice). This calendar is unchanged.
     */
    public WorkingDayCalendar withNotice(HolidayNotice notice) {
        Objects.requireNonNull(notice, "notice");
        SortedMap<Integer, HolidayNotice> copy = new TreeMap<>(notices);
        copy.put(notice.year(), notice);
        return new WorkingDayCalendar(copy);
    }

    /** The years this calendar holds, ascending (unmodifiable). */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(notices.keySet()));
    }

    /** Whether the notice for {@code year} is held. */
    public boolean holdsYear(int year) {
        return notices.containsKey(year);
    }

    /** The held notice for {@code year}, if any. */
    public Optional<HolidayNotice> notice(int year) {
        return Optional.ofNullable(notices.get(year));
    }

    /**
     * Whether {@code date} is an official working day.
     *
     * @throws MissingCalendarYearException if the year of {@code date} is not held
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        requireYear(date.getYear());
        Boolean offDay = listed.get(date);
        if (offDay != null) {
            return !offDay;
        }
        return !HolidayNotice.isWeekend(date);
    }

    /**
     * The {@code n}-th working day after {@code start}. {@code start} itself is day 0 whatever kind
     * of day it is (and its year need not be held); day 1 is the first working day strictly after it.
     *
     * @throws IllegalArgumentException     if {@code n < 1}
     * @throws MissingCalendarYearException naming the first year the count reaches that is not held
     */
    public LocalDate nthWorkingDayAfter(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The number of working days in the half-open interval ({@code from}, {@code to}]: {@code from}
     * is excluded, {@code to} included. So {@code workingDaysBetween(d, nthWorkingDayAfter(d, n)) == n},
     * and "is {@code to} within 3 working days of {@code from}" is {@code workingDaysBetween(from, to) <= 3}.
     *
     * @throws IllegalArgumentException     if {@code to} is before {@code from}
     * @throws MissingCalendarYearException naming the first year in the interval that is not held
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if (to.equals(from)) {
            return 0;
        }
        for (int year = from.plusDays(1).getYear(); year <= to.getYear(); year++) {
            requireYear(year);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private void requireYear(int year) {
        if (!notices.containsKey(year)) {
            throw new MissingCalendarYearException(year);
        }
    }

    private static Map<LocalDate, Boolean> merge(SortedMap<Integer, HolidayNotice> notices) {
        Map<LocalDate, Boolean> merged = new HashMap<>();
        Map<LocalDate, Integer> source = new HashMap<>();
        for (HolidayNotice notice : notices.values()) {
            for (NoticeDay day : notice.days()) {
                Boolean earlier = merged.putIfAbsent(day.date(), day.offDay());
                if (earlier == null) {
                    source.put(day.date(), notice.year());
                } else if (earlier != day.offDay()) {
                    throw new IllegalArgumentException("Holiday notices " + source.get(day.date()) + " and "
                            + notice.year() + " disagree about " + day.date() + ": "
                            + (earlier ? "day off" : "working day") + " vs "
                            + (day.offDay() ? "day off" : "working day"));
                }
            }
        }
        return Map.copyOf(merged);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingDayCalendar other && notices.equals(other.notices);
    }

    @Override
    public int hashCode() {
        return notices.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + notices.keySet();
    }
}
