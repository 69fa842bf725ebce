package cn.doublerandom.draw.ledger;

import cn.doublerandom.platform.database.Sql;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@link Ledger} (table {@code ledger}), on the connection of the caller's transaction. */
@ApplicationScoped
class LedgerStore {

    @Inject
    AgroalDataSource dataSource;

    /** The last record's seq and hash. */
    record Head(long seq, String hash) {
    }

    /** Takes the transaction-scoped advisory lock {@code key}. */
    void lock(long key) {
        Sql.lockForTransaction(dataSource, key);
    }

    /** The last record, or null before the first. */
    Head head() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, hash from ledger order by seq desc limit 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("appending to the ledger", e);
        }
    }

    void insert(long seq, String drawId, String kind, String text, String hash, Instant at) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "insert into ledger (seq, draw_id, kind, text, hash, recorded_at) values (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, drawId);
            ps.setString(3, kind);
            ps.setString(4, text);
            ps.setString(5, hash);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("appending to the ledger", e);
        }
    }

    long size() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from ledger");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The record {@code seq}, if any. */
    List<Ledger.Entry> at(long seq) {
        return query("where seq = " + seq, null);
    }

    /** At most {@code limit} records from seq {@code from} on, in seq order. */
    List<Ledger.Entry> range(long from, int limit) {
        return query("where seq >= " + from + " order by seq limit " + limit, null);
    }

    List<Ledger.Entry> ofDraw(String drawId) {
        return query("where draw_id = ? order by seq", drawId);
    }

    /** Every record, in seq order. */
    List<Ledger.Entry> all() {
        return query("order by seq", null);
    }

    /** The records the clause {@code where} (with at most one text parameter) selects, in its order. */
    private List<Ledger.Entry> query(String where, String param) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, draw_id, kind, text, hash, recorded_at from ledger " + where)) {
            if (param != null) {
                ps.setString(1, param);
            }
            ps.setFetchSize(1000);
            List<Ledger.Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Ledger.Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
