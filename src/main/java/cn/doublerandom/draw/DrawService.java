package cn.doublerandom.draw;

import cn.doublerandom.calendar.QuarterParameter;
import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.InvalidSeedException;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.PoolCommitment;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.PublicRandomness;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.SelectedTarget;
import cn.doublerandom.draw.engine.Substitution;
import cn.doublerandom.draw.ledger.Ledger;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.platform.Concurrently;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The draw's lifecycle: prepare freezes the pool snapshot and commits to a secret nonce before any
 * seed exists; execute takes the caller's seed (dice before witnesses, or none) and runs DRAW-1 on
 * {@code given + "|" + nonce}; an auditor voids; a team member is substituted. This class checks each
 * request and decides; every change is recorded by {@link DrawJournal} as a {@link DrawEvent}.
 */
@ApplicationScoped
public class DrawService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(DrawService.class);

    @Inject
    DrawStore store;

    @Inject
    DrawJournal journal;

    @Inject
    DrawRequestRules requests;

    @Inject
    PoolBuilder pools;

    @Inject
    PreparedSnapshots prepared;

    @Inject
    DrawViews views;

    @Inject
    VisitMethods visits;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Ledger ledger;

    /** An execute attempt: the draw as it now stands, and the problem to answer if it failed. */
    public record Executed(DrawView draw, ProblemException failure) {
    }

    @Transactional
    public DrawView prepare(PrepareRequest r) {
        if (r == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        DrawRequestRules.checkSizes(r);
        Region authority = regions.require("authority", r.authority());
        scope.requireRegistryWrite(authority.code());
        Quarter quarter = QuarterParameter.parse(r.quarter());
        LocalDate today = clock.today();
        if (today.isAfter(quarter.lastDay()) || today.isBefore(quarter.firstDay().minusMonths(1))) {
            throw ProblemException.invalid("quarter", "a draw for " + quarter + " is prepared between "
                    + quarter.firstDay().minusMonths(1) + " and " + quarter.lastDay() + "; today is " + today);
        }
        LedgerRecord.DrawType kind;
        try {
            kind = LedgerRecord.DrawType.valueOf(r.kind() == null ? "UNDIRECTED" : r.kind());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("kind", "kind must be UNDIRECTED or DIRECTED");
        }
        boolean directed = kind == LedgerRecord.DrawType.DIRECTED;
        DirectedFilter filter = r.filter() == null ? new DirectedFilter(null, null, null, null, null) : r.filter();
        requests.checkDirected(directed, filter, r.count());
        PolicyData policy = requests.policy(authority, quarter);
        List<ItemData> drawn = requests.checkItems(authority, r.items());
        DrawRequestRules.Division division = requests.division(drawn, r.division(), r.joint());
        PublicRandomness randomness;
        try {
            randomness = r.randomness() == null ? null : PublicRandomness.parse(r.randomness());
        } catch (InvalidSeedException e) {
            throw ProblemException.invalid("randomness", e.getMessage());
        }

        store.lock("prepare:" + authority.code() + ":" + quarter);
        String replaces = checkReplaces(r.replaces(), authority.code(), quarter, kind);
        // One open draw per authority and quarter, of either kind and whatever its division: a pool leaves out the
        // targets the quarter's executed draws selected, and an undirected draw's quotas are what they left, so a
        // draw prepared beside an open one could select the same targets again and exceed the authority's quotas.
        Optional<DrawStore.OpenPrepared> open = store.openPrepared(authority.code(), quarter);
        if (open.isPresent()) {
            String other = open.get().division();
            boolean sameKind = open.get().kind() == kind;
            throw new ProblemException(ProblemType.DRAW_CONFLICT, "the "
                    + (open.get().kind() == LedgerRecord.DrawType.DIRECTED ? "directed" : "undirected") + " draw "
                    + open.get().id() + (other.isEmpty() ? "" : " of division " + other) + " of " + authority.code() + " for "
                    + quarter + " is prepared and not executed: execute or void it first"
                    + (!sameKind ? "; no target is drawn twice in a quarter, so the next draw's pool depends on its selection"
                            : directed || other.equals(division.name()) ? ""
                            : "; the next undirected draw's pool and quotas depend on its selection"),
                    List.of(FieldProblem.field("division", division.name(), "draw " + open.get().id() + " is open")));
        }
        if (!directed && replaces == null && store.undirectedSlotTaken(authority.code(), quarter, division.name())) {
            throw new ProblemException(ProblemType.DRAW_CONFLICT, authority.code() + " already drew " + quarter
                    + (division.name().isEmpty() ? "" : " for " + division.name())
                    + "; a division draws once a quarter undirected, and a new undirected draw must replace a voided one",
                    List.of(FieldProblem.field("division", division.name(), "already drew " + quarter)));
        }
        long t0 = System.nanoTime();
        PoolBuilder.Pool pool = pools.build(authority, quarter, today, policy, directed, filter,
                r.count() == null ? 0 : r.count(), drawn);
        if (directed && pool.snapshot().targetCount() == 0) {
            throw new ProblemException(ProblemType.EMPTY_POOL, "no eligible target of " + authority.code() + " matches the filter "
                    + filter.canonical() + " in " + quarter + "; nothing was prepared",
                    List.of(FieldProblem.field("filter", FieldRules.abbreviate(filter.canonical()), "matches no eligible target")));
        }
        DrawRequestRules.checkItemsApply(authority, drawn, pool.rules());
        if (!directed) {
            checkQuotaLeft(authority, quarter, division.name(), pool.plan());
        }
        long t1 = System.nanoTime();
        String id = store.nextId();
        String nonce = Seed.newNonce(RANDOM);
        PoolSnapshot snapshot = pool.snapshot();
        journal.record(new DrawEvent.Prepared(id, authority.code(), quarter.toString(), kind, filter.canonical(),
                drawn.stream().map(ItemData::id).toList(), today, snapshot.canonicalBytes(), snapshot.poolHash(), nonce,
                Seed.commit(nonce), replaces, toJson(pool.plan()), snapshot.targetCount(), division.name(), division.joint(),
                randomness, pool.nonSite(), pool.openLeads(), pool.approvals(), PoolCommitment.newSalt(RANDOM), clock.now(), caller.signature()));
        prepared.put(id, pool);
        LOG.infof("prepared %s (%s %s %s): %,d targets; pool %d ms, text, hash and store %d ms", id, authority.code(), quarter,
                kind, snapshot.targetCount(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return views.view(id, false, null);
    }

    @Transactional
    public Executed execute(String id, String given) {
        DrawStore.DrawRow draw = store.load(id, false);
        scope.requireRegistryWrite(draw.authority());
        store.lock("draw:" + id);
        DrawStatus status = store.state(id).orElseThrow().status();
        if (status != DrawStatus.PREPARED) {
            throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + id + " is " + status
                    + ": a prepared draw is executed at most once");
        }
        String g = given == null ? "" : given;
        Seed seed;
        try {
            seed = Seed.combine(g, draw.nonce());
        } catch (InvalidSeedException e) {
            throw new ProblemException(ProblemType.INVALID_SEED, e.getMessage(),
                    List.of(FieldProblem.field("seed", FieldRules.abbreviate(g), e.getMessage())));
        }
        PublicRandomness named = ledger.ofDraw(id).stream().filter(e -> e.kind().equals("prepare")).findFirst()
                .map(e -> PublicRandomness.ofPrepare(e.text())).orElse(null);
        if (named != null) {
            try {
                named.requireValue(g);
            } catch (InvalidSeedException e) {
                throw new ProblemException(ProblemType.INVALID_SEED, e.getMessage(),
                        List.of(FieldProblem.field("seed", FieldRules.abbreviate(g), e.getMessage())));
            }
        }
        if (!g.isEmpty() && store.seedUsed(g)) {
            throw new ProblemException(ProblemType.SEED_REUSED, "the seed '" + FieldRules.abbreviate(g)
                    + "' was already used for another draw; roll the dice again");
        }
        long t0 = System.nanoTime();
        Optional<PoolBuilder.Pool> held = prepared.take(id, draw.poolHash());
        PoolSnapshot snapshot = held.map(PoolBuilder.Pool::snapshot)
                .orElseGet(() -> PoolSnapshot.parse(store.load(id, true).snapshot()));
        long t1 = System.nanoTime();
        DrawOutcome outcome = Draw1.run(snapshot, seed);
        long t2 = System.nanoTime();
        if (outcome instanceof DrawOutcome.Failure failure) {
            return recordFailure(draw, g, seed, failure);
        }
        DrawOutcome.Success success = (DrawOutcome.Success) outcome;
        CompletableFuture<Map<String, TargetStore.Label>> names = views.names(regions.require("authority", draw.authority()),
                success.targets().stream().map(SelectedTarget::uscc).toList());
        List<DrawEvent.Selected> selection = visits.selection(List.of(draw.items()), views.plan(draw.plan()).policy(),
                draw.drawDate(), snapshot, success, held.map(PoolBuilder.Pool::nonSite).or(() -> store.nonSite(id)),
                held.map(PoolBuilder.Pool::openLeads).or(() -> store.openLeads(id)),
                held.map(PoolBuilder.Pool::approvals).orElseGet(() -> store.approvals(id)));
        journal.record(new DrawEvent.Executed(id, draw.authority(), draw.quarter(), LedgerRecord.DrawType.valueOf(draw.kind()),
                draw.replaces(), g, draw.nonce(), seed, success, selection, clock.now(), caller.signature()));
        long t3 = System.nanoTime();
        // the names arrive from the other connection once the rows are written
        DrawView view = views.view(id, true, views.withNames(List.of(draw.items()), selection, Concurrently.join(names)));
        LOG.infof("executed %s: %,d selected; snapshot %s %d ms, DRAW-1 %d ms, records %d ms, view %d ms", id,
                success.targets().size(), held.isPresent() ? "held" : "parsed", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        return new Executed(view, null);
    }

    private Executed recordFailure(DrawStore.DrawRow draw, String given, Seed seed, DrawOutcome.Failure failure) {
        List<String> reasons = failure.targetFailures().stream().map(f -> f.describe()).toList();
        journal.record(new DrawEvent.Failed(draw.id(), draw.authority(), draw.quarter(), given, draw.nonce(), seed, failure,
                toJson(reasons), clock.now(), caller.signature()));
        List<FieldProblem> errors = failure.targetFailures().stream()
                .map(f -> FieldProblem.field("targets", f.describe())).toList();
        ProblemException problem = new ProblemException(ProblemType.DRAW_FAILED, "draw " + draw.id() + " failed: "
                + failure.reason() + "; the attempt is on the ledger, nothing was selected; fix the inspector registry and prepare again",
                errors, Map.of("drawId", draw.id()));
        return new Executed(views.view(draw.id(), false, null), problem);
    }

    @Transactional
    public DrawView voidDraw(String id, String reason) {
        FieldRules f = new FieldRules();
        String why = f.text("reason", reason, 500, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "voiding a draw needs a reason", f.problems());
        }
        DrawStore.DrawRow draw = store.load(id, false);
        scope.requireRead(draw.authority());
        store.lock("draw:" + id);
        if (store.state(id).orElseThrow().voided()) {
            throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + id + " is already voided");
        }
        journal.record(new DrawEvent.Voided(id, draw.authority(), draw.quarter(), why, clock.now(), caller.signature()));
        return views.view(id, true, null);
    }

    /**
     * Replaces a member of a selected target's team by the next eligible candidate of the target's
     * sequence (DRAW-1 §3 walk), with a reason, on the ledger as a {@code substitute} record.
     */
    @Transactional
    public DrawView substitute(String id, String uscc, String member, String reason) {
        FieldRules f = new FieldRules();
        String why = f.text("reason", reason, 500, true);
        String leaving = f.text("member", member, 32, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "a substitution needs the member and a reason", f.problems());
        }
        DrawStore.DrawRow draw = store.load(id, true);
        scope.requireRegistryWrite(draw.authority());
        store.lock("draw:" + id);
        DrawStatus status = store.state(id).orElseThrow().status();
        if (status != DrawStatus.EXECUTED) {
            throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + id + " is " + status
                    + ": only an executed draw's teams are substituted");
        }
        List<String> team = store.selected(id, uscc).map(DrawStore.SelectionRow::team).orElseThrow(() ->
                ProblemException.notFound("target " + FieldRules.abbreviate(uscc) + " was not selected by draw " + id));
        if (!team.contains(leaving)) {
            throw ProblemException.invalid("member", leaving + " is not on the team of " + uscc + ": " + team);
        }
        Set<String> declined = store.replacedMembers(id, uscc);
        String replacement = Substitution.next(PoolSnapshot.parse(draw.snapshot()), draw.seed(), uscc, team, leaving, declined)
                .orElseThrow(() -> new ProblemException(ProblemType.DRAW_CONFLICT,
                        "no eligible candidate is left in the sequence of " + uscc + " to replace " + leaving));
        List<String> newTeam = team.stream().map(m -> m.equals(leaving) ? replacement : m).toList();
        journal.record(new DrawEvent.Substituted(id, draw.authority(), draw.quarter(), uscc, leaving, replacement, newTeam, why,
                PoolCommitment.newSalt(RANDOM), clock.now(), caller.signature()));
        return views.view(id, true, null);
    }

    /** The stored draw, for replay and export; the caller must be allowed to read it. */
    DrawStore.DrawRow row(String id) {
        DrawStore.DrawRow draw = store.load(id, true);
        scope.requireRead(draw.authority());
        return draw;
    }

    /**
     * An undirected draw after the authority's earlier draws of the quarter met every class's requirement
     * would select nobody and still take its division's one undirected draw of the quarter: it is refused,
     * naming each class's requirement and what was selected, so the division draws directed instead.
     */
    private static void checkQuotaLeft(Region authority, Quarter quarter, String division, DrawPlan plan) {
        boolean anyLeft = plan.strata().stream().anyMatch(s -> s.quota() > 0);
        boolean drawnBefore = plan.strata().stream().anyMatch(s -> s.selectedEarlierThisQuarter() != null && s.selectedEarlierThisQuarter() > 0);
        if (anyLeft || !drawnBefore) {
            return;
        }
        List<FieldProblem> errors = plan.strata().stream().map(s -> FieldProblem.field("quota", s.stratum(),
                "requirement " + s.requirement() + ", selected " + s.selectedEarlierThisQuarter()
                        + " by earlier draws of the quarter, remaining 0")).toList();
        throw new ProblemException(ProblemType.QUOTA_MET, "the quotas of " + authority.code() + " for " + quarter
                + " are met by its earlier draws" + (division.isEmpty() ? "" : "; " + division + " would draw nobody")
                + "; a directed draw may still inspect more", errors);
    }

    private String checkReplaces(String replaces, String authority, Quarter quarter, LedgerRecord.DrawType kind) {
        if (replaces == null) {
            return null;
        }
        DrawStore.DrawRow old = store.load(replaces, false);
        if (!old.authority().equals(authority) || !old.quarter().equals(quarter.toString()) || !old.kind().equals(kind.name())) {
            throw ProblemException.invalid("replaces", "draw " + replaces + " is not a " + kind + " draw of " + authority
                    + " for " + quarter);
        }
        if (!store.state(replaces).orElseThrow().voided()) {
            throw ProblemException.invalid("replaces", "draw " + replaces + " is not voided; only a voided draw is replaced");
        }
        if (store.replaced(replaces)) {
            throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + replaces + " was already replaced");
        }
        return replaces;
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
