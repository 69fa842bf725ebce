package cn.doublerandom.draw;

import cn.doublerandom.calendar.QuarterParameter;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.Listing;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.database.ReadThreads;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.mirror.TargetMirror;
import cn.doublerandom.security.RegionScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The bureau's view of draws ({@link DrawView}): one draw, or an authority's draws, with the selected targets' names. */
@ApplicationScoped
class DrawViews {

    @Inject
    DrawStore store;

    @Inject
    TargetStore targets;

    @Inject
    TargetMirror mirror;

    @Inject
    ReadThreads readThreads;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    ObjectMapper json;

    @Inject
    ItemService itemList;

    DrawView get(String id) {
        DrawStore.DrawRow draw = store.load(id, false);
        scope.requireRead(draw.authority());
        return view(id, true, null);
    }

    private static final java.util.regex.Pattern DRAW_ID = java.util.regex.Pattern.compile("D\\d{9}");

    Page<DrawView> list(String authority, String quarter, Integer limit, String after) {
        String root = authority == null ? scope.home() : regions.require("authority", authority).code();
        scope.requireRead(root);
        String q = quarter == null ? null : QuarterParameter.parse(quarter).toString();
        int count = Listing.limit(limit);
        String from = Page.afterKey(after, DRAW_ID);
        String prefix = regions.subtreePrefix(root);
        return Page.keyset(store.ids(prefix, q, from, count + 1), count, id -> id, store.count(prefix, q))
                .map(id -> view(id, false, null));
    }

    /**
     * The selected targets' names and regions. A province's (tens of thousands) come from this
     * replica's copy of the registry on another thread, so that PostgreSQL's buffers stay with the
     * selection being written; a smaller selection's are read from the table on this thread.
     */
    CompletableFuture<Map<String, TargetStore.Label>> names(Region authority, List<String> usccs) {
        boolean province = PoolBuilder.readsBeside(authority);
        return readThreads.supply(province, () -> province ? mirror.labels(usccs) : targets.labels(usccs));
    }

    /**
     * A draw as the bureau sees it. {@code known} is the selection execute has just written, so that
     * its answer need not read back what it wrote; otherwise the selection is read when asked for.
     */
    DrawView view(String id, boolean withTargets, List<SelectedTargetView> known) {
        DrawStore.DrawRow d = store.load(id, false);
        DrawState s = store.state(id).orElseThrow();
        List<SelectedTargetView> selected = known;
        if (withTargets && d.seed() != null && known == null) {
            List<DrawStore.SelectionRow> rows = store.selection(id);
            Map<String, TargetStore.Label> labels = targets.labels(rows.stream().map(DrawStore.SelectionRow::uscc).toList());
            Map<Long, ItemData> named = items(List.of(d.items()));
            selected = new ArrayList<>(rows.size());
            for (DrawStore.SelectionRow row : rows) {
                selected.add(view(row.position(), row.uscc(), labels.get(row.uscc()), row.stratum(), row.rank(), row.ticket(),
                        row.team(), row.relaxed(), row.method(), visit(row.visit(), named)));
            }
        }
        boolean revealed = s.status() != DrawStatus.PREPARED;
        return new DrawView(d.id(), d.authority(), d.quarter(), d.kind(), d.filter().isEmpty() ? null : d.filter(),
                List.of(d.items()), d.drawDate(), s.status(), d.poolHash(), d.commit(), revealed ? d.nonce() : null, d.replaces(),
                s.replacedBy(), plan(d.plan()), s.preparedAt(), s.preparedBy(),
                d.seed() == null ? null : (d.given().isEmpty() ? "-" : d.given()), s.seedGenerated(), d.seed(), s.executedAt(),
                s.failure(), s.voidReason(), s.voidedAt(), selected, d.division().isEmpty() ? null : d.division(), d.joint());
    }

    /** The selection execute has just written, with the names read beside it. */
    List<SelectedTargetView> withNames(List<Long> drawItems, List<DrawEvent.Selected> selection,
                                       Map<String, TargetStore.Label> labels) {
        Map<Long, ItemData> named = items(drawItems);
        List<SelectedTargetView> out = new ArrayList<>(selection.size());
        for (DrawEvent.Selected s : selection) {
            out.add(view(s.position(), s.uscc(), labels.get(s.uscc()), s.stratum(), s.rank(), s.ticket(), s.team(), s.relaxed(),
                    s.method(), visit(s.visit(), named)));
        }
        return out;
    }

    /** The draw's items as the item list names them now, by id. */
    private Map<Long, ItemData> items(List<Long> ids) {
        Map<Long, ItemData> out = new HashMap<>();
        for (Long id : ids) {
            out.put(id, itemList.get(id).data());
        }
        return out;
    }

    /** The visit's items with their names and Chinese labels; null for a selection written before visits were planned per item. */
    private static List<SelectedTargetView.VisitItem> visit(List<VisitPlan.ItemMethod> visit, Map<Long, ItemData> named) {
        if (visit == null) {
            return null;
        }
        List<SelectedTargetView.VisitItem> out = new ArrayList<>(visit.size());
        for (VisitPlan.ItemMethod m : visit) {
            ItemData item = named.get(m.itemId());
            out.add(new SelectedTargetView.VisitItem(m.itemId(), item == null ? null : item.name(),
                    item == null ? null : item.subItem(), m.method().name(), m.method().label(), m.unannounced(), m.ground().name(),
                    m.ground().label()));
        }
        return out;
    }

    private static SelectedTargetView view(int position, String uscc, TargetStore.Label label, String stratum, int rank,
                                           String ticket, List<String> team, boolean relaxed, String method,
                                           List<SelectedTargetView.VisitItem> items) {
        return new SelectedTargetView(position, uscc, label == null ? null : label.name(), label == null ? null : label.regionCode(),
                stratum, rank, ticket, team, relaxed, method, items);
    }

    DrawPlan plan(String json) {
        try {
            return this.json.readValue(json, DrawPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
