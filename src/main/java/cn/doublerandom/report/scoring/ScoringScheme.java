package cn.doublerandom.report.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A city's scoring scheme (评分标准) for a year: its categories, each with its indicators. The overall
 * score (执法考核整体) is the sum of the category scores; it is not a category of its own.
 */
public record ScoringScheme(List<Category> categories) {

    /** The key of the overall block, which no category may take. */
    public static final String OVERALL = "overall";
    /** The overall block's name, as seed 000 heads it. */
    public static final String OVERALL_NAME = "执法考核整体";

    static final int MAX_CATEGORIES = 10;
    static final int MAX_INDICATORS = 20;
    static final int MAX_BANDS = 20;
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1000);
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9]{0,31}");

    public ScoringScheme {
        categories = categories == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(categories));
    }

    /** A problem with a scheme: where (a JSON path such as {@code categories[1].indicators[0].bands}) and what. */
    public record Problem(String field, String message) {
    }

    /**
     * Everything wrong with the scheme, each with its place; empty when it can be used.
     *
     * @param figures the keys of the figures the assessment computes
     */
    public List<Problem> problems(Set<String> figures) {
        List<Problem> out = new ArrayList<>();
        if (categories == null || categories.isEmpty() || categories.size() > MAX_CATEGORIES) {
            out.add(new Problem("categories", "a scheme has 1 to " + MAX_CATEGORIES + " categories"));
            return out;
        }
        Set<String> keys = new HashSet<>();
        Set<String> used = new HashSet<>();
        for (int c = 0; c < categories.size(); c++) {
            String at = "categories[" + c + "]";
            Category cat = categories.get(c);
            if (cat == null) {
                out.add(new Problem(at, "a category is required"));
                continue;
            }
            if (cat.key() == null || !KEY.matcher(cat.key()).matches() || OVERALL.equals(cat.key())) {
                out.add(new Problem(at + ".key", "a key is 1 to 32 letters or digits starting with a small letter, not 'overall'"));
            } else if (!keys.add(cat.key())) {
                out.add(new Problem(at + ".key", "the key '" + cat.key() + "' is used twice"));
            }
            if (cat.name() == null || cat.name().isBlank() || cat.name().length() > 30 || hasControl(cat.name())) {
                out.add(new Problem(at + ".name", "a name is 1 to 30 printable characters"));
            }
            if (cat.indicators() == null || cat.indicators().isEmpty() || cat.indicators().size() > MAX_INDICATORS) {
                out.add(new Problem(at + ".indicators", "a category has 1 to " + MAX_INDICATORS + " indicators"));
                continue;
            }
            for (int i = 0; i < cat.indicators().size(); i++) {
                indicator(at + ".indicators[" + i + "]", cat.indicators().get(i), figures, used, out);
            }
        }
        return out;
    }

    private static void indicator(String at, Indicator ind, Set<String> figures, Set<String> used, List<Problem> out) {
        if (ind == null) {
            out.add(new Problem(at, "an indicator is required"));
            return;
        }
        if (ind.figure() == null || !figures.contains(ind.figure())) {
            out.add(new Problem(at + ".figure", "figure must be one of " + figures.stream().sorted().toList()));
        } else if (!used.add(ind.figure())) {
            out.add(new Problem(at + ".figure", "the figure '" + ind.figure() + "' is scored twice"));
        }
        if (ind.direction() == null) {
            out.add(new Problem(at + ".direction", "direction is MORE_IS_BETTER or FEWER_IS_BETTER"));
        }
        if (ind.method() == null) {
            out.add(new Problem(at + ".method", "method is RANK or THRESHOLD"));
        }
        if (ind.bands() == null || ind.bands().isEmpty() || ind.bands().size() > MAX_BANDS) {
            out.add(new Problem(at + ".bands", "an indicator has 1 to " + MAX_BANDS + " bands"));
            return;
        }
        Set<BigDecimal> bounds = new HashSet<>();
        for (int b = 0; b < ind.bands().size(); b++) {
            String bat = at + ".bands[" + b + "]";
            Band band = ind.bands().get(b);
            if (band == null) {
                out.add(new Problem(bat, "a band is required"));
                continue;
            }
            if (band.bound() == null || band.bound().abs().compareTo(BigDecimal.valueOf(1_000_000_000)) > 0
                    || band.bound().scale() > 2) {
                out.add(new Problem(bat + ".bound", "bound is a number with at most two decimals"));
            } else if (ind.method() == Method.RANK && (band.bound().stripTrailingZeros().scale() > 0 || band.bound().signum() <= 0)) {
                out.add(new Problem(bat + ".bound", "a rank's bound is a whole number from 1"));
            } else if (!bounds.add(band.bound().stripTrailingZeros())) {
                out.add(new Problem(bat + ".bound", "two bands share the bound " + band.bound().toPlainString()));
            }
            if (band.points() == null || band.points().signum() < 0 || band.points().compareTo(MAX_POINTS) > 0
                    || band.points().scale() > 2) {
                out.add(new Problem(bat + ".points", "points are 0 to 1000 with at most two decimals"));
            }
        }
    }

    /** Control, format, unassigned and private-use characters and unpaired surrogates, as the service's text rule
     *  refuses them elsewhere; written with the JDK alone because scoring stays a pure module. */
    private static boolean hasControl(String s) {
        return s.codePoints().anyMatch(cp -> switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        });
    }

    /** The most points a unit can score: the best band of every indicator. */
    public BigDecimal maximum() {
        BigDecimal sum = BigDecimal.ZERO;
        for (Category c : categories) {
            for (Indicator i : c.indicators()) {
                sum = sum.add(i.bands().stream().map(Band::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO));
            }
        }
        return sum;
    }

    /**
     * The service's own scheme, used until a city records one: seed 000's three categories over the
     * figures the service computes, 100 points in all. It is ours, not the city's 评分标准.
     */
    public static ScoringScheme defaultScheme() {
        List<Band> rank10 = List.of(band(3, "10"), band(8, "8"), band(13, "6"), band(19, "4"));
        List<Band> rank15 = List.of(band(3, "15"), band(8, "12"), band(13, "9"), band(19, "6"));
        return new ScoringScheme(List.of(
                new Category("daily", "日常执法监管", List.of(
                        new Indicator("checks", Direction.MORE_IS_BETTER, Method.RANK, rank10),
                        new Indicator("inspectorTrips", Direction.MORE_IS_BETTER, Method.RANK, rank10),
                        new Indicator("nonSiteShare", Direction.MORE_IS_BETTER, Method.RANK, rank10),
                        new Indicator("problemRate", Direction.MORE_IS_BETTER, Method.RANK, rank10))),
                new Category("violations", "违法问题查处", List.of(
                        new Indicator("violations", Direction.MORE_IS_BETTER, Method.RANK, rank10),
                        new Indicator("violationRate", Direction.MORE_IS_BETTER, Method.THRESHOLD,
                                List.of(band("3", "10"), band("1", "5"))),
                        new Indicator("nonSiteViolations", Direction.MORE_IS_BETTER, Method.RANK, rank10))),
                new Category("conduct", "规范执法行为", List.of(
                        new Indicator("positiveListOnSite", Direction.FEWER_IS_BETTER, Method.RANK, rank15),
                        new Indicator("onTimeRate", Direction.MORE_IS_BETTER, Method.THRESHOLD,
                                List.of(band("100", "15"), band("90", "10"), band("80", "5")))))));
    }

    private static Band band(int rank, String points) {
        return new Band(BigDecimal.valueOf(rank), new BigDecimal(points));
    }

    private static Band band(String bound, String points) {
        return new Band(new BigDecimal(bound), new BigDecimal(points));
    }
}
