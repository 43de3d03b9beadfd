package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SharedTasksTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void resultsComeInTaskOrderWhicheverThreadRanThem() throws Exception {
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> 2, () -> 3, () -> 4);
        assertEquals(List.of(1, 2, 3, 4), SharedTasks.start(tasks, background).results());
    }

    @Test
    void anExceptionReachesTheAskingThreadWrapped() {
        IOException unreadable = new IOException("unreadable");
        SharedTasks<Integer> shared = SharedTasks.start(
                List.of(() -> 1, () -> {
                    throw unreadable;
                }),
                background);
        ExecutionException e = assertThrows(ExecutionException.class, shared::results);
        assertSame(unreadable, e.getCause());
    }

    /** Without the Error completing its task, the asking thread would wait for ever: the timeout makes that a failure. */
    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void anErrorOnTheBackgroundThreadIsThrownToTheAskingThreadAsItWas() throws Exception {
        CountDownLatch taken = new CountDownLatch(1);
        OutOfMemoryError full = new OutOfMemoryError("Java heap space");
        SharedTasks<Integer> shared = SharedTasks.start(
                List.of(() -> {
                    taken.countDown();
                    throw full;
                }),
                background);
        taken.await(); // the background thread took the task: the asking thread cannot run it itself
        assertSame(full, assertThrows(OutOfMemoryError.class, shared::results));
    }
}
