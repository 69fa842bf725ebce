package cn.doublerandom.draw;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.draw.engine.PackedIds;
import cn.doublerandom.draw.engine.PoolSnapshot;
import cn.doublerandom.draw.engine.Stratum;
import cn.doublerandom.item.ItemData;
import cn.doublerandom.policy.PolicyData;
import cn.doublerandom.platform.Concurrently;
import cn.doublerandom.platform.database.CopyRow;
import cn.doublerandom.platform.database.ReadThreads;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.policy.Quota;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionRange;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.registry.inspector.Conflict;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStore;
import cn.doublerandom.registry.target.OperatingStatus;
import cn.doublerandom.registry.target.SupervisionClass;
import cn.doublerandom.registry.target.SupervisionClassifier;
import cn.doublerandom.registry.target.TargetData;
import cn.doublerandom.registry.target.TargetEvent;
import cn.doublerandom.registry.target.TargetEventService;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.mirror.TargetMirror;
import cn.doublerandom.registry.target.mirror.TargetNotes;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The pool builder as it stood before its rules moved to {@code draw.pool} and its reads of earlier
 * draws to {@link DrawStore}, kept word for word (but for its name) as the reference that
 * {@link PoolBuilderEquivalenceTest} holds the new one to: same snapshot bytes, same plan, same
 * off-site list, over many registries. When the pool's rules next change on purpose, this class and
 * that test go: they hold the rules to what they were.
 */
