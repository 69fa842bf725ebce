package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.SelectedTarget;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.Stratum;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quarter of draws over random registries (seeded; a failure names its seed): undirected division
 * draws, directed draws, failed and voided ones, each planned by {@link PoolRules} on what the earlier
 * ones left ({@link QuarterQuotas}) and selected by DRAW-1. Quotas accumulate across the quarter's
 * draws, none is ever negative, and no target is selected twice in the quarter.
 */
class QuarterQuotasPropertyTest {

    private static final int QUARTERS = 600;
    private static final long FIRST_SEED = 16_000_001L;
    private static final List<Stratum> CLASSES = List.of(Stratum.KEY, Stratum.SPECIAL, Stratum.GENERAL);

    @Test
    void quotasAccumulateAcrossTheQuartersDrawsAndNoTargetIsDrawnTwice() {
        long undirectedDraws = 0;
        long laterDrawsWithAQuotaLeft = 0;
        long selectionsAfterTheFirst = 0;
        for (long seed = FIRST_SEED; seed < FIRST_SEED + QUARTERS; seed++) {
            Random r = new Random(seed);
            PoolWorld w = PoolWorld.random(seed);
            DrawScope undirected = new DrawScope(w.scope.authority(), w.scope.level(), w.scope.year(), w.scope.quarter(),
                    w.scope.drawDate(), false, 0);
            List<QuarterQuotas.QuarterDraw> history = new ArrayList<>();
            Set<String> drawnThisQuarter = new HashSet<>();
            Map<Stratum, Integer> requirement = null;
            int draws = 2 + r.nextInt(5);
            for (int step = 0; step < draws; step++) {
                String at = "seed " + seed + ", draw " + step;
                boolean isUndirected = r.nextInt(3) > 0;
                w.scope = isUndirected ? undirected : new DrawScope(undirected.authority(), undirected.level(), undirected.year(),
                        undirected.quarter(), undirected.drawDate(), true, 1 + r.nextInt(6));
                Map<Stratum, Long> doneBefore = QuarterQuotas.done(history);
                PoolPlan plan = w.plan(1, doneBefore);
                if (isUndirected) {
                    undirectedDraws++;
                    Map<Stratum, Integer> required = new EnumMap<>(Stratum.class);
                    for (StratumQuota s : plan.strata()) {
                        long done = doneBefore.getOrDefault(s.stratum(), 0L);
                        assertTrue(s.quota() >= 0, at + ": a negative quota " + s);
                        assertEquals(Math.max(0, s.requirement() - done), s.quota(), at + ": " + s);
                        assertEquals(done, s.selectedEarlierThisQuarter(), at);
                        assertEquals(s.quota(), plan.snapshot().quota(s.stratum()), at + ": the Q line carries the quota");
                        assertTrue(done <= s.requirement(), at + ": " + done + " done of " + s);
                        required.put(s.stratum(), s.requirement());
                        if (step > 0 && done > 0 && s.quota() > 0) {
                            laterDrawsWithAQuotaLeft++;
                        }
                    }
                    // the registry did not change within the quarter: neither did the requirement
                    if (requirement == null) {
                        requirement = required;
                    }
                    assertEquals(requirement, required, at);
                }
                // the draw fails (no selection), is voided after executing, or stands
                int fate = r.nextInt(8);
                boolean executed = fate != 0;
                boolean voided = fate == 1;
                Map<Stratum, Long> selected = new EnumMap<>(Stratum.class);
                if (executed) {
                    for (SelectedTarget t : Draw1.select(plan.snapshot(), Seed.of("Q" + seed + "-" + step)).ordered()) {
                        selected.merge(t.stratum(), 1L, Long::sum);
                        if (!voided) {
                            assertTrue(drawnThisQuarter.add(t.uscc()), at + ": " + t.uscc() + " drawn twice in the quarter");
                            w.selectedThisQuarter(t.uscc());
                            if (step > 0) {
                                selectionsAfterTheFirst++;
                            }
                        }
                    }
                }
                history.add(new QuarterQuotas.QuarterDraw("D" + step, isUndirected, executed, voided, "division " + step,
                        r.nextBoolean(), selected));
                Map<Stratum, Long> doneAfter = QuarterQuotas.done(history);
                for (Stratum c : CLASSES) {
                    long before = doneBefore.getOrDefault(c, 0L);
                    long after = doneAfter.getOrDefault(c, 0L);
                    long counted = isUndirected && executed && !voided ? selected.getOrDefault(c, 0L) : 0;
                    assertEquals(before + counted, after, at + ": " + c + " accumulates only executed, unvoided undirected draws");
                    if (requirement != null) {
                        assertTrue(after <= Math.max(before, requirement.get(c)), at + ": " + c + " selected past the requirement");
                    }
                }
            }
        }
        // the generator reaches the cases the properties are about
        assertTrue(undirectedDraws > 1000 && laterDrawsWithAQuotaLeft > 100 && selectionsAfterTheFirst > 1000,
                undirectedDraws + " undirected, " + laterDrawsWithAQuotaLeft + " later with a quota left, "
                        + selectionsAfterTheFirst + " selections after the first draw");
    }

    @Test
    void theRemainingQuotaIsNeverBelowZero() {
        assertEquals(4, QuarterQuotas.remaining(4, 0));
        assertEquals(1, QuarterQuotas.remaining(4, 3));
        assertEquals(0, QuarterQuotas.remaining(4, 4));
        assertEquals(0, QuarterQuotas.remaining(4, 9));
        assertEquals(0, QuarterQuotas.remaining(0, 0));
    }
}
