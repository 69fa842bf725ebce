package cn.doublerandom.transparency.log;

import cn.doublerandom.transparency.note.NoteKeys;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Every checkpoint issued (table {@code log_checkpoint}), kept for good. */
@ApplicationScoped
public class CheckpointStore {

    @Inject
    AgroalDataSource dataSource;

    /** A stored checkpoint: the signed note and what it says. */
    public record Stored(long size, byte[] root, String note, Instant issuedAt) {
    }

    /** Keeps {@code note}; a second note of the same size by the same key is the same note and is not kept twice. */
    public void insert(long size, byte[] root, NoteKeys.Verifier key, String note, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into log_checkpoint (size, key_name, key_hash, root, note, issued_at) values (?, ?, ?, ?, ?, ?)
                     on conflict (size, key_name, key_hash) do nothing""")) {
            ps.setLong(1, size);
            ps.setString(2, key.name());
            ps.setString(3, String.format("%08x", key.keyHash()));
            ps.setBytes(4, root);
            ps.setString(5, note);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a checkpoint", e);
        }
    }

    /** The largest checkpoint by {@code key}, or by any key if it signed none. */
    public Optional<Stored> latest(NoteKeys.Verifier key) {
        return one("order by (key_name = ? and key_hash = ?) desc, size desc, id desc limit 1", key, null);
    }

    /** The checkpoint of {@code size}, by {@code key} if it signed one. */
    public Optional<Stored> ofSize(long size, NoteKeys.Verifier key) {
        return one("where size = ? order by (key_name = ? and key_hash = ?) desc, id desc limit 1", key, size);
    }

    private Optional<Stored> one(String tail, NoteKeys.Verifier key, Long size) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select size, root, note, issued_at from log_checkpoint " + tail)) {
            int i = 1;
            if (size != null) {
                ps.setLong(i++, size);
            }
            ps.setString(i++, key.name());
            ps.setString(i, String.format("%08x", key.keyHash()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Stored(rs.getLong(1), rs.getBytes(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
