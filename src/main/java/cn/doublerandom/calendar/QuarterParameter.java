package cn.doublerandom.calendar;

import cn.doublerandom.platform.problem.ProblemException;

/**
 * A {@code quarter} request parameter, e.g. {@code 2026Q4}. Kept apart from {@link Quarter}, which the
 * pure pool rules use and which therefore knows nothing of problem documents.
 */
public final class QuarterParameter {

    private QuarterParameter() {
    }

    public static Quarter parse(String text) {
        if (text == null) {
            throw ProblemException.invalid("quarter", "quarter is required, e.g. 2026Q4");
        }
        try {
            return Quarter.parse(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("quarter", e.getMessage());
        }
    }

    /** An optional {@code quarter} parameter: the quarter of {@code today} when absent or blank. */
    public static Quarter orQuarterOf(String text, java.time.LocalDate today) {
        return text == null || text.isBlank() ? Quarter.of(today) : parse(text);
    }
}
