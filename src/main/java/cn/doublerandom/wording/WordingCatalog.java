package cn.doublerandom.wording;

import cn.doublerandom.audit.AuditTrail;
import cn.doublerandom.platform.ServiceClock;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.registry.FieldRules;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
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
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The result wordings (抽查结果用语) as data per region: the national list (seeded by the migration,
 * kept by the service) and what provinces, cities and counties add. A region's vocabulary is the
 * national list plus the wordings of its province, its city and itself; a result's items are checked
 * against the vocabulary of the target's region as at the determination date. Append-only: a wording
 * is retired, never removed, and results keep the wording and text they were recorded with.
 */
@ApplicationScoped
public class WordingCatalog {

    /** The region code of the national vocabulary: no administrator's scope covers it. */
    public static final String NATIONAL = "000000";
    /** 未发现问题: the wording a visit's summary falls back to (see ResultService). */
    public static final String NO_PROBLEM = "NO_PROBLEM";
    static final int TEXT_MAX = 100;
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final String SELECT = """
            select w.code, w.region_code, w.text, w.valid_from, w.reason, w.recorded_at, w.recorded_by,
                   r.retired_from, r.reason as retirement_reason, r.recorded_at as retired_at, r.recorded_by as retired_by
            from wording w left join wording_retirement r on r.code = w.code""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RegionDirectory regions;

    @Inject
    RegionScope scope;

    @Inject
    Caller caller;

    @Inject
    ServiceClock clock;

    @Inject
    AuditTrail audit;

    /** Codes seen to exist. Wordings are never removed, so a code once known stays known on every replica. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    /** The portal's filter lists, kept a minute (what the page's own max-age allows); emptied by a local write. */
    private final Map<String, Cached> lists = new ConcurrentHashMap<>();
    static final long LIST_TTL_MILLIS = 60_000;

    private record Cached(List<Wording> wordings, long until) {
    }

    public static boolean hasCodeForm(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /** The regions whose wordings make up {@code region}'s vocabulary, national first, the region itself last. */
    public List<String> chain(String regionCode) {
        List<String> out = new ArrayList<>();
        for (Region r = regions.find(regionCode); r != null; r = regions.find(r.parentCode())) {
            out.add(0, r.code());
        }
        out.add(0, NATIONAL);
        return out;
    }

    /** The vocabulary of a region, retired wordings included (they still name old results): national first. */
    public List<Wording> vocabulary(String regionCode) {
        Region region = regions.require("region", regionCode);
        List<String> chain = chain(region.code());
        List<Wording> out = query(" where w.region_code = any(?) order by array_position(?, w.region_code::text), w.seq",
                chain.toArray(String[]::new), chain.toArray(String[]::new));
        return out;
    }

    /**
     * Every wording a result published in {@code region}'s subtree can carry: its vocabulary plus the
     * wordings of the regions below it (the portal's filter list for a city and its counties).
     */
    public List<Wording> within(String regionCode) {
        Region region = regions.require("region", regionCode);
        List<String> chain = chain(region.code());
        String prefix = regions.subtreePrefix(region.code());
        return query(" where w.region_code = any(?) or w.region_code like ? order by array_position(?, w.region_code::text) nulls last,"
                + " w.region_code, w.seq", chain.toArray(String[]::new), prefix + "%", chain.toArray(String[]::new));
    }

    /** {@link #within}, cached for the public pages: a wording added on another replica shows within a minute. */
    public List<Wording> withinCached(String regionCode) {
        long now = System.currentTimeMillis();
        Cached c = lists.get(regionCode);
        if (c == null || c.until() < now) {
            c = new Cached(within(regionCode), now + LIST_TTL_MILLIS);
            lists.put(regionCode, c);
        }
        return c.wordings();
    }

    public Optional<Wording> find(String code) {
        if (!hasCodeForm(code)) {
            return Optional.empty();
        }
        return query(" where w.code = ?", code).stream().findFirst();
    }

    /** Whether the code names a wording (any region, retired or not): the public filter's check. */
    public boolean isKnown(String code) {
        if (!hasCodeForm(code)) {
            return false;
        }
        if (known.contains(code)) {
            return true;
        }
        boolean exists = find(code).isPresent();
        if (exists) {
            known.add(code);
        }
        return exists;
    }

    /** The wordings of the given codes, by code; codes that name none are absent. */
    public Map<String, Wording> load(Connection c, Collection<String> codes) throws SQLException {
        Map<String, Wording> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where w.code = any(?)")) {
            ps.setArray(1, c.createArrayOf("text", codes.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Wording w = row(rs);
                    out.put(w.code(), w);
                }
            }
        }
        return out;
    }

    /**
     * Why {@code w} may not be used for a result of a target in {@code region} determined on
     * {@code date}, or null when it may.
     */
    public String unusable(Wording w, String region, LocalDate date) {
        if (!chain(region).contains(w.regionCode())) {
            return w.code() + " (" + w.text() + ") is a wording of region " + w.regionCode()
                    + (w.regionName() == null ? "" : " " + w.regionName()) + ", not in the vocabulary of " + region
                    + " (national, its province's, its city's and its own)";
        }
        if (date.isBefore(w.validFrom())) {
            return w.code() + " applies to results determined from " + w.validFrom() + "; this one was determined " + date;
        }
        if (w.retiredFrom() != null && !date.isBefore(w.retiredFrom())) {
            return w.code() + " was retired from " + w.retiredFrom() + " (" + w.retirementReason() + "); this result was determined "
                    + date;
        }
        return null;
    }

    @Transactional
    public Wording add(WordingInput in) {
        if (in == null) {
            throw ProblemException.invalid("body", "a JSON body is required");
        }
        FieldRules f = new FieldRules();
        String code = in.code() == null ? null : in.code().strip();
        if (code == null || code.isEmpty()) {
            f.fail("code", null, "is required: A-Z first, then A-Z, 0-9 or _, 2-40 characters, e.g. HB_DUST_UNRESOLVED");
        } else if (!hasCodeForm(code)) {
            f.fail("code", FieldRules.abbreviate(code), "must be A-Z first, then A-Z, 0-9 or _, 2-40 characters, e.g. HB_DUST_UNRESOLVED");
        }
        String regionCode = in.regionCode() == null ? null : in.regionCode().strip();
        if (regionCode == null || regionCode.isEmpty()) {
            f.fail("regionCode", null, "is required: the province, city or county whose vocabulary it joins");
        } else if (!RegionDirectory.hasCodeForm(regionCode)) {
            f.fail("regionCode", FieldRules.abbreviate(regionCode), "must be a 6-digit region code (GB/T 2260)");
        }
        String text = f.text("text", in.text(), TEXT_MAX, true);
        LocalDate validFrom = f.date("validFrom", in.validFrom());
        String reason = f.text("reason", in.reason(), 500, false);
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "the wording is not valid; nothing was recorded", f.problems());
        }
        Region region = regions.require("regionCode", regionCode);
        scope.requireAdminister(region.code());
        LocalDate from = validFrom == null ? clock.today() : validFrom;
        try (Connection c = dataSource.getConnection()) {
            // wordings are added rarely: one at a time service-wide, so that the duplicate checks below hold
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                ps.setString(1, "wording");
                ps.execute();
            }
            Map<String, Wording> existing = load(c, List.of(code));
            if (!existing.isEmpty()) {
                Wording w = existing.get(code);
                throw new ProblemException(ProblemType.CONFLICT, "wording code " + code + " exists already (" + w.text()
                        + ", region " + w.regionCode() + "); codes are unique service-wide and never reused",
                        List.of(cn.doublerandom.platform.problem.Problem.FieldProblem.field("code", code, "exists already")));
            }
            // the same text twice in one vocabulary would publish two codes for one phrase
            for (Wording w : clashes(c, region.code(), text)) {
                if (w.retiredFrom() == null || w.retiredFrom().isAfter(from)) {
                    throw new ProblemException(ProblemType.CONFLICT, "the text " + text + " is already wording " + w.code()
                            + " of region " + w.regionCode() + ", which applies where this one would",
                            List.of(cn.doublerandom.platform.problem.Problem.FieldProblem.field("text", text, "duplicates " + w.code())));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into wording (code, region_code, text, valid_from, reason, recorded_at, recorded_by)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                ps.setString(1, code);
                ps.setString(2, region.code());
                ps.setString(3, text);
                Sql.setDate(ps, 4, from);
                ps.setString(5, reason);
                ps.setTimestamp(6, Timestamp.from(clock.now()));
                ps.setString(7, caller.signature());
                ps.executeUpdate();
            }
            audit.record("CREATE", "WORDING", code, region.code(), text + " from " + from + (reason == null ? "" : "; " + reason));
            known.add(code);
            lists.clear();
            return load(c, List.of(code)).get(code);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Wording retire(String code, RetirementInput in) {
        Wording w = find(code).orElseThrow(() -> ProblemException.notFound("no wording " + FieldRules.abbreviate(code)));
        if (w.national()) {
            throw new ProblemException(ProblemType.FORBIDDEN, "the national wordings (" + code + ") are kept by the service "
                    + "and change with a release, not by a region's administrator");
        }
        scope.requireAdminister(w.regionCode());
        FieldRules f = new FieldRules();
        String reason = f.text("reason", in == null ? null : in.reason(), 500, true);
        LocalDate retiredFrom = f.date("retiredFrom", in == null ? null : in.retiredFrom());
        LocalDate from = retiredFrom == null ? clock.today() : retiredFrom;
        if (from.isBefore(w.validFrom())) {
            f.fail("retiredFrom", from.toString(), "is before the wording's validFrom " + w.validFrom());
        }
        if (!f.ok()) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED, "retiring a wording needs a reason and a date not "
                    + "before it applied; nothing was recorded", f.problems());
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into wording_retirement (code, retired_from, reason, recorded_at, recorded_by) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing""")) {
            ps.setString(1, w.code());
            Sql.setDate(ps, 2, from);
            ps.setString(3, reason);
            ps.setTimestamp(4, Timestamp.from(clock.now()));
            ps.setString(5, caller.signature());
            if (ps.executeUpdate() == 0) {
                throw new ProblemException(ProblemType.CONFLICT, "wording " + w.code() + " is already retired");
            }
            audit.record("RETIRE", "WORDING", w.code(), w.regionCode(), "from " + from + "; " + reason);
            lists.clear();
            return load(c, List.of(w.code())).get(w.code());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wordings with this text in the region's vocabulary or below it. */
    private List<Wording> clashes(Connection c, String region, String text) throws SQLException {
        List<Wording> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where w.text = ? and (w.region_code = any(?) or w.region_code like ?)")) {
            ps.setString(1, text);
            ps.setArray(2, c.createArrayOf("text", chain(region).toArray()));
            ps.setString(3, regions.subtreePrefix(region) + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    private List<Wording> query(String where, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] a) {
                    ps.setArray(i + 1, c.createArrayOf("text", a));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            List<Wording> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Wording row(ResultSet rs) throws SQLException {
        String region = rs.getString("region_code");
        Region r = regions.find(region);
        Timestamp retiredAt = rs.getTimestamp("retired_at");
        return new Wording(rs.getString("code"), region, NATIONAL.equals(region) ? "全国" : r == null ? null : r.name(),
                rs.getString("text"), Sql.getDate(rs, "valid_from"), Sql.getDate(rs, "retired_from"),
                rs.getString("retirement_reason"), rs.getString("reason"), rs.getTimestamp("recorded_at").toInstant(),
                rs.getString("recorded_by"), retiredAt == null ? null : retiredAt.toInstant(), rs.getString("retired_by"));
    }
}
