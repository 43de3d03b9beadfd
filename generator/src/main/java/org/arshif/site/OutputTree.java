package org.arshif.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Writes a site into a staging folder beside the output and swaps it in only when the whole build succeeded,
 * so a failed build leaves the previous site untouched. Files whose bytes did not change keep their old
 * modification time, so rsync and Pages uploads stay small.
 */
public final class OutputTree implements SiteSink, AutoCloseable {
    private final Path output;
    private final Path staging;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final java.util.Set<String> reused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final boolean patch;
    private boolean committed;

    private OutputTree(Path output, Path staging, boolean patch) {
        this.output = output;
        this.staging = staging;
        this.patch = patch;
    }

    public static OutputTree open(Path output) {
        return open(output, false);
    }

    /**
     * For incremental builds, where most pages stay as they are: a file accepted by {@link #reuse} is not
     * touched at all, and {@link #commit()} moves the staged files into the output one by one and then deletes
     * the files the new site no longer has, instead of swapping whole folders (which would link every page into
     * the staging folder and delete the whole old tree). Nothing changes in the output before the commit, so a
     * build that fails still leaves the site untouched; only an I/O failure during the commit itself could
     * leave it half updated.
     */
    public static OutputTree openPatch(Path output) {
        return open(output, true);
    }

    private static OutputTree open(Path output, boolean patch) {
        Path abs = output.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".staging-");
            return new OutputTree(abs, staging, patch);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging folder next to " + abs, e);
        }
    }

    /** Writes one file; {@code relPath} is {@code /}-separated and already checked to stay inside the site. */
    @Override
    public void write(String relPath, byte[] content) {
        Path target = resolve(relPath);
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
        files.incrementAndGet();
        bytes.addAndGet(content.length);
    }

    /**
     * Puts the current output's copy of a file into the new site instead of writing it again (a hard link, or a
     * copy where links are not possible), when {@code unchanged} accepts the current file's attributes. Used by
     * incremental builds for pages whose inputs did not change.
     *
     * @return false when there is no such file or it was not accepted; the caller then writes the file
     */
    public boolean reuse(String relPath, java.util.function.Predicate<BasicFileAttributes> unchanged) {
        Path previous = output.resolve(relPath).normalize();
        Path target = resolve(relPath);
        if (!previous.startsWith(output)) {
            return false;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(previous, BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + previous, e);
        }
        if (!attributes.isRegularFile() || !unchanged.test(attributes)) {
            return false;
        }
        if (patch) {
            reused.add(relPath); // stays where it is; commit() keeps it
            files.incrementAndGet();
            bytes.addAndGet(attributes.size());
            return true;
        }
        try {
            Files.createDirectories(target.getParent());
            try {
                Files.createLink(target, previous);
            } catch (UnsupportedOperationException | IOException e) {
                // A file system without hard links: a copy keeps the bytes and the modification time.
                Files.copy(previous, target, StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reuse " + previous, e);
        }
        reused.add(relPath);
        files.incrementAndGet();
        bytes.addAndGet(attributes.size());
        return true;
    }

    /**
     * Keeps the current output's file as it is, in patch mode (see {@link #openPatch}), for a file whose name
     * names its content (a content hash): it is then neither written nor counted here.
     *
     * @return its size in bytes, or -1 when not patching or there is no such file, and it must be written
     */
    public long keep(String relPath) {
        if (!patch) {
            return -1;
        }
        Path previous = output.resolve(relPath).normalize();
        if (!previous.startsWith(output)) {
            return -1;
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(previous, BasicFileAttributes.class,
                    java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + previous, e);
        }
        if (!attributes.isRegularFile()) {
            return -1;
        }
        reused.add(relPath);
        return attributes.size();
    }

    /** The folder the site is committed to. */
    public Path outputDir() {
        return output;
    }

    /** Accounts for files a writer put under {@link #resolve} itself. */
    public void count(long fileCount, long byteCount) {
        files.addAndGet(fileCount);
        bytes.addAndGet(byteCount);
    }

    public Path resolve(String relPath) {
        Path target = staging.resolve(relPath).normalize();
        if (!target.startsWith(staging)) {
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

    /** Makes the staged site the output: unchanged files keep their timestamps, then the folders are swapped. */
    public void commit() {
        if (patch && Files.isDirectory(output)) {
            try {
                patchCommit();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot update " + output + " with the new site", e);
            }
            return;
        }
        try {
            if (Files.isDirectory(output)) {
                keepTimestampsOfUnchangedFiles();
            }
            Path old = null;
            if (Files.exists(output)) {
                old = Files.createTempDirectory(output.getParent(), "." + output.getFileName() + ".old-");
                Files.delete(old);
                move(output, old);
            }
            move(staging, output);
            committed = true;
            if (old != null) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace " + output + " with the new site", e);
        }
    }

    /** Moves the staged files in, then deletes what the new site lacks; reused files are left alone. */
    private void patchCommit() throws IOException {
        List<Path> staged = keepTimestampsOfUnchangedFiles();
        java.util.Set<String> keep = new java.util.HashSet<>(reused);
        List<String> incoming = new java.util.ArrayList<>();
        for (Path fresh : staged) {
            String rel = staging.relativize(fresh).toString().replace('\\', '/');
            keep.add(rel);
            incoming.add(rel);
        }
        incoming.sort(null);
        for (String rel : incoming) {
            Path target = output.resolve(rel);
            if (Files.isDirectory(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                deleteTree(target); // the old site had a folder where the new one has a file
            }
            for (Path dir = target.getParent(); !dir.equals(output); dir = dir.getParent()) {
                if (Files.isRegularFile(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.delete(dir); // and the other way round
                }
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(staging.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging.resolve(rel), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // One pass over the output (one stat per entry): files the new site lacks go, then the folders they
        // leave empty, deepest first.
        List<Path> stale = new java.util.ArrayList<>();
        Files.walkFileTree(output, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isDirectory() && !keep.contains(output.relativize(file).toString().replace('\\', '/'))) {
                    stale.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        java.util.TreeSet<Path> emptied = new java.util.TreeSet<>(
                java.util.Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(p -> p));
        for (Path file : stale) {
            Files.delete(file);
            emptied.add(file.getParent());
        }
        while (!emptied.isEmpty()) {
            Path dir = emptied.pollFirst();
            if (dir.equals(output) || !dir.startsWith(output)) {
                continue;
            }
            boolean empty;
            try (Stream<Path> children = Files.list(dir)) {
                empty = children.findAny().isEmpty();
            }
            if (empty) {
                Files.delete(dir);
                emptied.add(dir.getParent());
            }
        }
        committed = true;
        deleteTree(staging);
    }

    private List<Path> keepTimestampsOfUnchangedFiles() throws IOException {
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
                if (Files.isRegularFile(previous) && Files.size(previous) == Files.size(fresh)
                        && Arrays.equals(Files.readAllBytes(previous), Files.readAllBytes(fresh))) {
                    Files.setLastModifiedTime(fresh, Files.getLastModifiedTime(previous));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return staged;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Drops the staging folder unless the site was committed. */
    @Override
    public void close() {
        if (!committed) {
            deleteTree(staging);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
