package cn.doublerandom.result;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.draw.DrawState;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import cn.doublerandom.wording.Wording;
import cn.doublerandom.wording.WordingCatalog;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records inspection results: one per selected target of an executed draw, written by the operator
 * or city of the draw's authority (谁检查、谁录入). The visit's outcome is one wording per item of the
 * draw (each item exactly once), from the target region's vocabulary as at the determination date;
 * the version also keeps a summary wording for lists: the first item wording other than 未发现问题
 * (NO_PROBLEM) in the draw's item order, else 未发现问题. Nothing is updated: a correction is a new
 * version (with every item again) and its reason, and every version stays visible.
 */
@ApplicationScoped
public class ResultService {

    static final int TEXT_MAX = 500;

    @Inject
    PublishedVersions published;

    @Inject
    DrawFacts draws;

    @Inject
    ItemService itemList;

    @Inject
    TargetStore targets;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    PublicationRules rules;

    @Inject
    jakarta.enterprise.event.Event<VersionPublishable> publishable;

    @Inject
    ObjectMapper json;

    @Inject
    WordingCatalog wordings;

    @Inject
    AuditTrail audit;

    /** What a version holds once its fields are checked; the items are resolved against the draw later. */
    private record Checked(LocalDate inspectionDate, LocalDate determinationDate, String shorthand,
                           List<ResultInput.ItemOutcome> outcomes, List<ResultView.FindingView> problems,
                           List<Handling> handling, boolean violationFound, boolean nonSite, List<String> team) {
    }

    /** The items' outcomes in the draw's item order, and the visit's summary wording. */
    private record Outcomes(List<ResultView.ItemResult> items, String wording, String wordingText) {
    }

    /** An item of a draw, as the item list names it now. */
    private record DrawItem(long id, String name, String subItem) {
        String describe() {
            return id + " " + name + (subItem == null ? "" : "（" + subItem + "）");
        }
    }

