package cn.doublerandom.draw.pool;

import java.util.List;

/**
 * Where a draw's pool comes from: every target of the draw's scope, each with its class, what else the
 * rules ask of its row, and its {@link TargetNote}, handed to {@link PoolTally#consider}. The registry
 * table is one source; a replica's copy of it in memory, read in parts at once, another. The rules do not
 * know which they were given.
 */
public interface PoolSource {

    /** How many parts the source reads at once: {@link #scan} is given one tally per part. */
    int parts();

    /**
     * Hands every target of the scope to one of {@code tallies}, once; tally i may be called on a thread
     * of its own, by one thread at a time. Returns when all are done.
     */
    void scan(List<PoolTally> tallies);
}
