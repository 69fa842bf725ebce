package cn.doublerandom.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values read off the JSON files by hand and cross-checked with tools/check_expected.py. */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar cal = TestData.calendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0} {1} working={2}")
    @CsvSource({
            // Spring Festival 2024
            "2024-02-04, Sun make-up,            true",
            "2024-02-09, Fri 除夕 not listed,    true",
            "2024-02-10, Sat off,                false",
            "2024-02-12, Mon off,                false",
            "2024-02-16, Fri off,                false",
            "2024-02-17, Sat off,                false",
            "2024-02-18, Sun make-up,            true",
            "2024-02-19, Mon,                    true",
            // Spring Festival 2025
            "2025-01-25, Sat ordinary,           false",
            "2025-01-26, Sun make-up,            true",
            "2025-01-27, Mon,                    true",
            "2025-01-28, Tue off,                false",
            "2025-02-04, Tue off,                false",
            "2025-02-05, Wed,                    true",
            "2025-02-08, Sat make-up,            true",
            "2025-02-09, Sun ordinary,           false",
            // Spring Festival 2026
            "2026-02-13, Fri,                    true",
            "2026-02-14, Sat make-up,            true",
            "2026-02-15, Sun off,                false",
            "2026-02-23, Mon off,                false",
            "2026-02-24, Tue,                    true",
            "2026-02-28, Sat make-up,            true",
            "2026-03-01, Sun ordinary,           false",
            // National Day 2024
            "2024-09-29, Sun make-up,            true",
            "2024-09-30, Mon,                    true",
            "2024-10-01, Tue off,                false",
            "2024-10-07, Mon off,                false",
            "2024-10-08, Tue,                    true",
            "2024-10-12, Sat make-up,            true",
            "2024-10-13, Sun ordinary,           false",
            // National Day 2025
            "2025-09-27, Sat ordinary,           false",
            "2025-09-28, Sun make-up,            true",
            "2025-10-01, Wed off,                false",
            "2025-10-08, Wed off,                false",
            "2025-10-09, Thu,                    true",
            "2025-10-11, Sat make-up,            true",
            "2025-10-12, Sun ordinary,           false",
            // New Year
            "2024-01-01, Mon off,                false",
            "2025-01-01, Wed off,                false",
            "2025-01-02, Thu,                    true",
            "2026-01-02, Fri off,                false",
            "2026-01-04, Sun make-up,            true",
            "2022-12-31, Sat (2023 notice),      false",
            "2023-01-02, Mon off,                false",
            // ordinary weeks
            "2025-03-14, Fri,                    true",
            "2025-03-15, Sat,                    false",
            "2025-03-16, Sun,                    false",
            "2025-03-17, Mon,                    true",
            // 2020: extended Spring Festival; 02-03 listed as back-to-work Monday
            "2020-01-31, Fri off (extension),    false",
            "2020-02-01, Sat off (extension),    false",
            "2020-02-03, Mon back to work,       true",
    })
    void isWorkingDay(String date, String what, boolean expected) {
        assertEquals(expected, cal.isWorkingDay(d(date)));
    }

    @Test
    void workingDaysPerYearMatchIndependentCount() {
        // per-year totals from tools/check_expected.py logic (Python, over the same JSON)
        int[] expected = {249, 250, 249, 249, 251, 248, 248};
        for (int year = 2020; year <= 2026; year++) {
            int count = cal.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
            assertEquals(expected[year - 2020], count, "working days in " + year);
        }
        assertEquals(1744, cal.workingDaysBetween(d("2020-01-01"), d("2026-12-31")));
    }

    @Test
    void yearsAreSortedAndUnmodifiable() {
        SortedSet<Integer> years = cal.years();
        assertEquals(List.of(2020, 2021, 2022, 2023, 2024, 2025, 2026), List.copyOf(years));
        assertThrows(UnsupportedOperationException.class, () -> years.add(2027));
        assertTrue(cal.holdsYear(2026));
        assertFalse(cal.holdsYear(2027));
        assertEquals(2025, cal.notice(2025).orElseThrow().year());
        assertTrue(cal.notice(2027).isEmpty());
    }

    @Test
    void missingYearThrowsNamingTheYear() {
        MissingCalendarYearException e = assertThrows(MissingCalendarYearException.class,
                () -> cal.isWorkingDay(d("2027-01-04")));
        assertEquals(2027, e.year());
        assertTrue(e.getMessage().contains("2027"), e.getMessage());
        assertEquals(2019, assertThrows(MissingCalendarYearException.class,
                () -> cal.isWorkingDay(d("2019-12-31"))).year());
    }

    @Test
    void calendarWithoutPreviousYearDoesNotGuessTheLeadInDate() {
        WorkingDayCalendar only2023 = WorkingDayCalendar.of(TestData.notice(2023));
        assertEquals(2022, assertThrows(MissingCalendarYearException.class,
                () -> only2023.isWorkingDay(d("2022-12-31"))).year());
        assertFalse(only2023.isWorkingDay(d("2023-01-02")));
    }

    @Test
    void nthWorkingDayAfterNamesTheFirstMissingYear() {
        WorkingDayCalendar gap = WorkingDayCalendar.of(TestData.notice(2024), TestData.notice(2026));
        // 2024-12-27 (Fri): 12-30, 12-31 are in 2024, the third working day needs 2025
        assertEquals(d("2024-12-31"), gap.nthWorkingDayAfter(d("2024-12-27"), 2));
        MissingCalendarYearException e = assertThrows(MissingCalendarYearException.class,
                () -> gap.nthWorkingDayAfter(d("2024-12-27"), 3));
        assertEquals(2025, e.year());
        // start's own year need not be held: day 0 is never classified
        assertEquals(d("2026-01-04"), gap.nthWorkingDayAfter(d("2025-12-31"), 1));
    }

    @Test
    void nthWorkingDayAfterBasics() {
        assertEquals(d("2025-03-17"), cal.nthWorkingDayAfter(d("2025-03-14"), 1)); // Fri -> Mon
        assertEquals(d("2025-03-14"), cal.nthWorkingDayAfter(d("2025-03-13"), 1)); // Thu -> Fri
        assertEquals(d("2024-09-29"), cal.nthWorkingDayAfter(d("2024-09-27"), 1)); // Fri -> make-up Sun
        assertEquals(d("2024-10-08"), cal.nthWorkingDayAfter(d("2024-09-30"), 1)); // over National Day
        assertThrows(IllegalArgumentException.class, () -> cal.nthWorkingDayAfter(d("2025-03-14"), 0));
        assertThrows(IllegalArgumentException.class, () -> cal.nthWorkingDayAfter(d("2025-03-14"), -1));
    }

    @Test
    void workingDaysBetween() {
        // (2025-01-24, 2025-02-05]: Sun 01-26, Mon 01-27, Wed 02-05
        assertEquals(3, cal.workingDaysBetween(d("2025-01-24"), d("2025-02-05")));
        // (2024-09-27, 2024-10-08]: Sun 09-29, Mon 09-30, Tue 10-08
        assertEquals(3, cal.workingDaysBetween(d("2024-09-27"), d("2024-10-08")));
        // (2025-12-31, 2026-01-05]: Sun 01-04 make-up, Mon 01-05
        assertEquals(2, cal.workingDaysBetween(d("2025-12-31"), d("2026-01-05")));
        // (2024-02-09, 2024-02-18]: only the make-up Sunday 02-18
        assertEquals(1, cal.workingDaysBetween(d("2024-02-09"), d("2024-02-18")));
        assertEquals(0, cal.workingDaysBetween(d("2025-03-14"), d("2025-03-14")));
        assertEquals(0, cal.workingDaysBetween(d("2025-03-14"), d("2025-03-16")));
        assertThrows(IllegalArgumentException.class,
                () -> cal.workingDaysBetween(d("2025-03-14"), d("2025-03-13")));
        assertEquals(2027, assertThrows(MissingCalendarYearException.class,
                () -> cal.workingDaysBetween(d("2026-12-30"), d("2027-01-05"))).year());
        // "due within 3 working days" of Fri 2025-01-24: the make-up Sunday counts
        assertTrue(cal.workingDaysBetween(d("2025-01-24"), d("2025-02-05")) <= 3);
        assertFalse(cal.workingDaysBetween(d("2025-01-24"), d("2025-02-06")) <= 3);
    }

    @Test
    void withNoticeAddsOrReplacesAndLeavesOriginalUntouched() {
        WorkingDayCalendar base = WorkingDayCalendar.of(TestData.notice(2025));
        WorkingDayCalendar extended = base.withNotice(TestData.notice(2026));
        assertEquals(Set.of(2025), Set.copyOf(base.years()));
        assertEquals(Set.of(2025, 2026), Set.copyOf(extended.years()));
        assertThrows(MissingCalendarYearException.class, () -> base.isWorkingDay(d("2026-01-04")));
        assertTrue(extended.isWorkingDay(d("2026-01-04")));

        // replace 2025 with a (fictitious) notice that has no 调休 at all
        HolidayNotice bare2025 = new HolidayNotice(2025, List.of(), List.of(
                new NoticeDay("元旦", d("2025-01-01"), true)));
        WorkingDayCalendar replaced = extended.withNotice(bare2025);
        assertFalse(replaced.isWorkingDay(d("2025-01-26")));  // no longer a make-up Sunday
        assertTrue(replaced.isWorkingDay(d("2025-01-28")));   // no longer a day off
        assertTrue(extended.isWorkingDay(d("2025-01-26")));   // original unchanged
        assertEquals(Set.of(2025, 2026), Set.copyOf(replaced.years()));
        assertNotEquals(extended, replaced);
        assertEquals(extended, base.withNotice(TestData.notice(2026)));
    }

    @Test
    void rejectsDuplicateYearsAndConflictingNotices() {
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> WorkingDayCalendar.of(TestData.notice(2025), TestData.notice(2025)));
        assertTrue(dup.getMessage().contains("2025"), dup.getMessage());

        // a 2022 notice claiming 2022-12-31 is a make-up working day contradicts the 2023 notice
        HolidayNotice conflicting2022 = new HolidayNotice(2022, List.of(), List.of(
                new NoticeDay("测试", d("2022-12-31"), false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkingDayCalendar.of(conflicting2022, TestData.notice(2023)));
        assertTrue(e.getMessage().contains("2022-12-31"), e.getMessage());
        assertTrue(e.getMessage().contains("2022") && e.getMessage().contains("2023"), e.getMessage());
    }

    @Test
    void emptyCalendarAnswersNothing() {
        WorkingDayCalendar empty = WorkingDayCalendar.of(List.of());
        assertTrue(empty.years().isEmpty());
        assertEquals(2025, assertThrows(MissingCalendarYearException.class,
                () -> empty.isWorkingDay(d("2025-03-17"))).year());
    }
}
