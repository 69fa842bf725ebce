package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.policy.PolicyData;
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

    /** The snapshot and the plan that explains it. */
    public record Pool(PoolSnapshot snapshot, DrawPlan plan) {
    }

    public Pool build(Region authority, Quarter quarter, LocalDate drawDate, PolicyData policy, boolean directed,
                      DirectedFilter filter, int count, List<ItemData> items) {
        String prefix = regions.subtreePrefix(authority.code());
        boolean city = authority.level() != RegionLevel.COUNTY;
        // Only draws that can hold this authority's targets are read: its own subtree's and its ancestors'
        // (a county's draw reads its county, city and province draws, not the whole province's).
        RegionRange range = RegionRange.ofPrefix(prefix);
        String[] above = regions.ancestors(authority.code()).toArray(String[]::new);
        String relevant = "(d.authority >= ? and d.authority < ? or d.authority = any(?))";
        Set<String> selectedThisQuarter = usccs("select distinct t.uscc from draw d join draw_target t on t.draw_id = d.id where "
                + relevant + " and d.quarter = ? and not exists (select 1 from draw_void v where v.draw_id = d.id)",
                range.from(), range.to(), above, quarter.toString());
        Set<String> atCap = usccs("select t.uscc from draw d join draw_target t on t.draw_id = d.id where " + relevant
                + " and d.quarter like ? and not exists (select 1 from draw_void v where v.draw_id = d.id)"
                + " group by t.uscc having count(*) >= ?", range.from(), range.to(), above, quarter.year() + "Q%", policy.yearlyCap());
        Map<String, List<TargetEvent>> eventsByTarget = events.forClassification(prefix, quarter);
        SupervisionClassifier classifier = events.classifier();

        PoolSnapshot.Builder snapshot = PoolSnapshot.builder();
        Map<SupervisionClass, long[]> operating = new EnumMap<>(SupervisionClass.class);
        Map<Stratum, long[]> eligible = new EnumMap<>(Stratum.class);
        long[] excluded = new long[4]; // not producing, selected this quarter, at yearly cap, outside filter
        Set<String> pool = new HashSet<>();
        targets.forEach(prefix, stored -> {
            var t = stored.data();
            SupervisionClass cls = classifier.classify(t, eventsByTarget.getOrDefault(t.uscc(), List.of()), quarter)
                    .supervisionClass();
            if (t.operatingStatus() != OperatingStatus.PRODUCING) {
                excluded[0]++;
                return;
            }
            operating.computeIfAbsent(cls, k -> new long[1])[0]++;
            if (selectedThisQuarter.contains(t.uscc())) {
                excluded[1]++;
            } else if (atCap.contains(t.uscc())) {
                excluded[2]++;
            } else if (directed && !filter.matches(t, cls)) {
                excluded[3]++;
            } else {
                Stratum stratum = directed ? Stratum.DIRECTED : Stratum.valueOf(cls.name());
                snapshot.target(stratum, t.uscc());
                eligible.computeIfAbsent(stratum, k -> new long[1])[0]++;
                pool.add(t.uscc());
            }
        });

        // inspectors: the authority's own; I = certified and active on the draw date, A = holders of needed specialties
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
        for (InspectorData i : staff) {
            if (members.contains(i.code())) {
                for (Conflict k : i.conflicts()) {
                    if (pool.contains(k.uscc())) {
                        snapshot.recused(i.code(), k.uscc());
                    }
                }
            }
        }
        previousTeams(prefix).forEach((uscc, team) -> {
            if (pool.contains(uscc)) {
                team.forEach(code -> snapshot.previousTeam(code, uscc));
            }
        });

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
        return new Pool(snapshot.build(), plan);
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

    /** Each target's most recent earlier team, from executed, unvoided draws. */
    private Map<String, List<String>> previousTeams(String prefix) {
        Map<String, List<String>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select distinct on (t.uscc) t.uscc,
                       coalesce((select s.team from draw_substitution s where s.draw_id = t.draw_id and s.uscc = t.uscc
                                 order by s.id desc limit 1), t.team)
                from draw_target t
                join draw_execution e on e.draw_id = t.draw_id
                join target g on g.uscc = t.uscc
                where g.region_code >= ? and g.region_code < ?
                and not exists (select 1 from draw_void v where v.draw_id = t.draw_id)
                order by t.uscc, e.executed_at desc""")) {
            RegionRange range = RegionRange.ofPrefix(prefix);
            ps.setString(1, range.from());
            ps.setString(2, range.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), List.of((String[]) rs.getArray(2).getArray()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> usccs(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            Set<String> out = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
