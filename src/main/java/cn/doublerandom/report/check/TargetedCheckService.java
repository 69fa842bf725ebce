package cn.doublerandom.report.check;

import cn.doublerandom.registry.target.CheckSource;
import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.inspector.InspectorData;
import cn.doublerandom.registry.inspector.InspectorStore;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.result.Handling;
import cn.doublerandom.result.ResultInput;
import cn.doublerandom.result.ResultService;
import cn.doublerandom.result.ResultView;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records targeted (non-random) checks — complaints, referrals, incidents, data leads — so that the
 * city's figures cover every check as seed 000's do. Written by the operator (or city) of the bureau
 * that checked, append-only and audited; the reports keep them apart from random checks.
 */
@ApplicationScoped
public class TargetedCheckService {

    static final int TEXT_MAX = 500;

    @Inject
    TargetStore targets;

    @Inject
    InspectorStore inspectors;

    @Inject
    RegionScope scope;

    @Inject
    RegionDirectory regions;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Transactional
    public CheckView record(CheckInput in) {
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        String code = in.authority() == null ? scope.home() : in.authority();
        Region authority = regions.require("authority", code);
        // refused by role and region before the content is read
        scope.requireRegistryWrite(authority.code());
        FieldRules f = new FieldRules();
        String uscc = f.text("uscc", in.uscc(), 18, true);
        CheckSource source = CheckSource.parse(f, "source", in.source());
        String reference = f.text("sourceReference", in.sourceReference(), 100, false);
        String note = f.text("note", in.note(), TEXT_MAX, false);
        LocalDate today = clock.today();
        LocalDate date = f.date("inspectionDate", in.inspectionDate());
        if (in.inspectionDate() == null) {
            f.fail("inspectionDate", null, "is required");
        } else if (date != null && date.isAfter(today)) {
            f.fail("inspectionDate", date.toString(), "is in the future (today is " + today + ")");
            date = null;
        }
        List<ResultView.FindingView> problems = ResultService.findings(f, in.problems(), in.violationFound());
        List<Handling> handling = handling(f, in.handling());
        if (in.violationFound() == null) {
            f.fail("violationFound", null, "is required");
        } else if (in.violationFound() && problems.isEmpty()) {
            f.fail("violationFound", "true", "a violation found is a problem found: list it in problems");
        }
        if (Boolean.TRUE.equals(in.violationFound()) && handling.equals(List.of(Handling.NONE))) {
            f.fail("handling", "NONE", "a violation found needs handling other than NONE");
        }
        if (in.nonSite() == null) {
            f.fail("nonSite", null, "is required: true when checked by non-site means (科技检查)");
        }
        List<String> team = new ArrayList<>(new LinkedHashSet<>(f.texts("team", in.team(), 32)));
        if (team.size() < 2) {
            f.fail("team", String.valueOf(in.team()), "at least two certified inspectors did the check (行政处罚法 art. 42)");
        }
        String name = null;
        String targetRegion = null;
        if (uscc != null) {
            TargetStore.Label target = targets.labels(List.of(uscc)).get(uscc);
            if (target == null) {
                f.fail("uscc", uscc, "is not in the target registry");
            } else {
                name = target.name();
                targetRegion = target.regionCode();
                if (!regions.isWithin(targetRegion, authority.code())) {
                    f.fail("uscc", uscc, "is registered in " + targetRegion + ", outside " + authority.code());
                }
            }
        }
        if (team.size() >= 2 && date != null) {
            checkTeam(f, authority.code(), team, date);
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the check is not valid; nothing was recorded", f.problems());
        }
        TargetedCheck row = new TargetedCheck();
        row.id = TargetedCheck.nextId();
        row.authority = authority.code();
        row.uscc = uscc;
        row.regionCode = targetRegion;
        row.enterpriseName = name;
        row.source = source.name();
        row.sourceReference = reference;
        row.inspectionDate = date;
        try {
            row.problems = json.writeValueAsString(problems);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        row.handling = handling.stream().map(Enum::name).toArray(String[]::new);
        row.violationFound = in.violationFound();
        row.nonSite = in.nonSite();
        row.team = team.toArray(String[]::new);
        row.note = note;
        row.recordedAt = clock.now();
        row.recordedBy = caller.signature();
        row.persistAndFlush();
        String id = row.id;
        audit.record("RECORD", "CHECK", id, authority.code(), source.name() + " " + uscc);
        return view(row);
    }

    public CheckView get(String id) {
        if (id == null || !id.matches("C\\d{9}")) {
            throw ProblemException.notFound("no targeted check " + FieldRules.abbreviate(id));
        }
        CheckView v = view(TargetedCheck.of(id).orElseThrow(() -> ProblemException.notFound("no targeted check " + id)));
        scope.requireRead(v.authority());
        return v;
    }

    /** The targeted checks of a region's bureaus (a city includes its counties) inspected in [from, to], by id. */
    public Page<CheckView> list(String region, LocalDate from, LocalDate to, String after, int limit) {
        String root = region == null ? scope.home() : regions.require("region", region).code();
        if (cn.doublerandom.security.Caller.ALL_REGIONS.equals(root)) {
            throw ProblemException.invalid("region", "region is required for a national auditor, e.g. 130100");
        }
        regions.require("region", root);
        scope.requireRead(root);
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalid("to", "to is before from");
        }
        List<CheckView> out = TargetedCheck.page(regions.subtreePrefix(root), from, to, after, limit + 1).stream()
                .map(this::view).toList();
        return Page.of(out, limit, CheckView::id);
    }

