package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher over a real file system: whatever a batch throws, the next edit is still seen. */
class SiteWatcherTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path root;

    @Test
    void aBatchThatThrowsDoesNotEndTheWatching() throws Exception {
        Files.createDirectories(root.resolve("content/en"));
        BlockingQueue<Set<String>> batches = new LinkedBlockingQueue<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        SiteWatcher.Listener listener = (paths, templates, overflow, noticed) -> {
            batches.add(paths);
            if (paths.contains("content/en/deep.md")) {
                throw new StackOverflowError(); // what a recursive YAML alias did in a rebuild
            }
            if (paths.contains("content/en/broken.md")) {
                throw new IllegalStateException("broken");
            }
        };
        try (SiteWatcher watcher = new SiteWatcher(root, root.resolve("templates"), 20, listener, failures::add)) {
            watcher.start();
            write("content/en/deep.md");
            awaitBatchWith(batches, "content/en/deep.md");
            write("content/en/broken.md");
            awaitBatchWith(batches, "content/en/broken.md");
            write("content/en/good.md");
            awaitBatchWith(batches, "content/en/good.md");
        }
        assertTrue(failures.stream().anyMatch(StackOverflowError.class::isInstance), failures.toString());
        assertTrue(
                failures.stream()
                        .anyMatch(e -> e.getMessage() != null && e.getMessage().equals("broken")),
                failures.toString());
        assertEquals(
                0,
                failures.stream()
                        .filter(e -> !(e instanceof StackOverflowError) && !(e instanceof IllegalStateException))
                        .count(),
                failures.toString());
    }

    private void write(String rel) throws Exception {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "---\ntitle: x\n---\n\nText.\n", StandardCharsets.UTF_8);
    }

    private static void awaitBatchWith(BlockingQueue<Set<String>> batches, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() < deadline) {
            Set<String> batch = batches.poll(100, TimeUnit.MILLISECONDS);
            if (batch != null && batch.contains(path)) {
                return;
            }
        }
        throw new AssertionError("no batch named " + path + " within " + WAIT_SECONDS + " s");
    }
}
