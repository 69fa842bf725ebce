package cn.doublerandom.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the real notices 2020–2026 (copies of /work/shared/data/holidays, in test resources). */
final class TestData {

    static final int FIRST_YEAR = 2020;
    static final int LAST_YEAR = 2026;

    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.of(allNotices());

    private TestData() {
    }

    static String json(int year) {
        String resource = "/reference/holidays/" + year + ".json";
        try (InputStream in = TestData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HolidayNotice notice(int year) {
        return HolidayNoticeJson.parse(json(year));
    }

    static List<HolidayNotice> allNotices() {
        List<HolidayNotice> notices = new ArrayList<>();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            notices.add(notice(year));
        }
        return notices;
    }

    /** Calendar holding 2020–2026. */
    static WorkingDayCalendar calendar() {
        return CALENDAR;
    }
}
