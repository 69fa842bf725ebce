package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool's rules over thousands of random registries (seeded; a failure names its seed): each plan is
 * checked against the rules as the class comment of {@link PoolRules} states them, computed here
 * independently, target by target, and a scan in parts gives the same pool as a scan in one.
 */
class PoolRulesPropertyTest {

    private static final int REGISTRIES = 3000;
    private static final long FIRST_SEED = 15_000_001L;

    @Test
    void everyPlanKeepsTheRulesInvariants() {
        long targetsSeen = 0;
        long pooled = 0;
        Set<Verdict> verdictsSeen = new HashSet<>();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + REGISTRIES; seed++) {
            PoolWorld w = PoolWorld.random(seed);
            PoolPlan plan = w.plan(1);
            String at = "seed " + seed;
            targetsSeen += w.inScope().size();
            pooled += plan.snapshot().targetCount();
            checkPool(w, plan, at, verdictsSeen);
            checkQuotas(w, plan, at);
            checkStaff(w, plan, at);
            int parts = 2 + (int) (seed % 3);
            PoolPlan inParts = w.plan(parts);
            assertArrayEquals(plan.snapshot().canonicalBytes(), inParts.snapshot().canonicalBytes(), at + ": " + parts + " parts");
            assertEquals(plan.strata(), inParts.strata(), at);
            assertEquals(plan.verdicts(), inParts.verdicts(), at);
            assertEquals(plan.nonSite(), inParts.nonSite(), at);
        }
        // the generator reaches every case, or the checks above prove less than they claim
        assertEquals(Set.of(Verdict.values()), verdictsSeen);
        // fewer pooled than before kinds: in some worlds the items inspect kinds that many targets are not of
        assertTrue(targetsSeen > 45_000 && pooled > 20_000, targetsSeen + " targets, " + pooled + " pooled");
    }

    /** Only eligible targets, each once, in the stratum of its class; every eligible target; why each other is out. */
    private static void checkPool(PoolWorld w, PoolPlan plan, String at, Set<Verdict> seen) {
        PoolSnapshot s = plan.snapshot();
        Map<String, Stratum> pool = new HashMap<>();
        for (Stratum stratum : Stratum.values()) {
            for (String u : s.targets(stratum)) {
                assertEquals(null, pool.put(u, stratum), at + ": " + u + " is in two strata");
            }
        }
        Map<Verdict, Long> expected = new EnumMap<>(Verdict.class);
        Map<SupervisionClass, Long> operating = new EnumMap<>(SupervisionClass.class);
        Set<String> nonSite = new TreeSet<>();
        Set<PoolSnapshot.CodeForTarget> previous = new HashSet<>();
        for (PoolWorld.Target t : w.inScope()) {
            Verdict v;
            if (t.status() != OperatingStatus.PRODUCING) {
                v = Verdict.NOT_PRODUCING;
            } else if (!anItemApplies(w, t)) {
                v = Verdict.NO_ITEM_APPLIES;
            } else if (t.selectedThisQuarter()) {
                v = Verdict.SELECTED_THIS_QUARTER;
            } else if (t.selectedThisYear() > 0 && t.selectedThisYear() >= w.policy.yearlyCap()) {
                v = Verdict.AT_YEARLY_CAP;
            } else if (w.scope.directed() && !t.inFilter()) {
                v = Verdict.OUTSIDE_FILTER;
            } else {
                v = Verdict.IN_POOL;
            }
            seen.add(v);
            expected.merge(v, 1L, Long::sum);
            if (t.status() == OperatingStatus.PRODUCING) {
                operating.merge(t.cls(), 1L, Long::sum);
            }
            if (v == Verdict.IN_POOL) {
                Stratum want = w.scope.directed() ? Stratum.DIRECTED : Stratum.valueOf(t.cls().name());
                assertEquals(want, pool.remove(t.uscc()), at + ": " + t);
                if (t.nonSite()) {
                    nonSite.add(t.uscc());
                }
                t.lastTeam().forEach(code -> previous.add(new PoolSnapshot.CodeForTarget(code, t.uscc())));
            } else {
                assertFalse(pool.containsKey(t.uscc()), at + ": " + t + " is out (" + v + ") but pooled");
            }
        }
        assertEquals(Map.of(), pool, at + ": pooled targets outside the scope");
        checkKinds(w, s, at);
        for (Verdict v : Verdict.values()) {
            assertEquals(expected.getOrDefault(v, 0L), plan.count(v), at + ": " + v);
        }
        assertEquals(List.copyOf(nonSite), List.copyOf(plan.nonSite()), at + ": off-site targets are the pooled ones allowed it");
        assertEquals(previous, new HashSet<>(s.previousTeams()), at + ": last teams of the pooled targets");
        if (!w.scope.directed()) {
            for (StratumQuota q : plan.strata()) {
                assertEquals((long) operating.getOrDefault(SupervisionClass.valueOf(q.stratum().name()), 0L), q.operating(),
                        at + ": N of " + q.stratum() + " counts every producing target of the class");
            }
        }
    }

    /** An item of the draw shares a kind with the target, or names none; a draw of no item filters nothing. */
    private static boolean anItemApplies(PoolWorld w, PoolWorld.Target t) {
        return w.scope.items().isEmpty()
                || w.scope.items().stream().anyMatch(i -> i.kinds() == 0 || (i.kinds() & t.kinds()) != 0);
    }

    /**
     * When every item names kinds, the E lines are the items' kinds and the K lines each pooled target's kinds,
     * so that the snapshot alone shows each pooled target has an item and which items its visit covers;
     * otherwise the snapshot has neither (its text is what it was before kinds). The text parses back to itself.
     */
    private static void checkKinds(PoolWorld w, PoolSnapshot s, String at) {
        boolean filtered = !w.scope.items().isEmpty() && w.scope.items().stream().allMatch(i -> i.kinds() != 0);
        Set<PoolSnapshot.ItemKind> e = new HashSet<>();
        if (filtered) {
            w.scope.items().forEach(i -> ObjectKind.ofMask(i.kinds())
                    .forEach(k -> e.add(new PoolSnapshot.ItemKind(Long.toString(i.id()), k.snapshotCode()))));
        }
        assertEquals(e, new HashSet<>(s.itemKinds()), at + ": E lines");
        assertEquals(List.of(), s.targetsNoItemAppliesTo(), at + ": every pooled target has an item");
        for (PoolWorld.Target t : w.inScope()) {
            boolean pooled = Arrays.stream(Stratum.values()).anyMatch(st -> s.targets(st).contains(t.uscc()));
            List<String> k = !filtered || !pooled ? List.of() : ObjectKind.ofMask(t.kinds()).stream().map(ObjectKind::snapshotCode).sorted().toList();
            assertEquals(k, s.kindsOf(t.uscc()), at + ": K lines of " + t.uscc());
            if (pooled && filtered) {
                List<String> items = w.scope.items().stream().filter(i -> (i.kinds() & t.kinds()) != 0)
                        .map(i -> Long.toString(i.id())).sorted(cn.doublerandom.draw.engine.Utf8ByteOrder.COMPARATOR).toList();
                assertFalse(items.isEmpty(), at + ": " + t.uscc() + " pooled with no item");
                assertEquals(items, s.itemsFor(t.uscc()), at + ": the items of " + t.uscc() + "'s visit");
            }
        }
        assertArrayEquals(s.canonicalBytes(), PoolSnapshot.parse(s.canonicalText()).canonicalBytes(), at + ": parsed back");
    }

    /** Quotas are the policy's, per class: rates of N rounded up, the general requirement spread, a directed count. */
    private static void checkQuotas(PoolWorld w, PoolPlan plan, String at) {
        PoolSnapshot s = plan.snapshot();
        if (w.scope.directed()) {
            assertEquals(1, plan.strata().size(), at);
            assertEquals(w.scope.directedCount(), s.quota(Stratum.DIRECTED), at);
            assertEquals(null, plan.general(), at);
        } else {
            boolean county = w.scope.level() == cn.doublerandom.region.RegionLevel.COUNTY;
            BigDecimal key = county ? w.policy.countyKeyRate() : w.policy.cityKeyRate();
            BigDecimal special = county ? w.policy.countySpecialRate() : w.policy.citySpecialRate();
            BigDecimal perOfficer = county ? w.policy.countyGeneralPerInspector() : w.policy.cityGeneralPerInspector();
            long officers = s.inspectors().size();
            long yearly = perOfficer.multiply(BigDecimal.valueOf(officers)).setScale(0, RoundingMode.CEILING).longValueExact();
            long left = Math.max(0, yearly - w.generalSelectedEarlier);
            int quartersLeft = 5 - w.scope.quarter();
            assertEquals(List.of(Stratum.KEY, Stratum.SPECIAL, Stratum.GENERAL), plan.strata().stream().map(StratumQuota::stratum).toList(), at);
            assertEquals(ceil(key, plan.strata().get(0).operating()), s.quota(Stratum.KEY), at + ": key quota");
            assertEquals(ceil(special, plan.strata().get(1).operating()), s.quota(Stratum.SPECIAL), at + ": special quota");
            assertEquals(BigDecimal.valueOf(left).divide(BigDecimal.valueOf(quartersLeft), 0, RoundingMode.CEILING).intValueExact(),
                    s.quota(Stratum.GENERAL), at + ": general quota");
            assertEquals(new GeneralRequirement(officers, (int) yearly, w.generalSelectedEarlier, quartersLeft), plan.general(), at);
        }
        for (StratumQuota q : plan.strata()) {
            assertEquals(q.quota(), s.quota(q.stratum()), at);
            assertEquals(s.targets(q.stratum()).size(), q.eligible(), at);
            assertEquals(Math.max(0, q.quota() - q.eligible()), q.shortfall(), at);
        }
        assertEquals(w.policy.teamSize(), s.teamSize(), at);
    }

    private static int ceil(BigDecimal rate, long n) {
        // exact: rate in hundredths, so ceil(rate × n) = ceil(hundredths × n / 100)
        long hundredths = rate.movePointRight(2).longValueExact();
        return (int) ((hundredths * n + 99) / 100);
    }

    /** Inspectors certified, not on leave, of the authority's own bureau; specialists on duty; recusals of members only. */
    private static void checkStaff(PoolWorld w, PoolPlan plan, String at) {
        PoolSnapshot s = plan.snapshot();
        Set<String> certified = new TreeSet<>();
        Set<PoolSnapshot.Specialist> specialists = new HashSet<>();
        Set<String> needed = new TreeSet<>();
        w.required.forEach(r -> {
            if (r != null) {
                needed.add(r);
            }
        });
        Map<String, InspectorData> byCode = new HashMap<>();
        for (InspectorData i : w.inspectors) {
            byCode.put(i.code(), i);
            if (!i.regionCode().equals(w.scope.authority())) {
                continue;
            }
            boolean isCertified = i.certified() && !i.auxiliary() && i.status() == InspectorStatus.ACTIVE
                    && i.certificateExpiry() != null && !i.certificateExpiry().isBefore(w.scope.drawDate());
            if (isCertified) {
                certified.add(i.code());
            }
            if (isCertified || (i.auxiliary() && i.status() == InspectorStatus.ACTIVE)) {
                i.specialties().stream().filter(needed::contains)
                        .forEach(sp -> specialists.add(new PoolSnapshot.Specialist(i.code(), sp)));
            }
        }
        assertEquals(List.copyOf(certified), s.inspectors(), at + ": certified inspectors");
        for (String code : s.inspectors()) {
            InspectorData i = byCode.get(code);
            assertEquals(InspectorStatus.ACTIVE, i.status(), at + ": " + code + " is not at work");
            assertFalse(i.auxiliary(), at);
        }
        assertEquals(specialists, new HashSet<>(s.specialists()), at + ": specialists");
        assertEquals(List.copyOf(needed), s.neededSpecialties(), at);
        Set<String> members = new HashSet<>(certified);
        specialists.forEach(sp -> members.add(sp.code()));
        Set<String> pooled = new HashSet<>();
        for (Stratum st : Stratum.values()) {
            pooled.addAll(s.targets(st));
        }
        Set<PoolSnapshot.CodeForTarget> recusals = new HashSet<>();
        for (InspectorData i : w.inspectors) {
            if (members.contains(i.code()) && i.regionCode().equals(w.scope.authority())) {
                for (Conflict k : i.conflicts()) {
                    if (pooled.contains(k.uscc())) {
                        recusals.add(new PoolSnapshot.CodeForTarget(i.code(), k.uscc()));
                    }
                }
            }
        }
        assertEquals(recusals, new HashSet<>(s.recusals()), at + ": recusals of members from pooled targets");
        assertEquals(certified.size(), plan.staff().officers(), at);
        assertEquals(new HashSet<>(specialists.stream().map(PoolSnapshot.Specialist::code).toList()).size(),
                plan.staff().specialistCount(), at);
    }

    @Test
    void theGeneratorIsDeterministic() {
        PoolWorld a = PoolWorld.random(FIRST_SEED + 7);
        PoolWorld b = PoolWorld.random(FIRST_SEED + 7);
        assertEquals(a.targets, b.targets);
        assertArrayEquals(a.plan(1).snapshot().canonicalBytes(), b.plan(3).snapshot().canonicalBytes());
        assertFalse(new ArrayList<>(a.targets).equals(PoolWorld.random(FIRST_SEED + 8).targets));
    }
}
