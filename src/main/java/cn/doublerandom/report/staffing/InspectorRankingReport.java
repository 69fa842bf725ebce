package cn.doublerandom.report.staffing;

import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.region.Region;
import cn.doublerandom.registry.inspector.InspectorRoster;
import cn.doublerandom.report.InspectionRecordStore;
import cn.doublerandom.report.Rates;
import cn.doublerandom.report.ReportRegions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

/**
 * The top inspectors by inspections and the certified share per bureau (seed 003, items 19 and 35).
 * The registry is read as it stood at the end of the period (or today, for a period not over yet).
 */
@ApplicationScoped
public class InspectorRankingReport {

    /** Seed 003 item 35: 执法人员检查次数前50名. */
    static final int TOP = 50;
    static final BigDecimal EIGHTY = BigDecimal.valueOf(80);

    @Inject
    InspectionRecordStore store;

    @Inject
    InspectorRoster roster;

    @Inject
    ServiceClock clock;

    public InspectorRankingView compute(Region region, ReportPeriod period, ReportRegions regions) {
        String like = regions.like(region);
        LocalDate asOf = period.lastDay().isAfter(clock.today()) ? clock.today() : period.lastDay();
        List<InspectorRoster.Member> members = roster.asOf(like, clock.endOf(asOf));
        Map<String, Long> inspections = store.checksPerMember(like, period.firstDay(), period.lastDay());
        List<InspectorRoster.Member> active = members.stream().filter(m -> !m.auxiliary() && inspections.getOrDefault(m.code(), 0L) > 0)
                .sorted(Comparator.comparing((InspectorRoster.Member m) -> -inspections.get(m.code())).thenComparing(InspectorRoster.Member::code))
                .toList();
        List<Integer> ranks = Rates.ranks(active.stream().map(m -> inspections.get(m.code())).toList());
        List<InspectorRankingView.Ranked> top = new ArrayList<>();
        Map<String, Long> inTop = new HashMap<>();
        for (int i = 0; i < active.size() && ranks.get(i) <= TOP; i++) {
            InspectorRoster.Member m = active.get(i);
            top.add(new InspectorRankingView.Ranked(ranks.get(i), m.code(), m.name(), m.regionCode(), regions.name(m.regionCode()),
                    inspections.get(m.code())));
            inTop.merge(m.regionCode(), 1L, Long::sum);
        }
        List<InspectorRankingView.UnitShare> units = new ArrayList<>();
        for (Region a : regions.authorities(region)) {
            long staff = members.stream().filter(m -> a.code().equals(m.regionCode()) && m.staff()).count();
            long certified = members.stream().filter(m -> a.code().equals(m.regionCode()) && m.staff() && m.certificateValidOn(asOf))
                    .count();
            BigDecimal share = Rates.percent(certified, staff);
            units.add(new InspectorRankingView.UnitShare(a.code(), a.name(), staff, certified, share,
                    share == null ? null : certified == staff, share == null ? null : share.compareTo(EIGHTY) > 0,
                    inTop.getOrDefault(a.code(), 0L)));
        }
        return new InspectorRankingView(region.code(), region.name(), period.code(), period.chinese(), asOf, TOP, top, units);
    }
}
