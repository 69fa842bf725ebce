package cn.doublerandom.draw.engine;

/** A stratum of DRAW-1 §2: a supervision class, or the single stratum of a directed draw. */
public enum Stratum {
    KEY, SPECIAL, GENERAL, DIRECTED;

    /** Parses the exact spelling used in snapshot lines ({@code KEY}, {@code SPECIAL}, …), or null. */
    public static Stratum parseOrNull(String text) {
        for (Stratum s : values()) {
            if (s.name().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
