package org.arshif.incremental;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.arshif.internal.FileTrees;

/**
 * The part of a first build's cache that a process that stays writes after it answered (see {@code
 * Arshif.Builder#answerBeforeFill}), made all or nothing by a marker file: {@value #MARKER} is created and locked
 * before the answer and deleted once the last file is written. A process killed in between leaves the marker with
 * no lock on it, and the next build that opens the cache discards the whole cache ({@link #settle}): it builds as
 * a first build again, correct, only slower. A build that finds the marker locked waits for the fill to end.
 */
public final class CacheFill implements AutoCloseable {
    /** The marker, in the cache folder. */
    public static final String MARKER = "fill-unfinished";
    /** The warm process's own folder in the cache (its registry and log): never discarded. */
    private static final String KEPT = "daemon";

    private final Path marker;
    private final FileChannel channel;
    private final FileLock lock;

    private CacheFill(Path marker, FileChannel channel, FileLock lock) {
        this.marker = marker;
        this.channel = channel;
        this.lock = lock;
    }

    /** Creates and locks the marker in {@code cache}: from here on, the cache counts as unfinished. */
    public static CacheFill begin(Path cache) throws IOException {
        Path marker = cache.resolve(MARKER);
        FileChannel channel =
                FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
        try {
            return new CacheFill(marker, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The fill is complete: the marker goes, then its lock (a build waiting on it then finds no marker). */
    public void finished() throws IOException {
        Files.deleteIfExists(marker);
    }

    /** Lets the lock go; the marker stays unless {@link #finished} deleted it. */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /**
     * Before a build reads {@code cache}: waits while another process fills it, and discards it when a fill was cut
     * short (its marker is there, unlocked). Nothing to do, and nothing waited for, without a marker.
     *
     * @return what was found, for the build's log; empty when there was no marker
     */
    public static List<String> settle(Path cache) throws IOException {
        Path marker = cache.resolve(MARKER);
        if (!Files.exists(marker)) {
            return List.of();
        }
        List<String> said = new ArrayList<>();
        long waitStart = System.nanoTime();
        try (FileChannel channel = FileChannel.open(marker, StandardOpenOption.WRITE, StandardOpenOption.READ);
                FileLock ignored = channel.lock()) {
            long waited = (System.nanoTime() - waitStart) / 1_000_000;
            if (waited >= 100) {
                said.add("Incremental build: waited " + waited + " ms for another process to finish filling the"
                        + " cache " + cache);
            }
            if (Files.exists(marker)) {
                discard(cache);
                said.add("Incremental build: the last build's cache fill was cut short, so the cache " + cache
                        + " is discarded; this build fills it again");
            }
        } catch (NoSuchFileException gone) {
            return List.of(); // the fill finished between the look and the open
        }
        return said;
    }

    /** Everything in the cache but the warm process's folder; the marker last, so that a cut discard is redone. */
    private static void discard(Path cache) throws IOException {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(cache)) {
            for (Path entry : listed) {
                String name = entry.getFileName().toString();
                if (!name.equals(KEPT) && !name.equals(MARKER)) {
                    entries.add(entry);
                }
            }
        }
        for (Path entry : entries) {
            FileTrees.delete(entry);
        }
        Files.deleteIfExists(cache.resolve(MARKER));
    }
}
