package org.arshif.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * A few daemon threads for work that would otherwise wait in line on the calling thread: walking a folder, a
 * git process, compiling templates. Not the common pool, which has one worker on two cores and is the parse's.
 * Closing it waits for nothing: every task's result is joined by its caller first.
 */
public final class Background implements AutoCloseable {
    private final ExecutorService threads;

    public Background(String name, int threadCount) {
        this.threads = Executors.newFixedThreadPool(threadCount, task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        });
    }

    public <T> CompletableFuture<T> start(Supplier<T> task) {
        return CompletableFuture.supplyAsync(task, threads);
    }

    /** The task's result; what it threw, thrown again here as it was (a finding, an I/O failure). */
    public static <T> T join(CompletableFuture<T> task) {
        try {
            return task.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
