package cn.doublerandom.report.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTest {

    static BigDecimal d(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static List<BigDecimal> ds(String... s) {
        return Arrays.stream(s).map(ScoringTest::d).toList();
    }

    @Test
    void ranksTieAndSkipInEitherDirection() {
        assertEquals(Arrays.asList(1, 1, 1, 4, null), Scoring.ranks(ds("5", "5", "5.00", "2", null), Direction.MORE_IS_BETTER));
        assertEquals(Arrays.asList(4, 2, 2, 1, null), Scoring.ranks(ds("3", "1", "1", "0", null), Direction.FEWER_IS_BETTER));
    }

    @Test
    void rankBandsAndThresholdsInTheirDirection() {
        Indicator byRank = new Indicator("checks", Direction.MORE_IS_BETTER, Method.RANK,
                List.of(new Band(d("8"), d("3")), new Band(d("3"), d("4"))));
        assertEquals(d("4"), Scoring.points(byRank, d("10"), 3));
        assertEquals(d("3"), Scoring.points(byRank, d("10"), 4));
        assertEquals(d("0"), Scoring.points(byRank, d("10"), 9));
        assertEquals(d("0"), Scoring.points(byRank, null, null));
        Indicator more = new Indicator("violationRate", Direction.MORE_IS_BETTER, Method.THRESHOLD,
                List.of(new Band(d("1"), d("5")), new Band(d("3"), d("10"))));
        assertEquals(d("10"), Scoring.points(more, d("3.00"), null));
        assertEquals(d("5"), Scoring.points(more, d("2.99"), null));
        assertEquals(d("0"), Scoring.points(more, d("0.99"), null));
        Indicator fewer = new Indicator("positiveListOnSite", Direction.FEWER_IS_BETTER, Method.THRESHOLD,
                List.of(new Band(d("0"), d("6")), new Band(d("2"), d("3"))));
        assertEquals(d("6"), Scoring.points(fewer, d("0"), null));
        assertEquals(d("3"), Scoring.points(fewer, d("2"), null));
        assertEquals(d("0"), Scoring.points(fewer, d("3"), null));
    }

    @Test
    void categoriesSumTheirPointsAndTheOverallSumsTheCategories() {
        ScoringScheme scheme = new ScoringScheme(List.of(
                new Category("a", "甲", List.of(
                        new Indicator("x", Direction.MORE_IS_BETTER, Method.RANK, List.of(new Band(d("1"), d("2.5")), new Band(d("2"), d("1")))),
                        new Indicator("y", Direction.FEWER_IS_BETTER, Method.RANK, List.of(new Band(d("1"), d("3")))))),
                new Category("b", "乙", List.of(
                        new Indicator("z", Direction.MORE_IS_BETTER, Method.THRESHOLD, List.of(new Band(d("50"), d("4.25"))))))));
        Map<String, Map<String, BigDecimal>> v = new HashMap<>();
        v.put("P", Map.of("x", d("9"), "y", d("1"), "z", d("50.00")));
        v.put("Q", Map.of("x", d("9"), "y", d("0"), "z", d("10")));
        Map<String, BigDecimal> r = new HashMap<>();
        r.put("x", d("1"));
        r.put("y", null);
        r.put("z", null);
        v.put("R", r);
        List<Scoring.Block> blocks = Scoring.score(scheme, List.of("P", "Q", "R"), v);
        assertEquals(List.of("overall", "a", "b"), blocks.stream().map(Scoring.Block::key).toList());
        // a: P 2.5 (x rank 1) + 0 (y rank 2) = 2.50; Q 2.5 + 3 = 5.50; R 0 (x rank 3) + 0 (no y) = 0.00
        Scoring.Block a = blocks.get(1);
        assertEquals(List.of("Q", "P", "R"), a.entries().stream().map(Scoring.Entry::unit).toList());
        assertEquals(ds("5.50", "2.50", "0.00"), a.entries().stream().map(Scoring.Entry::score).toList());
        assertEquals(List.of(1, 2, 3), a.entries().stream().map(Scoring.Entry::rank).toList());
        Scoring.IndicatorScore py = a.entries().get(1).indicators().get(1);
        assertEquals(new Scoring.IndicatorScore("y", d("1"), 2, d("0")), py);
        // b: P 4.25, Q 0, R 0 -> ties share rank 2, kept in the given order
        Scoring.Block b = blocks.get(2);
        assertEquals(List.of("P", "Q", "R"), b.entries().stream().map(Scoring.Entry::unit).toList());
        assertEquals(List.of(1, 2, 2), b.entries().stream().map(Scoring.Entry::rank).toList());
        // overall: P 6.75, Q 5.50, R 0.00
        Scoring.Block overall = blocks.get(0);
        assertEquals("执法考核整体", overall.name());
        assertEquals(ds("6.75", "5.50", "0.00"), overall.entries().stream().map(Scoring.Entry::score).toList());
        assertEquals(List.of("P", "Q", "R"), overall.entries().stream().map(Scoring.Entry::unit).toList());
    }

    @Test
    void theDefaultSchemeIsValidAndWorthAHundred() {
        ScoringScheme s = ScoringScheme.defaultScheme();
        Set<String> figures = Set.of("checks", "inspectorTrips", "nonSiteShare", "problemRate", "violations", "violationRate",
                "nonSiteViolations", "positiveListOnSite", "onTimeRate");
        assertEquals(List.of(), s.problems(figures));
        assertEquals(0, s.maximum().compareTo(d("100")));
        assertEquals(List.of("日常执法监管", "违法问题查处", "规范执法行为"), s.categories().stream().map(Category::name).toList());
        assertEquals(Direction.FEWER_IS_BETTER, s.categories().get(2).indicators().get(0).direction());
    }

    @Test
    void aBrokenSchemeNamesEveryPlace() {
        ScoringScheme s = new ScoringScheme(Arrays.asList(
                new Category("overall", "", List.of(new Indicator("nope", null, Method.RANK, List.of(new Band(d("1.5"), d("-1")))))),
                new Category("b", "乙\u0000", List.of(
                        new Indicator("x", Direction.MORE_IS_BETTER, Method.THRESHOLD, List.of(new Band(d("1"), d("1")), new Band(d("1.00"), d("2")))),
                        new Indicator("x", Direction.MORE_IS_BETTER, Method.RANK, List.of()))),
                null));
        List<String> fields = s.problems(Set.of("x")).stream().map(ScoringScheme.Problem::field).toList();
        assertEquals(List.of("categories[0].key", "categories[0].name", "categories[0].indicators[0].figure",
                "categories[0].indicators[0].direction", "categories[0].indicators[0].bands[0].bound",
                "categories[0].indicators[0].bands[0].points", "categories[1].name",
                "categories[1].indicators[0].bands[1].bound", "categories[1].indicators[1].figure",
                "categories[1].indicators[1].bands", "categories[2]"), fields);
        for (String bad : new String[]{"乙\ud800", "\udc00甲", "乙\u200b", "乙\ue000", "乙\u2028", "乙\u007f"}) {
            ScoringScheme named = new ScoringScheme(List.of(new Category("b", bad,
                    List.of(new Indicator("x", Direction.MORE_IS_BETTER, Method.RANK, List.of(new Band(d("1"), d("1"))))))));
            assertEquals(List.of("categories[0].name"), named.problems(Set.of("x")).stream().map(ScoringScheme.Problem::field).toList(),
                    "a category named " + bad.codePoints().mapToObj(Integer::toHexString).toList());
        }
        assertTrue(new ScoringScheme(List.of()).problems(Set.of()).size() == 1);
        assertTrue(new ScoringScheme(null).problems(Set.of()).size() == 1);
    }
}
