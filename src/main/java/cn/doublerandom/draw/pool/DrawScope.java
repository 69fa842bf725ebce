package cn.doublerandom.draw.pool;

import cn.doublerandom.region.RegionLevel;

import java.time.LocalDate;

/**
 * What a draw is asked for, as the pool's rules need it: the authority and its level (a county's rates
 * or a city's, which a province's draw uses too), the quarter, the draw date, and whether it is a
 * directed draw (定向抽查) of {@code directedCount} targets. Which targets the scope holds (a county's
 * own, a city's or province's whole subtree) is the {@link PoolSource}'s to read.
 */
public record DrawScope(String authority, RegionLevel level, int year, int quarter, LocalDate drawDate, boolean directed,
                        int directedCount) {

    public DrawScope {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1-4, got " + quarter);
        }
        if (directedCount < 0) {
            throw new IllegalArgumentException("a directed draw's count must not be negative: " + directedCount);
        }
    }

    /** An undirected draw of this authority and quarter. */
    public static DrawScope undirected(String authority, RegionLevel level, int year, int quarter, LocalDate drawDate) {
        return new DrawScope(authority, level, year, quarter, drawDate, false, 0);
    }

    /** A county's rates apply to a county's draw; a city's to a city's and a province's. */
    public boolean countyRates() {
        return level == RegionLevel.COUNTY;
    }

    /** The quarters of the year left, this one included: what the general class's yearly requirement is spread over. */
    public int quartersLeft() {
        return 5 - quarter;
    }
}
