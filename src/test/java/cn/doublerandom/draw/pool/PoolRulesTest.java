package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One example per rule of {@link PoolRules} and {@link Staff}. */
class PoolRulesTest {

    private static final LocalDate OCT_9 = LocalDate.of(2026, 10, 9);
    private static final OperatingStatus PRODUCING = OperatingStatus.PRODUCING;

    private static TargetNote selected(int times, boolean thisQuarter) {
        TargetNote n = new TargetNote();
        for (int i = 0; i < times; i++) {
            n.selected(thisQuarter && i == 0);
        }
        return n;
    }

    @Test
    void eachReasonInItsOrder() {
        OperatingStatus halted = java.util.Arrays.stream(OperatingStatus.values()).filter(s -> s != PRODUCING).findFirst().orElseThrow();
        assertEquals(Verdict.NOT_PRODUCING, PoolRules.verdict(halted, true, selected(1, true), 4, true, false), "not producing comes first");
        assertEquals(Verdict.NOT_PRODUCING, PoolRules.verdict(halted, false, null, 4, false, true));
        assertEquals(Verdict.NO_ITEM_APPLIES, PoolRules.verdict(PRODUCING, false, selected(4, true), 4, true, false),
                "no item applies comes before what earlier draws decide");
        assertEquals(Verdict.SELECTED_THIS_QUARTER, PoolRules.verdict(PRODUCING, true, selected(4, true), 4, true, false));
        assertEquals(Verdict.AT_YEARLY_CAP, PoolRules.verdict(PRODUCING, true, selected(4, false), 4, true, false));
        assertEquals(Verdict.IN_POOL, PoolRules.verdict(PRODUCING, true, selected(3, false), 4, false, false), "below the cap");
        assertEquals(Verdict.OUTSIDE_FILTER, PoolRules.verdict(PRODUCING, true, null, 4, true, false));
        assertEquals(Verdict.IN_POOL, PoolRules.verdict(PRODUCING, true, null, 4, false, false), "an undirected draw has no filter");
        assertEquals(Verdict.IN_POOL, PoolRules.verdict(PRODUCING, true, selected(0, false), 0, false, true),
                "a target never selected is never at the cap, even a cap of 0");
        assertEquals(Verdict.AT_YEARLY_CAP, PoolRules.verdict(PRODUCING, true, selected(1, false), 0, false, true));
    }

    @Test
    void aPooledTargetIsInItsClasssStratumOrTheDirectedOne() {
        for (SupervisionClass c : SupervisionClass.values()) {
            assertEquals(Stratum.valueOf(c.name()), PoolRules.stratumOf(c, false));
            assertEquals(Stratum.DIRECTED, PoolRules.stratumOf(c, true));
        }
    }

    private static InspectorData inspector(String code, String region, LocalDate expiry, InspectorStatus status, boolean certified,
                                           boolean auxiliary, List<String> specialties, String recusedFrom) {
        return new InspectorData(code, region, "执法员", "冀环执字1", expiry, status, certified, auxiliary, null, specialties,
                recusedFrom == null ? List.of() : List.of(new Conflict(recusedFrom, "亲属任职")));
    }

    @Test
    void staffAreTheBureausOwnCertifiedAndAtWork() {
        String u = "91130102MA00000001";
        Staff staff = Staff.of("130102", List.of(
                inspector("A-1", "130102", OCT_9, InspectorStatus.ACTIVE, true, false, List.of("water"), u),
                inspector("A-2", "130102", OCT_9.minusDays(1), InspectorStatus.ACTIVE, true, false, List.of(), null),
                inspector("A-3", "130102", OCT_9, InspectorStatus.ON_LEAVE, true, false, List.of("water"), u),
                inspector("A-4", "130100", OCT_9, InspectorStatus.ACTIVE, true, false, List.of(), u),
                inspector("A-5", "130102", null, InspectorStatus.ACTIVE, false, true, List.of("water", "air"), u),
                inspector("A-6", "130102", null, InspectorStatus.ACTIVE, false, false, List.of("water"), u)),
                OCT_9, java.util.Arrays.asList("water", null, "water"));
        assertEquals(List.of("A-1"), staff.certified(), "expired (A-2), on leave (A-3), another bureau's (A-4) are not");
        assertEquals(List.of(new Staff.Specialist("A-1", "water"), new Staff.Specialist("A-5", "water")), staff.specialists(),
                "an active auxiliary expert may join for a needed specialty; an uncertified non-auxiliary may not");
        assertEquals(List.of("water"), staff.needed());
        assertEquals(Map.of(u, List.of("A-1", "A-5")), staff.recusedBy(), "only the draw's members' recusals count");
        assertEquals(1, staff.officers());
        assertEquals(2, staff.specialistCount());
    }

