package org.arshif.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.FileTrees;

/**
 * Writes a site into a staging folder beside the output and swaps it in only when the whole build succeeded,
 * so a failed, crashed or killed build leaves the previous site as it was: a reader sees the old site or the
 * new one, never a mix (except while an {@link #openInPlace} tree commits). Unchanged files keep their old
 * modification time, so rsync and Pages uploads stay small.
 *
 * <p>While a tree is open it holds the output's {@link OutputLock}, so builds into one output take turns. On
 * opening, it puts back a site a killed build was swapping in, deletes what earlier builds left beside the
 * output, and refuses an output it must not replace ({@link OutputGuard}). File-system failures end as one
 * finding ({@link ContentException}) naming the output and what to do.
 */
public final class OutputTree implements SiteSink, AutoCloseable {
    private final Path output;
    private final Path staging;
    private final OutputLock lock;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final Set<String> reused = ConcurrentHashMap.newKeySet();
    private final boolean incremental;
    private final List<String> lastSite; // in place: every file of the output the last build left; else null
    private final Consumer<String> log;
    private boolean committed;
    private boolean closed;

    private OutputTree(
            Path output,
            Path staging,
            OutputLock lock,
            boolean incremental,
            List<String> lastSite,
            Consumer<String> log) {
        this.output = output;
        this.staging = staging;
        this.lock = lock;
        this.incremental = incremental;
        this.lastSite = lastSite;
        this.log = log;
    }

    public static OutputTree open(Path output) {
        return open(output, message -> {});
    }

    /** Like {@link #open(Path)}; {@code log} hears when the build must wait for another one, or recovers. */
    public static OutputTree open(Path output, Consumer<String> log) {
        return open(output, null, false, log);
    }

    /**
     * For incremental builds: besides pages accepted by {@link #reuse}, {@link #keep} takes index files from the
     * current output too; unchanged files are hard-linked into the staged site, which is swapped in whole.
     */
    public static OutputTree openPatch(Path output, Consumer<String> log) {
        return open(output, null, true, log);
    }

    /**
     * Like {@link #openPatch}, for an output exactly as the last build left it, with the files {@code lastSite}:
     * the commit moves only staged files in and deletes what the new site has not ({@link InPlaceCommit}).
     */
    public static OutputTree openInPlace(Path output, List<String> lastSite, Consumer<String> log) {
        return open(output, List.copyOf(lastSite), true, log);
    }

