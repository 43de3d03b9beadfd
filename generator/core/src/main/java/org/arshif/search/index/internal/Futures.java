package org.arshif.search.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for the pool's tasks, rethrowing what they threw as it was (not wrapped in ExecutionException). */
final class Futures {
    private Futures() {}

    static <R> R get(Future<R> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search index build interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            if (c instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(c);
        }
    }

    /** The results in task order. */
    static <R> List<R> all(List<Future<R>> fs) {
        List<R> out = new ArrayList<>(fs.size());
        for (Future<R> f : fs) {
            out.add(get(f));
        }
        return out;
    }
}
