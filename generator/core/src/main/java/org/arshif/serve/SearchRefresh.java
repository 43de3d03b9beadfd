package org.arshif.serve;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.arshif.BuildLog;

/**
 * Writes the served site's search index in the background, on one thread, after the server starts and after each
 * rebuild, so that neither the first request nor the watcher waits for it: a search page or index file asked for
 * meanwhile waits for the write already under way. Only the newest plan's index is written (an older one that
 * never started is skipped); when it is written, {@code ready} tells the tabs on search pages to reload, and a
 * moment later, unless another change came, the moment's {@link Idle} work is done (see {@link #IDLE_AFTER_MILLIS}).
 */
final class SearchRefresh implements AutoCloseable {
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final BuildLog log;
    private final Supplier<String> summary;
    private final WarmUp warmUp;
    /**
     * How long after an edit's index the idle work waits: the tabs told ask for the search page and its manifest
     * within a few ms (1-3 ms quiet, up to ~130 ms seen at load 5-8), which a collection's pause would hold up.
     */
    static final long IDLE_AFTER_MILLIS = 300;

    private final Idle idle;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "arshif-search-refresh");
        t.setDaemon(true);
        return t;
    });
    private volatile Supplier<?> newest;
    private volatile boolean closed;

    /** Runs an edit's path once on copies, after the first index (see {@link EditWarmUp}); returns what it did. */
    interface WarmUp {
        /** @param stop true once an edit's index is waiting: the warm-up then stops */
        String run(BooleanSupplier stop) throws IOException;
    }

    /** Work for a quiet moment after an edit's index is written, on this thread, so that the next edit does not do it. */
    interface Idle {
        /**
         * @param since when the edit's change was noticed ({@link System#nanoTime()})
         * @param newer true once a newer index is asked for: the work then stops
         */
        void run(long since, BooleanSupplier newer);
    }

    /**
     * @param summary what the last index write did (files encoded, reused), for the log
     * @param warmUp  run after the first index, unless an edit's is already waiting (see {@link EditWarmUp})
     * @param idle    run {@link #IDLE_AFTER_MILLIS} after an edit's index, unless a newer one is asked for first
     */
    SearchRefresh(BuildLog log, Supplier<String> summary, WarmUp warmUp, Idle idle) {
        this.log = log;
        this.summary = summary;
        this.warmUp = warmUp;
        this.idle = idle;
    }

    /**
     * Writes {@code index} soon (a plan's search index, written once however often it is asked for), unless a
     * newer one comes first.
     *
     * @param since when the change that made the plan was noticed ({@link System#nanoTime()}), for the log
     * @param first whether this is the server's first index (every document is analysed)
     * @param ready run after the index is written
     */
    void refresh(Supplier<?> index, long since, boolean first, Runnable ready) {
        newest = index;
        worker.execute(() -> {
            if (index != newest) {
                return; // a newer edit's index is next
            }
            long t0 = System.nanoTime();
            long cpu0 = PROCESS.getProcessCpuTime();
            try {
                index.get();
            } catch (RuntimeException e) {
                if (closed) {
                    return; // interrupted by the server's stop
                }
                // The search page asks again, and shows what fails.
                log.error("arshif serve: writing the search index failed: " + e);
                log.debug("arshif serve: writing the search index failed", e);
                return;
            }
            long now = System.nanoTime();
            // The writer's threads and the pool's: the process's CPU time, what the write costs on an idle machine.
            double cpuMillis = (PROCESS.getProcessCpuTime() - cpu0) / 1e6;
            log.info(
                    first
                            ? String.format(
                                    Locale.ROOT,
                                    "Search index ready in %.1f ms (%.1f ms CPU), written in the background (%s)",
                                    (now - t0) / 1e6,
                                    cpuMillis,
                                    summary.get())
                            : String.format(
                                    Locale.ROOT,
                                    "Search index updated %.1f ms after the change, written in %.1f ms (%.1f ms CPU)"
                                            + " (%s)",
                                    (now - since) / 1e6,
                                    (now - t0) / 1e6,
                                    cpuMillis,
                                    summary.get()));
            try {
                ready.run();
            } catch (RuntimeException e) {
                // one line, as the watcher's failures: a stack trace of the worker would reach the terminal
                log.error("arshif serve: reloading the search tabs failed: " + e);
                log.debug("arshif serve: reloading the search tabs failed", e);
            }
            if (first && index == newest) {
                warm(index);
            } else if (!first && index == newest) {
                worker.schedule(() -> whenIdle(index, since), IDLE_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The idle work after {@code index}'s write, unless a newer index was asked for meanwhile (it runs first). */
    private void whenIdle(Supplier<?> index, long since) {
        BooleanSupplier newer = () -> index != newest || closed;
        if (newer.getAsBoolean()) {
            return;
        }
        try {
            idle.run(since, newer);
        } catch (RuntimeException e) {
            log.debug("arshif serve: the idle work after an index failed", e); // nothing served depends on it
        }
    }

    /** The warm-up, on this thread: an edit's index waits for it only if it comes while the warm-up runs. */
    private void warm(Supplier<?> first) {
        long t0 = System.nanoTime();
        long cpu0 = PROCESS.getProcessCpuTime();
        try {
            String what = warmUp.run(() -> newest != first || closed);
            log.info(String.format(
                    Locale.ROOT,
                    "Edit path warmed in %.1f ms (%.1f ms CPU): %s",
                    (System.nanoTime() - t0) / 1e6,
                    (PROCESS.getProcessCpuTime() - cpu0) / 1e6,
                    what));
        } catch (CancellationException e) {
            log.info(String.format(
                    Locale.ROOT,
                    "Edit path warm-up stopped after %.1f ms, %s",
                    (System.nanoTime() - t0) / 1e6,
                    e.getMessage()));
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                // nothing served depends on it: the first edit is only slower
                log.debug("arshif serve: warming the edit path failed", e);
            }
        }
    }

    /** Stops the worker, waiting a little for a write under way (its folder is deleted next). */
    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
