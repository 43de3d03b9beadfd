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
public final class OutputTree implements AutoCloseable {
    private final Path output;
    private final Path staging;
    private final AtomicLong files = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
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
            Path previous = output.resolve(staging.relativize(fresh).toString());
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
