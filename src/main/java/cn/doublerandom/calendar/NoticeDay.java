package cn.doublerandom.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of a State Council holiday notice.
 *
 * @param name   holiday name as printed in the notice, e.g. {@code 春节} (not blank)
 * @param date   the calendar date
 * @param offDay {@code true}: statutory day off; {@code false}: a (normally weekend) day that is a
 *               make-up working day (调休上班)
 */
public record NoticeDay(String name, LocalDate date, boolean offDay) {

    public NoticeDay {
        Objects.requireNonNull(date, "date");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank (date " + date + ")");
        }
    }
}
