package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/**
 * The watcher over a real file system: whatever a batch throws, the next edit is still seen; a batch that can only
 * be one finished save is handed over after a short settle, anything else after the full quiet.
 */
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

    @Test
    void oneFileWrittenInPlaceIsOneFinishedSaveAndNothingElseIs() throws Exception {
        Files.createDirectories(root.resolve("content/en"));
        Files.writeString(root.resolve("arshif.yml"), "title: x\n");
        try (SiteWatcher watcher =
                new SiteWatcher(root, root.resolve("templates"), 20, 3, (p, t, o, n) -> {}, e -> {})) {
            boolean[] modified = new boolean[3];
            write("content/en/a.md");
            assertTrue(watcher.isOneFinishedSave(Set.of("content/en/a.md"), modified));
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en/a.md"), new boolean[] {false, false, true}));
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en/a.md"), new boolean[] {true, false, false}));
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en/a.md"), new boolean[] {false, true, false}));
            write("content/en/b.md");
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en/a.md", "content/en/b.md"), modified));
            assertFalse(watcher.isOneFinishedSave(Set.of("arshif.yml"), modified), "a setting: the full quiet");
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en/gone.md"), modified));
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en"), modified), "a folder");
            Files.writeString(root.resolve("content/en/a.md"), "");
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en/a.md"), modified), "truncated, not yet written");
            Files.writeString(root.resolve("content/en/a.md"), "---\ntitle: x\n---\n\nTe");
            assertFalse(watcher.isOneFinishedSave(Set.of("content/en/a.md"), modified), "cut short");
        }
    }

    /**
     * A file saved without a final line break (a wire's text ends with its footer) is one finished save when it ends
     * as it did when its last batch was handed over: an edit above its end settles at once; its first save, a file
     * cut short or emptied wait for the quiet.
     */
    @Test
    void aFileWithoutAFinalLineBreakIsFinishedWhenItEndsAsBefore() throws Exception {
        Path a = root.resolve("content/en/a.txt");
        Files.createDirectories(a.getParent());
        String lead = "Title\n\nDamascus, SANA - The lead.\n\n";
        String footer = "\n\nFollow the latest news on Telegram:\n\nhttps://telegram.me/agency\n\nFollow us on VK:\n\n"
                + "http://vk.com/agency\n\nSee also";
        Files.writeString(a, lead + "A paragraph." + footer);
        BlockingQueue<Set<String>> batches = new LinkedBlockingQueue<>();
        boolean[] modified = new boolean[3];
        Set<String> one = Set.of("content/en/a.txt");
        try (SiteWatcher watcher =
                new SiteWatcher(root, root.resolve("templates"), 20, 3, (p, t, o, n) -> batches.add(p), e -> {})) {
            assertFalse(watcher.isOneFinishedSave(one, modified), "its ending not yet known");
            watcher.start();
            Files.writeString(a, lead + "A paragraph, edited." + footer);
            awaitBatchWith(batches, "content/en/a.txt");
            watcher.close(); // no batch after this one: its ending is the one kept
            Files.writeString(a, lead + "Another paragraph above the footer." + footer);
            assertTrue(watcher.isOneFinishedSave(one, modified), "edited above its end");
            assertFalse(watcher.isOneFinishedSave(one, new boolean[] {false, false, true}), "a file created");
            Files.writeString(a, lead + "Another paragraph above the footer.\n\nFollow us");
            assertFalse(watcher.isOneFinishedSave(one, modified), "cut short");
            Files.writeString(a, "");
            assertFalse(watcher.isOneFinishedSave(one, modified), "truncated, not yet written");
        }
    }

    /**
     * With a full quiet of 800 ms, an in-place save still makes a batch of its own before a save 500 ms later, while
     * a save by rename 300 ms after its temporary file was made is one batch with it.
     */
    @Test
    void anInPlaceSaveSettlesAtOnceAndASaveByRenameWaitsForTheQuiet() throws Exception {
        write("content/en/a.md");
        write("content/en/b.md");
        BlockingQueue<Set<String>> batches = new LinkedBlockingQueue<>();
        try (SiteWatcher watcher =
                new SiteWatcher(root, root.resolve("templates"), 800, 1, (p, t, o, n) -> batches.add(p), e -> {})) {
            watcher.start();
            write("content/en/a.md");
            Thread.sleep(500);
            write("content/en/b.md");
            assertEquals(Set.of("content/en/a.md"), batches.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            assertEquals(Set.of("content/en/b.md"), batches.poll(WAIT_SECONDS, TimeUnit.SECONDS));
            write("content/en/c.md.tmp");
            Thread.sleep(300);
            Files.move(root.resolve("content/en/c.md.tmp"), root.resolve("content/en/c.md"));
            assertEquals(
                    Set.of("content/en/c.md", "content/en/c.md.tmp"), batches.poll(WAIT_SECONDS, TimeUnit.SECONDS));
        }
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
