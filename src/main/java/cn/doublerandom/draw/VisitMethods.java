package cn.doublerandom.draw;

import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.SelectedTarget;
import cn.doublerandom.draw.engine.Team;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How each selected target's one visit is made (进一次门、办多项事), by {@link VisitPlan}: the visit covers
 * the draw's items that apply to the target, and each item is inspected by technology (科技检查, non-site)
 * when the target qualifies ({@link NonSiteRule}) and the item allows it, otherwise on site, unannounced
 * (四不两直). Both facts are taken as they were drawn: which items apply from the snapshot's E and K lines
 * ({@link PoolSnapshot#itemsFor}), who qualifies from the set found at prepare. So the plan is what the
 * registry said when the pool was frozen, whatever changed in it before execute, and the visit is stored
 * with the selection, so that no later change reaches it either.
 */
@ApplicationScoped
class VisitMethods {

    @Inject
    ItemService items;

    @Inject
    TargetStore targets;

    /**
     * The selection as written: each target in ticket order with its team, its visit's items and their methods.
     *
     * @param nonSite the pooled targets that qualified for a non-site check at prepare; empty only for a draw
     *                prepared before they were kept, whose selected rows are then read and the rule applied
     * @param openLeads the pooled targets with a lead open on the draw date, as found at prepare; empty for a draw
     *                  prepared before leads were kept, whose targets are then taken to have none
     * @param approvals the bureau's approvals of other methods valid on the draw date, as found at prepare; none for
     *                  a draw prepared before they were kept
     */
    List<DrawEvent.Selected> selection(List<Long> itemIds, PolicyData policy, LocalDate drawDate, PoolSnapshot snapshot,
                                       DrawOutcome.Success success, Optional<PackedIds> nonSite,
                                       Optional<PackedIds> openLeads, ApprovedMethods approvals) {
        List<ItemData> drawItems = itemIds.stream().map(items::get).map(Stored::data).toList();
        List<SelectedTarget> drawnInOrder = success.targets();
        List<String> usccs = drawnInOrder.stream().map(SelectedTarget::uscc).toList();
        boolean byKind = drawItems.stream().anyMatch(i -> !i.objectKinds().isEmpty());
        boolean kindsInSnapshot = !snapshot.itemKinds().isEmpty();
        // a draw mixing items with and without kinds has no E or K line (its pool is not filtered): only
        // then are the selected targets' kinds read from the registry
        Map<String, TargetData> rows = byKind && !kindsInSnapshot || nonSite.isEmpty() ? targets.current(usccs) : Map.of();
        PackedIds qualified = nonSite.orElseGet(() -> {
            PackedIds.Appender out = PackedIds.appender();
            rows.forEach((uscc, t) -> {
                if (NonSiteRule.applies(t, policy, drawDate)) {
                    out.add(uscc);
                }
            });
            return out.sortedUnique();
        });
        // teams come in the order of the targets they staff (DRAW-1 §3 walks the selection in ticket order)
        List<Team> teams = success.teams();
        List<DrawEvent.Selected> out = new ArrayList<>(drawnInOrder.size());
        for (int i = 0; i < drawnInOrder.size(); i++) {
            SelectedTarget t = drawnInOrder.get(i);
            Team team = teams.get(i);
            if (!team.uscc().equals(t.uscc())) {
                throw new IllegalStateException("team " + i + " staffs " + team.uscc() + ", not " + t.uscc());
            }
            List<ItemData> visit;
            if (kindsInSnapshot) {
                visit = ofSnapshot(drawItems, snapshot.itemsFor(t.uscc()));
            } else if (byKind) {
                TargetData row = rows.get(t.uscc());
                visit = VisitPlan.applicable(drawItems, row == null ? List.of() : row.objectKinds());
            } else {
                visit = drawItems;
            }
            boolean lead = openLeads.map(l -> l.contains(t.uscc())).orElse(false);
            List<VisitPlan.ItemMethod> methods = VisitPlan.methods(visit, qualified.contains(t.uscc()), lead,
                    approvals.forTarget(t.uscc(), visit.stream().map(ItemData::id).toList()));
            out.add(new DrawEvent.Selected(i + 1, t.uscc(), t.stratum().name(), t.rank(), t.ticket(), team.members(),
                    team.relaxed(), VisitPlan.visit(methods).name(), methods));
        }
        return out;
    }

    /** The draw's items, in its order, that the snapshot says apply to a target ({@code itemsFor}'s ids). */
    static List<ItemData> ofSnapshot(List<ItemData> drawItems, List<String> applying) {
        Set<String> ids = new HashSet<>(applying);
        return drawItems.stream().filter(i -> ids.contains(Long.toString(i.id()))).toList();
    }
}
