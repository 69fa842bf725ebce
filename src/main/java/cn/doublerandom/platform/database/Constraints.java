package cn.doublerandom.platform.database;

import java.sql.SQLException;

/** What a failed write says about the database's constraints, however the ORM or the pool wrapped it. */
public final class Constraints {

    /** PostgreSQL's SQLSTATE for a unique-key violation. */
    public static final String UNIQUE_VIOLATION = "23505";

    private Constraints() {
    }

    /** Whether the write lost to another writer of the same key: a unique violation anywhere in the cause chain. */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && UNIQUE_VIOLATION.equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
