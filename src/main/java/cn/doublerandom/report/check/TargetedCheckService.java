package cn.doublerandom.report.check;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.Page;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.registry.Labelled;
import cn.doublerandom.result.Handling;
import cn.doublerandom.result.ResultInput;
import cn.doublerandom.result.ResultService;
import cn.doublerandom.result.ResultView;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
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
    AgroalDataSource dataSource;

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
        CheckSource source = null;
        if (in.source() == null) {
            f.fail("source", null, "is required: one of " + Arrays.toString(CheckSource.values()));
        } else {
            source = Labelled.parse(CheckSource.class, in.source()).orElse(null);
            if (source == null) {
                f.fail("source", FieldRules.abbreviate(in.source()), "is not a check source: one of " + Arrays.toString(CheckSource.values()));
            }
        }
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
        List<ResultView.FindingView> problems = ResultService.findings(f, in.problems());
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
        try (Connection c = dataSource.getConnection()) {
            String name = null;
            String targetRegion = null;
            if (uscc != null) {
                try (PreparedStatement ps = c.prepareStatement("select name, region_code from target where uscc = ?")) {
                    ps.setString(1, uscc);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            f.fail("uscc", uscc, "is not in the target registry");
                        } else {
                            name = rs.getString(1);
                            targetRegion = rs.getString(2);
                            if (!regions.isWithin(targetRegion, authority.code())) {
                                f.fail("uscc", uscc, "is registered in " + targetRegion + ", outside " + authority.code());
                            }
                        }
                    }
                }
            }
            if (team.size() >= 2 && date != null) {
                checkTeam(c, f, authority.code(), team, date);
            }
            if (!f.ok()) {
                throw new ProblemException(ProblemType.VALIDATION_FAILED, "the check is not valid; nothing was recorded", f.problems());
            }
            String id = "C" + String.format("%09d", scalar(c, "select nextval('targeted_check_seq')"));
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into targeted_check (id, authority, uscc, region_code, enterprise_name, source, source_reference,
                        inspection_date, problems, handling, violation_found, non_site, team, note, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, id);
                ps.setString(2, authority.code());
                ps.setString(3, uscc);
                ps.setString(4, targetRegion);
                ps.setString(5, name);
                ps.setString(6, source.name());
                ps.setString(7, reference);
                Sql.setDate(ps, 8, date);
                ps.setString(9, json.writeValueAsString(problems));
                ps.setArray(10, Sql.textArray(c, handling));
                ps.setBoolean(11, in.violationFound());
                ps.setBoolean(12, in.nonSite());
                ps.setArray(13, Sql.textArray(c, team));
                ps.setString(14, note);
                ps.setTimestamp(15, Timestamp.from(clock.now()));
                ps.setString(16, caller.signature());
                ps.executeUpdate();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            audit.record("RECORD", "CHECK", id, authority.code(), source.name() + " " + uscc);
            return view(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public CheckView get(String id) {
        if (id == null || !id.matches("C\\d{9}")) {
            throw ProblemException.notFound("no targeted check " + FieldRules.abbreviate(id));
        }
        try (Connection c = dataSource.getConnection()) {
            CheckView v = view(c, id);
            scope.requireRead(v.authority());
            return v;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        List<String> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    select id from targeted_check
                    where authority like ? and (cast(? as date) is null or inspection_date >= ?)
                      and (cast(? as date) is null or inspection_date <= ?) and (cast(? as text) is null or id > ?)
                    order by id limit ?""")) {
                ps.setString(1, regions.subtreePrefix(root) + "%");
                Sql.setDate(ps, 2, from);
                Sql.setDate(ps, 3, from);
                Sql.setDate(ps, 4, to);
                Sql.setDate(ps, 5, to);
                ps.setString(6, after);
                ps.setString(7, after);
                ps.setInt(8, limit + 1);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<CheckView> out = new ArrayList<>();
            for (String id : ids) {
                out.add(view(c, id));
            }
            return Page.of(out, limit, CheckView::id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every member is an inspector of the authority; at least two hold a certificate valid on the day. */
    private static void checkTeam(Connection c, FieldRules f, String authority, List<String> team, LocalDate date) throws SQLException {
        Set<String> known = new LinkedHashSet<>();
        int certified = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                select code, certified and not auxiliary and certificate_expiry >= ? from inspector
                where region_code = ? and code = any(?)""")) {
            Sql.setDate(ps, 1, date);
            ps.setString(2, authority);
            ps.setArray(3, Sql.textArray(c, team));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    known.add(rs.getString(1));
                    if (rs.getBoolean(2)) {
                        certified++;
                    }
                }
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

    private CheckView view(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select * from targeted_check where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ProblemException.notFound("no targeted check " + id);
                }
                CheckSource source = CheckSource.valueOf(rs.getString("source"));
                List<ResultView.FindingView> problems;
                try {
                    problems = json.readValue(rs.getString("problems"), new TypeReference<List<ResultView.FindingView>>() { });
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                return new CheckView(rs.getString("id"), rs.getString("authority"), rs.getString("uscc"),
                        rs.getString("enterprise_name"), rs.getString("region_code"), source.name(), source.label(),
                        rs.getString("source_reference"), Sql.getDate(rs, "inspection_date"), problems,
                        Sql.getArray(rs, "handling", Handling::valueOf).stream()
                                .map(h -> new ResultView.HandlingView(h.name(), h.label())).toList(),
                        rs.getBoolean("violation_found"), rs.getBoolean("non_site"), Sql.getArray(rs, "team", s -> s),
                        rs.getString("note"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by"));
            }
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
