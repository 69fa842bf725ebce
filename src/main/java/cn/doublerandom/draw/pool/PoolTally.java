package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one part of a pool's scan found: each target given to {@link #consider} is sorted into its
 * stratum or counted under the reason it is out. A source that reads in parts at once fills one tally
 * per part; {@link PoolRules#plan} adds them up.
 */
public final class PoolTally {

    private final boolean directed;
    private final int yearlyCap;
    private final int itemKinds;
    /** When the pool is filtered by kind, the pooled targets of each kind, by the kind's ordinal: the K lines. */
    final PackedIds.Appender[] ofKind = new PackedIds.Appender[ObjectKind.values().length];
    /** The kinds the producing targets of the scope carry, drawn before or not: which items apply to any. */
    int producingKinds;
    final Map<Stratum, PackedIds.Appender> targets = new EnumMap<>(Stratum.class);
    final long[] operating = new long[SupervisionClass.values().length];
    final long[] verdicts = new long[Verdict.values().length];
    final PackedIds.Appender nonSite = PackedIds.appender();
    final List<String[]> recusals = new ArrayList<>(); // {inspector, uscc}
    final List<String[]> previous = new ArrayList<>(); // {inspector, uscc}

    public PoolTally(DrawScope scope, PolicyData policy) {
        this.directed = scope.directed();
        this.yearlyCap = policy.yearlyCap();
        this.itemKinds = scope.itemKinds();
    }

    /**
     * Sorts one target into the pool or out of it, and says why ({@link PoolRules#verdict}).
     *
     * @param cls            its supervision class this quarter; null when not producing
     * @param kinds          the object kinds it carries ({@link ObjectKind#mask})
     * @param nonSiteAllowed whether it may be checked off site, on the draw date
     * @param inFilter       whether a directed draw's filter matches it (ignored for an undirected draw)
     * @param note           what else is known of it; null for nothing
     */
    public Verdict consider(String uscc, OperatingStatus status, SupervisionClass cls, int kinds, boolean nonSiteAllowed,
                            boolean inFilter, TargetNote note) {
        Verdict verdict = PoolRules.verdict(status, ObjectKind.applies(itemKinds, kinds), note, yearlyCap, directed, inFilter);
        verdicts[verdict.ordinal()]++;
        if (verdict.countsInN()) {
            producingKinds |= kinds;
            operating[cls.ordinal()]++;
        }
        if (verdict == Verdict.IN_POOL) {
            // indexed loops and no lambdas: this runs a million times a province draw, and each
            // iterator or capturing lambda made here was garbage the collector had to keep up with
            Stratum stratum = PoolRules.stratumOf(cls, directed);
            PackedIds.Appender into = targets.get(stratum);
            if (into == null) {
                into = PackedIds.appender();
                targets.put(stratum, into);
            }
            into.add(uscc);
            if (itemKinds != 0) {
                for (int k = 0; k < ofKind.length; k++) {
                    if ((kinds & (1 << k)) != 0) {
                        if (ofKind[k] == null) {
                            ofKind[k] = PackedIds.appender();
                        }
                        ofKind[k].add(uscc);
                    }
                }
            }
            if (nonSiteAllowed) {
                nonSite.add(uscc);
            }
            if (note != null) {
                List<String> recused = note.recusedBy();
                for (int i = 0; i < recused.size(); i++) {
                    recusals.add(new String[] {recused.get(i), uscc});
                }
                List<String> last = note.lastTeam();
                for (int i = 0; i < last.size(); i++) {
                    previous.add(new String[] {last.get(i), uscc});
                }
            }
        }
        return verdict;
    }

    /** How many targets this part gave each verdict. */
    public long count(Verdict verdict) {
        return verdicts[verdict.ordinal()];
    }
}
