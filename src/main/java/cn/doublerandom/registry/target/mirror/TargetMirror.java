package cn.doublerandom.registry.target.mirror;

import cn.doublerandom.platform.Concurrently;
import cn.doublerandom.platform.database.ReadThreads;
import cn.doublerandom.registry.target.TargetStore;
import cn.doublerandom.registry.target.TargetStore.PoolRow;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * This replica's copy in memory of what a draw's pool reads of every target (the registry's
 * 检查对象名录库, {@link TargetFacts}), so that a province's draw reads its 1,000,000 targets from
 * memory instead of scanning the table, which costs PostgreSQL and the service many times the CPU
 * that reading the copy does.
 *
 * <p>Kept current from V13's {@code written_by}, the id of the transaction that last wrote each row.
 * A catch-up reads, in one snapshot S, the rows written by transactions with ids at or above the
 * previous catch-up's horizon (its snapshot's xmin), then takes S's xmin as the next horizon. Why
 * nothing is missed: take a row whose version visible in S was written by transaction T. If T's id
 * is at or above the previous horizon, the catch-up reads it. If below, T had ended when the previous
 * snapshot was taken, so that snapshot saw T's version too, and no later version (a later one that
 * snapshot saw would be visible in S as well); the copy already holds it. Rows are never deleted and
 * USCCs never change (V13), so nothing else can differ. This needs each snapshot to be taken after the
 * one before, which holds because catch-ups run one at a time under this class's lock, on the primary.
 *
 * <p>A draw catches up first (a few rows, if the scheduled refresh keeps the copy near the table),
 * then reads under the same lock, so no catch-up changes the copy while its parts read it: the pool
 * is the table as of the catch-up's snapshot, as a scan in one snapshot would read it. So do the
 * names of a province's selection ({@link #labels}).
 */
@ApplicationScoped
public class TargetMirror {

    private static final Logger LOG = Logger.getLogger(TargetMirror.class);

    @Inject
    TargetStore targets;

    @Inject
    ReadThreads readThreads;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TargetFacts facts = new TargetFacts();
    private long horizon = TargetStore.NEVER_READ;

    /**
     * Notes on targets by their place in this copy ({@link TargetNotes}), made by {@code fill} on the
     * calling thread; no catch-up changes the copy meanwhile.
     */
    public <N> TargetNotes<N> notes(Consumer<TargetNotes<N>> fill) {
        return addNotes(new TargetNotes<>(), fill);
    }

    /** More notes, made by {@code fill} as {@link #notes} makes them, on notes made before. */
    public <N> TargetNotes<N> addNotes(TargetNotes<N> notes, Consumer<TargetNotes<N>> fill) {
        lock.readLock().lock();
        try {
            notes.open(facts);
            fill.accept(notes);
            notes.close();
            return notes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The pool rows of the region subtree with this code prefix as the table holds them now, in parts
     * at once and in USCC order: sink i is called on a thread of its own, with the i-th share of the
     * rows in USCC order; together the sinks get every row of the subtree once. Each row comes with its
     * note (null when it has none), found by the target's place in memory, not by its USCC.
     */
    public <N> void forEachPoolRow(String regionPrefix, TargetNotes<N> notes, List<BiConsumer<PoolRow, N>> sinks) {
        readCaughtUp();
        try {
            // the subtree's codes as numbers: "13" is [130000, 140000), "" every code
            int scale = 1;
            for (int i = regionPrefix.length(); i < 6; i++) {
                scale *= 10;
            }
            int from = regionPrefix.isEmpty() ? 0 : Integer.parseInt(regionPrefix) * scale;
            int to = from + scale;
            Object[] noteBySlot = notes.bySlot(facts);
            List<CompletableFuture<Void>> parts = new ArrayList<>();
            for (int i = 0; i < sinks.size(); i++) {
                int part = i;
                @SuppressWarnings("unchecked")
                BiConsumer<PoolRow, Object> sink = (BiConsumer<PoolRow, Object>) sinks.get(part);
                parts.add(readThreads.run(() -> facts.forEach(from, to, part, sinks.size(), noteBySlot, sink)));
            }
            Concurrently.join(CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * The name and region of each of these targets as the table holds them now (after a catch-up), as
     * {@link TargetStore#labels} reads them from the table: a province's selection of 26,000 read there
     * brought 26,000 scattered pages into PostgreSQL's buffers while the selection was being written. A
     * USCC the table does not hold is left out.
     */
    public Map<String, TargetStore.Label> labels(Collection<String> usccs) {
        readCaughtUp();
        try {
            Map<String, TargetStore.Label> out = new HashMap<>(usccs.size() * 2);
            for (String uscc : usccs) {
                int slot = facts.slotOf(uscc);
                if (slot >= 0) {
                    String region = Integer.toString(facts.region(slot));
                    out.put(uscc, new TargetStore.Label(facts.name(slot), "0".repeat(Math.max(0, 6 - region.length())) + region));
                }
            }
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Catches up, then holds the read lock, taken while the write lock was still held: no catch-up comes
     * between this one and the reading. The caller unlocks it.
     */
    private void readCaughtUp() {
        lock.writeLock().lock();
        try {
            catchUp();
            lock.readLock().lock();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Keeps the copy near the table, so that a draw's own catch-up reads few rows. The first run reads
     * the whole table (a million targets: about two seconds), after startup, in the background.
     */
    @Scheduled(identity = "target-mirror", every = "{doublerandom.draw.mirror.refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        if (!lock.writeLock().tryLock()) {
            return; // a draw is catching up now
        }
        try {
            catchUp();
        } catch (RuntimeException e) {
            LOG.warnf("target mirror: catching up failed, the next draw or refresh tries again: %s", e.getMessage());
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** The number of targets the copy holds. */
    public int size() {
        lock.readLock().lock();
        try {
            return facts.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Under the write lock. On a read thread: the caller may be inside a transaction, and this reads in one of its own. */
    private void catchUp() {
        long t0 = System.nanoTime();
        int[] read = new int[1];
        long from = horizon;
        horizon = Concurrently.join(readThreads.supply(() -> targets.forEachPoolRowWrittenSince(from, (region, name, row) -> {
            facts.put(row.uscc(), region, name, row);
            read[0]++;
        })));
        facts.order();
        if (read[0] > 1000) {
            LOG.infof("target mirror: %,d rows read in %d ms, %,d targets held", read[0], (System.nanoTime() - t0) / 1_000_000,
                    facts.size());
        }
    }
}
