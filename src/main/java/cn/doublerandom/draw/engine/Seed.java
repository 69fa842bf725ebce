package cn.doublerandom.draw.engine;

import java.security.SecureRandom;

/**
 * A draw seed {@code S} (DRAW-1 "Formats", §1, §5): 1 to 256 Unicode code points, none of the
 * general categories Cc, Cf, Zl, Zp, kept exactly as given (no trimming, no normalisation).
 *
 * <p>Unpaired surrogates are also rejected: they are not Unicode characters and have no UTF-8
 * encoding, so SHA-256(UTF-8(S)) would not be well defined.
 *
 * <p>§5 coin toss: {@code S = given + "|" + nonce}; the nonce is 128 random bits written as 32
 * lowercase hex characters, and {@code commit = } lowercase hex SHA-256 of the UTF-8 bytes of
 * that 32-character hex text (not of the 16 raw bytes), so an auditor can check it with
 * {@code printf %s NONCE | sha256sum}.
 */
public record Seed(String value) {
    /** Maximum seed length in code points. */
    public static final int MAX_CODE_POINTS = 256;
    /** Length of a nonce in hex characters (128 bits). */
    public static final int NONCE_HEX_LENGTH = 32;
    /** Longest given part: S must stay within 256 code points after {@code "|" + nonce}. */
    public static final int MAX_GIVEN_CODE_POINTS = MAX_CODE_POINTS - 1 - NONCE_HEX_LENGTH;

    public Seed {
        if (value == null) {
            throw new InvalidSeedException("seed is missing");
        }
        if (value.isEmpty()) {
            throw new InvalidSeedException("seed is empty; it needs 1 to 256 characters");
        }
        int count = checkCharacters("seed", value);
        if (count > MAX_CODE_POINTS) {
            throw new InvalidSeedException("seed is too long: " + count
                    + " characters, at most " + MAX_CODE_POINTS + " allowed");
        }
    }

    /** Validates {@code value} as a seed. */
    public static Seed of(String value) {
        return new Seed(value);
    }

    /**
     * §5: {@code S = given + "|" + nonce}. {@code given} may be empty or null (no caller part:
     * S = "|" + nonce). A given of exactly "-" is rejected, because the execute record writes
     * "given -" for "none" and the two would be indistinguishable.
     */
    public static Seed combine(String given, String nonce) {
        String g = given == null ? "" : given;
        requireNonce(nonce);
        if (g.equals("-")) {
            throw new InvalidSeedException(
                    "given seed \"-\" is not allowed: the record uses \"-\" for no given seed");
        }
        int count = checkCharacters("given seed", g);
        if (count > MAX_GIVEN_CODE_POINTS) {
            throw new InvalidSeedException("given seed is too long: " + count
                    + " characters, at most " + MAX_GIVEN_CODE_POINTS
                    + " allowed (the seed adds \"|\" and a 32-character nonce, 256 in all)");
        }
        return new Seed(g + "|" + nonce);
    }

    /** A fresh secret nonce: 128 bits from {@code random}, 32 lowercase hex characters. */
    public static String newNonce(SecureRandom random) {
        byte[] bytes = new byte[NONCE_HEX_LENGTH / 2];
        random.nextBytes(bytes);
        return Sha256.hex(bytes);
    }

    /** The prepare record's {@code commit}: lowercase hex SHA-256 of the UTF-8 of the nonce's hex text. */
    public static String commit(String nonce) {
        requireNonce(nonce);
        return Sha256.hex(nonce);
    }

    /** Whether {@code nonce} matches the committed hash (auditor check of §5). */
    public static boolean verifyCommit(String nonce, String commit) {
        return isNonce(nonce) && commit(nonce).equals(commit);
    }

    /** Whether {@code s} is 32 lowercase hex characters. */
    public static boolean isNonce(String s) {
        return Sha256.isLowerHex(s, NONCE_HEX_LENGTH);
    }

    private static void requireNonce(String nonce) {
        if (!isNonce(nonce)) {
            throw new InvalidSeedException("nonce must be 32 lowercase hex characters, got "
                    + (nonce == null ? "nothing" : nonce.length() + " characters"));
        }
    }

    /** Checks every code point; returns the number of code points. */
    private static int checkCharacters(String what, String s) {
        int position = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            position++;
            String problem = switch (Character.getType(cp)) {
                case Character.CONTROL -> "a control character (Cc)";
                case Character.FORMAT -> "a format character (Cf)";
                case Character.LINE_SEPARATOR -> "a line separator (Zl)";
                case Character.PARAGRAPH_SEPARATOR -> "a paragraph separator (Zp)";
                case Character.SURROGATE -> "an unpaired surrogate";
                default -> null;
            };
            if (problem != null) {
                throw new InvalidSeedException(what + " has " + problem + " at position " + position
                        + " (" + String.format("U+%04X", cp) + "); line breaks and invisible"
                        + " characters are not allowed");
            }
            i += Character.charCount(cp);
        }
        return position;
    }

    @Override
    public String toString() {
        return value;
    }
}
