package cn.doublerandom.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The arithmetic of the oversight figures, exact: a rate is a count ÷ a base as a percent with two
 * decimals, half-up (702 problems in 7,129 checks is 9.85, as seed 000 prints it); an average has two
 * decimals, half-up. No base means no figure ({@code null}, shown as "—"), never a division by zero.
 */
public final class Rates {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rates() {
    }

    /** count ÷ base × 100, two decimals half-up; null when the base is 0. */
    public static BigDecimal percent(long count, long base) {
        if (base <= 0) {
            return null;
        }
        return BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
    }

    /** total ÷ n, two decimals half-up; null when n is 0. */
    public static BigDecimal average(long total, long n) {
        if (n <= 0) {
            return null;
        }
        return BigDecimal.valueOf(total).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** A figure as the tables print it: "9.85", "7129", or "—" for none. */
    public static String text(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }

    /**
     * Competition ranks, highest value first; equal values share a rank and the next rank skips
     * (1, 1, 1, 4). A unit without the figure ({@code null}) has no rank.
     */
    public static List<Integer> ranks(List<? extends Number> values) {
        return cn.doublerandom.report.scoring.Scoring.ranks(values.stream().map(n -> n == null ? null
                : n instanceof BigDecimal d ? d : new BigDecimal(n.toString())).toList(), cn.doublerandom.report.scoring.Direction.MORE_IS_BETTER);
    }
}
