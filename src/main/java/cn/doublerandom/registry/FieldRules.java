package cn.doublerandom.registry;

import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.platform.request.TextRules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks shared by every registry record, whether it came as JSON or as a spreadsheet row: text is
 * trimmed, single-line, free of control and format characters, and within its length. Problems are
 * collected, not thrown, so that a whole file's problems can be listed at once.
 */
public final class FieldRules {

    private static final LocalDate EARLIEST = LocalDate.of(1949, 10, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final Pattern SPECIALTY = Pattern.compile("[a-z0-9-]{1,32}");

    private final List<FieldProblem> problems = new ArrayList<>();

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public void fail(String field, String value, String message) {
        problems.add(FieldProblem.field(field, value, message));
    }

    /** Trimmed text, null when blank; a problem when too long or carrying control characters. */
    public String text(String field, String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                fail(field, value, "is required");
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            fail(field, abbreviate(v), "must be at most " + max + " characters");
            return null;
        }
        String bad = TextRules.badCharacter(v);
        if (bad != null) {
            fail(field, abbreviate(v), bad);
            return null;
        }
        return v;
    }

    public List<String> texts(String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String t = text(field + "[" + i + "]", values.get(i), max, true);
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** Specialties are DRAW-1 snapshot tokens: {@code [a-z0-9-]{1,32}}. */
    public List<String> specialties(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i).strip();
            if (!SPECIALTY.matcher(v).matches()) {
                fail(field + "[" + i + "]", abbreviate(v), "must be 1-32 characters of a-z, 0-9 and '-'");
            } else {
                out.add(v);
            }
        }
        return out.stream().sorted().toList();
    }

    public LocalDate date(String field, LocalDate value) {
        if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
            fail(field, value.toString(), "must be between " + EARLIEST + " and " + LATEST);
            return null;
        }
        return value;
    }

    public static String abbreviate(String v) {
        return v == null || v.length() <= 80 ? v : v.substring(0, 77) + "...";
    }
}
