package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The stats of every file and folder of the output, as one digest (a file edited, added or removed by hand
 * changes it), and the output's files: when the digest is the one the last build stamped, they are exactly the
 * files that build left, which an in-place commit needs to know what to delete.
 *
 * @param files the output's regular files, {@code /}-separated and sorted
 */
record OutputStamp(String digest, List<String> files) {
    private record Part(String line, List<String> files) {}

    /** @param pool where each top-level entry is walked; null: on this thread */
    static OutputStamp take(Path output, ExecutorService pool) throws ExecutionException, InterruptedException {
        List<Path> entries;
        MessageDigest digest = NoopStamp.sha256();
        try (Stream<Path> list = Files.list(output)) {
            entries = list.sorted().toList();
            NoopStamp.update(
                    digest,
                    NoopStamp.stat(Files.readAttributes(output, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)));
        } catch (NoSuchFileException e) {
            return new OutputStamp("missing", List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Future<Part>> parts = new ArrayList<>();
        for (Path entry : entries) {
            Callable<Part> part = () -> {
                MessageDigest one = NoopStamp.sha256();
                List<String> files = new ArrayList<>();
                NoopStamp.statTree(one, entry, List.of(), null, file -> files.add(relative(output, file)));
                return new Part(entry.getFileName() + " " + HexFormat.of().formatHex(one.digest()) + "\n", files);
            };
            parts.add(pool != null ? pool.submit(part) : CompletableFuture.completedFuture(call(part)));
        }
        List<String> files = new ArrayList<>();
        for (Future<Part> part : parts) {
            NoopStamp.update(digest, part.get().line());
            files.addAll(part.get().files());
        }
        files.sort(null);
        return new OutputStamp(HexFormat.of().formatHex(digest.digest()), List.copyOf(files));
    }

    /**
     * The digest alone, after a build: its top-level entries walked by two threads, as {@link NoopStamp#check}
     * walks them (on one, the 24,000 files of a 10,000-dispatch site took a second after the commit).
     */
    static String digest(Path output) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            return take(output, pool).digest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stamping the output", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot stamp the output (" + e.getCause() + ")", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String relative(Path output, Path file) {
        // Cut rather than relativized: the walk already made each path from the output's.
        return file.toString().substring(output.toString().length() + 1).replace('\\', '/');
    }

    private static Part call(Callable<Part> part) {
        try {
            return part.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
