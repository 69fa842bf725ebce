package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PoolSnapshot;

import java.util.List;
import java.util.Map;

/**
 * A draw's pool and how it came about: the DRAW-1 snapshot, each stratum's N, quota and eligible pool,
 * the general requirement (undirected draws only, else null), how many targets got each verdict, the
 * staff, which pooled targets may be checked off site, and the object kinds the scope's producing targets
 * carry ({@link cn.doublerandom.registry.target.ObjectKind#mask}; what an item needs to apply to one of them).
 */
public record PoolPlan(PoolSnapshot snapshot, List<StratumQuota> strata, GeneralRequirement general,
                       Map<Verdict, Long> verdicts, Staff staff, PackedIds nonSite, int producingKinds) {

    public PoolPlan {
        strata = List.copyOf(strata);
        verdicts = Map.copyOf(verdicts);
    }

    /**
     * Whether an item inspecting {@code itemKinds} applies to a producing target of the jurisdiction (drawn
     * this quarter or not): an item that applies to none could never send a team, and a draw is not prepared
     * with one.
     */
    public boolean appliesToAProducingTarget(int itemKinds) {
        return cn.doublerandom.registry.target.ObjectKind.applies(itemKinds, producingKinds);
    }

    /** How many targets of the scope got this verdict. */
    public long count(Verdict verdict) {
        return verdicts.getOrDefault(verdict, 0L);
    }
}
