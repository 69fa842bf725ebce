package cn.doublerandom.portal.search;

import cn.doublerandom.portal.PortalConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Keeps this replica's {@link NameIndex} in step with the publication table. The index is built
 * in the background after start (the portal falls back to SQL until it is ready, so startup does
 * not wait for a province's million names) and then catches up by reading only publications with
 * a higher sequence number — the table is append-only, so nothing already indexed ever changes.
 * Another replica's publications are seen within {@code doublerandom.portal.search.max-staleness}.
 */
@ApplicationScoped
public class NameSearch {

    private static final Logger LOG = Logger.getLogger(NameSearch.class);
    /** More new rows than this at once (a bulk load, a replica that was away) rebuild the index instead. */
    private static final int CATCH_UP_ROWS = 10_000;

    @Inject
    NameSearchStore store;

    @Inject
    MeterRegistry metrics;

    @Inject
    PortalConfig config;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ReentrantLock catchingUp = new ReentrantLock();
    private volatile NameIndex index;
    private volatile long checkedAt;
    private volatile Thread loader;

    void onStart(@Observes StartupEvent event) {
        if (!config.search().index()) {
            return;
        }
        Gauge.builder("doublerandom.portal.search.names", this, s -> s.index == null ? -1 : s.index.size())
                .description("Publications in this replica's name-search index (-1 while it loads)").register(metrics);
        reloadInBackground();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread t = loader;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Whether searches are answered here; false while the index loads or when it is switched off. */
    public boolean ready() {
        return index != null;
    }

    /**
     * The sequence numbers of the newest {@code max} matching publications older than
     * {@code beforeSeq}, newest first; empty when the index is not ready (search in SQL instead).
     */
    public Optional<long[]> search(String text, NameIndex.Conditions conditions, long beforeSeq, int max) {
        NameIndex current = index;
        if (current == null) {
            return Optional.empty();
        }
        catchUp(current);
        lock.readLock().lock();
        try {
            return Optional.of(current.search(text, conditions, beforeSeq, max));
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * How many publications meet the conditions (and have {@code text} in their name, when not null),
     * counted in memory; empty when the index is not ready (count in SQL instead).
     */
    public Optional<NameIndex.Count> count(String text, NameIndex.Conditions conditions, int cap) {
        NameIndex current = index;
        if (current == null) {
            return Optional.empty();
        }
        catchUp(current);
        lock.readLock().lock();
        try {
            return Optional.of(current.count(text, conditions, cap));
        } finally {
            lock.readLock().unlock();
        }
    }

    private void catchUp(NameIndex current) {
        long now = System.nanoTime();
        if (now - checkedAt < config.search().maxStaleness().toNanos() || !catchingUp.tryLock()) {
            return; // checked a moment ago, or another request is reading the new rows right now
        }
        try {
            checkedAt = now;
            List<NameSearchStore.Row> rows = store.after(current.lastSeq(), CATCH_UP_ROWS + 1);
            if (rows.size() > CATCH_UP_ROWS) {
                // a bulk load behind the service's back: rebuild beside the current index instead of
                // holding searches up while a whole province is appended
                reloadInBackground();
                return;
            }
            if (!rows.isEmpty()) {
                lock.writeLock().lock();
                try {
                    for (NameSearchStore.Row r : rows) {
                        add(current, r.seq(), r.name(), r.region(), r.quarter(), r.inspected());
                    }
                } finally {
                    lock.writeLock().unlock();
                }
            }
        } catch (SQLException e) {
            LOG.warnf("name index: catching up failed (%s); searching what it holds", e.getMessage());
        } finally {
            catchingUp.unlock();
        }
    }

    private synchronized void reloadInBackground() {
        Thread t = loader;
        if (t != null && t.isAlive()) {
            return;
        }
        t = new Thread(this::load, "name-index-loader");
        t.setDaemon(true);
        loader = t;
        t.start();
    }

    private void load() {
        long start = System.nanoTime();
        NameIndex fresh = new NameIndex();
        try {
            boolean complete = store.all(r -> {
                if (Thread.currentThread().isInterrupted()) {
                    return false;
                }
                add(fresh, r.seq(), r.name(), r.region(), r.quarter(), r.inspected());
                return true;
            });
            if (!complete) {
                return;
            }
        } catch (SQLException e) {
            LOG.warnf("name index: loading failed (%s); the portal searches names in SQL", e.getMessage());
            return;
        }
        fresh.trim();
        index = fresh;
        LOG.infof("name index: %d publications in %d ms", fresh.size(), (System.nanoTime() - start) / 1_000_000);
    }

    private static void add(NameIndex target, long seq, String name, String region, String quarter, LocalDate inspected) {
        target.add(seq, name, Integer.parseInt(region.strip()), quarterCode(quarter), (int) inspected.toEpochDay());
    }

    /** 2026Q3 → 20263, the form {@link NameIndex} compares. */
    public static int quarterCode(String quarter) {
        return Integer.parseInt(quarter.substring(0, 4)) * 10 + (quarter.charAt(5) - '0');
    }
}
