package cn.doublerandom.registry.importing;

import cn.doublerandom.platform.problem.Problem.FieldProblem;
import cn.doublerandom.registry.Labelled;
import cn.doublerandom.registry.tabular.ColumnMap;
import cn.doublerandom.registry.tabular.TableRow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the cells of one spreadsheet row into typed values, recording a problem (row, column,
 * value, message) for each cell it cannot read instead of stopping at the first.
 */
public final class CellReader {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[、,;，；/|]+");
    private static final Pattern SLASH_DATE = Pattern.compile("(\\d{4})[/.年](\\d{1,2})[/.月](\\d{1,2})日?");

    private final TableRow row;
    private final ColumnMap.Mapping mapping;
    private final Map<String, String> headers;
    private final List<FieldProblem> problems;

    CellReader(TableRow row, ColumnMap.Mapping mapping, Map<String, String> headers, List<FieldProblem> problems) {
        this.row = row;
        this.mapping = mapping;
        this.headers = headers;
        this.problems = problems;
    }

    public String text(String key) {
        String v = mapping.get(row, key);
        if (v != null && mapping.has(key) && row.exceedsNumericPrecision(mapping.indexOf(key))) {
            fail(key, v, "was typed as a number and Excel kept only 15 digits; format the column as text and re-enter it");
            return null;
        }
        return v;
    }

    public List<String> list(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        return Arrays.stream(LIST_SEPARATOR.split(v)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public Boolean bool(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        return switch (v.strip().toLowerCase()) {
            case "是", "y", "yes", "true", "1", "√" -> true;
            case "否", "n", "no", "false", "0", "×" -> false;
            default -> {
                fail(key, v, "must be 是 or 否");
                yield null;
            }
        };
    }

    /** 是/否 as {@link #bool} reads it, or as a form numbers its options: "1. 是", "2. 否", "2". */
    public Boolean numberedYesNo(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        String s = NUMBERED_YES_NO.matcher(v.strip()).replaceFirst("");
        if (s.equals("2")) {
            return false;
        }
        return switch (s.toLowerCase()) {
            case "是", "y", "yes", "true", "1", "√" -> true;
            case "否", "n", "no", "false", "0", "×" -> false;
            default -> {
                fail(key, v, "须填写“是”或“否”（也可写 1. 是、2. 否）");
                yield null;
            }
        };
    }

    private static final Pattern NUMBERED_YES_NO = Pattern.compile("^[12]\\s*[.、．]\\s*(?=[是否])");

    /** A decimal number as written ("114.514"), or a problem. */
    public BigDecimal decimal(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        try {
            return new BigDecimal(v.strip());
        } catch (NumberFormatException e) {
            fail(key, v, "须为十进制数字，如 114.514");
            return null;
        }
    }

    public LocalDate date(String key) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        String s = v.strip();
        var m = SLASH_DATE.matcher(s);
        if (m.matches()) {
            s = String.format("%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        try {
            return LocalDate.parse(s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            fail(key, v, "must be a date such as 2026-03-31");
            return null;
        }
    }

    public <E extends Enum<E> & Labelled> E choice(String key, Class<E> type) {
        String v = text(key);
        if (v == null) {
            return null;
        }
        return Labelled.parse(type, v).orElseGet(() -> {
            fail(key, v, "must be one of " + Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
            return null;
        });
    }

    public <E extends Enum<E> & Labelled> List<E> choices(String key, Class<E> type) {
        List<String> values = list(key);
        if (values == null) {
            return null;
        }
        List<E> out = new ArrayList<>();
        for (String v : values) {
            Labelled.parse(type, v).ifPresentOrElse(out::add, () -> fail(key, v, "must be among "
                    + Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList()));
        }
        return out;
    }

    public void fail(String key, String value, String message) {
        problems.add(FieldProblem.cell(row.rowNumber(), headers.getOrDefault(key, key), value, message));
    }
}
