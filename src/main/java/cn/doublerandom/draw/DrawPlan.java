package cn.doublerandom.draw;

import cn.doublerandom.policy.PolicyData;

import java.util.List;

/**
 * How a prepared draw's quotas came about, kept with the draw: the policy in force, each stratum's
 * operating count N, its quota, its eligible pool and any shortfall, and how many targets were
 * excluded and why.
 */
public record DrawPlan(PolicyData policy, String authorityLevel, List<StratumPlan> strata, Exclusions excluded,
                       GeneralRequirement general, int certifiedInspectors, int specialists, List<String> neededSpecialties) {

    /** One stratum: N operating targets of the class, the quota k, the eligible pool, the shortfall. */
    public record StratumPlan(String stratum, long operating, int quota, long eligible, int shortfall) {
    }

    /** Targets of the jurisdiction left out of every pool, by reason. */
    public record Exclusions(long notProducing, long selectedThisQuarter, long atYearlyCap, long outsideFilter) {
    }

    /** The yearly 1:10 requirement of the general class and what is left of it. */
    public record GeneralRequirement(long officers, int yearlyRequirement, long selectedEarlierThisYear, int quartersLeft) {
    }
}
