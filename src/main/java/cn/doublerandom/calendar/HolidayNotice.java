package cn.doublerandom.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A State Council notice on the holiday arrangement of one year (国务院办公厅关于某年部分节假日安排的通知).
 *
 * <p>Validation (each failure is an {@link IllegalArgumentException} naming the entry as
 * {@code days[i]} together with its date and name):
 * <ul>
 *   <li>{@code year} is between 1 and 9999;</li>
 *   <li>every date lies in {@code year}. One exception, needed by real notices: the New Year
 *       (元旦) arrangement may start in the last week of December of the previous year (the 2023
 *       notice lists 2022-12-31 as a day off; the 2012 notice made 2011-12-31 a make-up working
 *       day), so dates from {@code (year-1)-12-25} to {@code (year-1)-12-31} are accepted;</li>
 *   <li>no date is listed twice;</li>
 *   <li>an entry with {@code offDay == false} (make-up working day) falls on a Saturday or Sunday.
 *       One exception, needed by the real 2020 notice (extended Spring Festival, 2020-02-03):
 *       a Monday–Friday entry with {@code offDay == false} is accepted as a "back to work" marker
 *       when the day before it is listed in the same notice as a day off. Such an entry changes
 *       nothing, since a Monday–Friday that is not a day off is a working day anyway;</li>
 *   <li>an entry with {@code offDay == true} may fall on any day of the week (notices list the
 *       weekends inside a holiday run).</li>
 * </ul>
 *
 * @param year   the notice year
 * @param papers links to the notice(s) (immutable copy)
 * @param days   the listed dates, in the order given (immutable copy)
 */
public record HolidayNotice(int year, List<String> papers, List<NoticeDay> days) {

    public HolidayNotice {
        String where = "Holiday notice " + year + ": ";
        if (year < 1 || year > 9999) {
            throw new IllegalArgumentException("Holiday notice: year " + year + " is out of range 1..9999");
        }
        if (papers == null) {
            throw new IllegalArgumentException(where + "papers must not be null");
        }
        for (int i = 0; i < papers.size(); i++) {
            if (papers.get(i) == null) {
                throw new IllegalArgumentException(where + "papers[" + i + "] is null");
            }
        }
        if (days == null) {
            throw new IllegalArgumentException(where + "days must not be null");
        }
        papers = List.copyOf(papers);
        days = Collections.unmodifiableList(new ArrayList<>(days));

        Map<LocalDate, Integer> indexByDate = new HashMap<>();
        for (int i = 0; i < days.size(); i++) {
            NoticeDay day = days.get(i);
            if (day == null) {
                throw new IllegalArgumentException(where + "days[" + i + "] is null");
            }
            LocalDate date = day.date();
            if (date.getYear() != year && !isNewYearLeadIn(date, year)) {
                throw new IllegalArgumentException(where + describe(i, day) + ": date " + date
                        + " is outside the notice year " + year
                        + " (only " + year + "-01-01.." + year + "-12-31, or a New Year lead-in "
                        + (year - 1) + "-12-25.." + (year - 1) + "-12-31, is allowed)");
            }
            Integer previous = indexByDate.putIfAbsent(date, i);
            if (previous != null) {
                throw new IllegalArgumentException(where + describe(i, day) + ": duplicate date " + date
                        + ", already listed at " + describe(previous, days.get(previous)));
            }
        }
        for (int i = 0; i < days.size(); i++) {
            NoticeDay day = days.get(i);
            if (!day.offDay() && !isWeekend(day.date())) {
                Integer before = indexByDate.get(day.date().minusDays(1));
                boolean backToWorkMarker = before != null && days.get(before).offDay();
                if (!backToWorkMarker) {
                    throw new IllegalArgumentException(where + describe(i, day)
                            + ": isOffDay=false (make-up working day) but " + day.date() + " is a "
                            + day.date().getDayOfWeek()
                            + "; a make-up working day must be a Saturday or Sunday");
                }
            }
        }
    }

    private static boolean isNewYearLeadIn(LocalDate date, int noticeYear) {
        return date.getYear() == noticeYear - 1 && date.getMonth() == Month.DECEMBER
                && date.getDayOfMonth() >= 25;
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    }

    private static String describe(int index, NoticeDay day) {
        return "days[" + index + "] (" + day.date() + " " + day.name() + ")";
    }
}
