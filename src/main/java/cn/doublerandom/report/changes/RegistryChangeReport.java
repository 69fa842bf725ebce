package cn.doublerandom.report.changes;

import cn.doublerandom.calendar.CalendarService;
import cn.doublerandom.calendar.MissingCalendarYearException;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.region.Region;
import cn.doublerandom.registry.history.RegistryChanges;
import cn.doublerandom.registry.history.RegistryEntity;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.ReportingCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Inspectors and targets added, changed or retired in a quarter (by when the registry recorded the
 * change, business dates), per bureau of the region: a county alone, a city with its counties, a
 * province with everything below it.
 */
@ApplicationScoped
public class RegistryChangeReport {

    @Inject
    RegistryChanges changes;

    @Inject
    ServiceClock clock;

    @Inject
    CalendarService calendar;

    public RegistryChangeView compute(Region region, Quarter quarter, ReportRegions regions) {
        Instant from = clock.endOf(quarter.firstDay().minusDays(1));
        Instant to = clock.endOf(quarter.lastDay());
        List<RegistryChanges.Change> inspectors = changes.between(RegistryEntity.INSPECTOR, regions.like(region), from, to);
        List<RegistryChanges.Change> targets = changes.between(RegistryEntity.TARGET, regions.like(region), from, to);
        List<RegistryChangeView.UnitCount> units = new ArrayList<>();
        for (Region a : regions.authorities(region)) {
            List<RegistryChanges.Change> i = inspectors.stream().filter(c -> a.code().equals(c.regionCode())).toList();
            List<RegistryChanges.Change> t = targets.stream().filter(c -> a.code().equals(c.regionCode())).toList();
            units.add(new RegistryChangeView.UnitCount(a.code(), a.name(), count(i, RegistryChanges.Kind.ADDED),
                    count(i, RegistryChanges.Kind.CHANGED), count(i, RegistryChanges.Kind.RETIRED), count(t, RegistryChanges.Kind.ADDED),
                    count(t, RegistryChanges.Kind.CHANGED), count(t, RegistryChanges.Kind.RETIRED)));
        }
        LocalDate due = ReportingCalendar.registryChangesDue(quarter);
        return new RegistryChangeView(region.code(), region.name(), quarter.toString(), quarter.chinese(), due, dueNote(due), units,
                rows(inspectors, regions), rows(targets, regions));
    }

    private String dueNote(LocalDate due) {
        try {
            return calendar.calendar().isWorkingDay(due) ? null
                    : due.getMonthValue() + "月18日为非工作日；实施方案规定“18日前”报送，未规定顺延，仍以该日为限。";
        } catch (MissingCalendarYearException e) {
            return due.getYear() + "年工作日历尚未载入，无法判断该日是否为工作日。";
        }
    }

    private static int count(List<RegistryChanges.Change> list, RegistryChanges.Kind kind) {
        return (int) list.stream().filter(c -> c.kind() == kind).count();
    }

    private static List<RegistryChangeView.Row> rows(List<RegistryChanges.Change> list, ReportRegions regions) {
        return list.stream()
                .sorted(Comparator.comparing((RegistryChanges.Change c) -> c.regionCode() == null ? "" : c.regionCode())
                        .thenComparing(c -> c.kind().ordinal()).thenComparing(RegistryChanges.Change::key))
                .map(c -> new RegistryChangeView.Row(c.regionCode(), regions.name(c.regionCode()), c.key(), c.name(), c.kind().name(),
                        c.kind().label(), c.fields(), c.versions(), c.lastAt(), c.reason()))
                .toList();
    }
}
