package cn.doublerandom.draw.pool;

import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStatus;
import cn.doublerandom.registry.target.MonitoringType;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A registry in memory for the pool's rules: targets as a source would read them (class, off-site and
 * filter already decided), what earlier draws say of each, inspectors, a policy and a scope; and a
 * {@link PoolSource} over it that reads the scope's subtree in any number of parts.
 */
final class PoolWorld {

    static final String[] REGIONS = {"130102", "130104", "130203", "140105"};
    static final String[] SPECIALTIES = {"water", "air", "soil", "noise"};

    /** One target as read, with what earlier draws decided. */
    record Target(String uscc, String region, OperatingStatus status, SupervisionClass cls, boolean nonSite,
                  boolean inFilter, int selectedThisYear, boolean selectedThisQuarter, List<String> lastTeam, int kinds) {
    }

    /** The object kinds the worlds' targets and items are of: a few, so that they meet often and miss often. */
    static final ObjectKind[] KINDS = {ObjectKind.POLLUTANT_DISCHARGER, ObjectKind.HCFC_USER, ObjectKind.VEHICLE_SELLER,
            ObjectKind.CONSTRUCTION_PROJECT};

    final List<Target> targets = new ArrayList<>();
    final List<InspectorData> inspectors = new ArrayList<>();
    final List<String> required = new ArrayList<>();
    PolicyData policy;
    DrawScope scope;
    String prefix;
    long generalSelectedEarlier;

