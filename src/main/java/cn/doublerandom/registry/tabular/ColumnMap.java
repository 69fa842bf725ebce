package cn.doublerandom.registry.tabular;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Maps a table's header to canonical field keys through accepted aliases. Matching ignores case,
 * whitespace (including full-width space), full-width vs half-width forms (NFKC: "（" = "(",
 * "ＵＳＣＣ" = "uscc"), square/lenticular brackets vs parentheses ("【】", "[]", "〔〕" = "()"),
 * asterisks marking required columns in templates ("*企业名称"), and a trailing colon.
 *
 * <p>Problems are returned as a list, never thrown, so a caller can show every problem of a file at
 * once. Immutable and thread-safe.
 *
 * <pre>{@code
 * ColumnMap map = ColumnMap.builder()
 *     .required("uscc", "统一社会信用代码", "社会信用代码")
 *     .required("name", "企业名称", "单位名称")
 *     .optional("phone", "联系电话", "电话")
 *     .build();
 * ColumnMap.Mapping m = map.map(table.header());
 * m.problems().forEach(p -> ...);
 * String uscc = m.get(row, "uscc");
 * }</pre>
 */
public final class ColumnMap {

    /** Kind of a header problem. */
    public enum Kind {
        /** A named column matches no field (often harmless: an extra column the import ignores). */
        UNKNOWN_COLUMN,
        /** A column has data but no header name. */
        UNNAMED_COLUMN,
        /** A second column maps to a field already mapped by an earlier column (the first one is used). */
        DUPLICATE_FIELD,
        /** No column maps to a required field. */
        MISSING_REQUIRED
    }

    /**
     * One header problem.
     *
     * @param columnIndex 0-based column index, or -1 for {@link Kind#MISSING_REQUIRED}
     * @param column      column name as found in the file ("" if unnamed), or null for a missing field
     * @param field       the field concerned, or null for unknown/unnamed columns
     * @param kind        what is wrong
     * @param message     English message naming the column (letter and name) or the field
     */
    public record Problem(int columnIndex, String column, String field, Kind kind, String message) {
    }

    /** Definition of one field. */
    public record Field(String key, boolean required, List<String> aliases) {
    }

    private final List<Field> fields;
    private final Map<String, String> aliasToKey;

    private ColumnMap(List<Field> fields, Map<String, String> aliasToKey) {
        this.fields = fields;
        this.aliasToKey = aliasToKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Field> fields() {
        return fields;
    }

    /** The normalized form used for matching (exposed for tests and diagnostics). */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Cells.isBlankChar(c) || c == '*') {
                continue;
            }
            switch (c) {
                case '[': case '【': case '〔': case '〖': case '{':
                    sb.append('(');
                    break;
                case ']': case '】': case '〕': case '〗': case '}':
                    sb.append(')');
                    break;
                default:
                    sb.append(c);
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == ':') {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** The field key a header name maps to, or null. */
    public String fieldFor(String columnName) {
        return aliasToKey.get(normalize(columnName));
    }

    /** Maps the header of a table. */
    public Mapping map(Table table) {
        return map(table.header());
    }

    /** Maps a header (column names in file order). */
    public Mapping map(List<String> header) {
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i);
            String col = Cells.columnLetter(i);
            if (Cells.clean(name) == null) {
                problems.add(new Problem(i, name, null, Kind.UNNAMED_COLUMN,
                        "Column " + col + " has data but no header name"));
                continue;
            }
            String key = fieldFor(name);
            if (key == null) {
                problems.add(new Problem(i, name, null, Kind.UNKNOWN_COLUMN,
                        "Column " + col + " \"" + name + "\" is not a recognized column"));
                continue;
            }
            Integer first = index.putIfAbsent(key, i);
            if (first != null) {
                problems.add(new Problem(i, name, key, Kind.DUPLICATE_FIELD,
                        "Column " + col + " \"" + name + "\" means the same as column " + Cells.columnLetter(first)
                                + " \"" + header.get(first) + "\" (field " + key + "); only column "
                                + Cells.columnLetter(first) + " is used"));
            }
        }
        for (Field f : fields) {
            if (f.required() && !index.containsKey(f.key())) {
                problems.add(new Problem(-1, null, f.key(), Kind.MISSING_REQUIRED,
                        "Required column \"" + f.aliases().get(0) + "\" (field " + f.key()
                                + ") is missing; accepted names: " + String.join(", ", f.aliases())));
            }
        }
        return new Mapping(Collections.unmodifiableMap(index), Collections.unmodifiableList(problems));
    }

    /** Result of mapping one header. Immutable. */
    public static final class Mapping {
        private final Map<String, Integer> index;
        private final List<Problem> problems;

        Mapping(Map<String, Integer> index, List<Problem> problems) {
            this.index = index;
            this.problems = problems;
        }

        /** All problems, in column order, then missing required fields. */
        public List<Problem> problems() {
            return problems;
        }

        /** True if no required field is missing (unknown/duplicate columns do not count). */
        public boolean hasAllRequired() {
            return problems.stream().noneMatch(p -> p.kind() == Kind.MISSING_REQUIRED);
        }

        /** 0-based column index of a field, or -1 if the header has no column for it. */
        public int indexOf(String field) {
            Integer i = index.get(field);
            return i == null ? -1 : i;
        }

        public boolean has(String field) {
            return index.containsKey(field);
        }

        /** Field key to 0-based column index, for mapped fields, in column order. */
        public Map<String, Integer> columns() {
            return index;
        }

        /** Value of a field in a row, or null if blank or the field has no column. */
        public String get(TableRow row, String field) {
            Integer i = index.get(field);
            return i == null ? null : row.get(i);
        }
    }

    /** Builder; aliases are matched after {@link #normalize(String)}, the key itself is also accepted. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();
        private final Map<String, String> aliasToKey = new HashMap<>();

        public Builder required(String key, String... aliases) {
            return field(key, true, aliases);
        }

        public Builder optional(String key, String... aliases) {
            return field(key, false, aliases);
        }

        /**
         * @throws IllegalArgumentException if the key is repeated or an alias (after normalization)
         *                                  already belongs to another field
         */
        public Builder field(String key, boolean required, String... aliases) {
            Objects.requireNonNull(key, "key");
            if (fields.stream().anyMatch(f -> f.key().equals(key))) {
                throw new IllegalArgumentException("Field " + key + " defined twice");
            }
            List<String> list = new ArrayList<>();
            for (String a : aliases) {
                list.add(Objects.requireNonNull(a, "alias"));
            }
            if (!list.contains(key)) {
                list.add(key);
            }
            for (String alias : list) {
                String n = normalize(alias);
                if (n.isEmpty()) {
                    throw new IllegalArgumentException("Blank alias for field " + key);
                }
                String other = aliasToKey.putIfAbsent(n, key);
                if (other != null && !other.equals(key)) {
                    throw new IllegalArgumentException("Alias \"" + alias + "\" of field " + key + " is also an alias of field " + other);
                }
            }
            fields.add(new Field(key, required, List.copyOf(list)));
            return this;
        }

        public ColumnMap build() {
            return new ColumnMap(List.copyOf(fields), Map.copyOf(aliasToKey));
        }
    }
}
