package org.arshif.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches {@code content/} and the templates folder recursively, and the site root for {@code arshif.yml}.
 * Events are gathered until the files have been quiet for a moment (editors save in several steps), then
 * handed over as one batch of site-root-relative paths.
 *
 * <p>The moment is short ({@code settleMillis}) for a batch that can only be one finished save: one content file
 * modified in place, not empty and ending in a line break (or, saved without one, ending as it did when its last
 * batch was handed over), with nothing created or deleted anywhere. Otherwise it
 * is {@code quietMillis}: a save by rename (vim, sed -i, JetBrains) creates and deletes files 7-15 ms apart at load
 * ~10, a {@code git checkout} goes quiet for up to 45 ms between files, and a file truncated but not yet written
 * again is empty.
 */
final class SiteWatcher implements AutoCloseable {

    /** One batch of changes. */
    interface Listener {
        /**
         * @param paths     changed files or folders under the site root, {@code /}-separated
         * @param templates whether anything in the templates folder changed
         * @param overflow  events were lost: reload everything
         * @param noticed   when the batch's first event was heard of ({@link System#nanoTime()})
         */
        void changed(Set<String> paths, boolean templates, boolean overflow, long noticed);
    }

    private final Path siteRoot;
    private final Path content;
    private final Path templates;
    private final long quietMillis;
    private final long settleMillis;
    private final Listener listener;
    private final Consumer<Throwable> failed;
    private final WatchService watcher;
    private final Thread thread;
    // When the last batch began ({@link System#nanoTime()}; 0: none yet): a change heard (the warm-up then stops).
    private volatile long lastHeard;
    /**
     * The last bytes of each content file handed over alone in a batch, when they were no line break: a file saved
     * without a final line break (an agency's wire text often is) is finished when it ends as it did before.
     */
    private final Map<String, byte[]> endings = new ConcurrentHashMap<>();

    /** How many of a file's last bytes tell a finished save without a final line break. */
    static final int ENDING_BYTES = 64;

    /** Like the next, every batch waiting for {@code quietMillis} of quiet. */
    SiteWatcher(Path siteRoot, Path templates, long quietMillis, Listener listener, Consumer<Throwable> failed)
            throws IOException {
        this(siteRoot, templates, quietMillis, quietMillis, listener, failed);
    }

    /**
     * @param settleMillis the quiet that ends a batch that is one finished save ({@link #isOneFinishedSave}), at
     *                     most {@code quietMillis}
     * @param failed       told of anything a batch threw; the watcher goes on with the next one
     */
    SiteWatcher(
            Path siteRoot,
            Path templates,
            long quietMillis,
            long settleMillis,
            Listener listener,
            Consumer<Throwable> failed)
            throws IOException {
        this.siteRoot = siteRoot.toAbsolutePath().normalize();
        this.content = this.siteRoot.resolve("content");
        this.templates = templates.toAbsolutePath().normalize();
        this.quietMillis = quietMillis;
        this.settleMillis = Math.min(settleMillis, quietMillis);
        this.listener = listener;
        this.failed = failed;
        this.watcher = this.siteRoot.getFileSystem().newWatchService();
        register(this.siteRoot);
        registerTree(content);
        registerTree(this.templates);
        if (!this.templates.getParent().equals(this.siteRoot) && Files.isDirectory(this.templates.getParent())) {
            register(this.templates.getParent()); // to see a templates folder being created
        }
        this.thread = new Thread(this::loop, "arshif-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (true) {
            try {
                batch();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                Thread.currentThread().interrupt(); // closed: the thread ends
                return;
            } catch (RuntimeException | Error e) {
                // A bad edit (a StackOverflowError in a rebuild, say) must not end the watching: the next save
                // would never be seen.
                failed.accept(e);
            }
        }
    }

    /** Waits for a change, gathers the changes that follow it closely, and hands them over. */
    private void batch() throws InterruptedException {
        WatchKey first = watcher.take();
        long noticed = System.nanoTime();
        lastHeard = noticed;
        Set<String> paths = new TreeSet<>();
        boolean[] flags = new boolean[3]; // templates, overflow, a file created or deleted
        drain(first, paths, flags);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        // the one content file's ending as read when the last quiet began, nothing heard since: remember's too
        byte[] settled = null;
        while (System.nanoTime() < deadline) {
            WatchKey next = watcher.poll(settleMillis, TimeUnit.MILLISECONDS);
            if (next == null) {
                String rel = settleMillis == quietMillis ? null : oneContentFile(paths, flags);
                settled = rel == null ? null : ending(rel);
                if (settleMillis == quietMillis || (rel != null && finished(rel, settled))) {
                    break;
                }
                next = watcher.poll(quietMillis - settleMillis, TimeUnit.MILLISECONDS);
                if (next == null) {
                    break;
                }
            }
            settled = null;
            drain(next, paths, flags);
        }
        if (!paths.isEmpty() || flags[0] || flags[1]) {
            remember(paths, flags, settled);
            listener.changed(paths, flags[0], flags[1], noticed);
        }
    }