    private static OutputTree open(Path output, List<String> lastSite, boolean incremental, Consumer<String> log) {
        Path abs = output.toAbsolutePath().normalize();
        if (abs.getParent() == null) {
            throw new ContentException(Diagnostic.error(
                    abs.toString(),
                    0,
                    0,
                    "the output cannot be the root folder; build into a folder of its own: "
                            + OutputGuard.another(null)));
        }
        refuseUnsafe(abs);
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw OutputFault.of(abs, "create the folder " + abs.getParent(), e);
        }
        OutputLock lock;
        try {
            lock = OutputLock.acquire(abs, log);
        } catch (IOException e) {
            throw OutputFault.of(abs, "create the lock file " + OutputLock.fileFor(abs), e);
        }
        try {
            Leftovers.recover(abs, log);
            refuseUnsafe(abs); // what was recovered, or what another build left, is checked too
            return new OutputTree(abs, Leftovers.create(abs, "staging"), lock, incremental, lastSite, log);
        } catch (IOException e) {
            lock.close();
            throw OutputFault.of(abs, "prepare a new site beside the output, in " + abs.getParent(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static void refuseUnsafe(Path output) {
        OutputGuard.refusal(output, output.toString(), null).ifPresent(d -> {
            throw new ContentException(d);
        });
    }

    /** Writes one file; {@code relPath} is {@code /}-separated and already checked to stay inside the site. */
    @Override
    public void write(String relPath, byte[] content) {
        Path target = resolve(relPath);
        try {
            Files.createDirectories(target.getParent());
            if (reused.remove(relPath)) {
                Files.deleteIfExists(target); // a link to the current site's file, which must stay as it is
            }
            Files.write(target, content);
        } catch (IOException e) {
            throw OutputFault.of(output, "write " + target, e);
        }
        files.incrementAndGet();
        bytes.addAndGet(content.length);
    }

    /**
     * Copies an input file (a photo) into the site. In an incremental build a file whose current copy has the same
     * bytes is taken from the current site as it is (a hard link), neither read twice nor rewritten.
     */
    @Override
    public void copy(String relPath, Path source) {
        if (incremental && keep(relPath, source)) {
            return;
        }
        Path target = resolve(relPath);
        try {
            Files.createDirectories(target.getParent());
            if (reused.remove(relPath)) {
                Files.deleteIfExists(target);
            }
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            files.incrementAndGet();
            bytes.addAndGet(Files.size(target));
        } catch (IOException e) {
            throw OutputFault.of(output, "copy " + source + " to " + target, e);
        }
    }

    private boolean keep(String relPath, Path source) {
        BasicFileAttributes attributes = current(relPath);
        try {
            if (attributes == null
                    || attributes.size() != Files.size(source)
                    || Files.mismatch(output.resolve(relPath), source) != -1) {
                return false;
            }
        } catch (IOException e) {
            return false; // copied then, which reports what is wrong
        }
        link(relPath);
        files.incrementAndGet();
        bytes.addAndGet(attributes.size());
        return true;
    }

    /**
     * Puts the current output's copy of a file into the new site instead of writing it again (a hard link, or a
     * copy where links are not possible), when {@code unchanged} accepts the current file's attributes. Used by
     * incremental builds for pages whose inputs did not change.
     *
     * @return false when there is no such file or it was not accepted; the caller then writes the file
     */
    public boolean reuse(String relPath, Predicate<BasicFileAttributes> unchanged) {
        BasicFileAttributes attributes = current(relPath);
        if (attributes == null || !unchanged.test(attributes)) {
            return false;
        }
        link(relPath);
        files.incrementAndGet();
        bytes.addAndGet(attributes.size());
        return true;
    }

    /**
     * In incremental builds (see {@link #openPatch}), takes the current output's file into the new site as it
     * is, for a file whose name names its content (a content hash): it is then neither written nor counted here.
     *
     * @return its size in bytes, or -1 when not incremental or there is no such file, and it must be written
     */
    public long keep(String relPath) {
        BasicFileAttributes attributes = incremental ? current(relPath) : null;
        if (attributes == null) {
            return -1;
        }
        link(relPath);
        return attributes.size();
    }

    /** The attributes of the current output's regular file at {@code relPath}, or null without one. */
    private BasicFileAttributes current(String relPath) {
        Path previous = output.resolve(relPath).normalize();
        if (!previous.startsWith(output) || previous.equals(output)) {
            return null;
        }
        try {
            BasicFileAttributes a =
                    Files.readAttributes(previous, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw OutputFault.of(output, "read " + previous, e);
        }
    }

    private void link(String relPath) {
        if (lastSite != null) {
            reused.add(relPath); // in place: it stays where it is
            return;
        }
        Path previous = output.resolve(relPath).normalize();
        Path target = resolve(relPath);
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, previous);
            } catch (UnsupportedOperationException | IOException e) {
                // A file system without hard links: a copy keeps the bytes and the modification time.
                Files.copy(previous, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw OutputFault.of(output, "reuse " + previous, e);
        }
        reused.add(relPath);
    }

    /** Accounts for files a writer put under {@link #resolve} itself. */
    public void count(long fileCount, long byteCount) {
        files.addAndGet(fileCount);
        bytes.addAndGet(byteCount);
    }

    public Path resolve(String relPath) {
        Path target = staging.resolve(relPath).normalize();
        if (!target.startsWith(staging) || target.equals(staging.resolve(OutputGuard.MARKER))) {
            throw new IllegalArgumentException("refusing to write outside the site: " + relPath);
        }
        return target;
    }

    public Path stagingDir() {
        return staging;
    }

    public long filesWritten() {
        return files.get();
    }

    public long bytesWritten() {
        return bytes.get();
    }

    /**
     * Makes the staged site the output: the marker completes it, unchanged files keep their timestamps, then
     * the folders are swapped with two renames (a build stopped between them is completed by the next one).
     *
     * @return after an in-place commit, the files it moved in or deleted (see {@link InPlaceCommit.Done}); else null
     */
    public Set<String> commit() {
        if (lastSite != null) {
            return commitInPlace();
        }
        Path old = null;
        try {
            Files.write(staging.resolve(OutputGuard.MARKER), OutputGuard.MARKER_TEXT);
            keepTimestampsOfUnchangedFiles();
            if (Files.exists(output, LinkOption.NOFOLLOW_LINKS)) {
                old = Leftovers.sibling(output, "old");
                move(output, old);
            }
        } catch (IOException e) {
            throw OutputFault.of(output, "replace " + output + " with the new site", e);
        } catch (UncheckedIOException e) {
            throw OutputFault.of(output, "replace " + output + " with the new site", e.getCause());
        }
        try {
            move(staging, output);
        } catch (IOException e) {
            putBack(old);
            throw OutputFault.of(output, "move the new site into " + output, e);
        }
        committed = true;
        if (old != null) {
            try {
                // Unmarked first, so that a deletion cut short is never taken for a whole site. An output that
                // was a link to a folder: only the link goes.
                if (!Files.isSymbolicLink(old)) {
                    Files.deleteIfExists(old.resolve(OutputGuard.MARKER));
                }
                FileTrees.delete(old);
            } catch (IOException e) {
                // the new site is in place; the next build deletes the rest
            }
        }
        return null;
    }

    private Set<String> commitInPlace() {
        try {
            InPlaceCommit.Done done = InPlaceCommit.run(output, staging, reused, lastSite);
            committed = true;
            log.accept("Incremental build: updated the site in place, " + done.moved() + " files replaced or added, "
                    + done.deleted() + " deleted");
            return done.touched();
        } catch (IOException e) {
            throw OutputFault.of(output, "update " + output + " in place", e);
        }
    }

    private void putBack(Path old) {
        if (old != null) {
            try {
                move(old, output);
            } catch (IOException e) {
                // the next build puts the complete site in staging back (see Leftovers.recover)
            }
        }
    }

    private void keepTimestampsOfUnchangedFiles() throws IOException {
        if (!Files.isDirectory(output)) {
            return;
        }
        List<Path> staged;
        try (Stream<Path> walk = Files.walk(staging)) {
            staged = walk.filter(Files::isRegularFile).toList();
        }
        staged.parallelStream().forEach(fresh -> {
            String rel = staging.relativize(fresh).toString().replace('\\', '/');
            if (reused.contains(rel)) {
                return; // the very same file
            }
            Path previous = output.resolve(rel);
            try {
                if (Files.isRegularFile(previous)
                        && Files.size(previous) == Files.size(fresh)
                        && Arrays.equals(Files.readAllBytes(previous), Files.readAllBytes(fresh))) {
                    Files.setLastModifiedTime(fresh, Files.getLastModifiedTime(previous));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void move(Path from, Path to) throws IOException {
        // Renames within one folder: atomic on every local file system.
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Drops the staging folder unless the site was committed, and lets the next build in. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!committed) {
                FileTrees.delete(staging);
            }
        } catch (IOException e) {
            // the next build deletes it
        } finally {
            lock.close();
        }
    }
}
