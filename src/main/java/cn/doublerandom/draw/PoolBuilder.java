package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.policy.Quota;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStore;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetEvent;
import cn.doublerandom.registry.target.TargetEventService;
import cn.doublerandom.registry.target.TargetStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a draw's pool snapshot (DRAW-1 §4) from the registries as they stand at prepare: the
 * eligible targets of each stratum with their quota, the authority's certified inspectors and
 * specialists, recusals and previous teams.
 *
 * <p>Eligible: in the jurisdiction (a county's own targets; a city's whole subtree), producing on the
 * draw date, not already selected this quarter by any executed draw, and below the policy's yearly
 * cap. N, the base of a rate, counts the producing targets of the class whatever else excludes them.
 */
@ApplicationScoped
public class PoolBuilder {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TargetStore targets;

    @Inject
    TargetEventService events;

    @Inject
    InspectorStore inspectors;

    @Inject
    RegionDirectory regions;

    /** One target met by the scan: its status, class and exclusions, and its whole row when a directed filter needs it. */
    @FunctionalInterface
    private interface PoolEntry {
        void accept(String uscc, OperatingStatus status, SupervisionClass cls, boolean selectedThisQuarter, boolean atYearlyCap,
                    List<String> previousTeam, boolean nonSite, TargetData full);
    }

    /**
     * The snapshot, the plan that explains it, and which of its targets may be checked off site
     * ({@link NonSiteRule} on the draw date), so that execute need not read the selected rows again.
     */
    public record Pool(PoolSnapshot snapshot, DrawPlan plan, Set<String> nonSite) {
    }

