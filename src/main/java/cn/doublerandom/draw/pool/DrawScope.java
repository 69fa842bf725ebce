package cn.doublerandom.draw.pool;

import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.target.ObjectKind;

import java.time.LocalDate;
import java.util.List;

/**
 * What a draw is asked for, as the pool's rules need it: the authority and its level (a county's rates
 * or a city's, which a province's draw uses too), the quarter, the draw date, and whether it is a
 * directed draw (定向抽查) of {@code directedCount} targets, and the object kinds its items inspect
 * ({@code items}, in the draw's order). Which targets the scope holds (a county's own, a city's or
 * province's whole subtree) is the {@link PoolSource}'s to read.
 */
public record DrawScope(String authority, RegionLevel level, int year, int quarter, LocalDate drawDate, boolean directed,
                        int directedCount, List<Item> items) {

    /** An item of the draw by its id, with the kinds it inspects ({@link ObjectKind#mask}; 0: it names none). */
    public record Item(long id, int kinds) {
    }

    /** A scope whose items name no object kind: each applies to every target, and the pool is not filtered by kind. */
    public DrawScope(String authority, RegionLevel level, int year, int quarter, LocalDate drawDate, boolean directed,
                     int directedCount) {
        this(authority, level, year, quarter, drawDate, directed, directedCount, List.of());
    }

    public DrawScope {
        items = List.copyOf(items);
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

    /**
     * The kinds the pool is filtered by ({@link ObjectKind#mask}): a target is pooled when it carries one of
     * them. 0, no filter, when any item names no kind, since such an item applies to every target.
     */
    public int itemKinds() {
        int union = 0;
        for (Item i : items) {
            if (i.kinds() == 0) {
                return 0;
            }
            union |= i.kinds();
        }
        return union;
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
