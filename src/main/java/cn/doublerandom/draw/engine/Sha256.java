package cn.doublerandom.draw.engine;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 helpers used throughout DRAW-1 (§1, §3, §4, §5): always over UTF-8, hex always lowercase. */
public final class Sha256 {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Sha256() {
    }

    /** A fresh SHA-256 digest; every JDK must ship SHA-256, so absence is a broken runtime. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    /** SHA-256 of the UTF-8 encoding of {@code text}. */
    public static byte[] digest(String text) {
        return newDigest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lowercase hex SHA-256 of the UTF-8 encoding of {@code text}. */
    public static String hex(String text) {
        return hex(digest(text));
    }

    /** Lowercase hex of arbitrary bytes. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** A digest read as an unsigned big-endian integer, as §1 and §3 read it. */
    public static BigInteger unsigned(byte[] digest) {
        return new BigInteger(1, digest);
    }

    /** SHA-256 of {@code text} read as an unsigned integer. */
    public static BigInteger unsigned(String text) {
        return unsigned(digest(text));
    }

    /** Whether {@code s} is exactly 64 lowercase hex characters (a SHA-256 hex value). */
    public static boolean isHex64(String s) {
        return isLowerHex(s, 64);
    }

    static boolean isLowerHex(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
