package cn.doublerandom.region;

import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.platform.problem.Problem;
import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that knows the region hierarchy: province → city → county-level unit, loaded from
 * the national division codes shipped with the service (reference/regions, from shared/data).
 */
@ApplicationScoped
public class RegionDirectory {

    /** A region code is six digits (GB/T 2260); the contract states it too ({@link RegionContract}). */
    public static final String CODE_REGEX = "\\d{6}";
    private static final Pattern CODE = Pattern.compile(CODE_REGEX);

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;

    public RegionDirectory() {
        Map<String, Region> regions = new LinkedHashMap<>();
        for (CSVRecord r : read("provinces.csv")) {
            String code = r.get("code") + "0000";
            regions.put(code, new Region(code, r.get("name"), RegionLevel.PROVINCE, null));
        }
        for (CSVRecord r : read("cities.csv")) {
            String code = r.get("code") + "00";
            regions.put(code, new Region(code, r.get("name"), RegionLevel.CITY, r.get("provinceCode") + "0000"));
        }
        for (CSVRecord r : read("areas.csv")) {
            regions.put(r.get("code"), new Region(r.get("code"), r.get("name"), RegionLevel.COUNTY, r.get("cityCode") + "00"));
        }
        Map<String, List<Region>> kids = new LinkedHashMap<>();
        for (Region region : regions.values()) {
            if (region.parentCode() != null) {
                kids.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
            }
        }
        kids.values().forEach(list -> list.sort(Comparator.comparing(Region::code)));
        this.byCode = Collections.unmodifiableMap(regions);
        this.children = Collections.unmodifiableMap(kids);
    }

    public static boolean hasCodeForm(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    public Region find(String code) {
        return code == null ? null : byCode.get(code);
    }

    /** The region, or a problem that says whether the code's form or the code itself is wrong. */
    public Region require(String field, String code) {
        if (!hasCodeForm(code)) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    field + " must be a 6-digit region code (GB/T 2260), got '" + code + "'",
                    List.of(Problem.FieldProblem.field(field, code, "must be 6 digits")));
        }
        Region region = byCode.get(code);
        if (region == null) {
            throw new ProblemException(ProblemType.UNKNOWN_REGION, "region " + code + " is not a known region code",
                    List.of(Problem.FieldProblem.field(field, code, "unknown region code")));
        }
        return region;
    }

    /** A county-level unit: where targets are registered. */
    public Region requireCounty(String field, String code) {
        Region region = require(field, code);
        if (region.level() != RegionLevel.COUNTY) {
            throw new ProblemException(ProblemType.VALIDATION_FAILED,
                    field + " must be a county-level region; " + code + " (" + region.name() + ") is a " + region.level().name().toLowerCase(),
                    List.of(Problem.FieldProblem.field(field, code, "must be a county-level region")));
        }
        return region;
    }

    public List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    public List<Region> provinces() {
        return byCode.values().stream().filter(r -> r.level() == RegionLevel.PROVINCE).toList();
    }

    /** True when {@code code} is {@code ancestor} itself or lies below it. */
    public boolean isWithin(String code, String ancestor) {
        for (Region r = find(code); r != null; r = find(r.parentCode())) {
            if (r.code().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The codes above {@code code}: its city and province (nearest first); empty for a province. */
    public List<String> ancestors(String code) {
        List<String> out = new java.util.ArrayList<>();
        Region r = find(code);
        for (r = r == null ? null : find(r.parentCode()); r != null; r = find(r.parentCode())) {
            out.add(r.code());
        }
        return out;
    }

    /**
     * The prefix that every code inside {@code code}'s subtree starts with, for SQL {@code LIKE}:
     * "13" for a province, "1301" for a city, the code itself for a county. An unknown code is
     * escaped, so that a {@code %} or {@code _} in it matches only itself, never every region.
     */
    public String subtreePrefix(String code) {
        Region region = find(code);
        if (region == null) {
            return code == null ? null : Sql.likeEscape(code);
        }
        return switch (region.level()) {
            case PROVINCE -> code.substring(0, 2);
            case CITY -> code.substring(0, 4);
            case COUNTY -> code;
        };
    }

    private static Iterable<CSVRecord> read(String file) {
        String path = "reference/regions/" + file;
        try (InputStream in = RegionDirectory.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8)).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
