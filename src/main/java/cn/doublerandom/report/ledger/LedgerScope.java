package cn.doublerandom.report.ledger;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.Region;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which checks a form lists: those of the region's bureaus (a county's own; a city's own and its
 * counties') inspected in a month, in a date range, or in a campaign. A campaign (专项行动) is the
 * checks of the region's executed directed draws (定向抽查) whose filter carries every tag given,
 * e.g. {@code industry=化工}, optionally within a date range.
 *
 * @param tags the campaign's tags, empty for a month or a date range
 */
public record LedgerScope(Region region, LocalDate from, LocalDate to, List<String> tags, String label) {

    /** A year and a day: a form is a working ledger, not an archive export. */
    static final int MAX_DAYS = 366;
    private static final Pattern TAG = Pattern.compile("(class|industry|monitoring|pollutant|township)=[^;]{1,100}");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    public boolean campaign() {
        return !tags.isEmpty();
    }

    /** Exactly one of a month, a date range, or a campaign (with or without a date range); a problem otherwise. */
    public static LedgerScope of(Region region, String month, String from, String to, String campaign) {
        boolean range = present(from) || present(to);
        if (present(month) && (range || present(campaign))) {
            throw ProblemException.invalid("month", "month 与 from/to、campaign 只能择一：按月、按日期区间或按专项行动");
        }
        if (present(month)) {
            YearMonth m;
            try {
                m = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("month", "month 须形如 2026-05");
            }
            if (m.getYear() < EARLIEST.getYear() || m.getYear() > LATEST.getYear()) {
                throw ProblemException.invalid("month", "month 须在 2000-01 至 2100-12 之间");
            }
            return new LedgerScope(region, m.atDay(1), m.atEndOfMonth(), List.of(),
                    m.getYear() + "年" + m.getMonthValue() + "月");
        }
        LocalDate start = range ? date("from", from) : null;
        LocalDate end = range ? date("to", to) : null;
        if (range && end.isBefore(start)) {
            throw ProblemException.invalid("to", "to 不得早于 from");
        }
        if (range && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ProblemException.invalid("to", "日期区间至多 " + MAX_DAYS + " 天");
        }
        if (!present(campaign)) {
            if (!range) {
                throw ProblemException.invalid("month", "须给出 month（如 2026-05）、from 与 to，或 campaign（定向抽查的标签，如 industry=化工）");
            }
            return new LedgerScope(region, start, end, List.of(), start + "至" + end);
        }
        List<String> tags = new ArrayList<>();
        for (String t : campaign.split(";")) {
            String tag = t.strip();
            if (!TAG.matcher(tag).matches() || tag.chars().anyMatch(Character::isISOControl)) {
                throw ProblemException.invalid("campaign", "campaign 须为定向抽查的标签，以分号分隔，如 industry=化工;class=KEY"
                        + "（标签：class、industry、monitoring、pollutant、township）");
            }
            tags.add(tag);
        }
        return new LedgerScope(region, range ? start : EARLIEST, range ? end : LATEST, List.copyOf(tags),
                "专项行动（" + String.join("；", tags) + "）" + (range ? start + "至" + end : ""));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static LocalDate date(String field, String text) {
        if (!present(text)) {
            throw ProblemException.invalid(field, "日期区间须同时给出 from 与 to");
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            if (d.isBefore(EARLIEST) || d.isAfter(LATEST)) {
                throw ProblemException.invalid(field, field + " 须在 2000-01-01 至 2100-12-31 之间");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, field + " 须为日期，如 2026-05-31");
        }
    }
}
