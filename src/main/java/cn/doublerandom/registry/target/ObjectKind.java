package cn.doublerandom.registry.target;

import cn.doublerandom.registry.Labelled;

import java.util.Collection;
import java.util.List;

/**
 * 检查对象: the kinds of object an item of the item list inspects, from the 检查对象 column of the
 * Shijiazhuang list (seed 001). An item names the kinds it inspects; a target carries the kinds that
 * apply to it, and an item applies to a target when they share a kind. Every permit holder is an
 * 排污单位, whatever else the bureau records.
 */
public enum ObjectKind implements Labelled {
    POLLUTANT_DISCHARGER("排污单位"),
    HCFC_PRODUCER("HCFCs生产企业"),
    HCFC_USER("HCFCs使用企业"),
    ODS_SELLER("销售消耗臭氧层物质企业和单位"),
    ODS_SERVICER("消耗臭氧层物质设备维修、报废处理及回收、再生利用、销毁单位"),
    CTC_BYPRODUCER("副产四氯化碳（CTC）的甲烷氯化物企业"),
    ODS_FEEDSTOCK_USER("使用消耗臭氧层物质作为化工原料用途的企业"),
    MONITORING_AGENCY("社会生态环境监测机构"),
    VEHICLE_SELLER("机动车销售企业"),
    CONSTRUCTION_PROJECT("建设项目"),
    NEW_CHEMICAL_ENTERPRISE("研究、生产、进口和加工使用新化学物质的企业"),
    NUCLEAR_TECHNOLOGY_USER("核技术利用单位"),
    GHG_KEY_EMITTER("温室气体重点排放单位");

    private final String label;

    ObjectKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The kinds a target carries, normalised: distinct, in code order, with 排污单位 added to a permit
     * holder (the permit itself says it discharges), so that no caller can forget it.
     */
    public static List<ObjectKind> ofTarget(Collection<ObjectKind> recorded, PermitClass permit) {
        java.util.EnumSet<ObjectKind> kinds = java.util.EnumSet.noneOf(ObjectKind.class);
        if (recorded != null) {
            recorded.stream().filter(java.util.Objects::nonNull).forEach(kinds::add);
        }
        if (permit != null) {
            kinds.add(POLLUTANT_DISCHARGER);
        }
        return List.copyOf(kinds);
    }

    /**
     * Whether an item inspecting {@code itemKinds} applies to a target of {@code targetKinds}: they share a
     * kind, or the item names none (lists kept before kinds existed apply to every target, as they did).
     */
    public static boolean applies(Collection<ObjectKind> itemKinds, Collection<ObjectKind> targetKinds) {
        return applies(mask(itemKinds), mask(targetKinds));
    }

    /** {@link #applies(Collection, Collection)} on {@link #mask}s: the one form of the rule. */
    public static boolean applies(int itemKinds, int targetKinds) {
        return itemKinds == 0 || (itemKinds & targetKinds) != 0;
    }

    /**
     * Kinds as bits (bit i: the kind of ordinal i), so that a pool of a million targets keeps each one's kinds
     * in a number, not a list. Kept in memory only, never stored: ordinals are not codes.
     */
    public static int mask(Collection<ObjectKind> kinds) {
        int m = 0;
        if (kinds != null) {
            for (ObjectKind k : kinds) {
                m |= 1 << k.ordinal();
            }
        }
        return m;
    }

    /** The kinds of a {@link #mask}, in code order. */
    public static List<ObjectKind> ofMask(int mask) {
        List<ObjectKind> out = new java.util.ArrayList<>(Integer.bitCount(mask));
        for (ObjectKind k : values()) {
            if ((mask & (1 << k.ordinal())) != 0) {
                out.add(k);
            }
        }
        return out;
    }

    /** The code as DRAW-1's snapshot writes it ({@code [0-9A-Z-]}): POLLUTANT_DISCHARGER is POLLUTANT-DISCHARGER. */
    public String snapshotCode() {
        return name().replace('_', '-');
    }
}
