package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.Draw1;
import cn.doublerandom.draw.engine.DrawOutcome;
import cn.doublerandom.draw.engine.IndexSort;
import cn.doublerandom.draw.engine.InvalidSeedException;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Seed;
import cn.doublerandom.draw.engine.SelectedTarget;
import cn.doublerandom.draw.engine.Team;
import cn.doublerandom.draw.ledger.Ledger;
import cn.doublerandom.item.InspectionMethod;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.Concurrently;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.ReadThreads;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.policy.PolicyService;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.history.Stored;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.mirror.TargetMirror;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Prepares, executes and voids draws. Prepare freezes the pool snapshot and commits to a secret
 * nonce before any seed exists; execute takes the caller's seed (dice before witnesses, or none), runs
 * DRAW-1 on {@code given + "|" + nonce}, and records everything on the ledger in the same
 * transaction. Nothing is ever updated: a draw's status is read from its append-only rows.
 */
@ApplicationScoped
public class DrawService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DrawService.class);

    @Inject
    cn.doublerandom.audit.AuditTrail audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadThreads readThreads;

    @Inject
    PoolBuilder pools;

    @Inject
    PreparedSnapshots prepared;

    @Inject
    PolicyService policies;

    @Inject
    ItemService items;

    @Inject
    TargetStore targets;

    @Inject
    TargetMirror mirror;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    Ledger ledger;

    @Inject
    ObjectMapper json;

    /** An execute attempt: the draw as it now stands, and the problem to answer if it failed. */
    public record Executed(DrawView draw, ProblemException failure) {
    }

    @Transactional
    public DrawView prepare(PrepareRequest r) {
        if (r == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        Region authority = regions.require("authority", r.authority());
        scope.requireRegistryWrite(authority.code());
        Quarter quarter = cn.doublerandom.platform.Listing.quarter(r.quarter());
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
        checkDirected(directed, filter, r.count());
        PolicyData policy = policies.effective(authority.code(), quarter.year()).map(Stored::data)
                .orElseThrow(() -> new ProblemException(ProblemType.NO_POLICY, "no quota policy of " + authority.code()
                        + " or the regions above it covers " + quarter.year() + "; an administrator sets one at /api/v1/policies"));
        List<ItemData> drawn = checkItems(authority, r.items());

        try (Connection c = dataSource.getConnection()) {
            lock(c, "prepare:" + authority.code() + ":" + quarter + ":" + kind);
            String replaces = checkReplaces(c, r.replaces(), authority.code(), quarter, kind);
            Long open = scalar(c, """
                    select count(*) from draw d where d.authority = ? and d.quarter = ? and d.kind = ?
                      and not exists (select 1 from draw_execution e where e.draw_id = d.id)
                      and not exists (select 1 from draw_failure f where f.draw_id = d.id)
                      and not exists (select 1 from draw_void v where v.draw_id = d.id)""",
                    authority.code(), quarter.toString(), kind.name());
            if (open > 0) {
                throw new ProblemException(ProblemType.DRAW_CONFLICT, "an open prepared " + kind + " draw of "
                        + authority.code() + " for " + quarter + " exists: execute or void it first");
            }
            if (!directed && replaces == null && scalar(c, "select count(*) from undirected_slot where authority = ? and quarter = ?",
                    authority.code(), quarter.toString()) > 0) {
                throw new ProblemException(ProblemType.DRAW_CONFLICT, authority.code() + " already drew " + quarter
                        + "; a new undirected draw must replace a voided one");
            }
            long t0 = System.nanoTime();
            PoolBuilder.Pool pool = pools.build(authority, quarter, today, policy, directed, filter,
                    r.count() == null ? 0 : r.count(), drawn);
            long t1 = System.nanoTime();
            String id = "D" + String.format("%09d", scalar(c, "select nextval('draw_seq')"));
            String nonce = Seed.newNonce(RANDOM);
            String commit = Seed.commit(nonce);
            byte[] snapshotText = pool.snapshot().canonicalBytes();
            String poolHash = pool.snapshot().poolHash();
            List<Long> itemIds = drawn.stream().map(ItemData::id).toList();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into draw (id, authority, quarter, kind, filter, items, draw_date, pool_hash, snapshot, nonce, commit,
                                      replaces, plan, prepared_at, prepared_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, convert_from(?, 'UTF8'), ?, ?, ?, cast(? as jsonb), ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, authority.code());
                ps.setString(3, quarter.toString());
                ps.setString(4, kind.name());
                ps.setString(5, filter.canonical());
                ps.setArray(6, c.createArrayOf("bigint", itemIds.toArray()));
                Sql.setDate(ps, 7, today);
                ps.setString(8, poolHash);
                // sent as the bytes it is made of, not re-encoded from a 16 MB string
                ps.setBytes(9, snapshotText);
                ps.setString(10, nonce);
                ps.setString(11, commit);
                ps.setString(12, replaces);
                ps.setString(13, toJson(pool.plan()));
                ps.setTimestamp(14, Timestamp.from(clock.now()));
                ps.setString(15, caller.signature());
                ps.executeUpdate();
            }
            long t2 = System.nanoTime();
            prepared.put(id, pool);
            audit.record("PREPARE", "DRAW", id, authority.code(), kind + " " + quarter + " pool " + poolHash);
            ledger.append(id, "prepare", authority.code(), quarter.toString(), h -> LedgerRecord.prepare(h, kind,
                    filter.canonical(), itemIds.stream().map(String::valueOf).toList(), today, poolHash, commit, replaces));
            LOG.infof("prepared %s (%s %s %s): %,d targets; pool %d ms, text, hash and store %d ms", id, authority.code(), quarter,
                    kind, pool.snapshot().targetCount(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            return view(c, id, false);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Executed execute(String id, String given) {
        try (Connection c = dataSource.getConnection()) {
            DrawRow draw = load(c, id, false);
            scope.requireRegistryWrite(draw.authority());
            lock(c, "draw:" + id);
            if (status(c, id) != DrawStatus.PREPARED) {
                throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + id + " is " + status(c, id)
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
            if (!g.isEmpty() && scalar(c, "select count(*) from draw_execution where given = ?", g) > 0) {
                throw new ProblemException(ProblemType.SEED_REUSED, "the seed '" + FieldRules.abbreviate(g)
                        + "' was already used for another draw; roll the dice again");
            }
            long t0 = System.nanoTime();
            Optional<PoolBuilder.Pool> held = prepared.take(id, draw.poolHash());
            PoolSnapshot snapshot = held.map(PoolBuilder.Pool::snapshot).orElseGet(() -> PoolSnapshot.parse(loadSnapshot(c, id)));
            long t1 = System.nanoTime();
            DrawOutcome outcome = Draw1.run(snapshot, seed);
            long t2 = System.nanoTime();
            if (outcome instanceof DrawOutcome.Failure failure) {
                return recordFailure(c, draw, g, seed, failure);
            }
            DrawOutcome.Success success = (DrawOutcome.Success) outcome;
            // a province's selection (26,000 targets) has its names from this replica's copy of the registry,
            // on another thread while the records are written: read from the table, they filled PostgreSQL's
            // buffers with scattered pages at the time it needed them most; a smaller one's are read here
            boolean province = PoolBuilder.readsBeside(regions.require("authority", draw.authority()));
            List<String> selectedUsccs = success.targets().stream().map(t -> t.uscc()).toList();
            CompletableFuture<Map<String, TargetStore.Label>> labels = readThreads.supply(province,
                    () -> province ? mirror.labels(selectedUsccs) : targets.labels(selectedUsccs));
            if (draw.kind().equals("UNDIRECTED")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "insert into undirected_slot (authority, quarter, replaces, draw_id) values (?, ?, ?, ?)")) {
                    ps.setString(1, draw.authority());
                    ps.setString(2, draw.quarter());
                    ps.setString(3, draw.replaces() == null ? "-" : draw.replaces());
                    ps.setString(4, id);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into draw_execution (draw_id, given, generated, seed, result, executed_at, executed_by)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, g);
                ps.setBoolean(3, g.isEmpty());
                ps.setString(4, seed.value());
                ps.setString(5, String.join("\n", success.resultLines()));
                ps.setTimestamp(6, Timestamp.from(clock.now()));
                ps.setString(7, caller.signature());
                ps.executeUpdate();
            }
            long selectionFrom = System.nanoTime();
            List<SelectedTargetView> selection = writeTargets(c, draw, success, selectedUsccs, held.map(PoolBuilder.Pool::nonSite),
                    labels);
            long selectionTook = System.nanoTime() - selectionFrom;
            audit.record("EXECUTE", "DRAW", id, draw.authority(), success.targets().size() + " targets selected");
            ledger.append(id, "execute", draw.authority(), draw.quarter(), h -> LedgerRecord.execute(h, g, draw.nonce(), success));
            long t3 = System.nanoTime();
            DrawView view = view(c, id, selection);
            LOG.infof("executed %s: %,d selected; snapshot %s %d ms, DRAW-1 %d ms, records %d ms (the selection with its names %d ms),"
                    + " view %d ms", id, success.targets().size(), held.isPresent() ? "held" : "parsed", (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, selectionTook / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
            return new Executed(view, null);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Executed recordFailure(Connection c, DrawRow draw, String given, Seed seed, DrawOutcome.Failure failure)
            throws SQLException {
        List<String> reasons = failure.targetFailures().stream().map(f -> f.describe()).toList();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into draw_failure (draw_id, given, seed, reason, detail, failed_at, failed_by)
                values (?, ?, ?, ?, cast(? as jsonb), ?, ?)""")) {
            ps.setString(1, draw.id());
            ps.setString(2, given);
            ps.setString(3, seed.value());
            ps.setString(4, failure.reason());
            ps.setString(5, toJson(reasons));
            ps.setTimestamp(6, Timestamp.from(clock.now()));
            ps.setString(7, caller.signature());
            ps.executeUpdate();
        }
        audit.record("FAIL", "DRAW", draw.id(), draw.authority(), failure.reason());
        ledger.append(draw.id(), "fail", draw.authority(), draw.quarter(),
                h -> LedgerRecord.fail(h, given, draw.nonce(), failure.reason()));
        List<FieldProblem> errors = failure.targetFailures().stream()
                .map(f -> FieldProblem.field("targets", f.describe())).toList();
        ProblemException problem = new ProblemException(ProblemType.DRAW_FAILED, "draw " + draw.id() + " failed: "
                + failure.reason() + "; the attempt is on the ledger, nothing was selected; fix the inspector registry and prepare again",
                errors, Map.of("drawId", draw.id()));
        return new Executed(view(c, draw.id(), false), problem);
    }

    /**
     * Stores the selection with each target's team, method and position in ticket order. Which targets may be
     * checked off site was found at prepare when the pool is still held here; otherwise the selected
     * rows are read and the same rule applied. Returns the selection as the draw's view shows it, so
     * that the answer to execute need not read back what it has just written.
     */
    private List<SelectedTargetView> writeTargets(Connection c, DrawRow draw, DrawOutcome.Success success,
                                                  List<String> selectedUsccs, Optional<PackedIds> heldNonSite,
                                                  CompletableFuture<Map<String, TargetStore.Label>> labels) throws SQLException {
        List<ItemData> drawItems = Arrays.stream(draw.items()).map(items::get).map(Stored::data).toList();
        boolean itemsAllowTechnology = drawItems.stream().allMatch(i -> i.methods().contains(InspectionMethod.TECHNOLOGY));
        PolicyData policy = readPlan(draw).policy();
        PackedIds nonSite = heldNonSite.orElseGet(() -> {
            try {
                PackedIds.Appender out = PackedIds.appender();
                targets.load(c, selectedUsccs, false).forEach((uscc, t) -> {
                    if (NonSiteRule.applies(t.data(), policy, draw.drawDate())) {
                        out.add(uscc);
                    }
                });
                return out.sortedUnique();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        // teams come in the order of the targets they staff (DRAW-1 §3 walks the selection in ticket order)
        List<SelectedTarget> drawnInOrder = success.targets();
        List<Team> teams = success.teams();
        String[] methods = new String[drawnInOrder.size()];
        int[] byUscc = new int[drawnInOrder.size()];
        for (int i = 0; i < methods.length; i++) {
            String uscc = drawnInOrder.get(i).uscc();
            if (!teams.get(i).uscc().equals(uscc)) {
                throw new IllegalStateException("team " + i + " staffs " + teams.get(i).uscc() + ", not " + uscc);
            }
            methods[i] = itemsAllowTechnology && nonSite.contains(uscc) ? "TECHNOLOGY" : "ON_SITE";
            byUscc[i] = i;
        }
        // written in USCC order, each with its position in ticket order: the key (draw, USCC) then grows
        // page by page instead of at 26,000 scattered places (a third less time)
        IndexSort.sort(byUscc, (a, b) -> drawnInOrder.get(a).uscc().compareTo(drawnInOrder.get(b).uscc()));
        StringBuilder csv = new StringBuilder(methods.length * 200);
        for (int i : byUscc) {
            SelectedTarget t = drawnInOrder.get(i);
            Team team = teams.get(i);
            Sql.csvField(csv, draw.id());
            Sql.csvField(csv, t.uscc());
            Sql.csvField(csv, t.stratum().name());
            Sql.csvField(csv, i + 1);
            Sql.csvField(csv, t.rank());
            Sql.csvField(csv, t.ticket());
            Sql.csvField(csv, Sql.arrayLiteral(team.members()));
            Sql.csvField(csv, team.relaxed());
            Sql.csvField(csv, methods[i]);
            csv.append('\n');
        }
        if (!csv.isEmpty()) {
            Sql.copy(c, "copy draw_target (draw_id, uscc, stratum, position, rank, ticket, team, relaxed, method) from stdin (format csv)", csv);
        }
        // the names arrive from the other connection once the rows are written
        Map<String, TargetStore.Label> names = Concurrently.join(labels);
        List<SelectedTargetView> selection = new ArrayList<>(methods.length);
        for (int i = 0; i < methods.length; i++) {
            SelectedTarget t = drawnInOrder.get(i);
            Team team = teams.get(i);
            TargetStore.Label label = names.get(t.uscc());
            selection.add(new SelectedTargetView(i + 1, t.uscc(), label == null ? null : label.name(),
                    label == null ? null : label.regionCode(), t.stratum().name(), t.rank(), t.ticket(), team.members(),
                    team.relaxed(), methods[i]));
        }
        return selection;
    }

    @Transactional
    public DrawView voidDraw(String id, String reason) {
        FieldRules f = new FieldRules();
        String why = f.text("reason", reason, 500, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "voiding a draw needs a reason", f.problems());
        }
        try (Connection c = dataSource.getConnection()) {
            DrawRow draw = load(c, id, false);
            scope.requireRead(draw.authority());
            lock(c, "draw:" + id);
            DrawStatus status = status(c, id);
            if (status == DrawStatus.VOIDED) {
                throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + id + " is already voided");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into draw_void (draw_id, reason, voided_at, voided_by) values (?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, why);
                ps.setTimestamp(3, Timestamp.from(clock.now()));
                ps.setString(4, caller.signature());
                ps.executeUpdate();
            }
            audit.record("VOID", "DRAW", id, draw.authority(), why);
            ledger.append(id, "void", draw.authority(), draw.quarter(), h -> LedgerRecord.voidDraw(h, why));
            return view(c, id, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        try (Connection c = dataSource.getConnection()) {
            DrawRow draw = load(c, id);
            scope.requireRegistryWrite(draw.authority());
            lock(c, "draw:" + id);
            if (status(c, id) != DrawStatus.EXECUTED) {
                throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + id + " is " + status(c, id)
                        + ": only an executed draw's teams are substituted");
            }
            List<String> team = null;
            java.util.Set<String> declined = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select coalesce((select s.team from draw_substitution s where s.draw_id = t.draw_id and s.uscc = t.uscc
                                     order by s.id desc limit 1), t.team),
                           array(select s.replaced from draw_substitution s where s.draw_id = t.draw_id and s.uscc = t.uscc)
                    from draw_target t where t.draw_id = ? and t.uscc = ?""")) {
                ps.setString(1, id);
                ps.setString(2, uscc);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        team = List.of((String[]) rs.getArray(1).getArray());
                        declined.addAll(List.of((String[]) rs.getArray(2).getArray()));
                    }
                }
            }
            if (team == null) {
                throw ProblemException.notFound("target " + FieldRules.abbreviate(uscc) + " was not selected by draw " + id);
            }
            if (!team.contains(leaving)) {
                throw ProblemException.invalid("member", leaving + " is not on the team of " + uscc + ": " + team);
            }
            String replacement = cn.doublerandom.draw.engine.Substitution.next(PoolSnapshot.parse(draw.snapshot()), draw.seed(),
                    uscc, team, leaving, declined).orElseThrow(() -> new ProblemException(ProblemType.DRAW_CONFLICT,
                    "no eligible candidate is left in the sequence of " + uscc + " to replace " + leaving));
            List<String> newTeam = team.stream().map(m -> m.equals(leaving) ? replacement : m).toList();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into draw_substitution (draw_id, uscc, replaced, replacement, team, reason, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, uscc);
                ps.setString(3, leaving);
                ps.setString(4, replacement);
                ps.setArray(5, c.createArrayOf("text", newTeam.toArray()));
                ps.setString(6, why);
                ps.setTimestamp(7, Timestamp.from(clock.now()));
                ps.setString(8, caller.signature());
                ps.executeUpdate();
            }
            audit.record("SUBSTITUTE", "DRAW", id, draw.authority(), uscc + ": " + leaving + " -> " + replacement + "; " + why);
            ledger.append(id, "substitute", draw.authority(), draw.quarter(),
                    h -> LedgerRecord.substitute(h, why, uscc, newTeam));
            return view(c, id, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public DrawView get(String id) {
        try (Connection c = dataSource.getConnection()) {
            DrawRow draw = load(c, id, false);
            scope.requireRead(draw.authority());
            return view(c, id, true);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<DrawView> list(String authority, String quarter) {
        String root = authority == null ? scope.home() : regions.require("authority", authority).code();
        scope.requireRead(root);
        String q = quarter == null ? null : cn.doublerandom.platform.Listing.quarter(quarter).toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select id from draw where authority like ? and (cast(? as text) is null or quarter = ?) order by id")) {
            ps.setString(1, regions.subtreePrefix(root) + "%");
            ps.setString(2, q);
            ps.setString(3, q);
            List<DrawView> out = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            for (String id : ids) {
                out.add(view(c, id, false));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored draw, for replay and export; the caller must be allowed to read it. */
    public DrawRow row(String id) {
        try (Connection c = dataSource.getConnection()) {
            DrawRow draw = load(c, id);
            scope.requireRead(draw.authority());
            return draw;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Everything a draw has, as stored. */
    public record DrawRow(String id, String authority, String quarter, String kind, String filter, Long[] items,
                          LocalDate drawDate, String poolHash, String snapshot, String nonce, String commit, String replaces,
                          String plan, String given, String seed, String result) {
    }

    DrawPlan readPlan(DrawRow draw) {
        try {
            return json.readValue(draw.plan(), DrawPlan.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private DrawRow load(Connection c, String id) throws SQLException {
        return load(c, id, true);
    }

    /** The stored draw; the snapshot text (tens of MB for a province) only when asked for. */
    private DrawRow load(Connection c, String id, boolean withSnapshot) throws SQLException {
        if (id == null || !id.matches("D\\d{9}")) {
            throw ProblemException.notFound("no draw " + FieldRules.abbreviate(id));
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select d.id, d.authority, d.quarter, d.kind, d.filter, d.items, d.draw_date, d.pool_hash, d.nonce, d.commit,
                       d.replaces, d.plan, case when ? then d.snapshot end as snapshot, e.given, e.seed, e.result
                from draw d left join draw_execution e on e.draw_id = d.id where d.id = ?""")) {
            ps.setBoolean(1, withSnapshot);
            ps.setString(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("no draw " + id);
                }
                return new DrawRow(rs.getString("id"), rs.getString("authority"), rs.getString("quarter"), rs.getString("kind"),
                        rs.getString("filter"), (Long[]) rs.getArray("items").getArray(), Sql.getDate(rs, "draw_date"),
                        rs.getString("pool_hash"), rs.getString("snapshot"), rs.getString("nonce"), rs.getString("commit"),
                        rs.getString("replaces"), rs.getString("plan"), rs.getString("given"), rs.getString("seed"),
                        rs.getString("result"));
            }
        }
    }

    /** The stored snapshot text, read only when the pool is not held here (tens of MB for a province). */
    private String loadSnapshot(Connection c, String id) {
        try {
            return load(c, id, true).snapshot();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where a draw stands, for a caller already allowed to read it. */
    public DrawStatus status(String id) {
        try (Connection c = dataSource.getConnection()) {
            return status(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DrawStatus status(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select exists (select 1 from draw_void where draw_id = ?), exists (select 1 from draw_execution where draw_id = ?),
                       exists (select 1 from draw_failure where draw_id = ?)""")) {
            ps.setString(1, id);
            ps.setString(2, id);
            ps.setString(3, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1) ? DrawStatus.VOIDED : rs.getBoolean(2) ? DrawStatus.EXECUTED
                        : rs.getBoolean(3) ? DrawStatus.FAILED : DrawStatus.PREPARED;
            }
        }
    }

    private DrawView view(Connection c, String id, boolean withTargets) throws SQLException {
        return view(c, id, withTargets, null);
    }

    /** The view of a draw just executed, with the selection as written (the same rows the database now holds). */
    private DrawView view(Connection c, String id, List<SelectedTargetView> selection) throws SQLException {
        return view(c, id, true, selection);
    }

    private DrawView view(Connection c, String id, boolean withTargets, List<SelectedTargetView> known) throws SQLException {
        DrawRow d = load(c, id, false);
        DrawStatus status = status(c, id);
        String failure = null;
        String voidReason = null;
        java.time.Instant voidedAt = null;
        java.time.Instant executedAt = null;
        Boolean generated = null;
        String preparedBy;
        java.time.Instant preparedAt;
        String replacedBy = null;
        try (PreparedStatement ps = c.prepareStatement("""
                select d.prepared_at, d.prepared_by, f.reason as failure, v.reason as void_reason, v.voided_at,
                       e.executed_at, e.generated, (select r.id from draw r where r.replaces = d.id) as replaced_by
                from draw d left join draw_failure f on f.draw_id = d.id left join draw_void v on v.draw_id = d.id
                left join draw_execution e on e.draw_id = d.id where d.id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                preparedAt = rs.getTimestamp("prepared_at").toInstant();
                preparedBy = rs.getString("prepared_by");
                failure = rs.getString("failure");
                voidReason = rs.getString("void_reason");
                voidedAt = rs.getTimestamp("voided_at") == null ? null : rs.getTimestamp("voided_at").toInstant();
                executedAt = rs.getTimestamp("executed_at") == null ? null : rs.getTimestamp("executed_at").toInstant();
                generated = rs.getTimestamp("executed_at") == null ? null : rs.getBoolean("generated");
                replacedBy = rs.getString("replaced_by");
            }
        }
        List<SelectedTargetView> selected = known;
        if (withTargets && d.seed() != null && known == null) {
            selected = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    select t.draw_id, t.uscc, t.stratum, t.position, t.rank, t.ticket, t.relaxed, t.method, g.name, g.region_code,
                           coalesce((select s.team from draw_substitution s where s.draw_id = t.draw_id and s.uscc = t.uscc
                                     order by s.id desc limit 1), t.team) as team
                    from draw_target t left join target g on g.uscc = t.uscc
                    where t.draw_id = ? order by t.position""")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        selected.add(new SelectedTargetView(rs.getInt("position"), rs.getString("uscc"), rs.getString("name"),
                                rs.getString("region_code"), rs.getString("stratum"), rs.getInt("rank"), rs.getString("ticket"),
                                List.of((String[]) rs.getArray("team").getArray()), rs.getBoolean("relaxed"), rs.getString("method")));
                    }
                }
            }
        }
        boolean revealed = status != DrawStatus.PREPARED;
        return new DrawView(d.id(), d.authority(), d.quarter(), d.kind(), d.filter().isEmpty() ? null : d.filter(),
                List.of(d.items()), d.drawDate(), status, d.poolHash(), d.commit(), revealed ? d.nonce() : null, d.replaces(),
                replacedBy, readPlan(d), preparedAt, preparedBy, d.seed() == null ? null : (d.given().isEmpty() ? "-" : d.given()),
                generated, d.seed(), executedAt, failure, voidReason, voidedAt, selected);
    }

    private void checkDirected(boolean directed, DirectedFilter filter, Integer count) {
        if (directed) {
            if (count == null || count < 1 || count > 100_000) {
                throw ProblemException.invalid("count", "a directed draw needs a count from 1 to 100000");
            }
            if (filter.isEmpty()) {
                throw ProblemException.invalid("filter", "a directed draw needs at least one tag in filter");
            }
            FieldRules f = new FieldRules();
            f.text("filter.industry", filter.industry(), 100, false);
            f.text("filter.township", filter.township(), 100, false);
            f.text("filter.pollutantType", filter.pollutantType(), 50, false);
            if (!f.ok()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "the filter is not valid", f.problems());
            }
            if (filter.canonical().contains(";;") || Arrays.stream(new String[]{filter.industry(), filter.township(),
                    filter.pollutantType()}).anyMatch(v -> v != null && (v.contains(";") || v.contains("=")))) {
                throw ProblemException.invalid("filter", "filter values must not contain ';' or '='");
            }
        } else if (count != null || !filter.isEmpty()) {
            throw ProblemException.invalid(count != null ? "count" : "filter",
                    "an undirected draw takes neither filter nor count: its quotas come from the policy");
        }
    }

    private List<ItemData> checkItems(Region authority, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            throw ProblemException.invalid("items", "a draw needs at least one item of the item list");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<ItemData> out = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        for (Region r = authority; r != null; r = regions.find(r.parentCode())) {
            chain.add(r.code());
        }
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            String field = "items[" + i + "]";
            var item = id == null ? java.util.Optional.<Stored<ItemData>>empty() : items.find(id);
            if (item.isEmpty()) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "no such item"));
                continue;
            }
            ItemData d = item.get().data();
            if (!d.active()) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "the item is retired"));
            } else if (!chain.contains(d.regionCode())) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "the item belongs to the list of " + d.regionCode()
                        + ", which does not apply to " + authority.code()));
            } else if (d.inspectingLevel() == null) {
                problems.add(FieldProblem.field(field, String.valueOf(id),
                        "the item has no inspecting level (〔缺失〕 in the source list); an administrator must set it first"));
            } else if (!d.inspectingLevel().allows(authority.level())) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "a " + authority.level().name().toLowerCase()
                        + " bureau may not draw an item for " + d.inspectingLevel().label()));
            } else if (out.stream().anyMatch(o -> o.id() == d.id())) {
                problems.add(FieldProblem.field(field, String.valueOf(id), "listed twice"));
            } else {
                out.add(d);
            }
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.INVALID_ITEMS, problems.size() + " item(s) cannot be drawn by "
                    + authority.code(), problems);
        }
        out.sort(java.util.Comparator.comparingLong(ItemData::id));
        return out;
    }

    private String checkReplaces(Connection c, String replaces, String authority, Quarter quarter,
                                 LedgerRecord.DrawType kind) throws SQLException {
        if (replaces == null) {
            return null;
        }
        DrawRow old = load(c, replaces, false);
        if (!old.authority().equals(authority) || !old.quarter().equals(quarter.toString()) || !old.kind().equals(kind.name())) {
            throw ProblemException.invalid("replaces", "draw " + replaces + " is not a " + kind + " draw of " + authority
                    + " for " + quarter);
        }
        if (status(c, replaces) != DrawStatus.VOIDED) {
            throw ProblemException.invalid("replaces", "draw " + replaces + " is not voided; only a voided draw is replaced");
        }
        if (scalar(c, "select count(*) from draw where replaces = ?", replaces) > 0) {
            throw new ProblemException(ProblemType.DRAW_CONFLICT, "draw " + replaces + " was already replaced");
        }
        return replaces;
    }

    private static void lock(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, key);
            ps.execute();
        }
    }

    private static Long scalar(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String toJson(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
