package org.arshif.incremental;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks begun on a thread of their own, which the thread that asks for their results helps to finish: each is
 * taken by whichever thread is free. A build that needs them only later goes on meanwhile.
 */
final class SharedTasks<T> {
    private final List<Callable<T>> tasks;
    private final List<CompletableFuture<T>> results = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();

    private SharedTasks(List<Callable<T>> tasks) {
        this.tasks = List.copyOf(tasks);
        tasks.forEach(task -> results.add(new CompletableFuture<>()));
    }

    static <T> SharedTasks<T> start(List<Callable<T>> tasks, Executor background) {
        SharedTasks<T> shared = new SharedTasks<>(tasks);
        if (!tasks.isEmpty()) {
            background.execute(shared::help);
        }
        return shared;
    }

    private void help() {
        for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
            try {
                results.get(i).complete(tasks.get(i).call());
            } catch (Exception | Error e) {
                // An Error too: a task left incomplete would keep the asking thread waiting for ever.
                results.get(i).completeExceptionally(e);
            }
        }
    }

    /**
     * Every task's result, in order; this thread takes the tasks not yet begun. A task's {@link Error} (out of
     * memory) is thrown as it was, on whichever thread it happened, so that the build reports it as one.
     */
    List<T> results() throws ExecutionException, InterruptedException {
        help();
        List<T> done = new ArrayList<>(results.size());
        for (CompletableFuture<T> result : results) {
            try {
                done.add(result.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
        return done;
    }
}
