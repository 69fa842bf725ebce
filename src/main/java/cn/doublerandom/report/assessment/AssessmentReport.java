package cn.doublerandom.report.assessment;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.platform.database.Sql;
import cn.doublerandom.region.Region;
import cn.doublerandom.report.Rates;
import cn.doublerandom.report.ReportRegions;
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
            new AssessmentView.FigureName("checks", "检查企业", "家次"),
            new AssessmentView.FigureName("problems", "发现问题", "个"),
            new AssessmentView.FigureName("problemRate", "发现问题率", "%"),
            new AssessmentView.FigureName("violations", "发现违法问题", "个"),
            new AssessmentView.FigureName("violationRate", "发现违法问题率", "%"),
            new AssessmentView.FigureName("nonSite", "非现场检查", "次"),
            new AssessmentView.FigureName("nonSiteShare", "非现场检查占比", "%"),
            new AssessmentView.FigureName("positiveListOnSite", "正面清单企业现场检查", "家次"),
            new AssessmentView.FigureName("publishedOnTime", "按时公示结果", "条"),
            new AssessmentView.FigureName("onTimeRate", "按时公示率", "%"));

    static final Map<String, Function<Figures, Number>> VALUE = Map.of(
            "checks", Figures::checks, "problems", Figures::problems, "problemRate", Figures::problemRate,
            "violations", Figures::violations, "violationRate", Figures::violationRate, "nonSite", Figures::nonSite,
            "nonSiteShare", Figures::nonSiteShare, "positiveListOnSite", Figures::positiveListOnSite,
            "publishedOnTime", Figures::publishedOnTime, "onTimeRate", Figures::onTimeRate);

    /** The figures a scoring scheme may score: the ranked ones and the non-site violations. */
    static final Map<String, Function<Figures, Number>> SCORED;

    static {
        Map<String, Function<Figures, Number>> m = new HashMap<>(VALUE);
        m.put("nonSiteViolations", Figures::nonSiteViolations);
        SCORED = Map.copyOf(m);
    }

    @Inject
    AgroalDataSource dataSource;

    public AssessmentView compute(Region region, Quarter quarter, ReportRegions regions) {
        Map<String, Figures.Counts[]> counts = counts(region, quarter, regions);
        List<ReportRegions.Unit> units = regions.units(region);
        Figures.Counts totalRandom = new Figures.Counts();
        Figures.Counts totalTargeted = new Figures.Counts();
        List<Figures[]> figures = new ArrayList<>();
        for (ReportRegions.Unit u : units) {
            Figures.Counts[] c = counts.getOrDefault(u.code(), new Figures.Counts[]{new Figures.Counts(), new Figures.Counts()});
            totalRandom.add(c[0]);
            totalTargeted.add(c[1]);
            figures.add(new Figures[]{c[0].figures(true), c[1].figures(false), Figures.Counts.all(c[0], c[1])});
        }
        // ranks among the units below the region, on the figures of all checks
        List<Integer> ranked = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            if (!units.get(i).own()) {
                ranked.add(i);
            }
        }
        Map<String, List<Integer>> ranks = new HashMap<>();
        for (AssessmentView.FigureName f : FIGURES) {
            ranks.put(f.key(), Rates.ranks(ranked.stream().map(i -> VALUE.get(f.key()).apply(figures.get(i)[2])).toList()));
        }
        List<AssessmentView.UnitRow> rows = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            ReportRegions.Unit u = units.get(i);
            Map<String, Integer> mine = new LinkedHashMap<>();
            int at = ranked.indexOf(i);
            for (AssessmentView.FigureName f : FIGURES) {
                mine.put(f.key(), at < 0 ? null : ranks.get(f.key()).get(at));
            }
            rows.add(new AssessmentView.UnitRow(u.code(), u.name(), u.own(), figures.get(i)[0], figures.get(i)[1],
                    figures.get(i)[2], mine));
        }
        return new AssessmentView(region.code(), region.name(), quarter.toString(), FIGURES, rows,
                new AssessmentView.Total(totalRandom.figures(true), totalTargeted.figures(false),
                        Figures.Counts.all(totalRandom, totalTargeted)),
                scores(ScoringScheme.defaultScheme(), rows));
    }

    /** The ranked units scored on the figures of all their checks; the region's own bureau is not scored. */
    static List<AssessmentView.ScoreBlock> scores(ScoringScheme scheme, List<AssessmentView.UnitRow> rows) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> values = new HashMap<>();
        for (AssessmentView.UnitRow u : rows) {
            if (u.own()) {
                continue;
            }
            names.put(u.code(), u.name());
            values.put(u.code(), SCORED.entrySet().stream().filter(e -> e.getValue().apply(u.all()) != null)
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

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.longValue());
    }

    /** Counts per unit: [random, targeted]. */
    private Map<String, Figures.Counts[]> counts(Region region, Quarter quarter, ReportRegions regions) {
        Map<String, Figures.Counts[]> out = new HashMap<>();
        // the quarter's checks once (materialized: the planner then sees their true number); the positive
        // list is looked up only for random checks recorded on site; first publications by one join
        String sql = """
                with x as materialized (
                    select %s as unit, x.kind, x.id, x.problem_count, x.violation_found, x.non_site, x.confidential,
                           (x.kind = 'RANDOM' and not x.non_site and exists (
                                select 1 from target g where g.uscc = x.uscc and g.positive_list_from <= x.inspection_date
                                  and (g.positive_list_to is null or g.positive_list_to >= x.inspection_date))) as positive_on_site
                    from inspection_record x
                    where x.authority like ? and x.inspection_date between ? and ?
                ), fp as (
                    select distinct on (p.result_id) p.result_id, p.on_time
                    from publication p join x on x.id = p.result_id and x.kind = 'RANDOM'
                    order by p.result_id, p.version
                )
                select x.unit, x.kind,
                       count(*) as checks,
                       coalesce(sum(x.problem_count), 0) as problems,
                       count(*) filter (where x.violation_found) as violations,
                       count(*) filter (where x.non_site) as non_site,
                       count(*) filter (where x.non_site and x.violation_found) as non_site_violations,
                       count(*) filter (where x.positive_on_site) as positive_on_site,
                       count(*) filter (where x.kind = 'RANDOM' and not x.confidential) as publishable,
                       count(*) filter (where fp.on_time) as on_time
                from x left join fp on fp.result_id = x.id
                group by 1, 2""".formatted(regions.unitKey(region, "x.authority"));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, regions.like(region));
            Sql.setDate(ps, 2, quarter.firstDay());
            Sql.setDate(ps, 3, quarter.lastDay());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Figures.Counts n = new Figures.Counts();
                    n.checks = rs.getLong("checks");
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
