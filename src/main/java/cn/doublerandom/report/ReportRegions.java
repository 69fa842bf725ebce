package cn.doublerandom.report;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.region.Region;
import cn.doublerandom.region.RegionDirectory;
import cn.doublerandom.region.RegionLevel;
import cn.doublerandom.security.Caller;
import cn.doublerandom.security.RegionScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * Which region a report covers and what its rows are. An operator reads its own county, a city its
 * counties, an auditor its subtree (RegionScope); anything else is a 403 problem, never an empty report.
 */
@RequestScoped
public class ReportRegions {

    @Inject
    RegionScope scope;

    @Inject
    RegionDirectory regions;

    @Inject
    Caller caller;

    @Inject
    ReportConfig config;

    /**
     * One row of a report. {@code own} marks the bureau of the region itself (市本级): it counts in the
     * total but is not ranked with the units below it.
     */
    public record Unit(String code, String name, boolean own) {
    }

    /** The covered region: the caller's own unless named, and only inside the caller's scope. */
    public Region require(String region) {
        String code = region;
        if (code == null || code.isBlank()) {
            code = scope.home();
            if (Caller.ALL_REGIONS.equals(code)) {
                throw ProblemException.invalid("region", "region is required for a national auditor, e.g. 130100");
            }
        }
        Region r = regions.require("region", code);
        scope.requireRead(r.code());
        return r;
    }

    /**
     * The rows of a ranking: a county alone; a city's county-level units, then the city bureau itself;
     * a province's cities (each with its counties), then the province bureau itself.
     */
    public List<Unit> units(Region r) {
        if (r.level() == RegionLevel.COUNTY) {
            return List.of(new Unit(r.code(), r.name(), false));
        }
        List<Unit> out = new ArrayList<>();
        for (Region child : regions.children(r.code())) {
            out.add(new Unit(child.code(), child.name(), false));
        }
        out.add(new Unit(r.code(), r.name() + "本级", true));
        return out;
    }

    /**
     * The rows of the assessment (seed 000): as {@link #units}, but a city named in
     * {@code doublerandom.reports.assessment.units} ranks only the units it names, under their short
     * names, in its order; its other units follow, outside the ranking, then the city bureau.
     */
    public List<Assessed> assessed(Region r) {
        java.util.Map<String, String> named = new java.util.LinkedHashMap<>();
        for (String entry : config.reports().assessment().units()) {
            int colon = entry.indexOf(':');
            int eq = entry.indexOf('=');
            if (colon > 0 && eq > colon && entry.substring(0, colon).trim().equals(r.code())) {
                named.put(entry.substring(colon + 1, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        List<Assessed> out = new ArrayList<>();
        List<Unit> units = units(r);
        if (named.isEmpty()) {
            for (Unit u : units) {
                out.add(new Assessed(u, u.name(), !u.own()));
            }
            return out;
        }
        for (var e : named.entrySet()) {
            units.stream().filter(u -> !u.own() && u.code().equals(e.getKey())).findFirst()
                    .ifPresent(u -> out.add(new Assessed(u, e.getValue(), true)));
        }
        for (Unit u : units) {
            if (!named.containsKey(u.code()) || u.own()) {
                out.add(new Assessed(u, u.name(), false));
            }
        }
        return out;
    }

    /** The violation rate under which the assessment flags a unit (低于1%). */
    public java.math.BigDecimal lowViolationRate() {
        return config.reports().assessment().lowViolationRate();
    }

    /** A row of the assessment: the unit, the name the city's table gives it, and whether it is ranked. */
    public record Assessed(Unit unit, String name, boolean ranked) {
    }

    /**
     * The SQL expression that maps an authority column to its unit code: the authority itself below a
     * city; below a province, the city an authority belongs to (a province's own bureau stays itself).
     */
    public String unitKey(Region r, String authorityColumn) {
        if (r.level() == RegionLevel.PROVINCE) {
            return "(case when " + authorityColumn + " = '" + r.code() + "' then " + authorityColumn
                    + " else substr(" + authorityColumn + ", 1, 4) || '00' end)";
        }
        return authorityColumn;
    }

    /** The SQL LIKE pattern of every authority inside the region. */
    public String like(Region r) {
        return regions.subtreePrefix(r.code()) + "%";
    }

    /**
     * Every bureau inside the region, top first: the region's own, then its cities, then their
     * county-level units (as the directory orders them).
     */
    public List<Region> authorities(Region r) {
        List<Region> out = new ArrayList<>();
        out.add(r);
        for (Region child : regions.children(r.code())) {
            out.addAll(authorities(child));
        }
        return out;
    }

    public String name(String code) {
        Region r = regions.find(code);
        return r == null ? code : r.name();
    }

    public Region find(String code) {
        return regions.find(code);
    }
}
