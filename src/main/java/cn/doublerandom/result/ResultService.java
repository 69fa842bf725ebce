package cn.doublerandom.result;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.draw.DrawFacts;
import cn.doublerandom.draw.DrawState;
import cn.doublerandom.item.ItemService;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.registry.FieldRules;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    DrawFacts draws;

    @Inject
    ItemService itemList;

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
            List<String> teamInForce = teamInForce(draw.id(), uscc);
            Outcomes outcomes = checkAgainstDraw(c, draw, targetRegion(c, uscc), v, teamInForce);
            lock(c, "result:" + draw.id() + ":" + uscc);
            try (PreparedStatement ps = c.prepareStatement("select id from result where draw_id = ? and uscc = ?")) {
                ps.setString(1, draw.id());
                ps.setString(2, uscc);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        throw new ProblemException(ProblemType.RESULT_EXISTS, "the result of " + uscc + " in draw " + draw.id()
                                + " is " + rs.getString(1) + "; a change is a correction: POST /api/v1/results/" + rs.getString(1)
                                + "/corrections", List.of(), Map.of("resultId", rs.getString(1)));
                    }
                }
            }
            String id = "R" + String.format("%09d", scalar(c, "select nextval('result_seq')"));
            Instant now = clock.now();
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into result (id, draw_id, uscc, authority, region_code, enterprise_name, quarter, confidential,
                                        confidential_reason, recorded_at, recorded_by)
                    select ?, ?, ?, ?, t.region_code, t.name, ?, ?, ?, ?, ? from target t where t.uscc = ?""")) {
                ps.setString(1, id);
                ps.setString(2, draw.id());
                ps.setString(3, uscc);
                ps.setString(4, draw.authority());
                ps.setString(5, draw.quarter());
                ps.setBoolean(6, confidential);
                ps.setString(7, confidentialReason);
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setString(9, caller.signature());
                ps.setString(10, uscc);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("selected target " + uscc + " is missing from the registry");
                }
            }
            insertVersion(c, id, 1, v, outcomes, v.determinationDate(), null, now);
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
            ResultRow row = row(c, id);
            scope.requireRegistryWrite(row.authority());
            lock(c, "result:" + row.drawId() + ":" + row.uscc());
            DrawState draw = draws.require(row.drawId());
            requireExecuted(draw);
            Outcomes outcomes = checkAgainstDraw(c, draw, row.regionCode(), v, teamInForce(draw.id(), row.uscc()));
            int next = (int) scalar(c, "select max(version) + 1 from result_version where result_id = ?", id);
            boolean anyPublished = scalar(c, "select count(*) from publication where result_id = ?", id) > 0;
            // unpublished, the window still runs from the determination; once published, a correction is new information
            LocalDate basis = anyPublished ? clock.today() : v.determinationDate();
            insertVersion(c, id, next, v, outcomes, basis, reason, clock.now());
            audit.record("CORRECT", "RESULT", id, row.authority(), "version " + next + ": " + reason);
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
            ResultRow row = row(c, id);
            scope.requireRegistryWrite(row.authority());
            lock(c, "result:" + row.drawId() + ":" + row.uscc());
            ResultView current = view(c, id);
            String state = current.publication().state();
            if (hold && !state.equals("PUBLISHABLE")) {
                throw new ProblemException(ProblemType.RESULT_CONFLICT, "result " + id + " is " + state
                        + ": only a publishable result is held");
            }
            if (!hold && !state.equals("HELD")) {
                throw new ProblemException(ProblemType.RESULT_CONFLICT, "result " + id + " is " + state + ", not HELD");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into result_hold (result_id, action, reason, recorded_at, recorded_by) values (?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, hold ? "HOLD" : "RELEASE");
                ps.setString(3, reason);
                ps.setTimestamp(4, Timestamp.from(clock.now()));
                ps.setString(5, caller.signature());
                ps.executeUpdate();
            }
            audit.record(hold ? "HOLD" : "RELEASE", "RESULT", id, row.authority(), reason);
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public ResultView get(String id) {
        try (Connection c = dataSource.getConnection()) {
            ResultRow row = row(c, id);
            scope.requireRead(row.authority());
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<ResultView> ofDraw(String drawId) {
        if (drawId == null) {
            throw ProblemException.invalid("drawId", "drawId is required, e.g. D000000001");
        }
        try (Connection c = dataSource.getConnection()) {
            DrawState draw = draws.require(drawId);
            scope.requireRead(draw.authority());
            // in the draw's ticket order: its selection is the draw's to tell
            Map<String, String> idByUscc = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select r.uscc, r.id from result r where r.draw_id = ?")) {
                ps.setString(1, draw.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        idByUscc.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            List<ResultView> out = new ArrayList<>();
            for (String uscc : draws.selection(draw.id())) {
                String id = idByUscc.get(uscc);
                if (id != null) {
                    out.add(view(c, id));
                }
            }
            return out;
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
     * item of the draw exactly once, each wording in the target region's vocabulary as at the
     * determination date. All problems at once; nothing is written when there is one.
     */
    private Outcomes checkAgainstDraw(Connection c, DrawState draw, String region, Checked v, List<String> teamInForce)
            throws SQLException {
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
        List<DrawItem> drawItems = drawItems(draw);
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
                if (k == null) {
                    problems.add(FieldProblem.field("items[" + i + "].itemId", String.valueOf(o.itemId()), "is not an item of draw "
                            + draw.id() + "; its items are " + drawItems.stream().map(DrawItem::describe).toList()));
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

    /** The region the target is registered in now: whose vocabulary its result uses. */
    private static String targetRegion(Connection c, String uscc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select region_code from target where uscc = ?")) {
            ps.setString(1, uscc);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("selected target " + uscc + " is missing from the registry");
                }
                return rs.getString(1);
            }
        }
    }

    private static void requireExecuted(DrawState draw) {
        if (draw.voided()) {
            throw new ProblemException(ProblemType.DRAW_NOT_EXECUTED, "draw " + draw.id() + " is voided: its targets are not inspected under it");
        }
        if (!draw.executed()) {
            throw new ProblemException(ProblemType.DRAW_NOT_EXECUTED, "draw " + draw.id() + " was not executed: it selected no target");
        }
    }

    private List<String> teamInForce(String drawId, String uscc) {
        return draws.teamInForce(drawId, uscc).orElseThrow(() -> new ProblemException(ProblemType.TARGET_NOT_SELECTED,
                FieldRules.abbreviate(uscc) + " was not selected by draw " + drawId + "; a result is recorded only for a selected target",
                List.of(FieldProblem.field("uscc", FieldRules.abbreviate(uscc), "not selected by " + drawId))));
    }

    private void insertVersion(Connection c, String id, int version, Checked v, Outcomes outcomes, LocalDate basis,
                               String reason, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                insert into result_version (result_id, version, inspection_date, determination_date, wording, wording_text,
                    problems, handling, violation_found, non_site, team, deadline_basis, correction_reason, recorded_at, recorded_by)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, id);
            ps.setInt(2, version);
            Sql.setDate(ps, 3, v.inspectionDate());
            Sql.setDate(ps, 4, v.determinationDate());
            ps.setString(5, outcomes.wording());
            ps.setString(6, outcomes.wordingText());
            ps.setString(7, json.writeValueAsString(v.problems()));
            ps.setArray(8, Sql.textArray(c, v.handling()));
            ps.setBoolean(9, v.violationFound());
            ps.setBoolean(10, v.nonSite());
            ps.setArray(11, Sql.textArray(c, v.team()));
            Sql.setDate(ps, 12, basis);
            ps.setString(13, reason);
            ps.setTimestamp(14, Timestamp.from(now));
            ps.setString(15, caller.signature());
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into result_item (result_id, version, position, item_id, item_name, sub_item, wording, wording_text)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int position = 1;
            for (ResultView.ItemResult item : outcomes.items()) {
                ps.setString(1, id);
                ps.setInt(2, version);
                ps.setInt(3, position++);
                ps.setLong(4, item.itemId());
                ps.setString(5, item.itemName());
                ps.setString(6, item.subItem());
                ps.setString(7, item.wording());
                ps.setString(8, item.wordingText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private record ResultRow(String id, String drawId, String uscc, String authority, String regionCode) {
    }

    private ResultRow row(Connection c, String id) throws SQLException {
        if (id == null || !id.matches("R\\d{9}")) {
            throw ProblemException.notFound("no result " + FieldRules.abbreviate(id));
        }
        try (PreparedStatement ps = c.prepareStatement("select id, draw_id, uscc, authority, region_code from result where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("no result " + id);
                }
                return new ResultRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
            }
        }
    }

    ResultView view(Connection c, String id) throws SQLException {
        Map<Integer, List<ResultView.ItemResult>> items = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select version, item_id, item_name, sub_item, wording, wording_text from result_item
                where result_id = ? order by version, position""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new ResultView.ItemResult(rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        // the evidence of each version: its hashes are part of the version's digest
        Map<Integer, List<ResultView.AttachmentHash>> attachments = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select result_version, id, kind, media_type, size_bytes, sha256 from attachment
                where result_id = ? order by id""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    attachments.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(new ResultView.AttachmentHash(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
                }
            }
        }
        List<ResultView.Version> versions = new ArrayList<>();
        List<LocalDate> bases = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select v.*, p.published_at, p.on_time from result_version v
                left join publication p on p.result_id = v.result_id and p.version = v.version
                where v.result_id = ? order by v.version desc""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<ResultView.FindingView> problems = readProblems(rs.getString("problems"));
                    List<ResultView.HandlingView> handling = Sql.getArray(rs, "handling", Handling::valueOf).stream()
                            .map(h -> new ResultView.HandlingView(h.name(), h.label())).toList();
                    Timestamp published = rs.getTimestamp("published_at");
                    versions.add(new ResultView.Version(rs.getInt("version"), Sql.getDate(rs, "inspection_date"),
                            Sql.getDate(rs, "determination_date"), rs.getString("wording"), rs.getString("wording_text"),
                            items.getOrDefault(rs.getInt("version"), List.of()), problems, handling, rs.getBoolean("violation_found"), rs.getBoolean("non_site"),
                            Sql.getArray(rs, "team", s -> s), rs.getString("correction_reason"),
                            rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"),
                            published == null ? null : published.toInstant(),
                            published == null ? null : rs.getBoolean("on_time") ? Boolean.TRUE : rs.wasNull() ? null : Boolean.FALSE,
                            attachments.getOrDefault(rs.getInt("version"), List.of()), null));
                    bases.add(Sql.getDate(rs, "deadline_basis"));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select r.*, (select h.action from result_hold h where h.result_id = r.id order by h.id desc limit 1) as hold,
                       (select h.reason from result_hold h where h.result_id = r.id order by h.id desc limit 1) as hold_reason
                from result r where r.id = ?""")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String drawId = rs.getString("draw_id");
                String uscc = rs.getString("uscc");
                versions.replaceAll(v -> v.withDigest(id, drawId, uscc));
                ResultView.Version current = versions.get(0);
                boolean confidential = rs.getBoolean("confidential");
                boolean held = "HOLD".equals(rs.getString("hold"));
                ResultView.Publication publication;
                if (confidential) {
                    publication = new ResultView.Publication("WITHHELD", null, null, null, null, false, null, null);
                } else {
                    PublicationRules.Deadline deadline = rules.deadline(bases.get(0));
                    boolean published = current.publishedAt() != null;
                    String state = published ? "PUBLISHED" : held ? "HELD" : "PUBLISHABLE";
                    boolean overdue = published ? Boolean.FALSE.equals(current.onTime())
                            : PublicationRules.overdue(deadline, clock.today());
                    publication = new ResultView.Publication(state, held ? rs.getString("hold_reason") : null, deadline.date(),
                            deadline.state(), deadline.missingYear(), overdue, current.publishedAt(), current.onTime());
                }
                return new ResultView(rs.getString("id"), rs.getString("draw_id"), rs.getString("uscc"),
                        rs.getString("enterprise_name"), rs.getString("authority"), rs.getString("region_code"),
                        rs.getString("quarter"), confidential, rs.getString("confidential_reason"),
                        rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"), publication, current, versions);
            }
        }
    }

    private List<ResultView.FindingView> readProblems(String text) {
        try {
            return json.readValue(text, new TypeReference<List<ResultView.FindingView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void lock(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, key);
            ps.execute();
        }
    }

    static long scalar(Connection c, String sql, Object... params) throws SQLException {
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