    @Test
    void quotasAreThePolicysRatesRoundedUpAndTheGeneralRequirementSpread() {
        PolicyData policy = PolicyData.shijiazhuangDefaults("130102", 2026); // county key 25%, special 50%, general 1:10
        DrawScope scope = DrawScope.undirected("130102", RegionLevel.COUNTY, 2026, 2, LocalDate.of(2026, 5, 6));
        Staff staff = Staff.of("130102", List.of(
                inspector("A-1", "130102", OCT_9, InspectorStatus.ACTIVE, true, false, List.of(), null),
                inspector("A-2", "130102", OCT_9, InspectorStatus.ACTIVE, true, false, List.of(), null),
                inspector("A-3", "130102", OCT_9, InspectorStatus.ACTIVE, true, false, List.of(), null)),
                scope.drawDate(), List.of());
        PoolTally tally = new PoolTally(scope, policy);
        for (int i = 0; i < 13; i++) {
            // one key target of thirteen was drawn this quarter: out of the pool, still in N
            tally.consider(String.format("9113KEY%04d", i), PRODUCING, SupervisionClass.KEY, 0, false, true, i == 0 ? selected(1, true) : null);
        }
        tally.consider("9113SPECIAL1", PRODUCING, SupervisionClass.SPECIAL, 0, true, true, null);
        tally.consider("9113HALTED01", OperatingStatus.values()[1], null, 0, true, true, null);
        PoolPlan plan = PoolRules.plan(scope, policy, staff, List.of(tally), 5, Map.of());
        assertEquals(List.of(new StratumQuota(Stratum.KEY, 13, 4, 12), new StratumQuota(Stratum.SPECIAL, 1, 1, 1),
                // yearly 3 × 10 = 30, less 5 earlier, over the 3 quarters left: ceil(25 / 3) = 9
                new StratumQuota(Stratum.GENERAL, 0, 9, 0)), plan.strata());
        assertEquals(9, plan.strata().get(2).shortfall());
        assertEquals(new GeneralRequirement(3, 30, 5, 3), plan.general());
        assertEquals(1, plan.count(Verdict.SELECTED_THIS_QUARTER));
        assertEquals(1, plan.count(Verdict.NOT_PRODUCING));
        assertEquals(List.of("9113SPECIAL1"), List.copyOf(plan.nonSite()), "off site: pooled targets only");
        PoolSnapshot s = plan.snapshot();
        assertEquals(2, s.teamSize());
        assertEquals(13, s.targetCount());
    }

    @Test
    void aCityDrawUsesTheCitysRatesAndADirectedDrawItsCount() {
        PolicyData policy = PolicyData.shijiazhuangDefaults("130100", 2026); // city key 10%
        DrawScope city = DrawScope.undirected("130100", RegionLevel.CITY, 2026, 4, OCT_9);
        PoolTally tally = new PoolTally(city, policy);
        for (int i = 0; i < 11; i++) {
            tally.consider(String.format("9113KEY%04d", i), PRODUCING, SupervisionClass.KEY, 0, false, true, null);
        }
        assertEquals(2, PoolRules.plan(city, policy, Staff.of("130100", List.of(), OCT_9, List.of()), List.of(tally), 0, Map.of())
                .snapshot().quota(Stratum.KEY), "ceil(10% of 11)");
        DrawScope directed = new DrawScope("130100", RegionLevel.CITY, 2026, 4, OCT_9, true, 7);
        PoolTally d = new PoolTally(directed, policy);
        d.consider("9113KEY00001", PRODUCING, SupervisionClass.KEY, 0, false, true, null);
        d.consider("9113KEY00002", PRODUCING, SupervisionClass.KEY, 0, false, false, null);
        PoolPlan plan = PoolRules.plan(directed, policy, Staff.of("130100", List.of(), OCT_9, List.of()), List.of(d), 0, Map.of());
        assertEquals(List.of(new StratumQuota(Stratum.DIRECTED, 1, 7, 1)), plan.strata());
        assertEquals(null, plan.general());
        assertEquals(1, plan.count(Verdict.OUTSIDE_FILTER));
    }

    @Test
    void aScopeRefusesAQuarterOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> DrawScope.undirected("130102", RegionLevel.COUNTY, 2026, 5, OCT_9));
    }
}