    /** When the last batch of changes began, as soon as its first change was heard ({@link System#nanoTime()}). */
    long lastHeard() {
        return lastHeard;
    }

    /** A batch, for the log: its file or how many, a template change, lost events. */
    static String describe(Set<String> paths, boolean templates, boolean overflow) {
        List<String> parts = new ArrayList<>();
        if (!paths.isEmpty()) {
            parts.add(paths.size() == 1 ? paths.iterator().next() : paths.size() + " changed files");
        }
        if (templates) {
            parts.add("a template change");
        }
        if (overflow) {
            parts.add("lost file events");
        }
        return String.join(" and ", parts);
    }

    private void drain(WatchKey key, Set<String> paths, boolean[] flags) {
        Path dir = (Path) key.watchable();
        try {
            for (WatchEvent<?> event : key.pollEvents()) {
                if (event.kind() == OVERFLOW) {
                    flags[1] = true;
                    continue;
                }
                Path child = dir.resolve((Path) event.context()).normalize();
                flags[2] |= event.kind() != ENTRY_MODIFY;
                if (event.kind() == ENTRY_CREATE
                        && Files.isDirectory(child)
                        && (child.startsWith(content) || child.startsWith(templates))) {
                    try {
                        registerTree(child);
                    } catch (UncheckedIOException e) {
                        failed.accept(e); // the rest of the batch still counts
                    }
                }
                if (child.startsWith(templates)) {
                    flags[0] = true;
                } else if (child.startsWith(siteRoot)) {
                    String rel = siteRoot.relativize(child).toString().replace('\\', '/');
                    if (child.startsWith(content) || rel.equals("arshif.yml")) {
                        paths.add(rel);
                    }
                }
            }
        } finally {
            key.reset(); // else this folder is never heard of again
        }
    }

    /**
     * Whether a batch can only be one save that is over: one content file, only modified (an editor that saves by
     * rename creates or deletes a file, a checkout many), not empty (truncated, not yet written) and ending in a
     * line break (a long file written in parts is cut elsewhere). Saved without a final line break, it waits the
     * full quiet, unless its last {@link #ENDING_BYTES} bytes are those it had when its last batch was handed over
     * (an edit above its end: a file written in parts is cut elsewhere): the 20 ms of every edit of a wire's text
     * without one (bench/RESULTS.md, w27-serve).
     */
    boolean isOneFinishedSave(Set<String> paths, boolean[] flags) {
        String rel = oneContentFile(paths, flags);
        return rel != null && finished(rel, ending(rel));
    }

    /** Whether a content file that ends with {@code ending} (its {@link #ending}) is saved whole. */
    private boolean finished(String rel, byte[] ending) {
        if (ending == null || ending.length == 0) {
            return false; // gone, a folder, or truncated and not yet written: wait
        }
        return ending[ending.length - 1] == '\n' || Arrays.equals(ending, endings.get(rel));
    }

    /** The batch's one content file, only modified; else null. */
    private String oneContentFile(Set<String> paths, boolean[] flags) {
        if (flags[0] || flags[1] || flags[2] || paths.size() != 1) {
            return null;
        }
        String rel = paths.iterator().next();
        return siteRoot.resolve(rel).startsWith(content) ? rel : null;
    }

    /**
     * Keeps the ending of a batch's one content file, when it is no line break (see {@link #isOneFinishedSave}):
     * {@code settled} when the batch read it at its end (else null), not read twice.
     */
    private void remember(Set<String> paths, boolean[] flags, byte[] settled) {
        String rel = oneContentFile(paths, flags);
        byte[] ending = rel == null ? null : settled != null ? settled : ending(rel);
        if (ending != null && ending.length > 0 && ending[ending.length - 1] != '\n') {
            endings.put(rel, ending);
        } else if (rel != null) {
            endings.remove(rel);
        }
    }

    /** The last {@link #ENDING_BYTES} bytes of a content file (fewer when it is shorter), or null if unreadable. */
    private byte[] ending(String rel) {
        try (FileChannel channel = FileChannel.open(siteRoot.resolve(rel), StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer last = ByteBuffer.allocate((int) Math.min(size, ENDING_BYTES));
            while (last.hasRemaining() && channel.read(last, size - last.capacity() + last.position()) > 0) {
                // reads the rest
            }
            return last.hasRemaining() ? null : last.array();
        } catch (IOException e) {
            return null; // gone, or a folder
        }
    }

    private void registerTree(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> dirs = walk.filter(Files::isDirectory).toList();
            for (Path d : dirs) {
                register(d);
            }
        } catch (UncheckedIOException e) {
            if (!(e.getCause() instanceof NoSuchFileException)) {
                throw e;
            } // else deleted while being walked: its parent's event reports it
        } catch (NoSuchFileException gone) {
            // the same
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root, e);
        }
    }

    private void register(Path dir) {
        try {
            dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + dir, e);
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread.interrupt();
    }
}
