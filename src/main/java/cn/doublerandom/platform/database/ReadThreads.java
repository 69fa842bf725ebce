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
 * draw's pool: the table in parts, the earlier draws beside them). Plain threads on purpose: no
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

    public CompletableFuture<Void> run(Runnable work) {
        return CompletableFuture.runAsync(work, threads);
    }

    @PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
