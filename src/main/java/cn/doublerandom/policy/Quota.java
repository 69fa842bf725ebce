package cn.doublerandom.policy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Quota arithmetic, exact: "at least" a rate means rounding up (25% of 13 is 4), with decimals, never
 * floating point.
 */
public final class Quota {

    private Quota() {
    }

    /** ceil(rate × n). */
    public static int ofRate(BigDecimal rate, long n) {
        return rate.multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    /**
     * The general class's share this quarter: what the year still requires (perInspector × officers,
     * rounded up, minus what earlier draws of the year selected), spread over the quarters left
     * including this one, rounded up.
     */
    public static int general(BigDecimal perInspector, long officers, long selectedEarlierThisYear, int quarter) {
        int yearly = ofRate(perInspector, officers);
        long remaining = Math.max(0, yearly - selectedEarlierThisYear);
        int quartersLeft = 5 - quarter;
        return (int) ((remaining + quartersLeft - 1) / quartersLeft);
    }

    /** The yearly general requirement: perInspector × officers, rounded up. */
    public static int yearlyGeneral(BigDecimal perInspector, long officers) {
        return ofRate(perInspector, officers);
    }
}
