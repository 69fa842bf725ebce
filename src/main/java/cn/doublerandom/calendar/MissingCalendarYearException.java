package cn.doublerandom.calendar;

/**
 * Thrown when a working-day question needs a year for which no official holiday notice has been
 * loaded. The calendar never guesses a year it does not hold: the weekday/weekend rule alone would
 * be wrong for every year that has 调休.
 */
public class MissingCalendarYearException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int year;

    public MissingCalendarYearException(int year) {
        super("No official working-day calendar for year " + year
                + ": the State Council holiday notice for " + year
                + " has not been loaded, so working days in " + year + " cannot be determined");
        this.year = year;
    }

    /** The year whose holiday notice is missing. */
    public int year() {
        return year;
    }
}
