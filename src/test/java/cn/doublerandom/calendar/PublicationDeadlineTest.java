package cn.doublerandom.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Expected deadlines were counted by hand from the JSON files and cross-checked with
 * tools/check_expected.py (an independent Python count over the same files).
 */
class PublicationDeadlineTest {

    private final WorkingDayCalendar cal = TestData.calendar();

    private LocalDate deadline(String determination) {
        return PublicationDeadline.of(cal, LocalDate.parse(determination));
    }

    @Test
    void rightBeforeSpringFestival2025() {
        // Mon 2025-01-20: 21-24 (4), Sun 26 make-up (5), 27 (6), 01-28..02-04 off, 02-05..07 (9),
        // Sat 02-08 make-up (10), 02-10..14 (15), 02-17..21 (20)
        assertEquals(LocalDate.of(2025, 2, 21), deadline("2025-01-20"));
    }

    @Test
    void rightBeforeNationalDay2024() {
        // Fri 2024-09-20: 23-27 (5), Sun 29 make-up (6), 30 (7), 10-01..07 off, 10-08..11 (11),
        // Sat 10-12 make-up (12), 10-14..18 (17), 21, 22, 23 (20)
        assertEquals(LocalDate.of(2024, 10, 23), deadline("2024-09-20"));
    }

    @Test
    void makeUpSundayCountsInsideTheTwenty() {
        // Fri 2025-01-10: 13-17 (5), 20-24 (10), Sun 26 make-up (11), 27 (12), 02-05..07 (15),
        // Sat 02-08 make-up (16), 02-10..13 (20)
        assertEquals(LocalDate.of(2025, 2, 13), deadline("2025-01-10"));
        // Without the two make-up days the answer would be two working days later (02-17).
    }

    @Test
    void twentiethWorkingDayIsAMakeUpSaturday() {
        // Mon 2025-01-06: 07-10 (4), 13-17 (9), 20-24 (14), Sun 26 (15), 27 (16), 02-05..07 (19), Sat 02-08 (20)
        LocalDate deadline = deadline("2025-01-06");
        assertEquals(LocalDate.of(2025, 2, 8), deadline);
        assertEquals(java.time.DayOfWeek.SATURDAY, deadline.getDayOfWeek());
    }

    @Test
    void twentiethWorkingDayIsAMakeUpSundayAcrossTheYearEnd() {
        // Fri 2024-12-27: 12-30, 12-31 (2), 2025-01-01 off, 01-02..03 (4), 06-10 (9), 13-17 (14),
        // 20-24 (19), Sun 2025-01-26 make-up (20)
        LocalDate deadline = deadline("2024-12-27");
        assertEquals(LocalDate.of(2025, 1, 26), deadline);
        assertEquals(java.time.DayOfWeek.SUNDAY, deadline.getDayOfWeek());
    }

    @ParameterizedTest(name = "determination {0} ({1}) -> {2}")
    @CsvSource({
            // determination on an ordinary weekend: day 0 is the date itself
            "2024-12-28, ordinary Saturday,               2025-01-26",
            // determination on a statutory holiday
            "2024-10-01, National Day 2024,               2024-11-01",
            "2025-01-29, Spring Festival 2025 (初一),     2025-03-03",
            // determination on a make-up working Sunday (it is still day 0)
            "2024-02-04, make-up Sunday before 春节 2024, 2024-03-07",
            // Spring Festival 2026 with its two make-up Saturdays (02-14 and 02-28)
            "2026-02-06, Friday before 春节 2026,         2026-03-12",
    })
    void determinationDateIsDayZeroWhateverItIs(String determination, String what, String expected) {
        assertEquals(LocalDate.parse(expected), deadline(determination));
    }

    @Test
    void crossingFrom2025Into2026() {
        // Mon 2025-12-15: 16-19 (4), 22-26 (9), 29-31 (12), 2026-01-01..03 off, Sun 01-04 make-up (13),
        // 01-05..09 (18), 12, 13 (20)
        assertEquals(LocalDate.of(2026, 1, 13), deadline("2025-12-15"));
    }

    @Test
    void latestDeterminationThatStaysInside2026() {
        assertEquals(LocalDate.of(2026, 12, 28), deadline("2026-11-30"));
        assertEquals(LocalDate.of(2026, 12, 31), deadline("2026-12-03"));
    }

    @Test
    void deadlineNeeding2027Throws() {
        // Tue 2026-12-15: 16-18 (3), 21-25 (8), 28-31 (12): the 13th needs January 2027
        MissingCalendarYearException e = assertThrows(MissingCalendarYearException.class,
                () -> deadline("2026-12-15"));
        assertEquals(2027, e.year());
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
        // the first determination date that already needs 2027
        assertEquals(2027, assertThrows(MissingCalendarYearException.class, () -> deadline("2026-12-04")).year());
    }

    @Test
    void deadlineIsAlwaysTwentyWorkingDaysAndAWorkingDay() {
        for (LocalDate d = LocalDate.of(2020, 1, 1); d.isBefore(LocalDate.of(2026, 12, 4)); d = d.plusDays(1)) {
            LocalDate deadline = PublicationDeadline.of(cal, d);
            assertTrue(cal.isWorkingDay(deadline), () -> "deadline not a working day: " + deadline);
            assertEquals(PublicationDeadline.WORKING_DAYS, cal.workingDaysBetween(d, deadline), d::toString);
        }
    }
}
