package cn.doublerandom.platform.database;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Small JDBC conveniences for the bulk paths (imports, snapshots) that bypass the ORM for speed. */
public final class Sql {

    private Sql() {
    }

    public static void setDate(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setDate(i, Date.valueOf(d));
        }
    }

    public static LocalDate getDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** A timestamptz column as an instant, or null. */
    public static java.time.Instant getInstant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    public static <E extends Enum<E>> void setEnum(PreparedStatement ps, int i, Enum<E> e) throws SQLException {
        if (e == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, e.name());
        }
    }

    public static <E extends Enum<E>> E getEnum(ResultSet rs, String column, Class<E> type) throws SQLException {
        String v = rs.getString(column);
        return v == null ? null : Enum.valueOf(type, v.strip());
    }

    public static Array textArray(Connection c, Collection<?> values) throws SQLException {
        return c.createArrayOf("text", values.stream().map(v -> v instanceof Enum<?> e ? e.name() : v.toString()).toArray());
    }

    /** A PostgreSQL array literal, e.g. {"a","b \\"c\\""}, for COPY. */
    public static String arrayLiteral(Collection<?> values) {
        StringBuilder sb = new StringBuilder("{");
        for (Object v : values) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            String s = v instanceof Enum<?> e ? e.name() : v.toString();
            sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append('}').toString();
    }

    /** One field of a COPY ... (FORMAT csv) line: quoted, or empty (NULL) when null. */
    public static void csvField(StringBuilder line, Object value) {
        if (line.length() > 0 && line.charAt(line.length() - 1) != '\n') {
            line.append(',');
        }
        if (value != null) {
            line.append('"').append(value.toString().replace("\"", "\"\"")).append('"');
        }
    }

    /** Runs a {@code COPY ... FROM STDIN} with the given text on this (transaction's) connection. */
    public static void copy(Connection c, String sql, CharSequence data) throws SQLException {
        try {
            c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyIn(sql, new SequenceReader(data));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY failed", e);
        }
    }

    /** Reads the text where it is: a COPY's text is megabytes, and a String of it would be one more copy. */
    private static final class SequenceReader extends java.io.Reader {
        private final CharSequence text;
        private int at;

        SequenceReader(CharSequence text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (at >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - at);
            if (text instanceof StringBuilder b) {
                b.getChars(at, at + n, buffer, offset);
            } else {
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = text.charAt(at + i);
                }
            }
            at += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    public static <T> List<T> getArray(ResultSet rs, String column, Function<String, T> convert) throws SQLException {
        Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.stream((String[]) a.getArray()).map(convert).toList();
    }

    /** A string as an SQL literal, for the statements that take no parameters (COPY). */
    /**
     * Text for a {@code LIKE} pattern, taken literally: a user's or a token's {@code %} or {@code _}
     * must not widen the match (PostgreSQL's default escape character is the backslash).
     */
    public static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * The elements of an array in PostgreSQL's text form whose elements need no quotes (codes,
     * enum names), e.g. {@code {A,B}}; empty for null or {@code {}}.
     */
    public static List<String> arrayElements(String array) {
        if (array == null || array.equals("{}")) {
            return List.of();
        }
        if (array.length() < 2 || array.charAt(0) != '{' || array.charAt(array.length() - 1) != '}' || array.indexOf('"') >= 0) {
            throw new IllegalStateException("not an array of plain elements: " + array);
        }
        return List.of(array.substring(1, array.length() - 1).split(","));
    }

    /** Runs {@code COPY ... TO STDOUT} and hands each text row (with its "\n") to {@code row}. */
    public static void copyOut(Connection c, String sql, java.util.function.Consumer<byte[]> row) throws SQLException {
        org.postgresql.copy.CopyOut copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            byte[] r;
            while ((r = copy.readFromCopy()) != null) {
                row.accept(r);
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /**
     * Takes PostgreSQL's transaction-scoped advisory lock named {@code name} on {@code c}: writers of the same
     * name wait for each other across replicas until the transaction ends.
     */
    public static void lockForTransaction(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, name);
            ps.execute();
        }
    }

    /** The same as {@link #lockForTransaction(Connection, String)} for a lock known by its number. */
    public static void lockForTransaction(Connection c, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, key);
            ps.execute();
        }
    }

    /**
     * The lock of {@link #lockForTransaction(Connection, String)} in PostgreSQL's two-key space: {@code key}'s lock
     * within {@code namespace} (one target's approvals, say), apart from every one-key lock.
     */
    public static void lockForTransaction(Connection c, String namespace, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
            ps.setString(1, namespace);
            ps.setString(2, key);
            ps.execute();
        }
    }

    /**
     * {@link #lockForTransaction(Connection, String)} on the connection {@code transactional} gives the caller's
     * transaction (the lock is held until it ends, whichever handle took it).
     */
    public static void lockForTransaction(DataSource transactional, String name) {
        onConnection(transactional, c -> {
            lockForTransaction(c, name);
            return null;
        });
    }

    /** {@link #lockForTransaction(Connection, long)} on the connection of the caller's transaction. */
    public static void lockForTransaction(DataSource transactional, long key) {
        onConnection(transactional, c -> {
            lockForTransaction(c, key);
            return null;
        });
    }

    /** {@link #tryLockForTransaction(Connection, String)} on the connection of the caller's transaction. */
    public static boolean tryLockForTransaction(DataSource transactional, String name) {
        return onConnection(transactional, c -> tryLockForTransaction(c, name));
    }

    private interface ConnectionWork<T> {
        T on(Connection c) throws SQLException;
    }

    private static <T> T onConnection(DataSource dataSource, ConnectionWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@link #lockForTransaction(Connection, String)} on the connection of the session's transaction. */
    public static void lockForTransaction(EntityManager entities, String name) {
        entities.unwrap(Session.class).doWork(c -> lockForTransaction(c, name));
    }

    /** {@link #lockForTransaction(Connection, String, String)} on the connection of the session's transaction. */
    public static void lockForTransaction(EntityManager entities, String namespace, String key) {
        entities.unwrap(Session.class).doWork(c -> lockForTransaction(c, namespace, key));
    }

    /** Takes the transaction-scoped advisory lock named {@code name} if it is free; false when another holds it. */
    public static boolean tryLockForTransaction(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_try_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The first column of every row a query answers, in its order; a null parameter is bound as text. */
    public static List<String> strings(Connection c, String sql, Object... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    ps.setNull(i + 1, Types.VARCHAR);
                } else {
                    ps.setObject(i + 1, parameters[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
