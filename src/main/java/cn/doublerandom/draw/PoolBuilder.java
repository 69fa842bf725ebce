package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.pool.DrawScope;
import cn.doublerandom.draw.pool.PoolPlan;
import cn.doublerandom.draw.pool.PoolRules;
import cn.doublerandom.draw.pool.QuarterQuotas;
import cn.doublerandom.draw.pool.Staff;
import cn.doublerandom.draw.pool.StratumQuota;
import cn.doublerandom.draw.pool.Verdict;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.platform.Concurrently;
import cn.doublerandom.platform.database.ReadThreads;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStore;
import cn.doublerandom.registry.target.TargetLeadService;
import cn.doublerandom.registry.target.MethodApprovalService;
import cn.doublerandom.registry.target.ObjectKind;
import cn.doublerandom.registry.target.TargetEvent;
import cn.doublerandom.registry.target.TargetEventService;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.mirror.TargetMirror;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Builds a draw's pool snapshot (DRAW-1 §4) from the registries as they stand at prepare. Who is
 * eligible, why others are out, the strata and the quotas are {@link PoolRules}' to decide; this class
 * only gathers what they are decided on (the authority's inspectors, its targets' earlier draws,
 * events and recusals) and picks the {@link RegistryPoolSource} the targets are read from.
 */
@ApplicationScoped
public class PoolBuilder {

    /**
     * How many parts a province's pool is read in at once, from this replica's copy of the registry
     * ({@link TargetMirror}). Below a province the subtree is a small share of the table, read through
     * the region index.
     */
    private static final int PROVINCE_SCAN_PARTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Inject
    DrawStore store;

    @Inject
    TargetStore targets;

    @Inject
    TargetEventService events;

    @Inject
    InspectorStore inspectors;

    @Inject
    RegionDirectory regions;

    @Inject
    ReadThreads readThreads;

    @Inject
    TargetMirror mirror;

    @Inject
    TargetLeadService leads;

    @Inject
    MethodApprovalService approvals;

    /**
     * Whether a draw of this authority reads beside its request's transaction, on connections of its
     * own (its earlier draws, the catch-ups of the {@link TargetMirror} its pool and its selection's
     * names come from): a province's only, whose pool is most of the table and which draws one at a
     * time; see {@link ReadThreads#supply(boolean, java.util.function.Supplier)}.
     */
    static boolean readsBeside(Region authority) {
        return authority.level() == RegionLevel.PROVINCE;
    }

    /**
     * The snapshot, the plan that explains it, which of its targets may be checked off site
     * ({@link NonSiteRule} on the draw date), which have a lead open on it and which the bureau approved for another
     * method on it, so that execute need not read
     * the selected rows again.
     */
    public record Pool(PoolSnapshot snapshot, DrawPlan plan, PackedIds nonSite, PackedIds openLeads, ApprovedMethods approvals,
                       PoolPlan rules) {
    }

    public Pool build(Region authority, Quarter quarter, LocalDate drawDate, PolicyData policy, boolean directed,
                      DirectedFilter filter, int count, List<ItemData> items) {
        String prefix = regions.subtreePrefix(authority.code());
        DrawScope scope = new DrawScope(authority.code(), authority.level(), quarter.year(), quarter.number(), drawDate,
                directed, directed ? count : 0,
                items.stream().map(i -> new DrawScope.Item(i.id(), ObjectKind.mask(i.objectKinds()))).toList());
        // an undirected province pool is most of the table: read from this replica's copy of it, in parts
        boolean province = readsBeside(authority);
        RegistryPoolSource source = province && !directed
                ? new MirrorPoolSource(mirror, PROVINCE_SCAN_PARTS, prefix, quarter, drawDate, policy, events.classifier())
                : new TablePoolSource(targets, prefix, quarter, drawDate, policy, events.classifier(), directed ? filter : null);

        // what is known of the targets besides their rows is noted first, so that the scan looks each up
        // once. A province's earlier draws are read on a connection of their own while its events and
        // staff are read here; others' first, here.
        RegionRange range = RegionRange.ofPrefix(prefix);
        List<String> above = regions.ancestors(authority.code());
        CompletableFuture<Void> drawnBefore = readThreads.supply(province, () -> {
            source.note(notes -> store.drawnBefore(range, above, quarter, notes));
            return null;
        });
        Map<String, List<TargetEvent>> eventsByTarget = events.forClassification(prefix, quarter);
        List<InspectorData> staffed = new ArrayList<>();
        inspectors.forEach(authority.code(), s -> staffed.add(s.data()));
        Staff staff = Staff.of(authority.code(), staffed, drawDate, items.stream().map(ItemData::requiredSpecialty).toList());
        Concurrently.join(drawnBefore);
        source.note(notes -> {
            eventsByTarget.forEach((code, list) -> notes.of(code).events = list);
            staff.recusedBy().forEach((code, list) -> notes.of(code).recusedBy(list));
        });

        PoolPlan pool = PoolRules.plan(scope, policy, staff, PoolRules.scan(scope, policy, source),
                directed ? 0 : store.generalSelectedEarlier(authority.code(), quarter),
                directed ? Map.of() : QuarterQuotas.done(store.quarterDraws(authority.code(), quarter)));
        PackedIds.Appender withLeads = PackedIds.appender();
        leads.openOn(prefix, drawDate).forEach(withLeads::add);
        ApprovedMethods approved = new ApprovedMethods(approvals.validOn(authority.code(), prefix, drawDate,
                items.stream().map(ItemData::id).toList()));
        return new Pool(pool.snapshot(), plan(policy, authority, pool), pool.nonSite(), withLeads.sortedUnique(), approved, pool);
    }

    /** The plan as a draw keeps it (its JSON is stored with the draw and read by reports). */
    private static DrawPlan plan(PolicyData policy, Region authority, PoolPlan pool) {
        List<DrawPlan.StratumPlan> strata = pool.strata().stream().map((StratumQuota s) -> new DrawPlan.StratumPlan(
                s.stratum().name(), s.operating(), s.quota(), s.eligible(), s.shortfall(), s.requirement(),
                s.selectedEarlierThisQuarter())).toList();
        DrawPlan.GeneralRequirement general = pool.general() == null ? null : new DrawPlan.GeneralRequirement(
                pool.general().officers(), pool.general().yearlyRequirement(), pool.general().selectedEarlierThisYear(),
                pool.general().quartersLeft());
        return new DrawPlan(policy, authority.level().name(), strata, new DrawPlan.Exclusions(pool.count(Verdict.NOT_PRODUCING),
                pool.count(Verdict.SELECTED_THIS_QUARTER), pool.count(Verdict.AT_YEARLY_CAP), pool.count(Verdict.OUTSIDE_FILTER),
                pool.count(Verdict.NO_ITEM_APPLIES)),
                general, pool.staff().certified().size(), pool.staff().specialistCount(), pool.staff().needed());
    }
}
