package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.Stratum;

/**
 * One stratum of a pool: N, the operating targets of its class (for a directed draw, its eligible
 * pool); its quota k, the Q line; its eligible pool; the quarter's requirement of the class and what the
 * authority's earlier draws of the quarter selected in it ({@link QuarterQuotas}); and the shortfall when
 * the pool is smaller than k.
 */
public record StratumQuota(Stratum stratum, long operating, int quota, long eligible, int requirement,
                           long selectedEarlierThisQuarter) {

    /** A stratum no earlier draw of the quarter selected in: its quota is the whole requirement. */
    public StratumQuota(Stratum stratum, long operating, int quota, long eligible) {
        this(stratum, operating, quota, eligible, quota, 0);
    }

    /** The stratum of an undirected draw: the requirement less what the earlier draws of the quarter selected. */
    static StratumQuota remaining(Stratum stratum, long operating, int requirement, long selectedEarlier, long eligible) {
        return new StratumQuota(stratum, operating, QuarterQuotas.remaining(requirement, selectedEarlier), eligible, requirement,
                selectedEarlier);
    }

    public int shortfall() {
        return (int) Math.max(0, quota - eligible);
    }
}
