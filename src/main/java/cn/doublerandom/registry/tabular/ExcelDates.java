package cn.doublerandom.registry.tabular;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/**
 * Recognises date/time number formats and converts Excel serial numbers. fastexcel-reader gives
 * each cell's number format id and format string; it does not decide "is this a date" for us, so
 * this class does (the same heuristic Apache POI uses, plus the zh-CN built-in format ids).
 */
final class ExcelDates {
    private ExcelDates() {
    }

    enum Kind { NONE, DATE, DATE_TIME, TIME }

    private static final Map<String, Kind> CACHE = new ConcurrentHashMap<>();

    static Kind classify(Integer formatId, String format) {
        Kind byString = format == null ? Kind.NONE : CACHE.computeIfAbsent(format, ExcelDates::classifyFormat);
        if (byString != Kind.NONE || formatId == null) {
            return byString;
        }
        return classifyBuiltin(formatId);
    }

    /** Built-in format ids, including those Excel uses in Chinese (zh-CN / zh-TW) locales. */
    static Kind classifyBuiltin(int id) {
        if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id == 36 || (id >= 50 && id <= 54) || id == 57 || id == 58) {
            return Kind.DATE;
        }
        if (id == 22) {
            return Kind.DATE_TIME;
        }
        if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || id == 55 || id == 56) {
            return Kind.TIME;
        }
        // 45..47 are mm:ss / [h]:mm:ss / mmss.0 durations: left as numbers.
        return Kind.NONE;
    }

    static Kind classifyFormat(String format) {
        String f = format;
        if (f.isEmpty() || f.equalsIgnoreCase("general") || f.equals("@")) {
            return Kind.NONE;
        }
        StringBuilder sb = new StringBuilder(f.length());
        for (int i = 0; i < f.length(); i++) {
            char c = f.charAt(i);
            if (c == '"') { // quoted literal
                int j = f.indexOf('"', i + 1);
                i = j < 0 ? f.length() : j;
            } else if (c == '\\' || c == '_' || c == '*') { // escaped char, padding, fill
                i++;
            } else if (c == '[') {
                int j = f.indexOf(']', i + 1);
                String inside = j < 0 ? "" : f.substring(i + 1, j).toLowerCase(Locale.ROOT);
                if (inside.matches("h+|m+|s+")) {
                    return Kind.NONE; // elapsed time (duration): keep the number
                }
                i = j < 0 ? f.length() : j;
            } else if (c == ';') {
                break; // only the first (positive) section matters
            } else {
                sb.append(c);
            }
        }
        String s = sb.toString().replace("AM/PM", "").replace("am/pm", "").replace("A/P", "").replace("a/p", "")
                .replace("上午/下午", "");
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.contains("general") || lower.contains("e+") || lower.contains("e-")) {
            return Kind.NONE;
        }
        boolean y = false, m = false, d = false, h = false, sec = false;
        for (int i = 0; i < lower.length(); i++) {
            switch (lower.charAt(i)) {
                case 'y': case '年': y = true; break;
                case 'm': case '月': m = true; break;
                case 'd': case '日': d = true; break;
                case 'h': case '时': h = true; break;
                case 's': case '秒': sec = true; break;
                default: break;
            }
        }
        boolean time = h || sec;
        boolean date = y || d || (m && !time);
        if (date && time) {
            return Kind.DATE_TIME;
        }
        if (date) {
            return Kind.DATE;
        }
        if (time) {
            return Kind.TIME;
        }
        return Kind.NONE;
    }

    /**
     * Converts a serial number to ISO text: "yyyy-MM-dd" for dates (and date-times at midnight),
     * "yyyy-MM-dd HH:mm:ss" for date-times, "HH:mm:ss" for times. Returns null if the serial is
     * outside Excel's date range, so the caller can fall back to the number.
     */
    static String format(double serial, boolean date1904, Kind kind) {
        if (!(serial >= 0) || serial > 2958465.99999) {
            return null;
        }
        long days = (long) Math.floor(serial);
        long seconds = Math.round((serial - days) * 86400.0);
        if (seconds >= 86400) {
            days++;
            seconds -= 86400;
        }
        LocalTime t = LocalTime.ofSecondOfDay(seconds);
        if (kind == Kind.TIME) {
            return t.toString().length() == 5 ? t + ":00" : t.toString();
        }
        LocalDate date;
        if (date1904) {
            date = LocalDate.of(1904, 1, 1).plusDays(days);
        } else if (days == 0) {
            return null; // "1900-01-00": a pure time value in a date format
        } else if (days < 60) {
            date = LocalDate.of(1899, 12, 31).plusDays(days);
        } else if (days == 60) {
            date = LocalDate.of(1900, 2, 28); // Excel's non-existent 1900-02-29
        } else {
            date = LocalDate.of(1899, 12, 30).plusDays(days);
        }
        if (kind == Kind.DATE_TIME && seconds != 0) {
            return date + " " + (t.toString().length() == 5 ? t + ":00" : t.toString());
        }
        return date.toString();
    }
}
