package cn.doublerandom.demo;

import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.TargetData;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo registry has, in every county, producing targets of the kinds the demo's items beyond item 1
 * inspect (HCFC users and producers for item 2, vehicle sellers for item 8, construction projects), so that
 * a demo draw over items 2 and 8 has a pool of them, and of them alone.
 */
class DemoKindsTest {

    @Test
    void everyCountyHasProducingTargetsOfTheOtherKinds() {
        Random random = new Random(20220401L); // as DemoData.load generates them
        for (String county : DemoData.COUNTIES) {
            Map<ObjectKind, Integer> producing = new EnumMap<>(ObjectKind.class);
            int all = 0;
            for (int i = 0; i < 200; i++) {
                TargetData t = DemoData.target(random, county, i);
                assertTrue(t.objectKinds().contains(ObjectKind.POLLUTANT_DISCHARGER), "every demo target holds a permit");
                if (t.operatingStatus() == OperatingStatus.PRODUCING) {
                    all++;
                    t.objectKinds().forEach(k -> producing.merge(k, 1, Integer::sum));
                }
            }
            int hcfc = producing.getOrDefault(ObjectKind.HCFC_USER, 0) + producing.getOrDefault(ObjectKind.HCFC_PRODUCER, 0);
            int sellers = producing.getOrDefault(ObjectKind.VEHICLE_SELLER, 0);
            int projects = producing.getOrDefault(ObjectKind.CONSTRUCTION_PROJECT, 0);
            assertTrue(hcfc >= 5 && sellers >= 4 && projects >= 4, county + ": " + producing);
            assertTrue(hcfc + sellers < all / 2, county + ": items 2 and 8 inspect a minority of the county's targets");
        }
    }
}
