package cn.doublerandom.platform.database;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One row of COPY's text format (tab-separated, {@code \N} for null) whose fields hold no escapes,
 * read field by field: only what is asked for becomes an object. A province's pool scan reads a
 * million rows this way; a target that is not producing costs its status and its USCC only.
 * Reused row after row by one thread.
 */
public final class CopyRow {

    private final int[] start;
    private final int[] end; // -1: null
    private final boolean[] mayEscape;
    private byte[] row;

    public CopyRow(int fields) {
        start = new int[fields];
        end = new int[fields];
        mayEscape = new boolean[fields];
    }

    /**
     * Lets {@code field} hold COPY's escapes (a name, say, may hold a backslash or a tab), read by
     * {@link #unescaped}; every other field still refuses them.
     */
    public CopyRow allowingEscapes(int field) {
        mayEscape[field] = true;
        return this;
    }

    /** Splits {@code row} (with or without its "\n"); anything but the expected number of plain fields is refused. */
    public CopyRow of(byte[] row) {
        int last = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
        int field = 0;
        int from = 0;
        for (int i = 0; i <= last; i++) {
            if (i == last || row[i] == '\t') {
                if (field == start.length) {
                    throw new IllegalStateException("COPY row has more than " + start.length + " fields");
                }
                boolean isNull = i - from == 2 && row[from] == '\\' && row[from + 1] == 'N';
                start[field] = from;
                end[field++] = isNull ? -1 : i;
                from = i + 1;
            } else if (row[i] == '\\' && !(i == from && i + 2 <= last && row[i + 1] == 'N'
                    && (i + 2 == last || row[i + 2] == '\t'))) {
                if (field >= mayEscape.length || !mayEscape[field] || i + 1 >= last) {
                    throw new IllegalStateException("unexpected escape in a COPY row");
                }
                i++; // the escaped character, a tab among them, belongs to the field
            }
        }
        if (field != start.length) {
            throw new IllegalStateException("COPY row has " + field + " fields, expected " + start.length);
        }
        this.row = row;
        return this;
    }

    public boolean isNull(int field) {
        return end[field] < 0;
    }

    /** The row's bytes, as {@link #of} was given them: a field is {@code row()[start(f), start(f) + length(f))}. */
    public byte[] row() {
        return row;
    }

    /** Where a field starts in {@link #row()}. */
    public int start(int field) {
        return start[field];
    }

    /** A field's length in bytes; -1 for null. */
    public int length(int field) {
        return isNull(field) ? -1 : end[field] - start[field];
    }

    public String text(int field) {
        return isNull(field) ? null : new String(row, start[field], end[field] - start[field], StandardCharsets.UTF_8);
    }

    /**
     * A field that may hold COPY's escapes ({@link #allowingEscapes}) as the text it stands for:
     * {@code \b \f \n \r \t \v} are those control characters, a backslash before anything else is
     * that character (PostgreSQL writes nothing else); null stays null.
     */
    public String unescaped(int field) {
        if (isNull(field)) {
            return null;
        }
        int s = start[field];
        int e = end[field];
        ByteArrayOutputStream out = null;
        int copied = s;
        for (int i = s; i < e; i++) {
            if (row[i] == '\\') {
                if (out == null) {
                    out = new ByteArrayOutputStream(e - s);
                }
                out.write(row, copied, i - copied);
                byte c = row[++i];
                out.write(switch (c) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    case 'v' -> 0x0B;
                    default -> c;
                });
                copied = i + 1;
            }
        }
        if (out == null) {
            return new String(row, s, e - s, StandardCharsets.UTF_8);
        }
        out.write(row, copied, e - copied);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** PostgreSQL's boolean text: {@code t} or {@code f}; null is false. */
    public boolean bool(int field) {
        return !isNull(field) && row[start[field]] == 't';
    }

    /** A date in ISO form (the driver's DateStyle); null stays null. */
    public LocalDate date(int field) {
        if (isNull(field)) {
            return null;
        }
        int s = start[field];
        if (end[field] - s != 10 || row[s + 4] != '-' || row[s + 7] != '-') {
            return LocalDate.parse(text(field)); // years beyond 9999 and the like: the slow, strict way
        }
        return LocalDate.of(digits(s, 4), digits(s + 5, 2), digits(s + 8, 2));
    }

    /** A field of decimal digits only (a region code, say), as a number. */
    public int number(int field) {
        if (isNull(field) || end[field] == start[field] || end[field] - start[field] > 9) {
            throw new IllegalStateException("not a number of at most 9 digits: " + text(field));
        }
        return digits(start[field], end[field] - start[field]);
    }

    private int digits(int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            int d = row[i] - '0';
            if (d < 0 || d > 9) {
                throw new IllegalStateException("not digits: " + new String(row, from, n, StandardCharsets.UTF_8));
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** An enum constant by its exact name; null stays null. */
    public <E extends Enum<E>> E constant(int field, Names<E> names) {
        return isNull(field) ? null : names.at(row, start[field], end[field]);
    }

    /** An array of enum names in PostgreSQL's text form, e.g. {@code {ONLINE,VIDEO}}; empty for null or {@code {}}. */
    public <E extends Enum<E>> List<E> constants(int field, Names<E> names) {
        if (isNull(field) || end[field] - start[field] == 2 && row[start[field]] == '{' && row[start[field] + 1] == '}') {
            return List.of();
        }
        int s = start[field];
        int e = end[field];
        if (e - s < 2 || row[s] != '{' || row[e - 1] != '}') {
            throw new IllegalStateException("not an array of plain elements: " + text(field));
        }
        List<E> out = new ArrayList<>(4);
        int from = s + 1;
        for (int i = s + 1; i < e; i++) {
            if (row[i] == ',' || i == e - 1) {
                out.add(names.at(row, from, i));
                from = i + 1;
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@link #constants} as bits (bit i: the constant of ordinal i), made without a list: the form a pool of a
     * million rows keeps. The enum must have at most 31 constants.
     */
    public <E extends Enum<E>> int ordinalBits(int field, Names<E> names) {
        int bits = 0;
        if (isNull(field) || end[field] - start[field] <= 2) {
            return bits;
        }
        int s = start[field];
        int e = end[field];
        if (row[s] != '{' || row[e - 1] != '}') {
            throw new IllegalStateException("not an array of plain elements: " + text(field));
        }
        int from = s + 1;
        for (int i = s + 1; i < e; i++) {
            if (row[i] == ',' || i == e - 1) {
                bits |= 1 << names.at(row, from, i).ordinal();
                from = i + 1;
            }
        }
        return bits;
    }

    /** The names of an enum's constants as bytes, to find a constant without making a string. */
    public static final class Names<E extends Enum<E>> {
        private final E[] values;
        private final byte[][] names;

        private Names(Class<E> type) {
            values = type.getEnumConstants();
            names = Arrays.stream(values).map(v -> v.name().getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        }

        public static <E extends Enum<E>> Names<E> of(Class<E> type) {
            return new Names<>(type);
        }

        E at(byte[] row, int from, int to) {
            for (int i = 0; i < names.length; i++) {
                if (Arrays.equals(row, from, to, names[i], 0, names[i].length)) {
                    return values[i];
                }
            }
            throw new IllegalStateException("no " + values.getClass().getComponentType().getSimpleName() + " named "
                    + new String(row, from, to - from, StandardCharsets.UTF_8));
        }
    }
}