    @Transactional
    public ResultView record(ResultInput in) {
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String drawId = f.text("drawId", in.drawId(), 32, true);
        String uscc = f.text("uscc", in.uscc(), 18, true);
        boolean confidential = Boolean.TRUE.equals(in.confidential());
        String confidentialReason = f.text("confidentialReason", in.confidentialReason(), TEXT_MAX, confidential);
        if (!confidential && confidentialReason != null) {
            f.fail("confidentialReason", FieldRules.abbreviate(confidentialReason), "only a confidential result has a reason to be withheld");
        }
        if (in.reason() != null) {
            f.fail("reason", FieldRules.abbreviate(in.reason()), "a first result has no correction reason");
        }
        Checked v = check(in, f);
        try (Connection c = dataSource.getConnection()) {
            DrawState draw = draws.require(drawId);
            scope.requireRegistryWrite(draw.authority());
            requireExecuted(draw);
            DrawFacts.SelectedTarget selected = selected(draw, uscc);
            TargetStore.Label target = targets.labels(List.of(uscc)).get(uscc);
            if (target == null) {
                throw new IllegalStateException("selected target " + uscc + " is missing from the registry");
            }
            Outcomes outcomes = checkAgainstDraw(draw, uscc, target.regionCode(), v, selected);
            lock(c, "result:" + draw.id() + ":" + uscc);
            Result.of(draw.id(), uscc).ifPresent(existing -> {
                throw new ProblemException(ProblemType.RESULT_EXISTS, "the result of " + uscc + " in draw " + draw.id()
                        + " is " + existing.id + "; a change is a correction: POST /api/v1/results/" + existing.id
                        + "/corrections", List.of(), Map.of("resultId", existing.id));
            });
            Result r = new Result();
            r.id = Result.nextId();
            r.drawId = draw.id();
            r.uscc = uscc;
            r.authority = draw.authority();
            r.regionCode = target.regionCode();
            r.enterpriseName = target.name();
            r.quarter = draw.quarter();
            r.confidential = confidential;
            r.confidentialReason = confidentialReason;
            r.recordedAt = clock.now();
            r.recordedBy = caller.signature();
            r.persist();
            String id = r.id;
            insertVersion(id, 1, v, outcomes, v.determinationDate(), null, r.recordedAt);
            audit.record("RECORD", "RESULT", id, draw.authority(), draw.id() + " " + uscc
                    + (v.violationFound() ? " violation found" : " no violation"));
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public ResultView correct(String id, ResultInput in) {
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String reason = f.text("reason", in.reason(), TEXT_MAX, true);
        if (in.drawId() != null || in.uscc() != null || in.confidential() != null || in.confidentialReason() != null) {
            f.fail("drawId", null, "a correction changes the findings only: drawId, uscc and confidentiality stay as recorded");
        }
        Checked v = check(in, f);
        try (Connection c = dataSource.getConnection()) {
            Result row = row(id);
            scope.requireRegistryWrite(row.authority);
            lock(c, "result:" + row.drawId + ":" + row.uscc);
            DrawState draw = draws.require(row.drawId);
            requireExecuted(draw);
            Outcomes outcomes = checkAgainstDraw(draw, row.uscc, row.regionCode, v, selected(draw, row.uscc));
            int next = ResultVersion.next(id);
            boolean anyPublished = published.anyOf(id);
            // unpublished, the window still runs from the determination; once published, a correction is new information
            LocalDate basis = anyPublished ? clock.today() : v.determinationDate();
            insertVersion(id, next, v, outcomes, basis, reason, clock.now());
            audit.record("CORRECT", "RESULT", id, row.authority, "version " + next + ": " + reason);
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Holds a result back from publication, or releases it; both with a reason. */
    @Transactional
    public ResultView hold(String id, boolean hold, String reasonText) {
        FieldRules f = new FieldRules();
        String reason = f.text("reason", reasonText, TEXT_MAX, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, (hold ? "holding" : "releasing") + " a result needs a reason",
                    f.problems());
        }
        try (Connection c = dataSource.getConnection()) {
            Result row = row(id);
            scope.requireRegistryWrite(row.authority);
            lock(c, "result:" + row.drawId + ":" + row.uscc);
            ResultView current = view(c, id);
            String state = current.publication().state();
            if (hold && !state.equals("PUBLISHABLE")) {
                throw new ProblemException(ProblemType.RESULT_CONFLICT, "result " + id + " is " + state
                        + ": only a publishable result is held");
            }
            if (!hold && !state.equals("HELD")) {
                throw new ProblemException(ProblemType.RESULT_CONFLICT, "result " + id + " is " + state + ", not HELD");
            }
            ResultHold.record(id, hold, reason, clock.now(), caller.signature());
            audit.record(hold ? "HOLD" : "RELEASE", "RESULT", id, row.authority, reason);
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Confidentiality lapses (解密): a confidential result becomes publishable (queued for the next run of the
     * publication job), and once nothing of its draw is withheld any more the draw's public package shows its
     * snapshot, record texts, nonce, seed and the salt of its pool's commitment. Once, with a reason.
     */
    @Transactional
    public ResultView declassify(String id, String reasonText) {
        FieldRules f = new FieldRules();
        String reason = f.text("reason", reasonText, TEXT_MAX, true);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "declassifying a result needs a reason", f.problems());
        }
        try (Connection c = dataSource.getConnection()) {
            Result row = row(id);
            scope.requireRegistryWrite(row.authority);
            lock(c, "result:" + row.drawId + ":" + row.uscc);
            if (!view(c, id).confidential()) {
                throw new ProblemException(ProblemType.RESULT_CONFLICT, "result " + id + " is not confidential: "
                        + "only a confidential result is declassified");
            }
            ResultDeclassification.record(id, reason, clock.now(), caller.signature());
            // the job dropped its versions from the queue as never publishable: the current one is publishable again
            publishable.fire(new VersionPublishable(id, ResultVersion.next(id) - 1));
            audit.record("DECLASSIFY", "RESULT", id, row.authority, reason);
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ResultView get(String id) {
        try (Connection c = dataSource.getConnection()) {
            scope.requireRead(row(id).authority);
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The results of a draw in its ticket order, a page at a time: the order is built from ids, and
     * only the page's results are read as views (a province's draw has tens of thousands).
     */
    public Page<ResultView> ofDraw(String drawId, Integer limit, String after) {
        if (drawId == null) {
            throw ProblemException.invalid("drawId", "drawId is required, e.g. D000000001");
        }
        try (Connection c = dataSource.getConnection()) {
            DrawState draw = draws.require(drawId);
            scope.requireRead(draw.authority());
            // in the draw's ticket order: its selection is the draw's to tell
            Map<String, String> idByUscc = new HashMap<>();
            Result.ofDraw(draw.id()).forEach(r -> idByUscc.put(r.uscc, r.id));
            List<String> ids = new ArrayList<>();
            for (String uscc : draws.selection(draw.id())) {
                String id = idByUscc.get(uscc);
                if (id != null) {
                    ids.add(id);
                }
            }
            Page<String> page = Page.slice(ids, limit, after, id -> id);
            List<ResultView> views = new ArrayList<>(page.items().size());
            for (String id : page.items()) {
                views.add(view(c, id));
            }
            return new Page<>(views, page.next(), page.total());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------------------------------------

    private Checked check(ResultInput in, FieldRules f) {
        LocalDate today = clock.today();
        LocalDate inspected = in.inspectionDate();
        LocalDate determined = in.determinationDate();
        if (inspected == null) {
            f.fail("inspectionDate", null, "is required");
        } else if (inspected.isAfter(today)) {
            f.fail("inspectionDate", inspected.toString(), "is in the future (today is " + today + ")");
        }
        if (determined == null) {
            f.fail("determinationDate", null, "is required");
        } else if (determined.isAfter(today)) {
            f.fail("determinationDate", determined.toString(), "is in the future (today is " + today + ")");
        } else if (inspected != null && determined.isBefore(inspected)) {
            f.fail("determinationDate", determined.toString(), "is before the inspection date " + inspected);
        }
        List<ResultInput.ItemOutcome> outcomes = in.items() == null ? List.of() : in.items();
        if (in.wording() != null && in.items() != null) {
            f.fail("items", null, "give either items (one outcome per item of the draw) or wording (the same for every "
                    + "item), not both");
        } else if (in.wording() == null && outcomes.isEmpty()) {
            f.fail("items", null, "is required: one {itemId, wording} per item of the draw, or wording alone when every "
                    + "item has the same outcome");
        } else if (in.wording() != null && !WordingCatalog.hasCodeForm(in.wording())) {
            f.fail("wording", FieldRules.abbreviate(in.wording()), "is not a wording code (see GET /public/v1/wordings?region=)");
        }
        for (int i = 0; i < outcomes.size(); i++) {
            ResultInput.ItemOutcome o = outcomes.get(i);
            if (o == null) {
                f.fail("items[" + i + "]", null, "is empty");
                continue;
            }
            if (o.itemId() == null) {
                f.fail("items[" + i + "].itemId", null, "is required");
            }
            if (o.wording() == null) {
                f.fail("items[" + i + "].wording", null, "is required");
            } else if (!WordingCatalog.hasCodeForm(o.wording())) {
                f.fail("items[" + i + "].wording", FieldRules.abbreviate(o.wording()),
                        "is not a wording code (see GET /public/v1/wordings?region=)");
            }
        }
        List<ResultView.FindingView> problems = findings(f, in.problems(), in.violationFound());
        Set<Handling> handling = new LinkedHashSet<>();
        List<String> handlingCodes = in.handling() == null ? List.of() : in.handling();
        if (handlingCodes.isEmpty()) {
            f.fail("handling", null, "is required: at least one of " + Arrays.toString(Handling.values()));
        }
        for (String h : handlingCodes) {
            try {
                handling.add(Handling.valueOf(h));
            } catch (IllegalArgumentException | NullPointerException e) {
                f.fail("handling", FieldRules.abbreviate(h), "is not a handling code: one of " + Arrays.toString(Handling.values()));
            }
        }
        if (in.violationFound() == null) {
            f.fail("violationFound", null, "is required");
        }
        if (in.nonSite() == null) {
            f.fail("nonSite", null, "is required: true when checked by technology (科技检查)");
        }
        List<String> team = new ArrayList<>(new LinkedHashSet<>(f.texts("team", in.team(), 32)));
        if (team.size() < 2) {
            f.fail("team", String.valueOf(in.team()), "at least two certified members of the target's team did the check (行政处罚法 art. 42)");
        }
        if (handling.contains(Handling.NONE) && handling.size() > 1) {
            f.fail("handling", "NONE", "NONE excludes every other handling");
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the result is not valid; nothing was recorded", f.problems());
        }
        return new Checked(inspected, determined, in.wording(), outcomes, problems, List.copyOf(handling), in.violationFound(),
                in.nonSite(), team);
    }

    /**
     * Checks the version against its draw (dates, team in force) and resolves the items' outcomes: every
     * item of the target's visit (the draw's items that apply to it, 进一次门、查多项事) exactly once, none
     * for an item of the draw that does not apply to it nor for another, each wording in the target
     * region's vocabulary as at the determination date. All problems at once; nothing is written when
     * there is one.
     */
    private Outcomes checkAgainstDraw(DrawState draw, String uscc, String region, Checked v, DrawFacts.SelectedTarget selected) {
        List<String> teamInForce = selected.teamInForce();
        List<FieldProblem> problems = new ArrayList<>();
        if (v.inspectionDate().isBefore(draw.drawDate())) {
            problems.add(FieldProblem.field("inspectionDate", v.inspectionDate().toString(),
                    "is before the draw date " + draw.drawDate()));
        }
        for (String m : v.team()) {
            if (!teamInForce.contains(m)) {
                problems.add(FieldProblem.field("team", m, "is not on the target's team in force " + teamInForce));
            }
        }
        List<DrawItem> allItems = drawItems(draw);
        List<Long> visitIds = selected.visitItems();
        List<DrawItem> covered = allItems.stream().filter(i -> visitIds.contains(i.id())).toList();
        // a visit is never empty when its items were found from the snapshot; if one were, every item stands
        List<DrawItem> drawItems = covered.isEmpty() ? allItems : covered;
        Set<Long> ofDraw = new HashSet<>(draw.items());
        int n = drawItems.size();
        // per item of the draw: the wording code given for it, and the field a problem with it is reported on
        String[] codes = new String[n];
        String[] fields = new String[n];
        if (v.shorthand() != null) {
            Arrays.fill(codes, v.shorthand());
            Arrays.fill(fields, "wording");
        } else {
            Map<Long, Integer> index = new HashMap<>();
            for (int k = 0; k < n; k++) {
                index.put(drawItems.get(k).id(), k);
            }
            for (int i = 0; i < v.outcomes().size(); i++) {
                ResultInput.ItemOutcome o = v.outcomes().get(i);
                Integer k = index.get(o.itemId());
                if (k == null && o.itemId() != null && ofDraw.contains(o.itemId())) {
                    problems.add(FieldProblem.field("items[" + i + "].itemId", String.valueOf(o.itemId()), "item "
                            + allItems.stream().filter(d -> d.id() == o.itemId()).findFirst().orElseThrow().describe()
                            + " of draw " + draw.id() + " does not apply to " + uscc + " (it inspects no object of its kinds)"
                            + "; the visit covers " + drawItems.stream().map(DrawItem::describe).toList()));
                } else if (k == null) {
                    problems.add(FieldProblem.field("items[" + i + "].itemId", String.valueOf(o.itemId()), "is not an item of draw "
                            + draw.id() + "; its items are " + allItems.stream().map(DrawItem::describe).toList()));
                } else if (codes[k] != null) {
                    problems.add(FieldProblem.field("items[" + i + "].itemId", String.valueOf(o.itemId()), "item "
                            + drawItems.get(k).describe() + " is given twice; each item of the draw has one outcome"));
                } else {
                    codes[k] = o.wording();
                    fields[k] = "items[" + i + "].wording";
                }
            }
            for (int k = 0; k < n; k++) {
                if (codes[k] == null) {
                    problems.add(FieldProblem.field("items", String.valueOf(drawItems.get(k).id()), "item "
                            + drawItems.get(k).describe() + " of draw " + draw.id() + " has no outcome; every item of the visit needs one"));
                }
            }
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String code : codes) {
            if (code != null) {
                distinct.add(code);
            }
        }
        Map<String, Wording> found = wordings.load(distinct);
        Set<String> reported = new HashSet<>();
        List<ResultView.ItemResult> items = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            if (codes[k] == null) {
                continue;
            }
            Wording w = found.get(codes[k]);
            String why = w == null ? codes[k] + " is not a result wording; the vocabulary of " + region + " on "
                    + v.determinationDate() + " is " + wordings.vocabulary(region).stream()
                    .filter(x -> x.usableOn(v.determinationDate())).map(Wording::code).toList()
                    : wordings.unusable(w, region, v.determinationDate());
            if (why != null) {
                // the shorthand names one code for every item: reported once
                if (reported.add(fields[k] + "=" + codes[k])) {
                    problems.add(FieldProblem.field(fields[k], FieldRules.abbreviate(codes[k]), why));
                }
                continue;
            }
            DrawItem d = drawItems.get(k);
            items.add(new ResultView.ItemResult(d.id(), d.name(), d.subItem(), w.code(), w.text()));
        }
        Outcomes outcomes = null;
        if (problems.isEmpty()) {
            // the summary: the first item wording other than 未发现问题, else 未发现问题 (every item)
            ResultView.ItemResult summary = items.stream().filter(i -> !WordingCatalog.NO_PROBLEM.equals(i.wording())).findFirst()
                    .orElse(items.get(0));
            if (WordingCatalog.NO_PROBLEM.equals(summary.wording()) && (!v.problems().isEmpty() || v.violationFound())) {
                problems.add(FieldProblem.field(v.shorthand() != null ? "wording" : "items", WordingCatalog.NO_PROBLEM,
                        "未发现问题 on every item contradicts the problems or violation recorded"));
            }
            outcomes = new Outcomes(items, summary.wording(), summary.wordingText());
        }
        if (!problems.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the result does not fit draw " + draw.id()
                    + "; nothing was recorded", problems);
        }
        return outcomes;
    }

    /** The draw's items in its order (ascending id, as prepare stores them), named as the item list names them now. */
    private List<DrawItem> drawItems(DrawState draw) {
        return draw.items().stream().map(id -> itemList.get(id).data())
                .map(i -> new DrawItem(i.id(), i.name(), i.subItem())).toList();
    }

    private static void requireExecuted(DrawState draw) {
        if (draw.voided()) {
            throw new ProblemException(ProblemType.DRAW_NOT_EXECUTED, "draw " + draw.id() + " is voided: its targets are not inspected under it");
        }
        if (!draw.executed()) {
            throw new ProblemException(ProblemType.DRAW_NOT_EXECUTED, "draw " + draw.id() + " was not executed: it selected no target");
        }
    }

    private DrawFacts.SelectedTarget selected(DrawState draw, String uscc) {
        return draws.selected(draw, uscc).orElseThrow(() -> new ProblemException(ProblemType.TARGET_NOT_SELECTED,
                FieldRules.abbreviate(uscc) + " was not selected by draw " + draw.id() + "; a result is recorded only for a selected target",
                List.of(FieldProblem.field("uscc", FieldRules.abbreviate(uscc), "not selected by " + draw.id()))));
    }

    private void insertVersion(String id, int version, Checked v, Outcomes outcomes, LocalDate basis, String reason,
                               Instant now) {
        ResultVersion rv = new ResultVersion();
        rv.resultId = id;
        rv.version = version;
        rv.inspectionDate = v.inspectionDate();
        rv.determinationDate = v.determinationDate();
        rv.wording = outcomes.wording();
        rv.wordingText = outcomes.wordingText();
        try {
            rv.problems = json.writeValueAsString(v.problems());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rv.handling = v.handling().stream().map(Enum::name).toArray(String[]::new);
        rv.violationFound = v.violationFound();
        rv.nonSite = v.nonSite();
        rv.team = v.team().toArray(String[]::new);
        rv.deadlineBasis = basis;
        rv.correctionReason = reason;
        rv.recordedAt = now;
        rv.recordedBy = caller.signature();
        rv.persist();
        int position = 1;
        for (ResultView.ItemResult item : outcomes.items()) {
            ResultItem ri = new ResultItem();
            ri.resultId = id;
            ri.version = version;
            ri.position = position++;
            ri.itemId = item.itemId();
            ri.itemName = item.itemName();
            ri.subItem = item.subItem();
            ri.wording = item.wording();
            ri.wordingText = item.wordingText();
            ri.persist();
        }
        // the version's trigger (superseded), publication's queue (a foreign key to the version) and the reads that follow see it
        ResultVersion.flush();
        publishable.fire(new VersionPublishable(id, version));
    }

    private static Result row(String id) {
        if (id == null || !id.matches("R\\d{9}")) {
            throw ProblemException.notFound("no result " + FieldRules.abbreviate(id));
        }
        return Result.of(id).orElseThrow(() -> ProblemException.notFound("no result " + id));
    }

    ResultView view(Connection c, String id) throws SQLException {
        Result r = row(id);
        Map<Integer, List<ResultView.ItemResult>> items = new TreeMap<>();
        for (ResultItem i : ResultItem.of(id)) {
            items.computeIfAbsent(i.version, k -> new ArrayList<>()).add(new ResultView.ItemResult(i.itemId, i.itemName, i.subItem,
                    i.wording, i.wordingText));
        }
        // the evidence of each version: its hashes are part of the version's digest
        Map<Integer, List<ResultView.AttachmentHash>> attachments = new TreeMap<>();
        attachments.putAll(ResultStore.attachments(c, id));
        Map<Integer, Instant> publishedAt = new HashMap<>();
        Map<Integer, Boolean> onTime = new HashMap<>();
        for (PublishedVersions.Published p : published.of(id)) {
            publishedAt.put(p.version(), p.publishedAt());
            onTime.put(p.version(), p.onTime());
        }
        List<ResultVersion> rows = ResultVersion.of(id);
        List<ResultView.Version> versions = new ArrayList<>();
        for (ResultVersion v : rows) {
            List<ResultView.HandlingView> handling = Arrays.stream(v.handling).map(Handling::valueOf)
                    .map(h -> new ResultView.HandlingView(h.name(), h.label())).toList();
            versions.add(new ResultView.Version(v.version, v.inspectionDate, v.determinationDate, v.wording, v.wordingText,
                    items.getOrDefault(v.version, List.of()), readProblems(v.problems), handling, v.violationFound, v.nonSite,
                    List.of(v.team), v.correctionReason, v.recordedAt, v.recordedBy, publishedAt.get(v.version),
                    onTime.get(v.version), attachments.getOrDefault(v.version, List.of()), null)
                    .withDigest(id, r.drawId, r.uscc));
        }
        ResultView.Version current = versions.get(0);
        ResultHold hold = ResultHold.latest(id).orElse(null);
        boolean held = hold != null && ResultHold.HOLD.equals(hold.action);
        Instant declassified = r.confidential ? ResultDeclassification.at(id) : null;
        boolean confidential = r.confidential && declassified == null;
        ResultView.Publication publication;
        if (confidential) {
            publication = new ResultView.Publication("WITHHELD", null, null, null, null, false, null, null);
        } else {
            PublicationRules.Deadline deadline = rules.deadline(PublicationRules.basis(rows.get(0).deadlineBasis, declassified,
                    clock.businessZone()));
            boolean published = current.publishedAt() != null;
            String state = published ? "PUBLISHED" : held ? "HELD" : "PUBLISHABLE";
            boolean overdue = published ? Boolean.FALSE.equals(current.onTime())
                    : PublicationRules.overdue(deadline, clock.today());
            publication = new ResultView.Publication(state, held ? hold.reason : null, deadline.date(),
                    deadline.state(), deadline.missingYear(), overdue, current.publishedAt(), current.onTime());
        }
        return new ResultView(r.id, r.drawId, r.uscc, r.enterpriseName, r.authority, r.regionCode, r.quarter, confidential,
                r.confidentialReason, r.recordedAt, r.recordedBy, publication, current, versions);
    }

    private List<ResultView.FindingView> readProblems(String text) {
        try {
            return json.readValue(text, new TypeReference<List<ResultView.FindingView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void lock(Connection c, String key) throws SQLException {
        ResultStore.lock(c, key);
    }

    /**
     * The problems found (检查发现的问题) as given, each with a known type and a description, and marked
     * a violation only when the check found one; faults go to {@code f}.
     */
    public static List<ResultView.FindingView> findings(FieldRules f, List<ResultInput.Finding> given, Boolean violationFound) {
        List<ResultView.FindingView> out = new ArrayList<>();
        if (given == null) {
            return out;
        }
        for (int i = 0; i < given.size(); i++) {
            ResultInput.Finding p = given.get(i);
            String field = "problems[" + i + "]";
            if (p == null) {
                f.fail(field, null, "is empty");
                continue;
            }
            FindingType type = null;
            try {
                type = p.type() == null ? null : FindingType.valueOf(p.type());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (type == null) {
                f.fail(field + ".type", FieldRules.abbreviate(p.type()), "is not a problem type: one of " + Arrays.toString(FindingType.values()));
            }
            String description = f.text(field + ".description", p.description(), TEXT_MAX, true);
            if (Boolean.TRUE.equals(p.violation()) && Boolean.FALSE.equals(violationFound)) {
                f.fail(field + ".violation", "true", "a violation (违法问题) contradicts violationFound false");
            }
            if (type != null && description != null) {
                out.add(new ResultView.FindingView(type.name(), type.label(), description, p.violation(), p.nonSite()));
            }
        }
        return out;
    }
}
