package cn.doublerandom.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code 2026Q4} as in the draw ledger. */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    /** The written form, e.g. 2026Q4; the contract states it too ({@link QuarterContract}). */
    public static final String FORM_REGEX = "(\\d{4})Q([1-4])";
    private static final Pattern FORM = Pattern.compile(FORM_REGEX);

    public Quarter {
        if (year < 2000 || year > 2100 || number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter must be YYYYQn with n 1-4, got " + year + "Q" + number);
        }
    }

    @JsonCreator
    public static Quarter parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("quarter must look like 2026Q4, got '" + text + "'");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** The quarter of a code (2026Q4) as bureaus write it, or the text itself when it is no quarter code. */
    public static String chinese(String code) {
        return code != null && FORM.matcher(code).matches() ? parse(code).chinese() : code;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The quarter as Chinese tables and titles print it: 2026年第四季度. */
    public String chinese() {
        return year + "年第" + "一二三四".charAt(number - 1) + "季度";
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    @JsonValue
    @Override
    public String toString() {
        return year + "Q" + number;
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
    }
}