    /** A random world: seeded, so a failing seed can be replayed. */
    static PoolWorld random(long seed) {
        Random r = new Random(seed);
        PoolWorld w = new PoolWorld();
        LocalDate drawDate = LocalDate.of(2026, 1 + r.nextInt(12), 1 + r.nextInt(28));
        int quarter = (drawDate.getMonthValue() - 1) / 3 + 1;
        RegionLevel level = RegionLevel.values()[r.nextInt(3)];
        String authority = switch (level) {
            case COUNTY -> "130102";
            case CITY -> "130100";
            case PROVINCE -> "130000";
        };
        w.prefix = switch (level) {
            case COUNTY -> "130102";
            case CITY -> "1301";
            case PROVINCE -> "13";
        };
        boolean directed = r.nextInt(5) == 0;
        // kinds from a stream of their own, so that the rest of a world is what it was before kinds
        Random kr = new Random(seed * 7919 + 1);
        List<DrawScope.Item> items = new ArrayList<>();
        int nItems = kr.nextInt(3) == 0 ? 0 : 1 + kr.nextInt(3);
        for (int i = 0; i < nItems; i++) {
            // now and then an item of a list kept before kinds: it names none and applies to every target
            items.add(new DrawScope.Item(1 + kr.nextInt(60), kr.nextInt(8) == 0 ? 0 : kinds(kr)));
        }
        w.scope = new DrawScope(authority, level, 2026, quarter, drawDate, directed, directed ? r.nextInt(12) : 0,
                items.stream().collect(java.util.stream.Collectors.toMap(DrawScope.Item::id, x -> x, (a, b) -> a,
                        java.util.LinkedHashMap::new)).values().stream().toList());
        w.policy = new PolicyData(authority, 2026, rate(r), rate(r), BigDecimal.valueOf(r.nextInt(21)), rate(r), rate(r),
                BigDecimal.valueOf(r.nextInt(11)), 2 + r.nextInt(3), r.nextInt(6), List.of(MonitoringType.ONLINE), null, null, null);
        w.generalSelectedEarlier = r.nextInt(40);
        int nInspectors = r.nextInt(14);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < nInspectors; i++) {
            codes.add(String.format("I%s-%02d", r.nextInt(4) == 0 ? "OTHER" : "OWN", i));
        }
        int nTargets = r.nextInt(70);
        for (int i = 0; i < nTargets; i++) {
            OperatingStatus status = r.nextInt(4) == 0
                    ? OperatingStatus.values()[r.nextInt(OperatingStatus.values().length)] : OperatingStatus.PRODUCING;
            int year = r.nextInt(3) == 0 ? r.nextInt(6) : 0;
            List<String> lastTeam = new ArrayList<>();
            if (r.nextInt(4) == 0 && !codes.isEmpty()) {
                lastTeam.add(codes.get(r.nextInt(codes.size())));
                lastTeam.add(codes.get(r.nextInt(codes.size())));
            }
            w.targets.add(new Target(String.format("91%04dMA%08dX", seed % 10000, i), REGIONS[r.nextInt(REGIONS.length)],
                    status, status == OperatingStatus.PRODUCING ? SupervisionClass.values()[r.nextInt(3)] : null,
                    r.nextBoolean(), r.nextInt(3) > 0, year, year > 0 && r.nextInt(3) == 0, List.copyOf(lastTeam),
                    kr.nextInt(6) == 0 ? 0 : kinds(kr)));
        }
        for (int s = 0; s < SPECIALTIES.length; s++) {
            if (r.nextInt(3) == 0) {
                w.required.add(SPECIALTIES[s]);
            }
        }
        if (r.nextBoolean()) {
            w.required.add(null); // an item that needs no specialty
        }
        for (int i = 0; i < nInspectors; i++) {
            boolean own = codes.get(i).startsWith("IOWN");
            List<String> specialties = new ArrayList<>();
            for (String s : SPECIALTIES) {
                if (r.nextInt(4) == 0) {
                    specialties.add(s);
                }
            }
            List<Conflict> conflicts = new ArrayList<>();
            for (int k = r.nextInt(3); k > 0 && nTargets > 0; k--) {
                conflicts.add(new Conflict(w.targets.get(r.nextInt(nTargets)).uscc(), "亲属任职"));
            }
            LocalDate expiry = r.nextInt(6) == 0 ? null : drawDate.plusDays(r.nextInt(41) - 20);
            w.inspectors.add(new InspectorData(codes.get(i), own ? authority : "139999", "执法员" + i, "冀环执字" + i, expiry,
                    InspectorStatus.values()[r.nextInt(2) == 0 ? 0 : r.nextInt(InspectorStatus.values().length)],
                    r.nextInt(4) > 0, r.nextInt(4) == 0, null, specialties, conflicts));
        }
        return w;
    }

    /** One to three of {@link #KINDS}, as a mask. */
    private static int kinds(Random k) {
        int mask = 0;
        for (int n = 1 + k.nextInt(k.nextInt(4) == 0 ? 3 : 1); n > 0; n--) {
            mask |= ObjectKind.mask(List.of(KINDS[k.nextInt(KINDS.length)]));
        }
        return mask;
    }

    private static BigDecimal rate(Random r) {
        return BigDecimal.valueOf(r.nextInt(21) * 5L, 2); // 0.00 … 1.00
    }

    /** The scope's targets, dealt to the tallies in turn, each with its note (earlier draws and the staff's recusals). */
    PoolSource source(Staff staff, int parts) {
        Map<String, TargetNote> notes = new HashMap<>();
        for (Target t : targets) {
            if (t.selectedThisYear() > 0 || !t.lastTeam().isEmpty()) {
                TargetNote n = notes.computeIfAbsent(t.uscc(), x -> new TargetNote());
                for (int i = 0; i < t.selectedThisYear(); i++) {
                    n.selected(i == 0 && t.selectedThisQuarter());
                }
                if (!t.lastTeam().isEmpty()) {
                    n.lastTeam(t.lastTeam());
                }
            }
        }
        staff.recusedBy().forEach((uscc, codes) -> notes.computeIfAbsent(uscc, x -> new TargetNote()).recusedBy(codes));
        return new PoolSource() {
            @Override
            public int parts() {
                return parts;
            }

            @Override
            public void scan(List<PoolTally> tallies) {
                int i = 0;
                for (Target t : inScope()) {
                    tallies.get(i++ % tallies.size()).consider(t.uscc(), t.status(), t.cls(), t.kinds(), t.nonSite(),
                            t.inFilter(), notes.get(t.uscc()));
                }
            }
        };
    }

    List<Target> inScope() {
        return targets.stream().filter(t -> t.region().startsWith(prefix)).toList();
    }

    Staff staff() {
        return Staff.of(scope.authority(), inspectors, scope.drawDate(), required);
    }

    PoolPlan plan(int parts) {
        return plan(parts, Map.of());
    }

    /** The plan of a draw after the quarter's earlier draws selected {@code doneThisQuarter} ({@link QuarterQuotas#done}). */
    PoolPlan plan(int parts, Map<Stratum, Long> doneThisQuarter) {
        Staff staff = staff();
        return PoolRules.plan(scope, policy, staff, PoolRules.scan(scope, policy, source(staff, parts)), generalSelectedEarlier,
                doneThisQuarter);
    }

    /** Notes a selection of this quarter on the target (as an executed, unvoided draw leaves it). */
    void selectedThisQuarter(String uscc) {
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (t.uscc().equals(uscc)) {
                targets.set(i, new Target(t.uscc(), t.region(), t.status(), t.cls(), t.nonSite(), t.inFilter(),
                        t.selectedThisYear() + 1, true, t.lastTeam(), t.kinds()));
            }
        }
    }
}
