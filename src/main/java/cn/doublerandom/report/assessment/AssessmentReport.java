package cn.doublerandom.report.assessment;

import cn.doublerandom.calendar.Quarter;
import cn.doublerandom.region.Region;
import cn.doublerandom.report.ReportRegions;
import cn.doublerandom.report.scoring.Direction;
import cn.doublerandom.report.scoring.Scoring;
import cn.doublerandom.report.scoring.ScoringScheme;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
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
    AssessmentStore store;

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
        return store.counts(regions.unitKey(region, "x.authority"), regions.like(region), quarter);
    }
}
