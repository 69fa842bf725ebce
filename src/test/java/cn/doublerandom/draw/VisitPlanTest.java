package cn.doublerandom.draw;

import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.item.InspectingLevel;
import cn.doublerandom.item.InspectionMethod;
import cn.doublerandom.item.ItemCategory;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.PermitClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static cn.doublerandom.item.InspectionMethod.DOCUMENTARY;
import static cn.doublerandom.item.InspectionMethod.ON_SITE;
import static cn.doublerandom.item.InspectionMethod.TECHNOLOGY;
import static cn.doublerandom.item.InspectionMethod.THIRD_PARTY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan's method (seed 001 二（五）) over random items and targets, and the seed's own items as examples. */
class VisitPlanTest {

    static ItemData item(long id, List<ObjectKind> kinds, InspectionMethod... methods) {
        return new ItemData(id, "130100", Long.toString(id), "事项" + id, null, ItemCategory.GENERAL, "对象", InspectingLevel.COUNTY_AND_ABOVE,
                "依据", "内容", List.of(methods), true, null, "科室" + id % 3, List.of(), true, kinds, null);
    }

    /** Item 1 of the Shijiazhuang list (pollution sources: technology or on site) and item 4 (vehicle sellers: on site). */
    private static final ItemData POLLUTION = item(1, List.of(ObjectKind.POLLUTANT_DISCHARGER), TECHNOLOGY, ON_SITE);
    private static final ItemData VEHICLES = item(4, List.of(ObjectKind.VEHICLE_SELLER), ON_SITE);
    private static final ItemData HCFC = item(2, List.of(ObjectKind.HCFC_PRODUCER, ObjectKind.HCFC_USER), ON_SITE, DOCUMENTARY);

    @Test
    void aPositiveListDischargerThatSellsVehiclesIsCheckedByTechnologyForPollutionAndOnSiteForVehicles() {
        List<ObjectKind> kinds = ObjectKind.ofTarget(List.of(ObjectKind.VEHICLE_SELLER), PermitClass.REGISTRATION);
        List<ItemData> visit = VisitPlan.applicable(List.of(POLLUTION, HCFC, VEHICLES), kinds);
        assertEquals(List.of(1L, 4L), visit.stream().map(ItemData::id).toList(), "HCFC item does not apply: no HCFC kind");
        List<VisitPlan.ItemMethod> m = VisitPlan.methods(visit, true, false, Map.of());
        assertEquals(new VisitPlan.ItemMethod(1, TECHNOLOGY, false, VisitPlan.Ground.NON_SITE_QUALIFIED), m.get(0));
        assertEquals(new VisitPlan.ItemMethod(4, ON_SITE, true, VisitPlan.Ground.ITEM_NEEDS_SITE), m.get(1));
        assertEquals(ON_SITE, VisitPlan.visit(m));
        // the same target with only the pollution item is a non-site check
        assertEquals(TECHNOLOGY, VisitPlan.visit(VisitPlan.methods(List.of(POLLUTION), true, false, Map.of())));
    }

    @Test
    void anOpenLeadSendsTheTeamOnSiteUnannouncedWhateverTheListOrAnApprovalSays() {
        List<VisitPlan.ItemMethod> m = VisitPlan.methods(List.of(POLLUTION, HCFC), true, true, Map.of(2L, DOCUMENTARY));
        assertTrue(m.stream().allMatch(x -> x.method() == ON_SITE && x.unannounced() && x.ground() == VisitPlan.Ground.OPEN_LEAD));
    }

    @Test
    void incompleteFacilitiesMeanOnSiteUnannouncedWhateverAnApprovalSays() {
        List<VisitPlan.ItemMethod> m = VisitPlan.methods(List.of(POLLUTION, HCFC, VEHICLES), false, false,
                Map.of(2L, DOCUMENTARY, 4L, THIRD_PARTY));
        assertEquals(List.of(new VisitPlan.ItemMethod(1, ON_SITE, true, VisitPlan.Ground.FACILITIES_INCOMPLETE),
                new VisitPlan.ItemMethod(2, ON_SITE, true, VisitPlan.Ground.FACILITIES_INCOMPLETE),
                new VisitPlan.ItemMethod(4, ON_SITE, true, VisitPlan.Ground.FACILITIES_INCOMPLETE)), m);
    }

