package cn.doublerandom.draw.engine;

import java.util.Comparator;

/**
 * The "byte order" of DRAW-1 (§1 ties, §3 lists, §4 snapshot lines): unsigned comparison of the
 * UTF-8 encodings. UTF-8 byte order equals Unicode code point order, so this compares code
 * points without encoding; it differs from {@link String#compareTo} (UTF-16 order) only when a
 * supplementary character meets a BMP character at or above U+E000.
 */
public final class Utf8ByteOrder {
    /** Comparator in UTF-8 byte order. */
    public static final Comparator<String> COMPARATOR = Utf8ByteOrder::compare;

    private Utf8ByteOrder() {
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b} in UTF-8 byte order. */
    public static int compare(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                boolean sx = Character.isSurrogate(x);
                boolean sy = Character.isSurrogate(y);
                // A surrogate starts a code point >= U+10000, above every BMP char.
                if (sx == sy) {
                    return Character.compare(x, y);
                }
                return sx ? 1 : -1;
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /**
     * Whether {@link String#compareTo} sorts these strings in byte order: it does when none holds a
     * char at or above U+D800 (USCCs, inspector codes). The JVM compares such strings much faster,
     * which a province's pool feels when sorted.
     */
    public static boolean agreesWithCompareTo(Object[] strings) {
        for (Object o : strings) {
            String s = (String) o;
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= '\uD800') {
                    return false;
                }
            }
        }
        return true;
    }
}
