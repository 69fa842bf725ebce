package cn.doublerandom.draw;

import cn.doublerandom.item.InspectionMethod;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.registry.target.ObjectKind;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a selected target is inspected, as the plan says (seed 001 二（五）): one visit per target
 * (进一次门、查多项事) covering exactly the draw's items that apply to it, each item by a method.
 * Pure: the facts about the target come in, nothing is read.
 *
 * <ul>
 *   <li>An open lead (投诉举报, 领导交办, 上级部门转办交办, 其他部门移送, 突发环境事件, 核安全检查, 数据分析或
 *       监测发现问题线索) concerns the target: every item on site, unannounced (四不两直).</li>
 *   <li>Otherwise, non-site facilities incomplete: every item on site, unannounced.</li>
 *   <li>Otherwise (on the positive list or facilities complete, {@link NonSiteRule}), an item the bureau approved
 *       another method for (书面检查 where the item allows it; a qualified third party for any item): that method.</li>
 *   <li>Otherwise technology (科技检查) for every item that allows it, on site for the others.</li>
 * </ul>
 * The plan (seed 001 二（五）) makes the unannounced visit a must for a target with a lead and lets the bureau approve
 * another method "根据实际情况" beside it; DOMAIN makes incomplete facilities a ground for the unannounced visit too.
 * So an approval chooses among the ways a target may be checked without a visit of that kind, and never overrides one.
 */
public final class VisitPlan {

    private VisitPlan() {
    }

    /** Why an item got its method. */
    public enum Ground {
        /** 有问题线索: an open lead concerns the target. */
        OPEN_LEAD("有问题线索"),
        /** 正面清单或非现场监管设施完备, and the item allows technology. */
        NON_SITE_QUALIFIED("正面清单或非现场监管设施完备"),
        /** 正面清单或非现场监管设施完备, but the item does not allow technology. */
        ITEM_NEEDS_SITE("该事项不适用科技检查"),
        /** 非现场监管设施不完备. */
        FACILITIES_INCOMPLETE("非现场监管设施不完备"),
        /** 经批准的其他检查方式. */
        APPROVED("经批准的其他检查方式");

        private final String label;

        Ground(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One item of the visit with its method; {@code unannounced} is 四不两直 (on site only). */
    public record ItemMethod(long itemId, InspectionMethod method, boolean unannounced, Ground ground) {
    }

    /** The visit as stored with the selection: {@code <item>:<method>:<ground>}, comma-separated, in the draw's item order. */
    public static String encode(List<ItemMethod> visit) {
        StringBuilder out = new StringBuilder(visit.size() * 32);
        for (ItemMethod m : visit) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(m.itemId()).append(':').append(m.method().name()).append(':').append(m.ground().name());
        }
        return out.toString();
    }

    /** The stored visit read back; null stays null (a selection written before visits were planned per item). */
    public static List<ItemMethod> decode(String stored) {
        if (stored == null) {
            return null;
        }
        List<ItemMethod> out = new ArrayList<>();
        if (stored.isEmpty()) {
            return out;
        }
        for (String part : stored.split(",")) {
            String[] f = part.split(":");
            InspectionMethod method = InspectionMethod.valueOf(f[1]);
            out.add(new ItemMethod(Long.parseLong(f[0]), method, method == InspectionMethod.ON_SITE, Ground.valueOf(f[2])));
        }
        return out;
    }

    /** The items of a draw that apply to a target of these kinds ({@link ObjectKind#applies}), in the draw's order. */
    public static List<ItemData> applicable(List<ItemData> drawItems, Collection<ObjectKind> targetKinds) {
        List<ItemData> out = new ArrayList<>(drawItems.size());
        for (ItemData i : drawItems) {
            if (ObjectKind.applies(i.objectKinds(), targetKinds)) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * The method of each applicable item of a target's visit.
     *
     * @param items          the draw's items that apply to the target
     * @param nonSiteQualified on the positive list on the draw date, or its monitoring covers what the policy names
     * @param openLead       an open lead concerns the target
     * @param approved       methods the bureau approved, by item id (书面检查, a qualified third party)
     */
    public static List<ItemMethod> methods(List<ItemData> items, boolean nonSiteQualified, boolean openLead,
                                           Map<Long, InspectionMethod> approved) {
        List<ItemMethod> out = new ArrayList<>(items.size());
        for (ItemData i : items) {
            out.add(method(i, nonSiteQualified, openLead, approved.get(i.id())));
        }
        return out;
    }

    private static ItemMethod method(ItemData item, boolean nonSiteQualified, boolean openLead, InspectionMethod approved) {
        if (openLead) {
            return new ItemMethod(item.id(), InspectionMethod.ON_SITE, true, Ground.OPEN_LEAD);
        }
        if (!nonSiteQualified) {
            return new ItemMethod(item.id(), InspectionMethod.ON_SITE, true, Ground.FACILITIES_INCOMPLETE);
        }
        if (approved == InspectionMethod.THIRD_PARTY
                || approved == InspectionMethod.DOCUMENTARY && item.methods().contains(InspectionMethod.DOCUMENTARY)) {
            return new ItemMethod(item.id(), approved, false, Ground.APPROVED);
        }
        return item.methods().contains(InspectionMethod.TECHNOLOGY)
                ? new ItemMethod(item.id(), InspectionMethod.TECHNOLOGY, false, Ground.NON_SITE_QUALIFIED)
                : new ItemMethod(item.id(), InspectionMethod.ON_SITE, true, Ground.ITEM_NEEDS_SITE);
    }

    /**
     * The visit's method: on site when any item is inspected on site (the door is entered once for all of
     * them), else the one method of its items; mixed, a third party's visit (someone still goes), else technology.
     */
    public static InspectionMethod visit(List<ItemMethod> methods) {
        if (methods.isEmpty() || methods.stream().anyMatch(m -> m.method() == InspectionMethod.ON_SITE)) {
            return InspectionMethod.ON_SITE;
        }
        Set<InspectionMethod> distinct = java.util.EnumSet.noneOf(InspectionMethod.class);
        methods.forEach(m -> distinct.add(m.method()));
        if (distinct.size() == 1) {
            return distinct.iterator().next();
        }
        return distinct.contains(InspectionMethod.THIRD_PARTY) ? InspectionMethod.THIRD_PARTY : InspectionMethod.TECHNOLOGY;
    }
}
