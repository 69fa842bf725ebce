package cn.doublerandom.report.changes;

import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.MissingCalendarYearException;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.Region;
import cn.doublerandom.registry.history.RegistryChanges;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.ReportingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Inspectors and targets added, changed or retired in a quarter (by when the registry recorded the
 * change, business dates), per bureau of the region: a county alone, a city with its counties, a
 * province with everything below it. The counts cover every record; each list holds at most
 * {@link #LISTED} records, and {@link #page} reads any list whole, page by page.
 */
@ApplicationScoped
public class RegistryChangeReport {

    @Inject
    RegistryChanges changes;

    @Inject
    ServiceClock clock;

    @Inject
    CalendarService calendar;

    /** The most records each list of the report holds; the counts always cover every record. */
    public static final int LISTED = 10_000;

    public RegistryChangeView compute(Region region, Quarter quarter, ReportRegions regions) {
        Instant from = from(quarter);
        Instant to = to(quarter);
        List<String> codes = codes(region, regions);
        Map<String, RegistryChanges.Counts> inspectors = changes.count(RegistryEntity.INSPECTOR, codes, from, to);
        Map<String, RegistryChanges.Counts> targets = changes.count(RegistryEntity.TARGET, codes, from, to);
        List<RegistryChangeView.UnitCount> units = new ArrayList<>();
        for (Region a : regions.authorities(region)) {
            RegistryChanges.Counts i = inspectors.getOrDefault(a.code(), RegistryChanges.Counts.NONE);
            RegistryChanges.Counts t = targets.getOrDefault(a.code(), RegistryChanges.Counts.NONE);
            units.add(new RegistryChangeView.UnitCount(a.code(), a.name(), i.added(), i.changed(), i.retired(), t.added(), t.changed(),
                    t.retired()));
        }
        LocalDate due = ReportingCalendar.registryChangesDue(quarter);
        return new RegistryChangeView(region.code(), region.name(), quarter.toString(), quarter.chinese(), due, dueNote(due), units,
                rows(changes.list(RegistryEntity.INSPECTOR, codes, from, to, null, LISTED, inspectors), regions),
                rows(changes.list(RegistryEntity.TARGET, codes, from, to, null, LISTED, targets), regions),
                total(inspectors), total(targets), LISTED);
    }

    /**
     * One page of the inspectors or targets that changed in the quarter, in the report's order (unit,
     * then added, changed, retired, then code); {@code total} counts them all.
     */
    public Page<RegistryChangeView.Row> page(Region region, Quarter quarter, ReportRegions regions, RegistryEntity entity,
                                              Integer limit, String after) {
        int n = Listing.limit(limit);
        RegistryChanges.Position position = position(Listing.cursor(after));
        Instant from = from(quarter);
        Instant to = to(quarter);
        List<String> codes = codes(region, regions);
        Map<String, RegistryChanges.Counts> counts = changes.count(entity, codes, from, to);
        List<RegistryChanges.Change> listed = changes.list(entity, codes, from, to, position, n + 1, counts);
        List<RegistryChanges.Change> items = listed.subList(0, Math.min(n, listed.size()));
        String next = listed.size() > n ? cursor(items.get(n - 1)) : null;
        return new Page<>(rows(items, regions), next, total(counts));
    }

    private static List<String> codes(Region region, ReportRegions regions) {
        return regions.authorities(region).stream().map(Region::code).toList();
    }

    private Instant from(Quarter quarter) {
        return clock.endOf(quarter.firstDay().minusDays(1));
    }

    private Instant to(Quarter quarter) {
        return clock.endOf(quarter.lastDay());
    }

    private static int total(Map<String, RegistryChanges.Counts> counts) {
        return counts.values().stream().mapToInt(RegistryChanges.Counts::total).sum();
    }

    /** The page's last record as an opaque cursor: its region, kind and key. */
    private static String cursor(RegistryChanges.Change last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((last.regionCode() + "|" + last.kind().name() + "|" + last.key())
                .getBytes(StandardCharsets.UTF_8));
    }

    private static RegistryChanges.Position position(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length == 3 && parts[0].matches("\\d{6}") && !parts[2].isEmpty()
                    && parts[2].chars().noneMatch(ch -> ch < 0x20 || ch == 0x7f)) {
                return new RegistryChanges.Position(parts[0], RegistryChanges.Kind.valueOf(parts[1]), parts[2]);
            }
        } catch (IllegalArgumentException e) {
            // not one of ours: refused below
        }
        throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
    }

    private String dueNote(LocalDate due) {
        try {
            return calendar.calendar().isWorkingDay(due) ? null
                    : due.getMonthValue() + "月18日为非工作日；实施方案规定“18日前”报送，未规定顺延，仍以该日为限。";
        } catch (MissingCalendarYearException e) {
            return due.getYear() + "年工作日历尚未载入，无法判断该日是否为工作日。";
        }
    }

    private static List<RegistryChangeView.Row> rows(List<RegistryChanges.Change> list, ReportRegions regions) {
        return list.stream()
                .map(c -> new RegistryChangeView.Row(c.regionCode(), regions.name(c.regionCode()), c.key(), c.name(), c.kind().name(),
                        c.kind().label(), c.fields(), c.versions(), c.lastAt(), c.reason()))
                .toList();
    }
}
