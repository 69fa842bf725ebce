package cn.doublerandom.report.activity;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.inspector.InspectorRoster;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.report.InspectionRecordStore;
import cn.doublerandom.report.Rates;
import cn.doublerandom.report.ReportConfig;
import cn.doublerandom.report.ReportRegions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-post inspectors as the registry (its roster) stood at the month's end, each with the number
 * of the month's checks whose team lists them. Averages, rates and ranks are taken from those rows (a
 * few dozen per bureau).
 */
@ApplicationScoped
public class ActivityReport {

    @Inject
    cn.doublerandom.authority.AuthorityDirectory authorityNames;

    @Inject
    InspectionRecordStore store;

    @Inject
    ServiceClock clock;

    @Inject
    InspectorRoster roster;

    @Inject
    ReportConfig config;

    public ActivityView compute(Region region, YearMonth month, ReportRegions regions) {
        int minRecords = config.reports().activity().minRecords();
        BigDecimal minRate = config.reports().activity().minRate();
        Map<String, List<ActivityView.InspectorRow>> byAuthority = new LinkedHashMap<>();
        String like = regions.like(region);
        Map<String, Long> records = store.checksPerMember(like, month.atDay(1), month.atEndOfMonth());
        // on post: certified with a certificate valid on the month's first day, active, not an auxiliary expert
        for (InspectorRoster.Member m : roster.asOf(like, clock.endOf(month.atEndOfMonth()))) {
            if (!m.auxiliary() && m.status() == InspectorStatus.ACTIVE && m.certificateValidOn(month.atDay(1))) {
                byAuthority.computeIfAbsent(m.regionCode(), k -> new ArrayList<>())
                        .add(new ActivityView.InspectorRow(m.code(), m.name(), records.getOrDefault(m.code(), 0L)));
            }
        }
        List<Region> authorities = new ArrayList<>();
        for (Region a : regions.authorities(region)) {
            if (a.level() != RegionLevel.PROVINCE || byAuthority.containsKey(a.code())) {
                authorities.add(a);
            }
        }
        List<ActivityView.AuthorityRow> rows = new ArrayList<>();
        long inspectors = 0;
        long recordsInAll = 0;
        long active = 0;
        for (Region a : authorities) {
            List<ActivityView.InspectorRow> staff = byAuthority.getOrDefault(a.code(), List.of());
            long n = staff.size();
            long sum = staff.stream().mapToLong(ActivityView.InspectorRow::records).sum();
            long act = staff.stream().filter(i -> i.records() > 0).count();
            inspectors += n;
            recordsInAll += sum;
            active += act;
            BigDecimal average = Rates.average(sum, n);
            BigDecimal rate = Rates.percent(act, n);
            List<String> flags = new ArrayList<>();
            Boolean meetsAverage = average == null ? null : average.compareTo(BigDecimal.valueOf(minRecords)) >= 0;
            Boolean meetsRate = rate == null ? null : rate.compareTo(minRate) >= 0;
            if (n == 0) {
                flags.add("无持证在岗执法人员");
            } else {
                if (!meetsAverage) {
                    flags.add("人均有效检查记录 " + average + " 条，低于 " + minRecords + " 条");
                }
                if (!meetsRate) {
                    flags.add("活跃率 " + rate + "%，低于 " + minRate.stripTrailingZeros().toPlainString() + "%");
                }
            }
            List<ActivityView.InspectorRow> below = staff.stream().filter(i -> i.records() < minRecords).toList();
            rows.add(new ActivityView.AuthorityRow(a.code(), authorityNames.nameOf(a.code()), a.code().equals(region.code()) && authorities.size() > 1,
                    n, sum, average, act, rate, meetsAverage, meetsRate, new LinkedHashMap<>(), below, flags, staff));
        }
        List<ActivityView.AuthorityRow> ranked = rows.stream().filter(r -> !r.own()).toList();
        List<Integer> byAverage = Rates.ranks(ranked.stream().map(ActivityView.AuthorityRow::average).toList());
        List<Integer> byRate = Rates.ranks(ranked.stream().map(ActivityView.AuthorityRow::activityRate).toList());
        for (int i = 0; i < ranked.size(); i++) {
            ranked.get(i).ranks().put("average", byAverage.get(i));
            ranked.get(i).ranks().put("activityRate", byRate.get(i));
        }
        for (ActivityView.AuthorityRow r : rows) {
            if (r.own()) {
                r.ranks().put("average", null);
                r.ranks().put("activityRate", null);
            }
        }
        return new ActivityView(region.code(), region.name(), month.toString(), minRecords, minRate, rows,
                new ActivityView.Total(inspectors, recordsInAll, Rates.average(recordsInAll, inspectors), active, Rates.percent(active, inspectors)));
    }
}
