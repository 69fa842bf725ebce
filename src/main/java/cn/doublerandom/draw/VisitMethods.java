package cn.doublerandom.draw;

import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.PackedIds;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How each selected target's one visit is made (进一次门、办多项事), by {@link VisitPlan}: the visit covers
 * the draw's items that apply to the target (they share an object kind), and it is by technology
 * (科技检查, non-site) when the target qualifies ({@link NonSiteRule}) and each of those items allows it,
 * otherwise on site, unannounced (四不两直). Items that name no object kind (lists kept before kinds
 * existed) apply to every target, as they did.
 */
@ApplicationScoped
class VisitMethods {

    @Inject
    ItemService items;

    @Inject
    TargetStore targets;

    /**
     * The selection as written: each target in ticket order with its team and visit method. Which
     * targets may be checked off site was found at prepare while the pool is still held here
     * ({@code heldNonSite}); otherwise the selected rows are read and the same rule applied.
     */
    List<DrawEvent.Selected> selection(List<Long> itemIds, PolicyData policy, LocalDate drawDate, DrawOutcome.Success success,
                                       Optional<PackedIds> heldNonSite) {
        List<ItemData> drawItems = itemIds.stream().map(items::get).map(Stored::data).toList();
        boolean byKind = drawItems.stream().anyMatch(i -> !i.objectKinds().isEmpty());
        List<SelectedTarget> drawnInOrder = success.targets();
        Map<String, TargetData> rows = byKind ? targets.current(drawnInOrder.stream().map(SelectedTarget::uscc).toList()) : Map.of();
        PackedIds nonSite = heldNonSite.orElseGet(() -> {
            PackedIds.Appender out = PackedIds.appender();
            targets.current(drawnInOrder.stream().map(SelectedTarget::uscc).toList()).forEach((uscc, t) -> {
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
            TargetData row = rows.get(t.uscc());
            List<ItemData> visit = VisitPlan.applicable(drawItems, row == null ? List.of() : row.objectKinds());
            // no lead register yet: an open lead reaches the method once one records them
            String method = VisitPlan.visit(VisitPlan.methods(visit, nonSite.contains(t.uscc()), false, Map.of())).name();
            out.add(new DrawEvent.Selected(i + 1, t.uscc(), t.stratum().name(), t.rank(), t.ticket(), team.members(),
                    team.relaxed(), method));
        }
        return out;
    }
}
