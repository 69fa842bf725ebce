package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.policy.Quota;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The authority's quarter across its draws (DOMAIN.md, "Decisions, second round"): the class quotas are
 * the authority's, not a division's. Each undirected draw's quota of a class is the quarter's requirement
 * less what the authority's earlier draws of the quarter already selected in that class, never below 0;
 * only executed, unvoided undirected draws count (directed, failed and voided draws count toward no
 * quota). The draw's prepare and the quarter's plan both take the rule from here.
 */
public final class QuarterQuotas {

    private QuarterQuotas() {
    }

    /**
     * One draw of the authority's quarter as the quota rule sees it: its kind, where it stands, its
     * division (empty for items without one), whether it is an internal joint inspection, and how many
     * targets it selected in each stratum (empty unless executed).
     */
    public record QuarterDraw(String id, boolean undirected, boolean executed, boolean voided, String division, boolean joint,
                              Map<Stratum, Long> selected) {

        public QuarterDraw {
            selected = selected.isEmpty() ? Map.of() : Map.copyOf(selected);
        }

        /** Whether its selections count toward the quarter's class quotas. */
        public boolean countsTowardQuota() {
            return undirected && inForce();
        }

        /** Executed and not voided: its selection stands. */
        public boolean inForce() {
            return executed && !voided;
        }

        public long selected(Stratum stratum) {
            return selected.getOrDefault(stratum, 0L);
        }

        public long selectedInAll() {
            return selected.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** What the draws that count toward the quotas selected, per class. */
    public static Map<Stratum, Long> done(Collection<QuarterDraw> draws) {
        Map<Stratum, Long> done = new EnumMap<>(Stratum.class);
        for (QuarterDraw d : draws) {
            if (d.countsTowardQuota()) {
                d.selected().forEach((stratum, n) -> done.merge(stratum, n, Long::sum));
            }
        }
        return done;
    }

    /** What is left of a class's quarterly requirement once {@code done} targets were selected: never below 0. */
    public static int remaining(int requirement, long done) {
        return (int) Math.max(0, requirement - done);
    }

    /**
     * The quarter's minimum of internal joint inspections (内部联合抽查, seed 001 二（五））: every quarter at
     * least one, and at least {@code rate} of the yearly joint random-inspection figures the local leading
     * group office sets, rounded up: of its count ({@code draws}, over {@code yearlyInspections}) and of its
     * inspected subjects ({@code targets}, over {@code yearlySubjects}; null when that figure is not set).
     */
    public record JointRequirement(BigDecimal rate, Integer yearlyInspections, Integer yearlySubjects, int draws,
                                   Integer targets) {

        /** Whether {@code jointDraws} executed, unvoided joint draws that selected {@code targets} meet it. */
        public boolean metBy(long jointDraws, long selected) {
            return jointDraws >= draws && (targets == null || selected >= targets);
        }
    }

    /** The joint requirement of a quarter; a null rate (no policy) asks for the one joint inspection a quarter only. */
    public static JointRequirement jointRequirement(BigDecimal rate, Integer yearlyInspections, Integer yearlySubjects) {
        int draws = rate == null || yearlyInspections == null ? 1 : Math.max(1, Quota.ofRate(rate, yearlyInspections));
        Integer targets = rate == null || yearlySubjects == null ? null : Quota.ofRate(rate, yearlySubjects);
        return new JointRequirement(rate, yearlyInspections, yearlySubjects, draws, targets);
    }
}
