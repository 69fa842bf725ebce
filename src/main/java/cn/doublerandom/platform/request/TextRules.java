package cn.doublerandom.platform.request;

/** What every text a request carries must be free of, whether a field of a record or a search. */
public final class TextRules {

    private TextRules() {
    }

    /** Null when fine; otherwise what is wrong. Line breaks, NUL, bidi overrides and the like are refused. */
    public static String badCharacter(String v) {
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                    || type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return String.format("contains a control, format or unassigned character U+%04X at position %d", cp,
                        v.codePointCount(0, i) + 1);
            }
            i += Character.charCount(cp);
        }
        return null;
    }
}
