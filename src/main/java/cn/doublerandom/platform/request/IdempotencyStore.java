package cn.doublerandom.platform.request;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The SQL of {@link IdempotencyFilter}: the keys claimed and the answers kept, in {@code idempotency_record}. */
@ApplicationScoped
class IdempotencyStore {

    @Inject
    AgroalDataSource dataSource;

    /** The row already under a key: its request's fingerprint and, once that request finished, its answer (status null while it runs). */
    record Kept(String fingerprint, Integer status, String contentType, String body) {
    }

    /** A claim: either made now, or refused with the row already there (null when that row was released meanwhile). */
    record Attempt(boolean claimed, Kept kept) {
    }

    /** Claims the key, or reads what holds it, on one connection of the caller's transaction. */
    Attempt claim(String actor, String key, String fingerprint, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into idempotency_record (actor, key, fingerprint, created_at) values (?, ?, ?, ?)
                    on conflict do nothing""")) {
                ps.setString(1, actor);
                ps.setString(2, key);
                ps.setString(3, fingerprint);
                ps.setTimestamp(4, Timestamp.from(now));
                if (ps.executeUpdate() == 1) {
                    return new Attempt(true, null);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "select fingerprint, status, content_type, body from idempotency_record where actor = ? and key = ?")) {
                ps.setString(1, actor);
                ps.setString(2, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return new Attempt(false, null);
                    }
                    return new Attempt(false, new Kept(rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2),
                            rs.getString(3), rs.getString(4)));
                }
            }
        }
    }

    void release(String actor, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("delete from idempotency_record where actor = ? and key = ?")) {
            ps.setString(1, actor);
            ps.setString(2, key);
            ps.executeUpdate();
        }
    }

    void keep(String actor, String key, int status, String contentType, String body) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "update idempotency_record set status = ?, content_type = ?, body = ? where actor = ? and key = ?")) {
            ps.setInt(1, status);
            ps.setString(2, contentType);
            ps.setString(3, body);
            ps.setString(4, actor);
            ps.setString(5, key);
            ps.executeUpdate();
        }
    }
}
