package cn.doublerandom.report.staffing;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.problem.ProblemException;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A year (2026), a quarter (2026Q4) or a month (2026-05), from 2000 to 2100, with its Chinese name
 * (2026年, 2026年第四季度, 2026年5月).
 */
public record ReportPeriod(String code, String chinese, LocalDate firstDay, LocalDate lastDay) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:Q([1-4])|-(\\d{2}))?");

    public static ReportPeriod parse(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return year(today.getYear());
        }
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw ProblemException.invalid("period", "period must be a year (2026), a quarter (2026Q4) or a month (2026-05)");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            throw ProblemException.invalid("period", "period must lie from 2000 to 2100");
        }
        if (m.group(2) != null) {
            Quarter q = new Quarter(year, Integer.parseInt(m.group(2)));
            return new ReportPeriod(text, q.chinese(), q.firstDay(), q.lastDay());
        }
        if (m.group(3) != null) {
            int month = Integer.parseInt(m.group(3));
            if (month < 1 || month > 12) {
                throw ProblemException.invalid("period", "the month must be 01 to 12");
            }
            YearMonth ym = YearMonth.of(year, month);
            return new ReportPeriod(text, year + "年" + month + "月", ym.atDay(1), ym.atEndOfMonth());
        }
        return year(year);
    }

    private static ReportPeriod year(int year) {
        return new ReportPeriod(String.valueOf(year), year + "年", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }
}