    @Test
    void anApprovalGivesAQualifiedTargetADocumentaryCheckWhereTheItemAllowsOneAndAThirdPartyForAnyItem() {
        List<VisitPlan.ItemMethod> m = VisitPlan.methods(List.of(POLLUTION, HCFC, VEHICLES), true, false,
                Map.of(2L, DOCUMENTARY, 4L, DOCUMENTARY));
        assertEquals(new VisitPlan.ItemMethod(1, TECHNOLOGY, false, VisitPlan.Ground.NON_SITE_QUALIFIED), m.get(0));
        assertEquals(new VisitPlan.ItemMethod(2, DOCUMENTARY, false, VisitPlan.Ground.APPROVED), m.get(1));
        assertEquals(new VisitPlan.ItemMethod(4, ON_SITE, true, VisitPlan.Ground.ITEM_NEEDS_SITE), m.get(2),
                "item 4 allows no documentary check: the approval cannot give it one");
        assertEquals(ON_SITE, VisitPlan.visit(m));
        List<VisitPlan.ItemMethod> third = VisitPlan.methods(List.of(POLLUTION, VEHICLES), true, false,
                Map.of(1L, THIRD_PARTY, 4L, THIRD_PARTY));
        assertEquals(List.of(new VisitPlan.ItemMethod(1, THIRD_PARTY, false, VisitPlan.Ground.APPROVED),
                new VisitPlan.ItemMethod(4, THIRD_PARTY, false, VisitPlan.Ground.APPROVED)), third);
        assertEquals(THIRD_PARTY, VisitPlan.visit(third));
        assertEquals(DOCUMENTARY, VisitPlan.visit(VisitPlan.methods(List.of(HCFC), true, false, Map.of(2L, DOCUMENTARY))));
        // technology beside a third party: someone still goes, so the visit is the third party's
        assertEquals(THIRD_PARTY, VisitPlan.visit(VisitPlan.methods(List.of(POLLUTION, HCFC), true, false, Map.of(2L, THIRD_PARTY))));
        // an approval of a plan's own method is no approval
        assertEquals(VisitPlan.Ground.NON_SITE_QUALIFIED,
                VisitPlan.methods(List.of(POLLUTION), true, false, Map.of(1L, ON_SITE)).get(0).ground());
    }

    @Test
    void everyPermitHolderIsAPollutantDischarger() {
        assertEquals(List.of(ObjectKind.POLLUTANT_DISCHARGER), ObjectKind.ofTarget(List.of(), PermitClass.KEY));
        assertEquals(List.of(), ObjectKind.ofTarget(null, null));
        assertEquals(List.of(ObjectKind.POLLUTANT_DISCHARGER, ObjectKind.VEHICLE_SELLER),
                ObjectKind.ofTarget(java.util.Arrays.asList(ObjectKind.VEHICLE_SELLER, null, ObjectKind.VEHICLE_SELLER), PermitClass.SIMPLIFIED));
    }

