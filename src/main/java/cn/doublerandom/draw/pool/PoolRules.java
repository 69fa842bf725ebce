package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.policy.Quota;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Who can be drawn and how many (DRAW-1 §4's pool): the rules auditors read beside DRAW-1, as plain
 * functions of plain values.
 *
 * <p>A target of the draw's scope is in the pool when it is producing on the draw date, is of an object
 * kind one of the draw's items inspects (an item naming no kind applies to every target), was not
 * selected this quarter by an executed, unvoided draw, is below the policy's yearly cap, and, for a
 * directed draw, matches its filter ({@link #verdict}). Each pooled target is in the stratum of its
 * supervision class, or in the one directed stratum. A class's quota is its rate of N, the producing
 * targets of the class whatever else excludes them, rounded up; the general class's is what the year's
 * 1:10 requirement still asks, spread over the quarters left; less, for an undirected draw, what the
 * authority's earlier draws of the quarter selected in the class ({@link QuarterQuotas}); a directed
 * draw's is its count.
 */
public final class PoolRules {

    private PoolRules() {
    }

    /** The reason a target is out of the pool, or {@link Verdict#IN_POOL}: the first of {@link Verdict}'s order that applies. */
    public static Verdict verdict(OperatingStatus status, boolean anItemApplies, TargetNote note, int yearlyCap, boolean directed,
                                  boolean inFilter) {
        if (status != OperatingStatus.PRODUCING) {
            return Verdict.NOT_PRODUCING;
        }
        if (!anItemApplies) {
            return Verdict.NO_ITEM_APPLIES;
        }
        if (note != null && note.selectedThisQuarter()) {
            return Verdict.SELECTED_THIS_QUARTER;
        }
        if (note != null && atYearlyCap(note.selectedThisYear(), yearlyCap)) {
            return Verdict.AT_YEARLY_CAP;
        }
        if (directed && !inFilter) {
            return Verdict.OUTSIDE_FILTER;
        }
        return Verdict.IN_POOL;
    }

    /** Selected this year as often as the cap allows (a target never selected is never at it). */
    public static boolean atYearlyCap(int selectedThisYear, int yearlyCap) {
        return selectedThisYear > 0 && selectedThisYear >= yearlyCap;
    }

    /** The stratum of each supervision class, by the class's ordinal. */
    private static final Stratum[] STRATUM_OF_CLASS = new Stratum[SupervisionClass.values().length];

    static {
        for (SupervisionClass c : SupervisionClass.values()) {
            STRATUM_OF_CLASS[c.ordinal()] = Stratum.valueOf(c.name());
        }
    }

    /** A pooled target's stratum: its class's, or the directed stratum in a directed draw. */
    public static Stratum stratumOf(SupervisionClass cls, boolean directed) {
        return directed ? Stratum.DIRECTED : STRATUM_OF_CLASS[cls.ordinal()];
    }

    /** The scope's targets from {@code source}, sorted by the rules: one tally per part the source reads. */
    public static List<PoolTally> scan(DrawScope scope, PolicyData policy, PoolSource source) {
        List<PoolTally> tallies = new ArrayList<>();
        for (int i = 0; i < Math.max(1, source.parts()); i++) {
            tallies.add(new PoolTally(scope, policy));
        }
        source.scan(tallies);
        return tallies;
    }

    /**
     * The pool and its quotas from the scan's tallies. {@code generalSelectedEarlier}: the general-stratum
     * selections of the authority's executed, unvoided undirected draws in earlier quarters of the year;
     * {@code doneThisQuarter}: what the authority's earlier draws of this quarter selected per class
     * ({@link QuarterQuotas#done}), taken off each class's requirement. Both are read for an undirected draw only.
     */
    public static PoolPlan plan(DrawScope scope, PolicyData policy, Staff staff, List<PoolTally> tallies,
                                long generalSelectedEarlier, Map<Stratum, Long> doneThisQuarter) {
        PoolSnapshot.Builder snapshot = PoolSnapshot.builder();
        staff.certified().forEach(snapshot::inspector);
        staff.specialists().forEach(s -> snapshot.specialist(s.code(), s.specialty()));
        staff.needed().forEach(snapshot::needs);

        long[] operating = new long[SupervisionClass.values().length];
        Map<Stratum, Long> eligible = new EnumMap<>(Stratum.class);
        long[] verdicts = new long[Verdict.values().length];
        PackedIds.Appender nonSite = PackedIds.appender();
        int producingKinds = 0;
        for (PoolTally part : tallies) {
            producingKinds |= part.producingKinds;
            for (int k = 0; k < part.ofKind.length; k++) {
                if (part.ofKind[k] != null) {
                    snapshot.targetsOfKind(ObjectKind.values()[k].snapshotCode(), part.ofKind[k]);
                }
            }
            for (int i = 0; i < operating.length; i++) {
                operating[i] += part.operating[i];
            }
            for (int i = 0; i < verdicts.length; i++) {
                verdicts[i] += part.verdicts[i];
            }
            part.targets.forEach((stratum, usccs) -> {
                snapshot.targets(stratum, usccs);
                eligible.merge(stratum, (long) usccs.size(), Long::sum);
            });
            nonSite.addAll(part.nonSite);
            part.recusals.forEach(r -> snapshot.recused(r[0], r[1]));
            part.previous.forEach(r -> snapshot.previousTeam(r[0], r[1]));
        }

        List<StratumQuota> strata = new ArrayList<>();
        GeneralRequirement general = null;
        if (scope.directed()) {
            long n = eligible.getOrDefault(Stratum.DIRECTED, 0L);
            strata.add(new StratumQuota(Stratum.DIRECTED, n, scope.directedCount(), n));
        } else {
            boolean county = scope.countyRates();
            BigDecimal perInspector = county ? policy.countyGeneralPerInspector() : policy.cityGeneralPerInspector();
            long officers = staff.officers();
            general = new GeneralRequirement(officers, Quota.yearlyGeneral(perInspector, officers), generalSelectedEarlier,
                    scope.quartersLeft());
            long key = operating[SupervisionClass.KEY.ordinal()];
            long special = operating[SupervisionClass.SPECIAL.ordinal()];
            strata.add(StratumQuota.remaining(Stratum.KEY, key,
                    Quota.ofRate(county ? policy.countyKeyRate() : policy.cityKeyRate(), key),
                    doneThisQuarter.getOrDefault(Stratum.KEY, 0L), eligible.getOrDefault(Stratum.KEY, 0L)));
            strata.add(StratumQuota.remaining(Stratum.SPECIAL, special,
                    Quota.ofRate(county ? policy.countySpecialRate() : policy.citySpecialRate(), special),
                    doneThisQuarter.getOrDefault(Stratum.SPECIAL, 0L), eligible.getOrDefault(Stratum.SPECIAL, 0L)));
            strata.add(StratumQuota.remaining(Stratum.GENERAL, operating[SupervisionClass.GENERAL.ordinal()],
                    Quota.general(perInspector, officers, generalSelectedEarlier, scope.quarter()),
                    doneThisQuarter.getOrDefault(Stratum.GENERAL, 0L), eligible.getOrDefault(Stratum.GENERAL, 0L)));
        }
        strata.forEach(s -> snapshot.quota(s.stratum(), s.quota()));
        if (scope.itemKinds() != 0) {
            // E lines only where the pool is filtered by kind: a draw whose items name none keeps its old text
            for (DrawScope.Item item : scope.items()) {
                for (ObjectKind k : ObjectKind.ofMask(item.kinds())) {
                    snapshot.itemKind(Long.toString(item.id()), k.snapshotCode());
                }
            }
        }
        snapshot.teamSize(policy.teamSize());

        Map<Verdict, Long> byVerdict = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            byVerdict.put(v, verdicts[v.ordinal()]);
        }
        return new PoolPlan(snapshot.build(), strata, general, byVerdict, staff, nonSite.sortedUnique(), producingKinds);
    }
}
