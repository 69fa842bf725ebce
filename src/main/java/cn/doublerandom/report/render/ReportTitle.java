package cn.doublerandom.report.render;

import cn.doublerandom.calendar.Quarter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The one way a report's title is written, so that its JSON, page, workbook and charts say the same:
 * the region's name, the period in Chinese (2026年第四季度, 2026年12月, 2026年) and the subject, run
 * together without spaces as a bureau's document titles are. Dates in the scope line are written
 * the same way (2026年12月18日).
 */
public final class ReportTitle {

    /**
     * What a title must not contain: an ASCII period code (2026Q4, 2026-12) or a space beside a digit,
     * 年, 月, 日 or 季度.
     */
    private static final Pattern LOOSE = Pattern.compile(
            "\\d{4}\\s*[Qq]\\d|\\d{4}-\\d{1,2}|\\s(?=[\\d年月日季])|(?<=[\\d年月日度])\\s");

    private ReportTitle() {
    }

    /** {region}{period}{subject}: 石家庄市2026年第四季度执法检查统计与排名. */
    public static String of(String regionName, String period, String subject) {
        return regionName.strip() + period.strip() + subject.strip();
    }

    /** A quarter code (2026Q4) in Chinese: 2026年第四季度. */
    public static String quarter(String code) {
        return Quarter.parse(code).chinese();
    }

    /** A month code (2026-05) in Chinese: 2026年5月. */
    public static String month(String code) {
        YearMonth m = YearMonth.parse(code);
        return m.getYear() + "年" + m.getMonthValue() + "月";
    }

    /** A year in Chinese: 2026年. */
    public static String year(int year) {
        return year + "年";
    }

    /** A day in Chinese: 2026年12月18日. */
    public static String date(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** Whether a title or scope line is written as {@link #of} writes it: no ASCII period code, no loose space. */
    public static boolean wellFormed(String text) {
        return text != null && !text.isBlank() && !LOOSE.matcher(text).find();
    }
}
