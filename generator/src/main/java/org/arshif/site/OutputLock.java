package org.arshif.site;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * One build at a time per output folder: an exclusive lock on {@code .<output>.lock} beside it, held from the
 * moment a build starts writing until it has swapped its site in. A second build waits, saying so once. The
 * operating system drops the lock when its process dies, so a killed build never blocks the next one.
 *
 * <p>The file is deleted when the lock is released, so it does not outlive the build. Because a waiting build
 * may then hold a lock on the deleted file, the holder writes a token of its own into the file it locked and
 * checks that the path still holds that token; if it does not, it tries again on the current file.
 */
final class OutputLock implements AutoCloseable {
    private static final long POLL_MILLIS = 100;
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
        byte[] token = (ProcessHandle.current().pid() + " " + System.nanoTime() + " "
                + ThreadLocalRandom.current().nextLong() + "\n").getBytes(StandardCharsets.US_ASCII);
        boolean told = false;
        // One channel while waiting: closing a channel drops every lock this process holds on the file,
        // including another build's in this JVM.
        FileChannel channel = open(file);
        try {
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null && claim(file, channel, token)) {
                    return new OutputLock(file, channel, lock);
                }
                if (lock != null) { // the file was deleted by the build that held it: lock the current one
                    channel.close();
                    channel = open(file);
                    continue;
                }
                if (!told) {
                    waiting.accept("Waiting for another build into " + output + " to finish (it holds " + file + ")");
                    told = true;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for another build into " + output, e);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    /** Null when another process, or another build in this one, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** Writes the token into the locked file; true when the path still names that file. */
    private static boolean claim(Path file, FileChannel channel, byte[] token) throws IOException {
        channel.truncate(0);
        ByteBuffer b = ByteBuffer.wrap(token);
        while (b.hasRemaining()) {
            channel.write(b, b.position());
        }
        try {
            return java.util.Arrays.equals(Files.readAllBytes(file), token);
        } catch (NoSuchFileException e) {
            return false;
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
