package cn.doublerandom.platform.problem;

import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are answered 503 (the database is away) rather than 500. */
class DatabaseUnreachableTest {

    @Test
    void aCommitThatLostTheServerIsUnavailableNotAnInternalError() {
        // what Narayana throws when PostgreSQL shuts down during commit: the driver's error is suppressed, not the cause
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException(XAException.XAER_RMFAIL);
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);
        assertTrue(ProblemMapper.isDatabaseUnreachable(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void connectionFailuresByCause() {
        assertTrue(ProblemMapper.isDatabaseUnreachable(new IllegalStateException(new SQLException("refused", "08001"))));
        assertTrue(ProblemMapper.isDatabaseUnreachable(new java.sql.SQLTransientConnectionException("pool timeout")));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ProblemMapper.isDatabaseUnreachable(new IllegalStateException(new SQLException("duplicate", "23505"))));
        RollbackException rollback = new RollbackException("rolled back");
        rollback.addSuppressed(new SQLException("check violated", "23514"));
        assertFalse(ProblemMapper.isDatabaseUnreachable(rollback));
        assertFalse(ProblemMapper.isDatabaseUnreachable(new RuntimeException()));
    }
}
