package cn.doublerandom.report.assessment;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.Region;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.scoring.Direction;
import cn.doublerandom.report.scoring.Scoring;
import cn.doublerandom.report.scoring.ScoringScheme;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the assessment with one aggregate query over {@code inspection_record} (every check's
 * current record) grouped by unit and kind; rates and ranks are then taken from those few counts.
 */
@ApplicationScoped
public class AssessmentReport {

    /** The ranked figures, in the order of seed 000's narrative. */
    public static final List<AssessmentView.FigureName> FIGURES = List.of(
            new AssessmentView.FigureName("inspectorTrips", "出动执法人员", "人次", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("checks", "检查企业", "家次", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("problems", "发现问题", "个", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("problemRate", "发现问题率", "%", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("violations", "发现违法问题", "个", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("violationRate", "发现违法问题率", "%", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("nonSite", "非现场检查", "次", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("nonSiteShare", "非现场检查占比", "%", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("nonSiteProblems", "非现场发现问题", "个", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("nonSiteViolations", "非现场发现违法问题", "个", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("positiveListOnSite", "正面清单企业现场检查", "家次", Direction.FEWER_IS_BETTER),
            new AssessmentView.FigureName("publishedOnTime", "按时公示结果", "条", Direction.MORE_IS_BETTER),
            new AssessmentView.FigureName("onTimeRate", "按时公示率", "%", Direction.MORE_IS_BETTER));

    /** The figures by key; a scoring scheme may score any of them. */
    static final Map<String, Function<Figures, Number>> VALUE = Map.ofEntries(
            Map.entry("inspectorTrips", Figures::inspectorTrips), Map.entry("checks", Figures::checks),
            Map.entry("problems", Figures::problems), Map.entry("problemRate", Figures::problemRate),
            Map.entry("violations", Figures::violations), Map.entry("violationRate", Figures::violationRate),
            Map.entry("nonSite", Figures::nonSite), Map.entry("nonSiteShare", Figures::nonSiteShare),
            Map.entry("nonSiteProblems", Figures::nonSiteProblems), Map.entry("nonSiteViolations", Figures::nonSiteViolations),
            Map.entry("positiveListOnSite", Figures::positiveListOnSite),
            Map.entry("publishedOnTime", Figures::publishedOnTime), Map.entry("onTimeRate", Figures::onTimeRate));

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SchemeStore schemes;

    /** Scored by the scheme the region or the nearest region above it recorded for the quarter's year, else by the default. */
    public AssessmentView compute(Region region, Quarter quarter, ReportRegions regions) {
        var recorded = schemes.effective(region.code(), quarter.year());
        AssessmentView.SchemeRef ref = recorded.map(v -> new AssessmentView.SchemeRef(v.region(), regions.name(v.region()), v.year(),
                v.version(), true)).orElse(new AssessmentView.SchemeRef(null, null, quarter.year(), 0, false));
        return compute(region, quarter, regions, recorded.map(SchemeStore.Version::scheme).orElse(ScoringScheme.defaultScheme()), ref);
    }

    AssessmentView compute(Region region, Quarter quarter, ReportRegions regions, ScoringScheme scheme, AssessmentView.SchemeRef ref) {
        Map<String, Figures.Counts[]> counts = counts(region, quarter, regions);
        Map<String, Figures.Counts[]> before = counts(region, quarter.previous(), regions);
        List<ReportRegions.Assessed> units = regions.assessed(region);
        Figures.Counts[] total = {new Figures.Counts(), new Figures.Counts()};
        Figures.Counts[] totalBefore = {new Figures.Counts(), new Figures.Counts()};
        List<Figures[]> figures = new ArrayList<>();
        List<Figures> previous = new ArrayList<>();
        for (ReportRegions.Assessed u : units) {
            Figures.Counts[] c = counts.getOrDefault(u.unit().code(), new Figures.Counts[]{new Figures.Counts(), new Figures.Counts()});
            Figures.Counts[] b = before.getOrDefault(u.unit().code(), new Figures.Counts[]{new Figures.Counts(), new Figures.Counts()});
            for (int k = 0; k < 2; k++) {
                total[k].add(c[k]);
                totalBefore[k].add(b[k]);
            }
            figures.add(new Figures[]{c[0].figures(true), c[1].figures(false), Figures.Counts.all(c[0], c[1])});
            previous.add(Figures.Counts.all(b[0], b[1]));
        }
        Figures all = Figures.Counts.all(total[0], total[1]);
        // ranks among the ranked units, on the figures of all checks, in each figure's direction
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).ranked()) {
                ranked.add(i);
            }
        }
        Map<String, List<Integer>> ranks = new HashMap<>();
        for (AssessmentView.FigureName f : FIGURES) {
            ranks.put(f.key(), Scoring.ranks(ranked.stream().map(i -> VALUE.get(f.key()).apply(figures.get(i)[2]))
                    .map(AssessmentReport::decimalOrNull).toList(), f.direction()));
        }
        BigDecimal low = regions.lowViolationRate();
        List<AssessmentView.UnitRow> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            ReportRegions.Assessed u = units.get(i);
            Map<String, Integer> mine = new LinkedHashMap<>();
            int at = ranked.indexOf(i);
            for (AssessmentView.FigureName f : FIGURES) {
                mine.put(f.key(), at < 0 ? null : ranks.get(f.key()).get(at));
            }
            Figures now = figures.get(i)[2];
            rows.add(new AssessmentView.UnitRow(u.unit().code(), u.name(), u.unit().own(), u.ranked(), figures.get(i)[0],
                    figures.get(i)[1], now, mine, changes(now, previous.get(i)), flags(now, all, low)));
        }
        return new AssessmentView(region.code(), region.name(), quarter.toString(), quarter.previous().toString(), FIGURES, rows,
                new AssessmentView.Total(total[0].figures(true), total[1].figures(false), all,
                        changes(all, Figures.Counts.all(totalBefore[0], totalBefore[1]))),
                ref, scores(scheme, rows));
    }

    /**
     * Every figure against the previous quarter (比上一季度): the previous value, the difference (in
     * percentage points for a rate) and, for a count, the change in percent of the previous count.
     */
    static Map<String, AssessmentView.Change> changes(Figures now, Figures before) {
        Map<String, AssessmentView.Change> out = new LinkedHashMap<>();
        for (AssessmentView.FigureName f : FIGURES) {
            BigDecimal n = decimalOrNull(VALUE.get(f.key()).apply(now));
            BigDecimal b = decimalOrNull(VALUE.get(f.key()).apply(before));
            BigDecimal difference = n == null || b == null ? null : n.subtract(b);
            BigDecimal percent = difference == null || "%".equals(f.unit()) || b.signum() == 0 ? null
                    : difference.multiply(BigDecimal.valueOf(100)).divide(b, 2, java.math.RoundingMode.HALF_UP);
            out.put(f.key(), new AssessmentView.Change(b, difference, percent));
        }
        return out;
    }

    /** Seed 000's two flags on the violation rate: above the region's own rate (超过全市平均), and under the low mark (低于1%). */
    static AssessmentView.Flags flags(Figures unit, Figures region, BigDecimal low) {
        BigDecimal rate = unit.violationRate();
        if (rate == null) {
            return new AssessmentView.Flags(null, null);
        }
        return new AssessmentView.Flags(region.violationRate() != null && rate.compareTo(region.violationRate()) > 0,
                rate.compareTo(low) < 0);
    }

    /** The ranked units scored on the figures of all their checks; the region's own bureau and units outside the ranking are not. */
    static List<AssessmentView.ScoreBlock> scores(ScoringScheme scheme, List<AssessmentView.UnitRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (AssessmentView.UnitRow u : rows) {
            if (!u.ranked()) {
                continue;
            }
            names.put(u.code(), u.name());
            values.put(u.code(), VALUE.entrySet().stream().filter(e -> e.getValue().apply(u.all()) != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> decimal(e.getValue().apply(u.all())))));
        }
        List<AssessmentView.ScoreBlock> out = new ArrayList<>();
        for (Scoring.Block b : Scoring.score(scheme, List.copyOf(names.keySet()), values)) {
            out.add(new AssessmentView.ScoreBlock(b.key(), b.name(), b.entries().stream()
                    .map(e -> new AssessmentView.ScoreEntry(e.unit(), names.get(e.unit()), e.score(), e.rank(),
                            e.indicators().stream().map(i -> new AssessmentView.IndicatorScore(i.figure(), i.value(),
                                    i.rank(), i.points())).toList()))
                    .toList()));
        }
        return out;
    }

    private static BigDecimal decimalOrNull(Number n) {
        return n == null ? null : decimal(n);
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
    }

    /** Counts per unit: [random, targeted]. */
    private Map<String, Figures.Counts[]> counts(Region region, Quarter quarter, ReportRegions regions) {
        Map<String, Figures.Counts[]> out = new HashMap<>();
        // the quarter's checks once (materialized: the planner then sees their true number); the positive
        // list is looked up only for random checks recorded on site; a random check's first publication by an
        // index probe each (limit 1 keeps the view's lookup a probe rather than a pass over every publication)
        String sql = """
                with x as materialized (
                    select %s as unit, x.kind, x.id, x.problem_count, x.violation_count, x.non_site, x.non_site_problem_count,
                           x.non_site_violation_count, cardinality(x.team) as members,
                           (x.confidential and x.declassified_at is null) as withheld,
                           (x.kind = 'RANDOM' and not x.non_site and exists (
                                select 1 from target_positive_list g where g.uscc = x.uscc and g.positive_list_from <= x.inspection_date
                                  and (g.positive_list_to is null or g.positive_list_to >= x.inspection_date))) as positive_on_site
                    from inspection_record x
                    where x.authority like ? and x.inspection_date between ? and ?
                )
                select x.unit, x.kind,
                       count(*) as checks,
                       coalesce(sum(x.members), 0) as inspector_trips,
                       coalesce(sum(x.problem_count), 0) as problems,
                       coalesce(sum(x.violation_count), 0) as violations,
                       count(*) filter (where x.non_site) as non_site,
                       coalesce(sum(x.non_site_problem_count), 0) as non_site_problems,
                       coalesce(sum(x.non_site_violation_count), 0) as non_site_violations,
                       count(*) filter (where x.positive_on_site) as positive_on_site,
                       count(*) filter (where x.kind = 'RANDOM' and not x.withheld) as publishable,
                       count(*) filter (where fp.on_time) as on_time
                from x left join lateral (select f.on_time from first_publication f
                                          where f.result_id = x.id and x.kind = 'RANDOM' limit 1) fp on true
                group by 1, 2""".formatted(regions.unitKey(region, "x.authority"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, regions.like(region));
            Sql.setDate(ps, 2, quarter.firstDay());
            Sql.setDate(ps, 3, quarter.lastDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Figures.Counts n = new Figures.Counts();
                    n.checks = rs.getLong("checks");
                    n.inspectorTrips = rs.getLong("inspector_trips");
                    n.nonSiteProblems = rs.getLong("non_site_problems");
                    n.problems = rs.getLong("problems");
                    n.violations = rs.getLong("violations");
                    n.nonSite = rs.getLong("non_site");
                    n.nonSiteViolations = rs.getLong("non_site_violations");
                    n.positiveOnSite = rs.getLong("positive_on_site");
                    n.publishable = rs.getLong("publishable");
                    n.onTime = rs.getLong("on_time");
                    Figures.Counts[] pair = out.computeIfAbsent(rs.getString("unit"),
                            k -> new Figures.Counts[]{new Figures.Counts(), new Figures.Counts()});
                    pair["RANDOM".equals(rs.getString("kind")) ? 0 : 1] = n;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
