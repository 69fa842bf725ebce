package cn.doublerandom.draw;

import cn.doublerandom.region.RegionLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import cn.doublerandom.policy.PolicyData;

import java.util.List;

/**
 * How a prepared draw's quotas came about, kept with the draw: the policy in force, each stratum's
 * operating count N, its quota, its eligible pool and any shortfall, and how many targets were
 * excluded and why.
 */
public record DrawPlan(PolicyData policy, @Schema(implementation = RegionLevel.class) String authorityLevel, List<StratumPlan> strata, Exclusions excluded,
                       GeneralRequirement general, int certifiedInspectors, int specialists, List<String> neededSpecialties) {

    /**
     * One stratum: N operating targets of the class, the quota k, the eligible pool, the shortfall; the
     * quarter's requirement of the class and what the authority's earlier draws of the quarter selected in
     * it, of which k is what is left. Plans stored before quotas spanned a quarter's draws have neither:
     * their requirement was their quota.
     */
    public record StratumPlan(String stratum, long operating, int quota, long eligible, int shortfall, Integer requirement,
                              Long selectedEarlierThisQuarter) {

        public StratumPlan {
            requirement = requirement == null ? quota : requirement;
            selectedEarlierThisQuarter = selectedEarlierThisQuarter == null ? 0L : selectedEarlierThisQuarter;
        }

        public StratumPlan(String stratum, long operating, int quota, long eligible, int shortfall) {
            this(stratum, operating, quota, eligible, shortfall, null, null);
        }
    }

    /**
     * Targets of the jurisdiction left out of the pool, by reason; {@code noItemApplies}: of no object kind
     * the draw's items inspect.
     */
    public record Exclusions(long notProducing, long selectedThisQuarter, long atYearlyCap, long outsideFilter,
                             long noItemApplies) {
    }

    /** The yearly 1:10 requirement of the general class and what is left of it. */
    public record GeneralRequirement(long officers, int yearlyRequirement, long selectedEarlierThisYear, int quartersLeft) {
    }
}
