package cn.doublerandom.registry.tabular;

import java.math.BigDecimal;
import java.math.MathContext;

/** Package-private cell value helpers. */
final class Cells {
    private Cells() {
    }

    /** Excel keeps 15 significant decimal digits of a number. */
    static final int EXCEL_DIGITS = 15;
    private static final MathContext EXCEL_PRECISION = new MathContext(EXCEL_DIGITS);

    static boolean isBlankChar(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u3000' || c == '\uFEFF' || c == '\u200B'
                || (c > 127 && (Character.isWhitespace(c) || Character.isSpaceChar(c)));
    }

    /** Trims whitespace (incl. NBSP, ideographic space, BOM, zero-width space); null if nothing is left. */
    static String clean(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && isBlankChar(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    private static final java.util.regex.Pattern FORMULA_LEADING = java.util.regex.Pattern.compile("'*[=+\\-@\t\r].*", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern PLAIN_NUMBER = java.util.regex.Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    /**
     * A CSV cell that a spreadsheet would run as a formula (it starts with = + - @ TAB or CR) gets a
     * leading apostrophe, so that an enterprise named {@code =HYPERLINK(...)} stays text when a
     * bureau opens the export. A plain number such as "-3" is no formula and stays as it is. A value
     * that already starts with apostrophes before such a character gets one more, so that
     * {@link #restoreFormulaText} gives back exactly the original.
     */
    static String neutraliseFormula(String v) {
        if (v == null || v.isEmpty() || PLAIN_NUMBER.matcher(v).matches() || !FORMULA_LEADING.matcher(v).matches()) {
            return v;
        }
        return "'" + v;
    }

    /** The inverse of {@link #neutraliseFormula}, for CSV read back in. */
    static String restoreFormulaText(String v) {
        return v != null && v.length() > 1 && v.charAt(0) == '\'' && FORMULA_LEADING.matcher(v).matches() ? v.substring(1) : v;
    }

    /**
     * Formats the raw XML text of a numeric cell the way a person expects to see it: plain integer
     * text stays exactly as stored (no ".0", no exponent); anything else is rounded to Excel's 15
     * significant digits and printed without exponent or trailing zeros
     * ("9.1370100123456794E+17" becomes "913701001234568000", "0.30000000000000004" becomes "0.3").
     */
    static String formatNumber(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (isPlainInteger(raw)) {
            return raw.charAt(0) == '+' ? raw.substring(1) : raw;
        }
        BigDecimal bd;
        try {
            bd = new BigDecimal(raw);
        } catch (NumberFormatException e) {
            return raw;
        }
        bd = bd.round(EXCEL_PRECISION).stripTrailingZeros();
        if (bd.signum() == 0) {
            return "0";
        }
        if (bd.scale() < 0) {
            bd = bd.setScale(0);
        }
        return bd.toPlainString();
    }

    static boolean isPlainInteger(String s) {
        int n = s.length();
        int i = (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
        if (i == n) {
            return false;
        }
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Number of digits after dropping sign, decimal point and leading zeros ("913701001234568000" = 18). */
    static int significantPositions(String formatted) {
        int count = 0;
        boolean leading = true;
        for (int i = 0; i < formatted.length(); i++) {
            char c = formatted.charAt(i);
            if (c >= '0' && c <= '9') {
                if (leading && c == '0') {
                    continue;
                }
                leading = false;
                count++;
            }
        }
        return count;
    }

    /** "A", "B", ..., "Z", "AA", ... for a 0-based column index. */
    static String columnLetter(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("negative column index " + index);
        }
        StringBuilder sb = new StringBuilder(3);
        int n = index + 1;
        while (n > 0) {
            int rem = (n - 1) % 26;
            sb.append((char) ('A' + rem));
            n = (n - 1) / 26;
        }
        return sb.reverse().toString();
    }
}
