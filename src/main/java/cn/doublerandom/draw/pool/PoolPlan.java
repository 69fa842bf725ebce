package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PoolSnapshot;

import java.util.List;
import java.util.Map;

/**
 * A draw's pool and how it came about: the DRAW-1 snapshot, each stratum's N, quota and eligible pool,
 * the general requirement (undirected draws only, else null), how many targets got each verdict, the
 * staff, and which pooled targets may be checked off site.
 */
public record PoolPlan(PoolSnapshot snapshot, List<StratumQuota> strata, GeneralRequirement general,
                       Map<Verdict, Long> verdicts, Staff staff, PackedIds nonSite) {

    public PoolPlan {
        strata = List.copyOf(strata);
        verdicts = Map.copyOf(verdicts);
    }

    /** How many targets of the scope got this verdict. */
    public long count(Verdict verdict) {
        return verdicts.getOrDefault(verdict, 0L);
    }
}