    /** Every member is an inspector of the authority; at least two hold a certificate valid on the day. */
    private void checkTeam(FieldRules f, String authority, List<String> team, LocalDate date) {
        Set<String> known = new LinkedHashSet<>();
        int certified = 0;
        for (InspectorData i : inspectors.current(team).values()) {
            if (!authority.equals(i.regionCode())) {
                continue;
            }
            known.add(i.code());
            if (i.certified() && !i.auxiliary() && i.certificateExpiry() != null && !i.certificateExpiry().isBefore(date)) {
                certified++;
            }
        }
        for (String m : team) {
            if (!known.contains(m)) {
                f.fail("team", m, "is not in the inspector registry of " + authority);
            }
        }
        if (known.size() == team.size() && certified < 2) {
            f.fail("team", String.valueOf(team), "only " + certified + " member(s) held a valid enforcement certificate on "
                    + date + "; a check needs two (行政处罚法 art. 42)");
        }
    }

    static List<Handling> handling(FieldRules f, List<String> codes) {
        Set<Handling> out = new LinkedHashSet<>();
        List<String> given = codes == null ? List.of() : codes;
        if (given.isEmpty()) {
            f.fail("handling", null, "is required: at least one of " + Arrays.toString(Handling.values()));
        }
        for (String h : given) {
            try {
                out.add(Handling.valueOf(h));
            } catch (IllegalArgumentException | NullPointerException e) {
                f.fail("handling", FieldRules.abbreviate(h), "is not a handling code: one of " + Arrays.toString(Handling.values()));
            }
        }
        if (out.contains(Handling.NONE) && out.size() > 1) {
            f.fail("handling", "NONE", "NONE excludes every other handling");
        }
        return List.copyOf(out);
    }

    private CheckView view(TargetedCheck row) {
        CheckSource source = CheckSource.valueOf(row.source);
        List<ResultView.FindingView> problems;
        try {
            problems = json.readValue(row.problems, new TypeReference<List<ResultView.FindingView>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new CheckView(row.id, row.authority, row.uscc, row.enterpriseName, row.regionCode, source.name(), source.label(),
                row.sourceReference, row.inspectionDate, problems,
                Arrays.stream(row.handling).map(Handling::valueOf).map(h -> new ResultView.HandlingView(h.name(), h.label())).toList(),
                row.violationFound, row.nonSite, List.of(row.team), row.note, row.recordedAt, row.recordedBy);
    }
}
