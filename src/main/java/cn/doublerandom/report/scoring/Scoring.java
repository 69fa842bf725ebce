package cn.doublerandom.report.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of the assessment, exact and pure: ranks in an indicator's direction, points by rank
 * or threshold, category scores as sums of points, the overall score as the sum of the category
 * scores, and each block ranked by score. Ties share a rank and the next rank skips (1, 1, 1, 4).
 */
public final class Scoring {

    private Scoring() {
    }

    /** One unit's figure on one indicator, its rank among the assessed units and the points it scored. */
    public record IndicatorScore(String figure, BigDecimal value, Integer rank, BigDecimal points) {
    }

    /** One unit in a block: its score, its rank by score and, for a category, the indicators behind the score. */
    public record Entry(String unit, BigDecimal score, int rank, List<IndicatorScore> indicators) {
    }

    /** A ranking block (执法考核整体排名, 日常执法监管排名, …): its entries by rank, ties in the order the units were given. */
    public record Block(String key, String name, List<Entry> entries) {
    }

    /**
     * Competition ranks in the direction given: the best value ranks 1, equal values share a rank. A
     * unit without the figure ({@code null}) has no rank.
     */
    public static List<Integer> ranks(List<BigDecimal> values, Direction direction) {
        // sort once, best first; a value equal to the one before it shares that one's rank
        Comparator<BigDecimal> best = direction == Direction.FEWER_IS_BETTER ? Comparator.naturalOrder() : Comparator.reverseOrder();
        List<Integer> order = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                order.add(i);
            }
        }
        order.sort((a, b) -> best.compare(values.get(a), values.get(b)));
        Integer[] out = new Integer[values.size()];
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            out[i] = k > 0 && values.get(order.get(k - 1)).compareTo(values.get(i)) == 0 ? out[order.get(k - 1)] : k + 1;
        }
        return java.util.Arrays.asList(out);
    }

    /** The points of one unit on an indicator: the first band its rank or figure reaches, best first; else 0. */
    public static BigDecimal points(Indicator indicator, BigDecimal value, Integer rank) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        List<Band> bands = new ArrayList<>(indicator.bands());
        if (indicator.method() == Method.RANK) {
            bands.sort(Comparator.comparing(Band::bound));
            for (Band b : bands) {
                if (rank != null && BigDecimal.valueOf(rank).compareTo(b.bound()) <= 0) {
                    return b.points();
                }
            }
            return BigDecimal.ZERO;
        }
        boolean fewer = indicator.direction() == Direction.FEWER_IS_BETTER;
        bands.sort(fewer ? Comparator.comparing(Band::bound) : Comparator.comparing(Band::bound).reversed());
        for (Band b : bands) {
            if (fewer ? value.compareTo(b.bound()) <= 0 : value.compareTo(b.bound()) >= 0) {
                return b.points();
            }
        }
        return BigDecimal.ZERO;
    }

    /**
     * Scores the assessed units: the overall block first, then one block per category in the scheme's order.
     *
     * @param units  the assessed units, in the order ties are listed
     * @param values each unit's figures by key; a missing or null figure scores 0 and has no rank
     */
    public static List<Block> score(ScoringScheme scheme, List<String> units, Map<String, Map<String, BigDecimal>> values) {
        List<Block> categories = new ArrayList<>();
        BigDecimal[] overall = new BigDecimal[units.size()];
        java.util.Arrays.fill(overall, BigDecimal.ZERO);
        for (Category category : scheme.categories()) {
            List<List<IndicatorScore>> perUnit = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                perUnit.add(new ArrayList<>());
            }
            for (Indicator indicator : category.indicators()) {
                List<BigDecimal> column = units.stream().map(u -> values.getOrDefault(u, Map.of()).get(indicator.figure())).toList();
                List<Integer> ranks = ranks(column, indicator.direction());
                for (int u = 0; u < units.size(); u++) {
                    perUnit.get(u).add(new IndicatorScore(indicator.figure(), column.get(u), ranks.get(u),
                            points(indicator, column.get(u), ranks.get(u))));
                }
            }
            List<BigDecimal> scores = new ArrayList<>();
            for (int u = 0; u < units.size(); u++) {
                BigDecimal s = perUnit.get(u).stream().map(IndicatorScore::points).reduce(BigDecimal.ZERO, BigDecimal::add);
                scores.add(s.setScale(2, RoundingMode.HALF_UP));
                overall[u] = overall[u].add(s);
            }
            categories.add(block(category.key(), category.name(), units, scores, perUnit));
        }
        List<BigDecimal> totals = java.util.Arrays.stream(overall).map(s -> s.setScale(2, RoundingMode.HALF_UP)).toList();
        List<Block> out = new ArrayList<>();
        out.add(block(ScoringScheme.OVERALL, ScoringScheme.OVERALL_NAME, units, totals, null));
        out.addAll(categories);
        return out;
    }

    private static Block block(String key, String name, List<String> units, List<BigDecimal> scores,
                               List<List<IndicatorScore>> indicators) {
        List<Integer> ranks = ranks(scores, Direction.MORE_IS_BETTER);
        List<Entry> entries = new ArrayList<>();
        for (int u = 0; u < units.size(); u++) {
            entries.add(new Entry(units.get(u), scores.get(u), ranks.get(u), indicators == null ? List.of() : indicators.get(u)));
        }
        // stable: equal ranks keep the units' order
        entries.sort(Comparator.comparingInt(Entry::rank));
        return new Block(key, name, List.copyOf(entries));
    }
}
