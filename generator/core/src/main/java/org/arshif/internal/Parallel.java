package org.arshif.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs the items of a list on the common pool's workers and the calling thread, each thread taking the next small
 * chunk of items as it finishes one. A parallel stream cuts a list up front into four leaves per pool worker; on
 * two cores (one worker beside the caller) that is four leaves for two threads, and pages, dispatches and
 * documents differ in cost, so a phase ended with one thread on its last leaf while the other waited (a second or
 * more of one busy core in a 10,000-dispatch build). Here the last chunk ends soon after the others.
 *
 * <p>Results keep the items' order, and what an item's work throws is thrown to the caller as it was (the first
 * one, once every thread has stopped): the other threads take no new chunk after it.
 */
public final class Parallel {
    /** Chunks per list: claiming one is an atomic add, and a chunk is a small part of the phase's work. */
    private static final int CHUNKS = 256;

    private Parallel() {}

    /** {@code f} of each item, in the items' order (nulls kept). */
    public static <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> f) {
        Object[] out = new Object[items.size()];
        forEachIndex(items.size(), i -> out[i] = f.apply(items.get(i)));
        @SuppressWarnings("unchecked")
        List<R> results = (List<R>) Collections.unmodifiableList(Arrays.asList(out));
        return results;
    }

    /** {@code action} on each item, in no particular order. */
    public static <T> void forEach(List<T> items, Consumer<? super T> action) {
        forEachIndex(items.size(), i -> action.accept(items.get(i)));
    }

    /** {@code action} on each of {@code 0..n-1}, in no particular order. */
    public static void forEachIndex(int n, IntConsumer action) {
        int chunk = Math.max(1, n / CHUNKS);
        int chunks = (n + chunk - 1) / chunk;
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable claim = () -> {
            try {
                for (int from = next.getAndAdd(chunk); from < n; from = next.getAndAdd(chunk)) {
                    int to = Math.min(n, from + chunk);
                    for (int i = from; i < to; i++) {
                        action.accept(i);
                    }
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
                next.set(n); // no thread takes a new chunk
            }
        };
        int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), chunks - 1);
        List<ForkJoinTask<?>> started = new ArrayList<>(Math.max(0, helpers));
        for (int h = 0; h < helpers; h++) {
            started.add(ForkJoinPool.commonPool().submit(claim));
        }
        claim.run();
        started.forEach(ForkJoinTask::join); // a helper not yet started runs here, finding nothing left
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t); // an undeclared checked exception (sneaky throws)
        }
    }
}
