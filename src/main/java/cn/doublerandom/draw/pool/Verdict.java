package cn.doublerandom.draw.pool;

/**
 * Why a target of a draw's scope is in its pool (入池) or out of it (排除), as {@link PoolRules#verdict}
 * decides: the first reason that applies, in the order of the constants. A new reason is one constant
 * here and one line in {@link PoolRules#verdict}; the plan then counts it ({@link PoolPlan#count}).
 */
public enum Verdict {
    /** Not producing on the draw date (停产, 关闭 …): out, and not counted in a class's N either. */
    NOT_PRODUCING,
    /**
     * No item of the draw applies to it: it carries none of the object kinds (检查对象) the items inspect.
     * Still counted in its class's N: the quarter's requirement is the authority's, over all its targets.
     */
    NO_ITEM_APPLIES,
    /** Selected by an executed, unvoided draw of this quarter: no target is drawn twice in a quarter. */
    SELECTED_THIS_QUARTER,
    /** Selected this year as often as the policy's yearly cap allows. */
    AT_YEARLY_CAP,
    /** A directed draw's filter does not match it. */
    OUTSIDE_FILTER,
    /** In the pool, in the stratum of its class (or the directed stratum). */
    IN_POOL;

    /** Whether a target with this verdict counts in its class's operating count N, the base of a rate. */
    public boolean countsInN() {
        return this != NOT_PRODUCING;
    }
}
