package org.arshif.incremental;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.arshif.internal.AtomicFiles;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.FileTrees;

/**
 * The part of a first build's cache that a process that stays writes after it answered (see {@code
 * Arshif.Builder#answerBeforeFill}), made all or nothing by a marker file: {@value #MARKER} is created and locked
 * before the answer and deleted once the last file is written. A process killed in between leaves the marker with
 * no lock on it, and the next build that opens the cache discards the whole cache ({@link #settle}): it builds as
 * a first build again, correct, only slower. A build that finds the marker locked waits for the fill to end.
 *
 * <p>The fill makes no name in the cache after the answer, so that a {@code mvn clean} (or {@code rm -rf target})
 * that runs meanwhile can neither be undone nor mixed with: each file it writes is made, empty, before the answer
 * ({@link #reserve}, after the marker) and written in place after it ({@link #writes}); a deleted folder takes those
 * files with it, and what is then written goes nowhere a reader looks. The marker goes only while it is still the
 * one this fill made ({@link #stillHere}): after a clean, another build's marker is left alone.
 */
public final class CacheFill implements AutoCloseable {
    /** The marker, in the cache folder. */
    public static final String MARKER = "fill-unfinished";
    /** The warm process's own folder in the cache (its registry and log): never discarded. */
    private static final String KEPT = "daemon";

    private final Path marker;
    private final FileChannel channel;
    private final FileLock lock;
    /** The marker's file key (null where the file system has none): which marker is this fill's. */
    private final Object markerKey;
    /** The files made before the answer, by absolute path, sorted. */
    private final Map<Path, FileChannel> reserved = new TreeMap<>();

    private CacheFill(Path marker, FileChannel channel, FileLock lock) throws IOException {
        this.marker = marker;
        this.channel = channel;
        this.lock = lock;
        this.markerKey = fileKey(marker);
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

    /**
     * Before the answer: makes {@code target} a new, empty file (its folder must be there), kept open for the fill's
     * write of it; an older file of that name is replaced, not written over (the build may still read it).
     */
    public synchronized void reserve(Path target) throws IOException {
        Path file = target.toAbsolutePath();
        if (reserved.containsKey(file)) {
            return;
        }
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            FileChannel made = FileChannel.open(tmp, StandardOpenOption.WRITE);
            try {
                AtomicFiles.replace(tmp, file);
            } catch (IOException e) {
                made.close();
                throw e;
            }
            reserved.put(file, made);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Where the fill's writes go: into the files {@link #reserve}d, in place. A write of any other file fails (it
     * would make a name after the answer); so does the deletion of one that is there. Deleting a reserved file
     * empties it: an empty cache file reads as none.
     */
    public CheckedFile.Writes writes() {
        return new CheckedFile.Writes() {
            @Override
            public void write(Path target, CheckedFile.Body body) throws IOException {
                CheckedFile.writeInPlace(made(target), body);
            }

            @Override
            public void delete(Path target) throws IOException {
                if (reservedFile(target) != null) {
                    made(target).truncate(0);
                } else if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(
                            "the cache fill deletes no file it did not make before the answer (" + target + ")");
                }
            }
        };
    }

    private FileChannel made(Path target) throws IOException {
        FileChannel file = reservedFile(target);
        if (file == null) {
            throw new IOException("the cache fill writes no file it did not make before the answer (" + target + ")");
        }
        return file;
    }

    private synchronized FileChannel reservedFile(Path target) {
        return reserved.get(target.toAbsolutePath());
    }

    /**
     * Whether the marker at its path is still the one this fill made: false once a clean deleted it (and with it
     * the folder), or another build made its own there since.
     */
    public boolean stillHere() {
        try {
            return Objects.equals(fileKey(marker), markerKey);
        } catch (IOException e) {
            return false;
        }
    }

    private static Object fileKey(Path file) throws IOException {
        Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .fileKey();
        return key != null ? key : file.toAbsolutePath(); // no file keys: the name's existence is all there is
    }

    /**
     * The fill is complete: the marker goes, then its lock (a build waiting on it then finds no marker); unless it is
     * no longer this fill's marker ({@link #stillHere}), when nothing is deleted and the result is false.
     */
    public boolean finished() throws IOException {
        if (!stillHere()) {
            return false;
        }
        Files.deleteIfExists(marker);
        return true;
    }

    /** Lets the lock go and closes the files made; the marker stays unless {@link #finished} deleted it. */
    @Override
    public void close() throws IOException {
        List<FileChannel> made;
        synchronized (this) {
            made = List.copyOf(reserved.values());
            reserved.clear();
        }
        try (channel) {
            lock.release();
            for (FileChannel file : made) {
                file.close();
            }
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
