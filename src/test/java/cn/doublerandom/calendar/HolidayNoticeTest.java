package cn.doublerandom.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayNoticeTest {

    private static NoticeDay day(String name, String date, boolean offDay) {
        return new NoticeDay(name, LocalDate.parse(date), offDay);
    }

    @Test
    void weekendOffDaysAndWeekendMakeUpDaysAreAccepted() {
        HolidayNotice n = new HolidayNotice(2025, List.of("p"), List.of(
                day("春节", "2025-02-01", true),   // Saturday off
                day("春节", "2025-01-26", false),  // Sunday make-up
                day("春节", "2025-02-08", false))); // Saturday make-up
        assertEquals(3, n.days().size());
    }

    @Test
    void newYearLeadInFromPreviousDecemberIsAccepted() {
        // as in the real 2023 notice (2022-12-31 off) and the 2012 notice (2011-12-31 worked)
        new HolidayNotice(2023, List.of(), List.of(day("元旦", "2022-12-31", true)));
        new HolidayNotice(2012, List.of(), List.of(day("元旦", "2011-12-31", false)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new HolidayNotice(2023, List.of(), List.of(day("元旦", "2022-12-24", true))));
        assertEquals("Holiday notice 2023: days[0] (2022-12-24 元旦): date 2022-12-24 is outside the notice year 2023"
                + " (only 2023-01-01..2023-12-31, or a New Year lead-in 2022-12-25..2022-12-31, is allowed)", e.getMessage());
    }

    @Test
    void weekdayMakeUpOnlyAsBackToWorkMarker() {
        // as in the real 2020 notice: 2020-02-02 (Sun) off, 2020-02-03 (Mon) listed as working
        new HolidayNotice(2020, List.of(), List.of(day("春节", "2020-02-03", false), day("春节", "2020-02-02", true)));
        // the day before is listed but as a working day: no marker
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HolidayNotice(2020,
                List.of(), List.of(day("春节", "2020-02-02", false), day("春节", "2020-02-03", false))));
        assertEquals("Holiday notice 2020: days[1] (2020-02-03 春节): isOffDay=false (make-up working day) but"
                + " 2020-02-03 is a MONDAY; a make-up working day must be a Saturday or Sunday", e.getMessage());
    }

    @Test
    void nullsAreRejectedWithPosition() {
        List<NoticeDay> withNull = new ArrayList<>();
        withNull.add(day("元旦", "2025-01-01", true));
        withNull.add(null);
        assertEquals("Holiday notice 2025: days[1] is null", assertThrows(IllegalArgumentException.class,
                () -> new HolidayNotice(2025, List.of(), withNull)).getMessage());
        assertEquals("Holiday notice 2025: days must not be null", assertThrows(IllegalArgumentException.class,
                () -> new HolidayNotice(2025, List.of(), null)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new NoticeDay("", LocalDate.of(2025, 1, 1), true));
        assertThrows(NullPointerException.class, () -> new NoticeDay("元旦", null, true));
    }

    @Test
    void listsAreImmutableCopies() {
        List<NoticeDay> days = new ArrayList<>(List.of(day("元旦", "2025-01-01", true)));
        HolidayNotice n = new HolidayNotice(2025, new ArrayList<>(List.of("p")), days);
        days.add(day("春节", "2025-01-28", true));
        assertEquals(1, n.days().size());
        assertThrows(UnsupportedOperationException.class, () -> n.days().add(day("x", "2025-05-01", true)));
        assertThrows(UnsupportedOperationException.class, () -> n.papers().add("q"));
    }
}
