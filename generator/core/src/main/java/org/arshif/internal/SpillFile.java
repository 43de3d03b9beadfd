package org.arshif.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes a build sets aside until it writes a cache file, on disk instead of in the heap: a scratch file in the
 * cache's folder, appended to and read back by offset. Nothing ever reads it as a cache: it has a name of its own
 * ({@code <prefix><random>.spill}), no trailer, and it is opened {@link StandardOpenOption#DELETE_ON_CLOSE}, which
 * on Linux and macOS removes its name at once (a killed build leaves nothing behind) and on Windows when the last
 * handle closes. It is created at the first {@link #write}, so a build that sets nothing aside makes none.
 * Thread-safe.
 */
public final class SpillFile implements Closeable {
    private final Path dir;
    private final String prefix;
    private FileChannel channel;
    private long size;
    private boolean closed;

    /** A spill file in {@code dir} (created when needed), named after {@code prefix}. */
    public SpillFile(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
    }

    /** Appends {@code bytes[from..from+length)} and returns where they are. */
    public synchronized long write(byte[] bytes, int from, int length) throws IOException {
        create();
        long at = size;
        ByteBuffer b = ByteBuffer.wrap(bytes, from, length);
        while (b.hasRemaining()) {
            channel.write(b, at + b.position() - from);
        }
        size += length;
        return at;
    }

    /**
     * Creates the file now, if it is not yet (a write does when it must): a process that appends to it later then
     * makes no new name in the folder.
     */
    public synchronized void create() throws IOException {
        if (closed) {
            throw new IOException("the spill file of " + dir.resolve(prefix) + " is closed");
        }
        if (channel == null) {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, prefix, ".spill");
            channel = FileChannel.open(
                    file, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE);
        }
    }

    /**
     * Reads the {@code length} bytes written at {@code at} into {@code into} when it is large enough (else into a
     * new buffer), from its start; returns that buffer, flipped, with its array accessible.
     */
    public synchronized ByteBuffer read(long at, int length, ByteBuffer into) throws IOException {
        if (channel == null || at < 0 || at + length > size) {
            throw new IOException("no " + length + " bytes at " + at + " in the spill file of " + dir.resolve(prefix)
                    + (closed ? " (closed)" : ""));
        }
        ByteBuffer b = into != null && into.capacity() >= length ? into.clear() : ByteBuffer.allocate(length);
        b.limit(length);
        while (b.hasRemaining()) {
            if (channel.read(b, at + b.position()) < 0) {
                throw new IOException("the spill file of " + dir.resolve(prefix) + " is short");
            }
        }
        return b.flip();
    }

    /** The bytes written so far. */
    public synchronized long size() {
        return size;
    }

    /** Closes and removes the file; nothing can be written or read after. */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        if (channel != null) {
            FileChannel c = channel;
            channel = null;
            c.close();
        }
    }
}