    @Test
    void overRandomItemsAndTargetsTheVisitHoldsExactlyTheApplicableItemsEachByThePlansMethod() {
        Random r = new Random(16_2026_12_06L);
        ObjectKind[] all = ObjectKind.values();
        InspectionMethod[] methods = InspectionMethod.values();
        for (int round = 0; round < 5_000; round++) {
            List<ItemData> drawItems = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
                List<ObjectKind> kinds = new ArrayList<>();
                for (int k = 0, m = r.nextInt(3); k < m; k++) {
                    kinds.add(all[r.nextInt(all.length)]);
                }
                EnumSet<InspectionMethod> allowed = EnumSet.of(methods[r.nextInt(methods.length)]);
                if (r.nextBoolean()) {
                    allowed.add(methods[r.nextInt(methods.length)]);
                }
                drawItems.add(item(i + 1, kinds, allowed.toArray(InspectionMethod[]::new)));
            }
            Set<ObjectKind> targetKinds = EnumSet.noneOf(ObjectKind.class);
            for (int k = 0, m = r.nextInt(3); k < m; k++) {
                targetKinds.add(all[r.nextInt(all.length)]);
            }
            List<ObjectKind> kinds = ObjectKind.ofTarget(targetKinds, r.nextBoolean() ? PermitClass.KEY : null);
            List<ItemData> visit = VisitPlan.applicable(drawItems, kinds);
            for (ItemData i : drawItems) {
                // an item naming no kind (a list kept before kinds) applies to every target
                boolean shares = i.objectKinds().isEmpty() || i.objectKinds().stream().anyMatch(kinds::contains);
                assertEquals(shares, visit.contains(i), "round " + round + ": item " + i.id() + " with " + i.objectKinds()
                        + " against a target of " + kinds);
            }
            boolean qualified = r.nextBoolean();
            boolean lead = r.nextInt(4) == 0;
            Map<Long, InspectionMethod> approved = new HashMap<>();
            if (r.nextInt(3) == 0 && !drawItems.isEmpty()) {
                approved.put(1L + r.nextInt(drawItems.size()), methods[r.nextInt(methods.length)]);
            }
            List<VisitPlan.ItemMethod> m = VisitPlan.methods(visit, qualified, lead, approved);
            assertEquals(visit.size(), m.size());
            for (int i = 0; i < m.size(); i++) {
                ItemData item = visit.get(i);
                VisitPlan.ItemMethod x = m.get(i);
                assertEquals(item.id(), x.itemId());
                if (lead) {
                    assertEquals(ON_SITE, x.method(), "a lead is always on site");
                    assertTrue(x.unannounced());
                } else if (!qualified) {
                    assertEquals(ON_SITE, x.method(), "incomplete facilities: on site");
                    assertTrue(x.unannounced());
                } else if (x.ground() == VisitPlan.Ground.APPROVED) {
                    assertEquals(approved.get(item.id()), x.method());
                    assertTrue(x.method() == THIRD_PARTY || x.method() == DOCUMENTARY && item.methods().contains(DOCUMENTARY),
                            "an approval picks a third party, or a documentary check the item allows");
                } else {
                    InspectionMethod a = approved.get(item.id());
                    assertFalse(a == THIRD_PARTY || a == DOCUMENTARY && item.methods().contains(DOCUMENTARY), "an approval unheeded");
                    assertEquals(item.methods().contains(TECHNOLOGY) ? TECHNOLOGY : ON_SITE, x.method());
                }
                if (x.method() == TECHNOLOGY) {
                    assertTrue(qualified && !lead && item.methods().contains(TECHNOLOGY), "technology only where the plan allows it");
                }
                assertEquals(x.method() == ON_SITE, x.unannounced(), "四不两直 belongs to on-site checks");
            }
            assertEquals(m.isEmpty() || m.stream().anyMatch(x -> x.method() == ON_SITE), VisitPlan.visit(m) == ON_SITE);
            assertFalse(m.stream().anyMatch(x -> x.method() == TECHNOLOGY) && lead);
        }
    }

    /**
     * The visit as execute plans it, from the snapshot's E and K lines (as written and parsed back), over random
     * items and targets: never an item that does not apply to the target, and every item of the draw that does.
     */
    @Test
    void overRandomSnapshotsTheVisitFromTheEAndKLinesIsExactlyTheApplicableItems() {
        Random r = new Random(16_2026_12_07L);
        ObjectKind[] all = ObjectKind.values();
        int visits = 0;
        for (int round = 0; round < 2_000; round++) {
            List<ItemData> drawItems = new ArrayList<>();
            PoolSnapshot.Builder b = PoolSnapshot.builder().inspector("I1").inspector("I2").teamSize(2)
                    .quota(cn.doublerandom.draw.engine.Stratum.GENERAL, 1);
            // ids of one to three digits, so that "10" sorts before "9" in the E lines' byte order
            List<Long> ids = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
                long id;
                do {
                    id = 1 + r.nextInt(r.nextBoolean() ? 9 : 300);
                } while (ids.contains(id));
                ids.add(id);
            }
            ids.sort(null);
            for (long id : ids) {
                Set<ObjectKind> kinds = EnumSet.noneOf(ObjectKind.class);
                for (int k = 0, m = 1 + r.nextInt(3); k < m; k++) {
                    kinds.add(all[r.nextInt(all.length)]);
                }
                ItemData item = item(id, List.copyOf(kinds), ON_SITE, TECHNOLOGY);
                drawItems.add(item);
                kinds.forEach(k -> b.itemKind(Long.toString(id), k.snapshotCode()));
            }
            Map<String, List<ObjectKind>> targetKinds = new HashMap<>();
            Map<ObjectKind, cn.doublerandom.draw.engine.PackedIds.Appender> ofKind = new java.util.EnumMap<>(ObjectKind.class);
            for (int t = 0, n = 1 + r.nextInt(8); t < n; t++) {
                String uscc = "U" + round + "-" + t;
                Set<ObjectKind> kinds = EnumSet.noneOf(ObjectKind.class);
                for (int k = 0, m = r.nextInt(4); k < m; k++) {
                    kinds.add(all[r.nextInt(all.length)]);
                }
                targetKinds.put(uscc, List.copyOf(kinds));
                b.target(cn.doublerandom.draw.engine.Stratum.GENERAL, uscc);
                kinds.forEach(k -> ofKind.computeIfAbsent(k, x -> cn.doublerandom.draw.engine.PackedIds.appender()).add(uscc));
            }
            ofKind.forEach((k, usccs) -> b.targetsOfKind(k.snapshotCode(), usccs));
            PoolSnapshot snapshot = PoolSnapshot.parse(b.build().canonicalText());
            for (Map.Entry<String, List<ObjectKind>> t : targetKinds.entrySet()) {
                List<ItemData> visit = VisitMethods.ofSnapshot(drawItems, snapshot.itemsFor(t.getKey()));
                assertEquals(VisitPlan.applicable(drawItems, t.getValue()), visit, "round " + round + " " + t.getKey());
                for (ItemData i : drawItems) {
                    boolean applies = i.objectKinds().stream().anyMatch(t.getValue()::contains);
                    assertEquals(applies, visit.contains(i), "round " + round + ": item " + i.id() + " of " + i.objectKinds()
                            + " and a target of " + t.getValue());
                }
                visits += visit.isEmpty() ? 0 : 1;
                // as stored with the selection and read back for the view and the result
                List<VisitPlan.ItemMethod> methods = VisitPlan.methods(visit, r.nextBoolean(), r.nextInt(5) == 0, Map.of());
                assertEquals(methods, VisitPlan.decode(VisitPlan.encode(methods)));
            }
        }
        assertTrue(visits > 1_000, "too few targets with an item: " + visits);
    }
}
