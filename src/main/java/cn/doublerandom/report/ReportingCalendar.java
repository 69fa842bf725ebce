package cn.doublerandom.report;

import cn.doublerandom.calendar.Quarter;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a county reports to the city (seed 001, 四(四)): last month's detail table by the 8th of each
 * month; the quarterly implementation report by 8 April, 8 July, 8 October and 23 December (the fourth
 * quarter's before the quarter ends, as the plan says); the adjustments to the inspector and target
 * registries by the 18th of the quarter's last month (3月、6月、9月和12月的18日前).
 */
public final class ReportingCalendar {

    private ReportingCalendar() {
    }

    public static LocalDate monthlyDue(YearMonth month) {
        return month.plusMonths(1).atDay(8);
    }

    public static LocalDate quarterlyDue(Quarter q) {
        return switch (q.number()) {
            case 1 -> LocalDate.of(q.year(), 4, 8);
            case 2 -> LocalDate.of(q.year(), 7, 8);
            case 3 -> LocalDate.of(q.year(), 10, 8);
            default -> LocalDate.of(q.year(), 12, 23);
        };
    }

    /**
     * The registry-change report's due date: the 18th of the quarter's last month. The plan moves it for
     * no holiday, so a non-working 18th stays the date (the report says so).
     */
    public static LocalDate registryChangesDue(Quarter q) {
        return LocalDate.of(q.year(), q.number() * 3, 18);
    }
}
