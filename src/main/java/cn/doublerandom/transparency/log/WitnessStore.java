package cn.doublerandom.transparency.log;

import cn.doublerandom.platform.database.Sql;
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
import java.util.List;
import java.util.Optional;

/** The SQL of {@link Witnesses}: the cosignatures kept in {@code log_cosignature}, and a witness's lock. */
@ApplicationScoped
class WitnessStore {

    @Inject
    AgroalDataSource dataSource;

    /** The cosignature lines kept for the checkpoint of {@code size} with {@code root}. */
    List<String> lines(long size, byte[] root) {
        try (Connection c = dataSource.getConnection()) {
            return Sql.strings(c, "select line from log_cosignature where size = ? and root = ? order by id", size, root);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Prior(long size, byte[] root) {
    }

    Optional<Prior> nearest(NoteKeys.Verifier witness, long size, boolean below) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select size, root from log_cosignature where key_name = ? and key_hash = ? and "
                     + (below ? "size <= ? order by size desc" : "size > ? order by size") + " limit 1")) {
            ps.setString(1, witness.name());
            ps.setString(2, String.format("%08x", witness.keyHash()));
            ps.setLong(3, size);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Prior(rs.getLong(1), rs.getBytes(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(NoteKeys.Verifier witness, long size, byte[] root, String line, Instant receivedAt) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     insert into log_cosignature (size, root, key_name, key_hash, line, received_at) values (?, ?, ?, ?, ?, ?)
                     on conflict (size, key_name, key_hash) do nothing""")) {
            ps.setLong(1, size);
            ps.setBytes(2, root);
            ps.setString(3, witness.name());
            ps.setString(4, String.format("%08x", witness.keyHash()));
            ps.setString(5, line);
            ps.setTimestamp(6, Timestamp.from(receivedAt));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("storing a cosignature", e);
        }
    }

    /** One witness's cosignatures are checked one at a time, so two cannot each pass against the same past. */
    void lock(NoteKeys.Verifier witness) {
        Sql.lockForTransaction(dataSource, "log-witness " + witness.text());
    }
}
