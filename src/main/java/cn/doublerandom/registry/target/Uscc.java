package cn.doublerandom.registry.target;

import java.util.regex.Pattern;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last a check
 * character over the first 17 with weights 3^(i-1) mod 31. A few early codes fail the check yet are
 * real, so a failed check is reported separately from a malformed code and may be overridden with
 * a recorded reason.
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** The form of a code, before its check character is checked; the contract states it too ({@link UsccContract}). */
    public static final String FORM_REGEX = "[0-9A-HJ-NPQRTUWXY]{18}";
    private static final Pattern FORM = Pattern.compile(FORM_REGEX);
    private static final int[] WEIGHTS = new int[17];

    static {
        int w = 1;
        for (int i = 0; i < 17; i++) {
            WEIGHTS[i] = w;
            w = (w * 3) % 31;
        }
    }

    private Uscc() {
    }

    public enum Verdict { VALID, MALFORMED, CHECK_FAILED }

    public static boolean hasForm(String code) {
        return code != null && FORM.matcher(code).matches();
    }

    public static Verdict verdict(String code) {
        if (!hasForm(code)) {
            return Verdict.MALFORMED;
        }
        return code.charAt(17) == checkCharacter(code) ? Verdict.VALID : Verdict.CHECK_FAILED;
    }

    /** The check character the first 17 characters call for. */
    public static char checkCharacter(String code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** A message for a code that is not valid, saying what is wrong with it. */
    public static String explain(String code) {
        return switch (verdict(code)) {
            case VALID -> "valid";
            case MALFORMED -> "'" + code + "' is not 18 characters of 0-9 and A-Y without I, O, S, V, Z";
            case CHECK_FAILED -> "check character of " + code + " is '" + code.charAt(17) + "' but the first 17 characters call for '"
                    + checkCharacter(code) + "'; a real code that fails the check needs usccOverrideReason";
        };
    }
}
