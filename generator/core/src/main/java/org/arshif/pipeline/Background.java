package org.arshif.pipeline;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Work that runs on a thread of its own beside the pages (a rebuild's search index), so that the core the render
 * leaves idle is used. Its own parallel streams share the common pool with the render.
 */
final class Background<T> {
    private final FutureTask<T> task;

    private Background(Supplier<T> work) {
        this.task = new FutureTask<>(work::get);
    }

    /** Starts {@code work} on a new daemon thread named {@code name}. */
    static <T> Background<T> start(String name, Supplier<T> work) {
        Background<T> background = new Background<>(work);
        Thread thread = new Thread(background.task, name);
        // A daemon: a front end that exits on a failure of the render is not kept alive by work nobody waits for.
        thread.setDaemon(true);
        thread.start();
        return background;
    }

    /** Waits for the work and returns its value; what it threw is thrown here. */
    T join() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + task, e);
        }
    }

    /** Waits for the work when the run failed anyway: its own failure, if any, is added to {@code failure}. */
    void joinAfter(Throwable failure) {
        try {
            join();
        } catch (RuntimeException | Error e) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
    }
}
