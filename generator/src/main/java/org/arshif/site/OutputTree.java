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
    private boolean committed;

    private OutputTree(Path output, Path staging) {
        this.output = output;
        this.staging = staging;
    }

    public static OutputTree open(Path output) {
        Path abs = output.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
            Path staging = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".staging-");
            return new OutputTree(abs, staging);
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

    /** The folder the site is committed to. */
    public Path outputDir() {
        return output;
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

    private void keepTimestampsOfUnchangedFiles() throws IOException {
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
