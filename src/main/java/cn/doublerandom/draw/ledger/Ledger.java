package cn.doublerandom.draw.ledger;

import cn.doublerandom.draw.engine.LedgerChain;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.platform.ServiceClock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one ledger of the service (DRAW-1 §5): every prepare, execute, failure, void and substitution
 * is appended as a canonical text chained by hash, under a lock on the ledger's head, in the same
 * transaction as the change it records: it refuses to run outside one. The database refuses to update
 * or delete a record. Only {@link cn.doublerandom.draw.DrawJournal} appends. Every {@link LedgerFollower}
 * sees each record in that transaction, still under the head's lock.
 */
@ApplicationScoped
public class Ledger {

    /** pg_advisory_xact_lock key of the ledger head: one appender at a time, across replicas. */
    private static final long HEAD_LOCK = 0x4C4544474552L;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ServiceClock clock;

    @Inject
    Instance<LedgerFollower> followers;

    /** A stored record. */
    public record Entry(long seq, String drawId, String kind, String text, String hash, Instant recordedAt) {
    }

    /**
     * Appends the record that {@code text} builds from its header, on the caller's transaction.
     *
     * @return the stored entry
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Entry append(String drawId, String kind, String authority, String quarter,
                        Function<LedgerRecord.Header, String> text) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
                ps.setLong(1, HEAD_LOCK);
                ps.execute();
            }
            long seq = 0;
            String prev = LedgerRecord.GENESIS_HASH;
            try (PreparedStatement ps = c.prepareStatement("select seq, hash from ledger order by seq desc limit 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
            }
            Instant at = clock.now().truncatedTo(ChronoUnit.SECONDS);
            String body = text.apply(new LedgerRecord.Header(seq + 1, drawId, authority, quarter, at));
            String hash = LedgerRecord.recordHash(prev, body);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into ledger (seq, draw_id, kind, text, hash, recorded_at) values (?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq + 1);
                ps.setString(2, drawId);
                ps.setString(3, kind);
                ps.setString(4, body);
                ps.setString(5, hash);
                ps.setTimestamp(6, Timestamp.from(at));
                ps.executeUpdate();
            }
            Entry entry = new Entry(seq + 1, drawId, kind, body, hash, at);
            for (LedgerFollower f : followers) {
                f.appended(entry);
            }
            return entry;
        } catch (SQLException e) {
            throw new IllegalStateException("appending to the ledger", e);
        }
    }

    /** The hash a record chains from: its predecessor's, or 64 zeros before seq 1. */
    public String hashBefore(long seq) {
        List<Entry> previous = query("where seq = " + (seq - 1), null);
        return previous.isEmpty() ? LedgerRecord.GENESIS_HASH : previous.get(0).hash();
    }

    /** The number of records, which is the last record's seq. */
    public long size() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select coalesce(max(seq), 0) from ledger");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** At most {@code limit} records from seq {@code from} on, in seq order. */
    public List<Entry> range(long from, int limit) {
        return query("where seq >= " + from + " order by seq limit " + limit, null);
    }

    public List<Entry> ofDraw(String drawId) {
        return query("where draw_id = ? order by seq", drawId);
    }

    /** The result of walking the whole chain. */
    public record Verification(long records, String headHash, boolean intact, Long firstBrokenSeq, String reason) {
    }

    /** Walks the chain from seq 1 and reports the first broken link, if any. */
    public Verification verify() {
        List<Entry> all = query("order by seq", null);
        List<LedgerChain.StoredRecord> records = all.stream().map(e -> new LedgerChain.StoredRecord(e.text(), e.hash())).toList();
        Optional<LedgerChain.Break> broken = LedgerChain.verify(records);
        String head = all.isEmpty() ? LedgerRecord.GENESIS_HASH : all.get(all.size() - 1).hash();
        return broken.map(b -> new Verification(all.size(), head, false, b.seq(), b.reason()))
                .orElseGet(() -> new Verification(all.size(), head, true, null, null));
    }

    private List<Entry> query(String where, String param) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select seq, draw_id, kind, text, hash, recorded_at from ledger " + where)) {
            if (param != null) {
                ps.setString(1, param);
            }
            ps.setFetchSize(1000);
            List<Entry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