    public Pool build(Region authority, Quarter quarter, LocalDate drawDate, PolicyData policy, boolean directed,
                      DirectedFilter filter, int count, List<ItemData> items) {
        String prefix = regions.subtreePrefix(authority.code());
        boolean city = authority.level() != RegionLevel.COUNTY;
        DrawnBefore drawn = drawnBefore(RegionRange.ofPrefix(prefix), regions.ancestors(authority.code()), quarter,
                policy.yearlyCap());
        Map<String, List<TargetEvent>> eventsByTarget = events.forClassification(prefix, quarter);
        SupervisionClassifier classifier = events.classifier();
        PoolSnapshot.Builder snapshot = PoolSnapshot.builder();

        // inspectors first (a few thousand at most): the target scan then looks up each target's
        // recusals in a small map instead of collecting the pool in a set
        List<InspectorData> staff = new ArrayList<>();
        inspectors.forEach(authority.code(), s -> {
            if (s.data().regionCode().equals(authority.code())) {
                staff.add(s.data());
            }
        });
        TreeSet<String> needed = new TreeSet<>();
        items.forEach(i -> {
            if (i.requiredSpecialty() != null) {
                needed.add(i.requiredSpecialty());
            }
        });
        int certified = 0;
        Set<String> specialists = new HashSet<>();
        Set<String> members = new HashSet<>();
        for (InspectorData i : staff) {
            boolean isCertified = i.certifiedOn(drawDate) && !i.auxiliary();
            boolean onDuty = isCertified || (i.auxiliary() && i.status() == cn.doublerandom.registry.inspector.InspectorStatus.ACTIVE);
            if (isCertified) {
                snapshot.inspector(i.code());
                certified++;
                members.add(i.code());
            }
            if (onDuty) {
                for (String s : i.specialties()) {
                    if (needed.contains(s)) {
                        snapshot.specialist(i.code(), s);
                        specialists.add(i.code());
                        members.add(i.code());
                    }
                }
            }
        }
        needed.forEach(snapshot::needs);
        Map<String, List<String>> recusedBy = new HashMap<>();
        for (InspectorData i : staff) {
            if (members.contains(i.code())) {
                for (Conflict k : i.conflicts()) {
                    recusedBy.computeIfAbsent(k.uscc(), x -> new ArrayList<>()).add(i.code());
                }
            }
        }

        Map<SupervisionClass, long[]> operating = new EnumMap<>(SupervisionClass.class);
        Map<Stratum, long[]> eligible = new EnumMap<>(Stratum.class);
        long[] excluded = new long[4]; // not producing, selected this quarter, at yearly cap, outside filter
        Set<String> nonSite = new HashSet<>();
        PoolEntry consider = (uscc, status, cls, selected, atCap, previousTeam, offSite, full) -> {
            if (status != OperatingStatus.PRODUCING) {
                excluded[0]++;
                return;
            }
            operating.computeIfAbsent(cls, k -> new long[1])[0]++;
            if (selected) {
                excluded[1]++;
            } else if (atCap) {
                excluded[2]++;
            } else if (directed && !filter.matches(full, cls)) {
                excluded[3]++;
            } else {
                Stratum stratum = directed ? Stratum.DIRECTED : Stratum.valueOf(cls.name());
                snapshot.target(stratum, uscc);
                if (offSite) {
                    nonSite.add(uscc);
                }
                eligible.computeIfAbsent(stratum, k -> new long[1])[0]++;
                recusedBy.getOrDefault(uscc, List.of()).forEach(code -> snapshot.recused(code, uscc));
                previousTeam.forEach(code -> snapshot.previousTeam(code, uscc));
            }
        };
        if (directed) {
            // a directed filter reads any registry field: whole rows
            targets.forEach(prefix, stored -> {
                TargetData t = stored.data();
                consider.accept(t.uscc(), t.operatingStatus(), classifier.classOf(SupervisionClassifier.Inputs.of(t),
                        eventsByTarget.getOrDefault(t.uscc(), List.of()), quarter), drawn.selectedThisQuarter().contains(t.uscc()),
                        drawn.atYearlyCap().contains(t.uscc()), drawn.lastTeam().getOrDefault(t.uscc(), List.of()),
                        NonSiteRule.applies(t, policy, drawDate), t);
            });
        } else {
            targets.forEachPoolRow(prefix, row -> consider.accept(row.uscc(), row.status(), classifier.classOf(row.classInputs(),
                    eventsByTarget.getOrDefault(row.uscc(), List.of()), quarter), drawn.selectedThisQuarter().contains(row.uscc()),
                    drawn.atYearlyCap().contains(row.uscc()), drawn.lastTeam().getOrDefault(row.uscc(), List.of()),
                    NonSiteRule.applies(row.classInputs().positiveListFrom(), row.classInputs().positiveListTo(),
                            row.monitoringTypes(), policy, drawDate), null));
        }

        // quotas
        List<DrawPlan.StratumPlan> strata = new ArrayList<>();
        DrawPlan.GeneralRequirement general = null;
        if (directed) {
            snapshot.quota(Stratum.DIRECTED, count);
            long n = eligible.getOrDefault(Stratum.DIRECTED, new long[1])[0];
            strata.add(new DrawPlan.StratumPlan("DIRECTED", n, count, n, (int) Math.max(0, count - n)));
        } else {
            BigDecimal keyRate = city ? policy.cityKeyRate() : policy.countyKeyRate();
            BigDecimal specialRate = city ? policy.citySpecialRate() : policy.countySpecialRate();
            BigDecimal perInspector = city ? policy.cityGeneralPerInspector() : policy.countyGeneralPerInspector();
            long officers = staff.stream().filter(i -> i.certifiedOn(drawDate) && !i.auxiliary()).count();
            long earlier = generalSelectedEarlier(authority.code(), quarter);
            int generalQuota = Quota.general(perInspector, officers, earlier, quarter.number());
            general = new DrawPlan.GeneralRequirement(officers, Quota.yearlyGeneral(perInspector, officers), earlier,
                    5 - quarter.number());
            Map<Stratum, Integer> quotas = Map.of(
                    Stratum.KEY, Quota.ofRate(keyRate, operating.getOrDefault(SupervisionClass.KEY, new long[1])[0]),
                    Stratum.SPECIAL, Quota.ofRate(specialRate, operating.getOrDefault(SupervisionClass.SPECIAL, new long[1])[0]),
                    Stratum.GENERAL, generalQuota);
            for (Stratum s : List.of(Stratum.KEY, Stratum.SPECIAL, Stratum.GENERAL)) {
                int k = quotas.get(s);
                snapshot.quota(s, k);
                long n = eligible.getOrDefault(s, new long[1])[0];
                strata.add(new DrawPlan.StratumPlan(s.name(),
                        operating.getOrDefault(SupervisionClass.valueOf(s.name()), new long[1])[0], k, n, (int) Math.max(0, k - n)));
            }
        }
        snapshot.teamSize(policy.teamSize());
        DrawPlan plan = new DrawPlan(policy, authority.level().name(), strata,
                new DrawPlan.Exclusions(excluded[0], excluded[1], excluded[2], excluded[3]), general, certified,
                specialists.size(), List.copyOf(needed));
        var built = snapshot.build();
        return new Pool(built, plan, nonSite);
    }

