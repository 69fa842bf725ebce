package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.Stratum;

/**
 * One stratum of a pool: N, the operating targets of its class (for a directed draw, its eligible
 * pool); its quota k; its eligible pool; and the shortfall when the pool is smaller than k.
 */
public record StratumQuota(Stratum stratum, long operating, int quota, long eligible) {

    public int shortfall() {
        return (int) Math.max(0, quota - eligible);
    }
}
