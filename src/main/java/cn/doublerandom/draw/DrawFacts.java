package cn.doublerandom.draw;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.registry.FieldRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;

/**
 * What other capabilities may know of a draw, and the only way they learn it: its state (executed,
 * voided, …), its selection and each selected target's team in force after substitutions. A query
 * that needs a draw's state among its conditions takes it from here ({@link #voidedSql}); only a report's
 * aggregate over many draws joins the views {@code draw_state} and {@code draw_selection}, which answer
 * the same questions the same way. No scope check here: the caller checks its own.
 */
@ApplicationScoped
public class DrawFacts {

    @Inject
    DrawStore store;

    /** The draw's state, or empty when there is no such draw (or the id is not a draw id). */
    public Optional<DrawState> find(String drawId) {
        return store.state(drawId);
    }

    /** The draw's state, or a 404 problem. */
    public DrawState require(String drawId) {
        return find(drawId).orElseThrow(() -> ProblemException.notFound("no draw " + FieldRules.abbreviate(drawId)));
    }

    /**
     * A target the draw selected, as a result is checked against it: the team in force (the last substitution's,
     * else DRAW-1's) and the ids of the draw's items its visit covers (those that apply to it), in the draw's
     * order. A draw executed before visits were planned per item covers every item of the draw. Empty when the
     * draw did not select the target. One read of the selection.
     */
    public Optional<SelectedTarget> selected(DrawState draw, String uscc) {
        return store.selected(draw.id(), uscc).map(row -> new SelectedTarget(row.team(), row.visit() == null
                ? draw.items()
                : row.visit().stream().map(VisitPlan.ItemMethod::itemId).toList()));
    }

    /** A selected target's team in force and the ids of the items its visit covers. */
    public record SelectedTarget(List<String> teamInForce, List<Long> visitItems) {
    }

    /** An item of a selected target's visit: the item, its method ({@code InspectionMethod}'s name) and whether 四不两直. */
    public record VisitItem(long itemId, String method, boolean unannounced) {
    }

    /**
     * A visit as {@code draw_selection.visit} holds it, read: the items in the draw's order with their
     * methods; null for a selection written before visits were planned per item (every item of the draw).
     */
    public static List<VisitItem> visitOf(String stored) {
        List<VisitPlan.ItemMethod> visit = VisitPlan.decode(stored);
        return visit == null ? null
                : visit.stream().map(m -> new VisitItem(m.itemId(), m.method().name(), m.unannounced())).toList();
    }

    /** The USCCs the draw selected, in ticket order (empty unless executed). */
    public List<String> selection(String drawId) {
        return store.selection(drawId).stream().map(DrawStore.SelectionRow::uscc).toList();
    }

    /**
     * The SQL condition "the draw whose id is the SQL expression {@code drawId} is voided", for a query of
     * another capability that must decide it row by row, as {@link #find} would.
     */
    public static String voidedSql(String drawId) {
        return "exists (select 1 from draw_state voided_draw where voided_draw.id = " + drawId + " and voided_draw.voided)";
    }
}
