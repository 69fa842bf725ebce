package cn.doublerandom.platform.database;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Threads for reads that run beside a request's transaction, each on a connection of its own (a
 * province draw's earlier draws, the catch-ups of the registry's copy in memory; the parts of that
 * copy's reading and its selection's names, which take no connection). Plain threads on purpose: no
 * context, above all no transaction, follows the work there, so a connection taken there is never
 * the request's own.
 */
@ApplicationScoped
public class ReadThreads {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "read-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, threads);
    }

    /**
     * The work beside the caller when {@code beside}, else here and now, on the caller's own
     * connection. A read beside takes a second connection while the caller holds its transaction's:
     * were every request to do that, requests holding all the pool's connections could wait for one
     * another. So only a province's draw, one at a time per province, reads beside; a county's runs
     * here and needs no more than it holds.
     */
    public <T> CompletableFuture<T> supply(boolean beside, Supplier<T> work) {
        return beside ? supply(work) : CompletableFuture.completedFuture(work.get());
    }

    public CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, threads);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