    /** GENERAL selections of this authority's executed, unvoided undirected draws in earlier quarters of the year. */
    private long generalSelectedEarlier(String authority, Quarter quarter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from draw_target t join draw d on d.id = t.draw_id
                where d.authority = ? and d.kind = 'UNDIRECTED' and t.stratum = 'GENERAL'
                  and d.quarter like ? and d.quarter < ?
                  and not exists (select 1 from draw_void v where v.draw_id = d.id)""")) {
            ps.setString(1, authority);
            ps.setString(2, quarter.year() + "Q%");
            ps.setString(3, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What earlier draws decide about the pool: who is out of it, and who checked each target last. */
    private record DrawnBefore(Set<String> selectedThisQuarter, Set<String> atYearlyCap, Map<String, List<String>> lastTeam) {
    }

    /**
     * Reads the selections of the draws that can hold the authority's targets: its own subtree's and
     * the regions' above it (a county's draw reads its county, city and province draws, not the whole
     * province's). Executed, unvoided draws only. Last teams come from earlier quarters' draws: a target
     * drawn this quarter is out of the pool anyway.
     */
    private DrawnBefore drawnBefore(RegionRange range, List<String> above, Quarter quarter, int yearlyCap) {
        String relevant = "(d.authority >= ? and d.authority < ? or d.authority = any(?))"
                + " and not exists (select 1 from draw_void v where v.draw_id = d.id)";
        Set<String> selected = new HashSet<>();
        Set<String> atCap = new HashSet<>();
        Map<String, List<String>> lastTeam = new HashMap<>();
        try (Connection c = dataSource.getConnection()) {
            java.sql.Array ancestors = c.createArrayOf("text", above.toArray());
            try (PreparedStatement ps = c.prepareStatement("""
                    select uscc, selected, at_cap from (
                        select t.uscc, bool_or(d.quarter = ?) as selected, count(*) >= ? as at_cap
                        from draw d join draw_target t on t.draw_id = d.id
                        where %s and d.quarter like ? group by t.uscc) y
                    where selected or at_cap""".formatted(relevant))) {
                ps.setString(1, quarter.toString());
                ps.setInt(2, yearlyCap);
                ps.setString(3, range.from());
                ps.setString(4, range.to());
                ps.setArray(5, ancestors);
                ps.setString(6, quarter.year() + "Q%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        (rs.getBoolean(2) ? selected : atCap).add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    select distinct on (t.uscc) t.uscc, coalesce(s.team, t.team)::text from draw d
                    join draw_execution e on e.draw_id = d.id join draw_target t on t.draw_id = d.id
                    left join (select distinct on (draw_id, uscc) draw_id, uscc, team from draw_substitution
                               order by draw_id, uscc, id desc) s on s.draw_id = t.draw_id and s.uscc = t.uscc
                    where %s and d.quarter <> ? order by t.uscc, e.executed_at desc""".formatted(relevant))) {
                ps.setString(1, range.from());
                ps.setString(2, range.to());
                ps.setArray(3, ancestors);
                ps.setString(4, quarter.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lastTeam.put(rs.getString(1), Sql.arrayElements(rs.getString(2)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new DrawnBefore(selected, atCap, lastTeam);
    }
}
