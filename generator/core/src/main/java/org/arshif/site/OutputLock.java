package org.arshif.site;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

/**
 * One build at a time per output folder: an exclusive lock on {@code .<output>.lock} beside it, held from the
 * moment a build starts writing until it has swapped its site in. A second build waits, saying so once. The
 * operating system drops the lock when its process dies, so a killed build never blocks the next one.
 *
 * <p>The file is deleted (by the holder, before it releases the lock), so it does not outlive the build. A
 * waiting build may then get the lock of the deleted file, so after locking it checks that the path still names
 * the file it opened, and else starts over. It compares file keys (device and inode) from {@code stat}, because
 * opening the file again and closing it would drop the lock: POSIX locks belong to the process, not the channel.
 */
final class OutputLock implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
    /** The key of a file on a file system without file keys, where the checks are moot. */
    private static final Object NO_KEY = "no file key";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static Path fileFor(Path output) {
        return output.resolveSibling("." + output.getFileName() + ".lock");
    }

    /** Waits until no other build writes into {@code output}; tells {@code waiting} once if it must wait. */
    static OutputLock acquire(Path output, Consumer<String> waiting) throws IOException {
        Path file = fileFor(output);
        boolean told = false;
        while (true) {
            Object before = key(file);
            FileChannel channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            Object opened = key(file);
            if (before == null || !before.equals(opened)) {
                channel.close(); // it was created just now, or replaced: look again
                continue;
            }
            try {
                FileLock lock;
                // One channel while waiting: closing one drops every lock this process holds on the file.
                while ((lock = tryLock(channel)) == null) {
                    if (!told) {
                        waiting.accept(
                                "Waiting for another build into " + output + " to finish (it holds " + file + ")");
                        told = true;
                    }
                    Thread.sleep(POLL_MILLIS);
                }
                if (opened.equals(key(file))) {
                    return new OutputLock(file, channel, lock);
                }
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for another build into " + output, e);
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close(); // the build that held it deleted it: lock the file there now
        }
    }

    /** The file's key from {@code stat}, without opening it; null when there is no such file. */
    private static Object key(Path file) throws IOException {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .fileKey();
            return key == null ? NO_KEY : key;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Null when another process, or another build in this one, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Deletes the lock file, then releases the lock (in this order: see the class comment). */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left beside the output; the next build takes it over
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the channel, or at the latest with the process
        }
    }
}
