package cn.doublerandom.report;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The arithmetic of the figures: seed 000's own numbers, half-up, no division by zero, shared ranks. */
class RatesTest {

    @Test
    void seed000sRatesComeOutAsPrinted() {
        // 2022 Q2, Shijiazhuang: 7129 家次, 702 problems (9.85%), 236 violations (3.31%), 5698 non-site (79.93%),
        // 111 of the 236 violations found non-site (47.03%)
        assertEquals(new BigDecimal("9.85"), Rates.percent(702, 7129));
        assertEquals(new BigDecimal("3.31"), Rates.percent(236, 7129));
        assertEquals(new BigDecimal("79.93"), Rates.percent(5698, 7129));
        assertEquals(new BigDecimal("47.03"), Rates.percent(111, 236));
    }

    @Test
    void halfUpOnTheExactValueNeverBinaryFloatingPoint() {
        assertEquals(new BigDecimal("0.13"), Rates.percent(1, 800), "0.125 rounds up, not to even");
        assertEquals(new BigDecimal("0.38"), Rates.percent(3, 800), "0.375");
        assertEquals(new BigDecimal("66.67"), Rates.percent(2, 3));
        assertEquals(new BigDecimal("33.33"), Rates.percent(1, 3));
        assertEquals(new BigDecimal("100.00"), Rates.percent(5, 5));
        assertEquals(new BigDecimal("0.00"), Rates.percent(0, 5));
        assertEquals(new BigDecimal("1.01"), Rates.percent(10_050, 1_000_000), "1.005 exactly: half-up");
        assertEquals(new BigDecimal("2.13"), Rates.average(17, 8), "2.125");
        assertEquals(new BigDecimal("2.00"), Rates.average(10, 5));
    }

    @Test
    void noBaseNoFigure() {
        assertNull(Rates.percent(0, 0));
        assertNull(Rates.percent(3, 0));
        assertNull(Rates.average(0, 0));
        assertEquals("—", Rates.text(null));
        assertEquals("9.85", Rates.text(new BigDecimal("9.85")));
        assertEquals("0.00", Rates.text(new BigDecimal("0.00")));
    }

    @Test
    void tiesShareARankAndTheNextSkips() {
        assertEquals(List.of(1, 1, 1, 4), Rates.ranks(List.of(5, 5, 5, 2)));
        assertEquals(Arrays.asList(2, 1, null, 4, 2), Rates.ranks(Arrays.asList(new BigDecimal("50.00"), new BigDecimal("66.67"), null,
                new BigDecimal("0.00"), new BigDecimal("50.0"))));
        assertEquals(List.of(1, 1), Rates.ranks(List.of(0L, 0L)));
        assertEquals(List.of(), Rates.ranks(List.of()));
    }

    /** The sorted ranking against the definition (1 + how many are better), on random lists with many ties and gaps. */
    @Test
    void ranksAreOnePlusTheNumberBetterInEitherDirection() {
        java.util.Random random = new java.util.Random(18);
        for (int round = 0; round < 500; round++) {
            List<BigDecimal> values = new java.util.ArrayList<>();
            for (int i = random.nextInt(30); i > 0; i--) {
                values.add(random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(8)).movePointLeft(random.nextInt(2)));
            }
            for (cn.doublerandom.report.scoring.Direction d : cn.doublerandom.report.scoring.Direction.values()) {
                List<Integer> expected = new java.util.ArrayList<>();
                for (BigDecimal mine : values) {
                    long better = mine == null ? -1 : values.stream().filter(o -> o != null
                            && (d == cn.doublerandom.report.scoring.Direction.FEWER_IS_BETTER ? o.compareTo(mine) < 0 : o.compareTo(mine) > 0)).count();
                    expected.add(mine == null ? null : (int) better + 1);
                }
                assertEquals(expected, cn.doublerandom.report.scoring.Scoring.ranks(values, d), values + " " + d);
            }
            assertEquals(cn.doublerandom.report.scoring.Scoring.ranks(values, cn.doublerandom.report.scoring.Direction.MORE_IS_BETTER),
                    Rates.ranks(values));
        }
    }

    /** A province's inspectors in one ranking: sorting, not comparing every pair (4 × 10^10 comparisons). */
    @Test
    void aRankingOfTwoHundredThousandTakesASort() {
        List<Long> values = new java.util.ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            values.add((long) (i % 1000));
        }
        List<Integer> ranks = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                () -> Rates.ranks(values));
        assertEquals(1, ranks.get(999));
        assertEquals(201, ranks.get(998));
        assertEquals(199_801, ranks.get(0));
    }
}