@ApplicationScoped
class PoolBuilderBefore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TargetStore targets;

    @Inject
    TargetEventService events;

    @Inject
    InspectorStore inspectors;

    @Inject
    RegionDirectory regions;

    /**
     * How many parts a province's pool is read in at once, from this replica's copy of the registry
     * ({@link TargetMirror}). Below a province the subtree is a small share of the table, read through
     * the region index.
     */
    private static final int PROVINCE_SCAN_PARTS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    @Inject
    ReadThreads readThreads;

    @Inject
    TargetMirror mirror;

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
     * The snapshot, the plan that explains it, and which of its targets may be checked off site
     * ({@link NonSiteRule} on the draw date), so that execute need not read the selected rows again.
     */
    public record Pool(PoolSnapshot snapshot, DrawPlan plan, PackedIds nonSite) {
    }

    public Pool build(Region authority, Quarter quarter, LocalDate drawDate, PolicyData policy, boolean directed,
                      DirectedFilter filter, int count, List<ItemData> items) {
        String prefix = regions.subtreePrefix(authority.code());
        boolean city = authority.level() != RegionLevel.COUNTY;
        // what the pool knows of a target besides its row (its earlier draws, events, recusals) is gathered
        // first, one record per target, so that the scan looks each target up once. An undirected province
        // pool is read from this replica's copy of the registry, which finds that record by the target's
        // place in memory; others find it by USCC. A province's earlier draws are read on a connection of
        // their own while its events and staff are read here; others' first, here.
        boolean province = readsBeside(authority);
        boolean fromMirror = province && !directed;
        RegionRange range = RegionRange.ofPrefix(prefix);
        List<String> above = regions.ancestors(authority.code());
        Map<String, Known> knownByCode = new HashMap<>();
        CompletableFuture<TargetNotes<Known>> knownBySlot = readThreads.supply(province, () -> {
            if (fromMirror) {
                return mirror.notes(notes -> drawnBefore(range, above, quarter,
                        (bytes, from, length) -> notes.note(bytes, from, length, Known::new)));
            }
            drawnBefore(range, above, quarter, (bytes, from, length) -> knownByCode.computeIfAbsent(
                    new String(bytes, from, length, StandardCharsets.UTF_8), code -> new Known()));
            return null;
        });
        Map<String, List<TargetEvent>> eventsByTarget = events.forClassification(prefix, quarter);
        SupervisionClassifier classifier = events.classifier();
        PoolSnapshot.Builder snapshot = PoolSnapshot.builder();

        // inspectors first (a few thousand at most): their recusals are then known of each target before
        // the scan meets it, instead of collecting the pool in a set
        List<InspectorData> staff = new ArrayList<>();
        inspectors.forEach(authority.code(), s -> {
            if (s.data().regionCode().equals(authority.code())) {
                staff.add(s.data());
            }
        });
        TreeSet<String> needed = new TreeSet<>();
        items.forEach(i -> {
            if (i.requiredSpecialty() != null) {
                needed.add(i.requiredSpecialty());
            }
        });
        int certified = 0;
        Set<String> specialists = new HashSet<>();
        Set<String> members = new HashSet<>();
        for (InspectorData i : staff) {
            boolean isCertified = i.certifiedOn(drawDate) && !i.auxiliary();
            boolean onDuty = isCertified || (i.auxiliary() && i.status() == cn.doublerandom.registry.inspector.InspectorStatus.ACTIVE);
            if (isCertified) {
                snapshot.inspector(i.code());
                certified++;
                members.add(i.code());
            }
            if (onDuty) {
                for (String s : i.specialties()) {
                    if (needed.contains(s)) {
                        snapshot.specialist(i.code(), s);
                        specialists.add(i.code());
                        members.add(i.code());
                    }
                }
            }
        }
        needed.forEach(snapshot::needs);
        Map<String, List<String>> recusedBy = new HashMap<>();
        for (InspectorData i : staff) {
            if (members.contains(i.code())) {
                for (Conflict k : i.conflicts()) {
                    recusedBy.computeIfAbsent(k.uscc(), x -> new ArrayList<>()).add(i.code());
                }
            }
        }

        // the earlier draws (a province's were read beside the above), then the events and recusals, on the
        // same records
        TargetNotes<Known> bySlot = Concurrently.join(knownBySlot);
        Consumer<Function<String, Known>> addEventsAndRecusals = knownOf -> {
            eventsByTarget.forEach((code, list) -> knownOf.apply(code).events = list);
            recusedBy.forEach((code, list) -> knownOf.apply(code).recusedBy = list);
        };
        if (fromMirror) {
            mirror.addNotes(bySlot, notes -> addEventsAndRecusals.accept(code -> notes.note(code, Known::new)));
        } else {
            addEventsAndRecusals.accept(code -> knownByCode.computeIfAbsent(code, c -> new Known()));
        }
        Scan scan = new Scan(directed, filter, policy.yearlyCap());
        if (directed) {
            // a directed filter reads any registry field: whole rows
            Part part = scan.part();
            targets.forEach(prefix, stored -> {
                TargetData t = stored.data();
                Known known = knownByCode.get(t.uscc());
                part.consider(t.uscc(), t.operatingStatus(), classifier.classOf(SupervisionClassifier.Inputs.of(t),
                        known == null ? List.of() : known.events, quarter), NonSiteRule.applies(t, policy, drawDate), t, known);
            });
        } else {
            Function<Part, BiConsumer<TargetStore.PoolRow, Known>> reader = part -> (row, known) -> {
                if (row.status() != OperatingStatus.PRODUCING) {
                    part.consider(row.uscc(), row.status(), null, false, null, known);
                } else {
                    SupervisionClassifier.Inputs in = row.classInputs();
                    part.consider(row.uscc(), row.status(), classifier.classOf(in, known == null ? List.of() : known.events, quarter),
                            NonSiteRule.applies(in.positiveListFrom(), in.positiveListTo(), row.monitoringTypes(), policy, drawDate),
                            null, known);
                }
            };
            if (fromMirror) {
                // the copy hands each target what is known of it by its place in memory: a million lookups
                // by USCC cost more than the rest of the scan
                mirror.forEachPoolRow(prefix, bySlot, IntStream.range(0, PROVINCE_SCAN_PARTS)
                        .mapToObj(i -> reader.apply(scan.part())).toList());
            } else {
                BiConsumer<TargetStore.PoolRow, Known> sink = reader.apply(scan.part());
                targets.forEachPoolRow(prefix, row -> sink.accept(row, knownByCode.get(row.uscc())));
            }
        }
        Map<SupervisionClass, long[]> operating = new EnumMap<>(SupervisionClass.class);
        Map<Stratum, long[]> eligible = new EnumMap<>(Stratum.class);
        long[] excluded = new long[4]; // not producing, selected this quarter, at yearly cap, outside filter
        PackedIds.Appender nonSite = PackedIds.appender();
        for (Part part : scan.parts()) {
            part.operating.forEach((cls, n) -> operating.computeIfAbsent(cls, k -> new long[1])[0] += n[0]);
            part.targets.forEach((stratum, usccs) -> {
                snapshot.targets(stratum, usccs);
                eligible.computeIfAbsent(stratum, k -> new long[1])[0] += usccs.size();
            });
            for (int i = 0; i < excluded.length; i++) {
                excluded[i] += part.excluded[i];
            }
            nonSite.addAll(part.nonSite);
            part.recusals.forEach(r -> snapshot.recused(r[0], r[1]));
            part.previous.forEach(r -> snapshot.previousTeam(r[0], r[1]));
        }

        // quotas
        List<DrawPlan.StratumPlan> strata = new ArrayList<>();
        DrawPlan.GeneralRequirement general = null;
        if (directed) {
            snapshot.quota(Stratum.DIRECTED, count);
            long n = eligible.getOrDefault(Stratum.DIRECTED, new long[1])[0];
            strata.add(new DrawPlan.StratumPlan("DIRECTED", n, count, n, (int) Math.max(0, count - n)));
        } else {
            BigDecimal keyRate = city ? policy.cityKeyRate() : policy.countyKeyRate();
            BigDecimal specialRate = city ? policy.citySpecialRate() : policy.countySpecialRate();
            BigDecimal perInspector = city ? policy.cityGeneralPerInspector() : policy.countyGeneralPerInspector();
            long officers = staff.stream().filter(i -> i.certifiedOn(drawDate) && !i.auxiliary()).count();
            long earlier = generalSelectedEarlier(authority.code(), quarter);
            int generalQuota = Quota.general(perInspector, officers, earlier, quarter.number());
            general = new DrawPlan.GeneralRequirement(officers, Quota.yearlyGeneral(perInspector, officers), earlier,
                    5 - quarter.number());
            Map<Stratum, Integer> quotas = Map.of(
                    Stratum.KEY, Quota.ofRate(keyRate, operating.getOrDefault(SupervisionClass.KEY, new long[1])[0]),
                    Stratum.SPECIAL, Quota.ofRate(specialRate, operating.getOrDefault(SupervisionClass.SPECIAL, new long[1])[0]),
                    Stratum.GENERAL, generalQuota);
            for (Stratum s : List.of(Stratum.KEY, Stratum.SPECIAL, Stratum.GENERAL)) {
                int k = quotas.get(s);
                snapshot.quota(s, k);
                long n = eligible.getOrDefault(s, new long[1])[0];
                strata.add(new DrawPlan.StratumPlan(s.name(),
                        operating.getOrDefault(SupervisionClass.valueOf(s.name()), new long[1])[0], k, n, (int) Math.max(0, k - n)));
            }
        }
        snapshot.teamSize(policy.teamSize());
        DrawPlan plan = new DrawPlan(policy, authority.level().name(), strata,
                new DrawPlan.Exclusions(excluded[0], excluded[1], excluded[2], excluded[3], 0), general, certified,
                specialists.size(), List.copyOf(needed));
        var built = snapshot.build();
        return new Pool(built, plan, nonSite.sortedUnique());
    }

    /** GENERAL selections of this authority's executed, unvoided undirected draws in earlier quarters of the year. */
    private long generalSelectedEarlier(String authority, Quarter quarter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select count(*) from draw_target t join draw d on d.id = t.draw_id
                where d.authority = ? and d.kind = 'UNDIRECTED' and t.stratum = 'GENERAL'
                  and d.quarter like ? and d.quarter < ?
                  and not exists (select 1 from draw_void v where v.draw_id = d.id)""")) {
            ps.setString(1, authority);
            ps.setString(2, quarter.year() + "Q%");
            ps.setString(3, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the pool knows of one target besides its registry row: what earlier draws decide (selected this
     * quarter, how often this year, who checked it last), its events of the period, and who recuses
     * themselves from it. Most targets have none.
     */
    private static final class Known {
        boolean selectedThisQuarter;
        int selectedThisYear;
        List<String> lastTeam = List.of();
        List<TargetEvent> events = List.of();
        List<String> recusedBy = List.of();

        boolean atYearlyCap(int cap) {
            return selectedThisYear > 0 && selectedThisYear >= cap;
        }
    }

    /** The record of the target whose USCC is the UTF-8 bytes {@code bytes[from, from + length)}. */
    @FunctionalInterface
    private interface KnownOf {
        Known of(byte[] bytes, int from, int length);
    }

    /**
     * The rules that sort scanned targets into the pool, and the parts that apply them: one part per
     * thread of the scan, each with its own tallies, merged when the scan is done.
     */
    private static final class Scan {
        final boolean directed;
        final DirectedFilter filter;
        final int yearlyCap;
        final List<Part> parts = new ArrayList<>();

        Scan(boolean directed, DirectedFilter filter, int yearlyCap) {
            this.directed = directed;
            this.filter = filter;
            this.yearlyCap = yearlyCap;
        }

        Part part() {
            Part p = new Part(this);
            parts.add(p);
            return p;
        }

        List<Part> parts() {
            return parts;
        }
    }

    /** The stratum of each supervision class, by the class's ordinal. */
    private static final Stratum[] STRATUM_OF_CLASS = Arrays.stream(SupervisionClass.values())
            .map(c -> Stratum.valueOf(c.name())).toArray(Stratum[]::new);

    /** What one part of the scan found. */
    private static final class Part {
        final Scan scan;
        final Map<Stratum, PackedIds.Appender> targets = new EnumMap<>(Stratum.class);
        final Map<SupervisionClass, long[]> operating = new EnumMap<>(SupervisionClass.class);
        final long[] excluded = new long[4]; // not producing, selected this quarter, at yearly cap, outside filter
        final PackedIds.Appender nonSite = PackedIds.appender();
        final List<String[]> recusals = new ArrayList<>(); // {inspector, uscc}
        final List<String[]> previous = new ArrayList<>(); // {inspector, uscc}

        Part(Scan scan) {
            this.scan = scan;
        }

        /**
         * Sorts one target into the pool or an exclusion: its class ({@code cls}, null when not producing) and
         * whether it may be checked off site, as read; {@code full}, the whole row for a directed filter;
         * {@code known}, what else is known of it, if anything.
         */
        void consider(String uscc, OperatingStatus status, SupervisionClass cls, boolean nonSiteAllowed, TargetData full,
                      Known known) {
            if (status != OperatingStatus.PRODUCING) {
                excluded[0]++;
                return;
            }
            operating.computeIfAbsent(cls, k -> new long[1])[0]++;
            if (known != null && known.selectedThisQuarter) {
                excluded[1]++;
            } else if (known != null && known.atYearlyCap(scan.yearlyCap)) {
                excluded[2]++;
            } else if (scan.directed && !scan.filter.matches(full, cls)) {
                excluded[3]++;
            } else {
                // indexed loops and no lambdas: this runs a million times a province draw, and each
                // iterator or capturing lambda made here was garbage the collector had to keep up with
                Stratum stratum = scan.directed ? Stratum.DIRECTED : STRATUM_OF_CLASS[cls.ordinal()];
                targets.computeIfAbsent(stratum, k -> PackedIds.appender()).add(uscc);
                if (nonSiteAllowed) {
                    nonSite.add(uscc);
                }
                for (int i = 0; known != null && i < known.recusedBy.size(); i++) {
                    recusals.add(new String[] {known.recusedBy.get(i), uscc});
                }
                for (int i = 0; known != null && i < known.lastTeam.size(); i++) {
                    previous.add(new String[] {known.lastTeam.get(i), uscc});
                }
            }
        }
    }

    /**
     * The selections of draw {@code d}, read through draw_target's key draw by draw. Left to itself,
     * and without fresh statistics (autovacuum may lag or be off), the planner joins the whole
     * selection history by hash: a province adds 800,000 rows a year and never deletes one, and a
     * scan of three million took a second where the draws' own rows take 0.15 s. {@code offset 0}
     * keeps the subquery from being flattened into such a join.
     */
    private static final String SELECTIONS_OF_D = "select t.uscc, t.team, t.draw_id from draw_target t where t.draw_id = d.id offset 0";

    /**
     * Reads the selections of the draws that can hold the authority's targets: its own subtree's and
     * the regions' above it (a county's draw reads its county, city and province draws, not the whole
     * province's). Executed, unvoided draws only. Each selection this year counts toward its target's
     * record (found by {@code earlierOf}), and marks it if made this quarter; last teams come from earlier
     * quarters' draws, since a target drawn this quarter is out of the pool anyway. Rows are counted here,
     * not grouped by PostgreSQL: a province's 190,000 selections are streamed in a third of the time
     * grouping them took, and each is looked up without a string where the pool is in memory.
     */
    private void drawnBefore(RegionRange range, List<String> above, Quarter quarter, KnownOf earlierOf) {
        // by COPY (decoded at a third of a result set's cost); COPY takes no parameters, so the values are
        // quoted as literals
        String relevant = "(d.authority >= " + Sql.literal(range.from()) + " and d.authority < " + Sql.literal(range.to())
                + " or d.authority = any(array[" + String.join(",", above.stream().map(Sql::literal).toList()) + "]::text[]))"
                + " and not exists (select 1 from draw_void v where v.draw_id = d.id)";
        String thisQuarter = Sql.literal(quarter.toString());
        try (Connection c = dataSource.getConnection()) {
            CopyRow selection = new CopyRow(2);
            Sql.copyOut(c, """
                    copy (select t.uscc, d.quarter = %s from draw d cross join lateral (%s) t
                    where %s and d.quarter like %s) to stdout""".formatted(thisQuarter, SELECTIONS_OF_D, relevant,
                    Sql.literal(quarter.year() + "Q%")), bytes -> {
                selection.of(bytes);
                Known e = earlierOf.of(selection.row(), selection.start(0), selection.length(0));
                e.selectedThisYear++;
                e.selectedThisQuarter |= selection.bool(1);
            });
            CopyRow teams = new CopyRow(2);
            Sql.copyOut(c, """
                    copy (select distinct on (t.uscc) t.uscc, coalesce(s.team, t.team)::text from draw d
                    join draw_execution e on e.draw_id = d.id cross join lateral (%s) t
                    left join (select distinct on (draw_id, uscc) draw_id, uscc, team from draw_substitution
                               order by draw_id, uscc, id desc) s on s.draw_id = t.draw_id and s.uscc = t.uscc
                    where %s and d.quarter <> %s order by t.uscc, e.executed_at desc) to stdout""".formatted(
                    SELECTIONS_OF_D, relevant, thisQuarter),
                    bytes -> {
                        teams.of(bytes);
                        earlierOf.of(teams.row(), teams.start(0), teams.length(0)).lastTeam = Sql.arrayElements(teams.text(1));
                    });
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
