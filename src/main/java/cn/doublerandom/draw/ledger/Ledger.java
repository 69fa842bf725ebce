package cn.doublerandom.draw.ledger;

import cn.doublerandom.draw.engine.LedgerChain;
import cn.doublerandom.draw.engine.LedgerRecord;
import cn.doublerandom.platform.ServiceClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    LedgerStore store;

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
        store.lock(HEAD_LOCK);
        LedgerStore.Head head = store.head();
        long seq = head == null ? 0 : head.seq();
        String prev = head == null ? LedgerRecord.GENESIS_HASH : head.hash();
        Instant at = clock.now().truncatedTo(ChronoUnit.SECONDS);
        String body = text.apply(new LedgerRecord.Header(seq + 1, drawId, authority, quarter, at));
        String hash = LedgerRecord.recordHash(prev, body);
        store.insert(seq + 1, drawId, kind, body, hash, at);
        Entry entry = new Entry(seq + 1, drawId, kind, body, hash, at);
        for (LedgerFollower f : followers) {
            f.appended(entry);
        }
        return entry;
    }

    /** The hash a record chains from: its predecessor's, or 64 zeros before seq 1. */
    public String hashBefore(long seq) {
        List<Entry> previous = store.at(seq - 1);
        return previous.isEmpty() ? LedgerRecord.GENESIS_HASH : previous.get(0).hash();
    }

    /** The number of records, which is the last record's seq. */
    public long size() {
        return store.size();
    }

    /** At most {@code limit} records from seq {@code from} on, in seq order. */
    public List<Entry> range(long from, int limit) {
        return store.range(from, limit);
    }

    public List<Entry> ofDraw(String drawId) {
        return store.ofDraw(drawId);
    }

    /** The result of walking the whole chain. */
    public record Verification(long records, String headHash, boolean intact, Long firstBrokenSeq, String reason) {
    }

    /** Walks the chain from seq 1 and reports the first broken link, if any. */
    public Verification verify() {
        List<Entry> all = store.all();
        List<LedgerChain.StoredRecord> records = all.stream().map(e -> new LedgerChain.StoredRecord(e.text(), e.hash())).toList();
        Optional<LedgerChain.Break> broken = LedgerChain.verify(records);
        String head = all.isEmpty() ? LedgerRecord.GENESIS_HASH : all.get(all.size() - 1).hash();
        return broken.map(b -> new Verification(all.size(), head, false, b.seq(), b.reason()))
                .orElseGet(() -> new Verification(all.size(), head, true, null, null));
    }
}
