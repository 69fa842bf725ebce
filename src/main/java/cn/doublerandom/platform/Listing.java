package cn.doublerandom.platform;

import cn.doublerandom.platform.problem.ProblemException;
import cn.doublerandom.platform.request.TextRules;

/** Checks of the query parameters that list endpoints share. */
public final class Listing {

    private Listing() {
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return Page.DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw ProblemException.invalid("limit", "limit must be between 1 and " + Page.MAX_LIMIT);
        }
        return limit;
    }

    /** A search text: at most 100 characters, no control characters; blank means none. */
    public static String query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String v = q.strip();
        if (v.length() > 100) {
            throw ProblemException.invalid("q", "q must be at most 100 characters");
        }
        String bad = TextRules.badCharacter(v);
        if (bad != null) {
            throw ProblemException.invalid("q", "q " + bad);
        }
        return v;
    }

    public static String cursor(String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        if (after.length() > 128 || !after.matches("[0-9A-Za-z_-]+")) {
            throw ProblemException.invalid("after", "after must be the 'next' value of the previous page");
        }
        return after;
    }

    /** The version an {@code If-Match: "3"} header expects, or null without the header. */
    public static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.strip().replace("W/", "").replace("\"", "");
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "If-Match must be the ETag of the record, e.g. \"3\"");
        }
    }
}
