package org.arshif.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

/**
 * Cache files that prove their own integrity: the content, then a trailer of its length, its CRC-32C and a
 * magic number. A reader checks the trailer before it decodes anything, so a file that was damaged on disk,
 * cut short, or written by something else is recognised as such instead of being decoded into wrong data
 * (or into an exception). Files are written to a temporary file beside the target and then moved over it.
 */
public final class CheckedFile {
    private static final int MAGIC = 0x41524b31; // "ARK1"
    static final int TRAILER = Long.BYTES + Integer.BYTES + Integer.BYTES;

    private CheckedFile() {}

    /** The file is not one this class wrote whole; {@link #getMessage()} says why, in a few words. */
    public static final class Damaged extends IOException {
        Damaged(String reason) {
            super(reason);
        }
    }

    /** Writes the content {@code body}, used like a stream, to {@code target}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    /**
     * Where a cache's files go: by default ({@link #AT_ONCE}) each written whole beside its path and moved over it;
     * a cache fill after an answer writes instead into files it made before that answer (see {@code CacheFill}).
     */
    public interface Writes {
        /** Writes {@code target} whole, as {@link CheckedFile#write(Path, Body)} does. */
        void write(Path target, Body body) throws IOException;

        /** Removes {@code target}, if it is there. */
        void delete(Path target) throws IOException;
    }

    /**
     * A cache file's write that may be left until after an answer.
     *
     * @param file  the file it writes (or deletes)
     * @param write writes it, to the {@link Writes} given; failures are its own to handle
     */
    public record Later(Path file, Consumer<Writes> write) {}

    /** Writes at their paths, at once: {@link #write(Path, Body)} and {@link Files#deleteIfExists}. */
    public static final Writes AT_ONCE = new Writes() {
        @Override
        public void write(Path target, Body body) throws IOException {
            CheckedFile.write(target, body);
        }

        @Override
        public void delete(Path target) throws IOException {
            Files.deleteIfExists(target);
        }
    };

    /** Writes {@code target} whole, replacing it only once every byte and the trailer are on disk. */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try (OutputStream file = Files.newOutputStream(tmp)) {
                writeChecked(file, body);
            }
            AtomicFiles.replace(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Writes the content {@code body} and its trailer into {@code file} from its start, in place, and cuts off what
     * was there beyond them: no name is made or moved, so a file whose name was deleted meanwhile is written where no
     * reader can find it.
     */
    public static void writeInPlace(FileChannel file, Body body) throws IOException {
        file.position(0);
        OutputStream unclosed = new FilterOutputStream(Channels.newOutputStream(file)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the channel stays open: its owner closes it
            }
        };
        long written = writeChecked(unclosed, body);
        file.truncate(written);
    }

    /** The content, then the trailer; returns the bytes written in all. */
    private static long writeChecked(OutputStream file, Body body) throws IOException {
        CRC32C crc = new CRC32C();
        CountingOutput counted = new CountingOutput(new CheckedOutputStream(file, crc));
        DataOutputStream content = new DataOutputStream(new BufferedOutputStream(counted, 1 << 16));
        body.writeTo(content);
        content.flush();
        long length = counted.count;
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.BIG_ENDIAN);
        trailer.putLong(length).putInt((int) crc.getValue()).putInt(MAGIC);
        file.write(trailer.array());
        file.flush();
        return length + TRAILER;
    }

    /** Counts the bytes that pass. */
    private static final class CountingOutput extends FilterOutputStream {
        private long count;

        CountingOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /** Writes {@code content} to {@code target} with the trailer. */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /**
     * Checks a whole file's bytes (position 0 to limit) and returns the content's length.
     *
     * @throws Damaged when the trailer is missing, or the length or checksum do not match
     */
    public static int verify(ByteBuffer whole) throws Damaged {
        ByteBuffer b = whole.duplicate().order(ByteOrder.BIG_ENDIAN);
        int size = b.limit();
        if (size < TRAILER) {
            throw new Damaged("it is too short to be a cache file (" + size + " bytes)");
        }
        long length = b.getLong(size - TRAILER);
        int checksum = b.getInt(size - TRAILER + Long.BYTES);
        if (b.getInt(size - Integer.BYTES) != MAGIC) {
            throw new Damaged("it does not end like a cache file of this version of Arshif");
        }
        if (length != size - TRAILER) {
            throw new Damaged("it holds " + (size - TRAILER) + " bytes where " + length + " were written");
        }
        CRC32C crc = new CRC32C();
        crc.update(b.position(0).limit(size - TRAILER));
        if ((int) crc.getValue() != checksum) {
            throw new Damaged("its checksum does not match its content");
        }
        return size - TRAILER;
    }

    /** Why a cache file could not be used, to finish "discarded …, since ". */
    public static String why(Exception e) {
        if (e instanceof Damaged) {
            return e.getMessage();
        }
        return "it cannot be read (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
    }

    /**
     * Opens a file written by {@link #write} to read its content as a stream, without holding it whole: the trailer's
     * length and magic number are checked first, the checksum by {@link Input#verify} once the content is read.
     */
    public static Input open(Path file) throws IOException {
        long size = Files.size(file);
        if (size < TRAILER) {
            throw new Damaged("it is too short to be a cache file (" + size + " bytes)");
        }
        ByteBuffer trailer = ByteBuffer.allocate(TRAILER).order(ByteOrder.BIG_ENDIAN);
        try (FileChannel channel = FileChannel.open(file)) {
            while (trailer.hasRemaining() && channel.read(trailer, size - TRAILER + trailer.position()) >= 0) {
                // reads the trailer
            }
        }
        if (trailer.getInt(TRAILER - Integer.BYTES) != MAGIC) {
            throw new Damaged("it does not end like a cache file of this version of Arshif");
        }
        if (trailer.getLong(0) != size - TRAILER) {
            throw new Damaged("it holds " + (size - TRAILER) + " bytes where " + trailer.getLong(0) + " were written");
        }
        return new Input(file, size - TRAILER, trailer.getInt(Long.BYTES));
    }

    /** The content of a file {@link #open}ed: reads stop at its end; {@link #verify} checks what was read. */
    public static final class Input extends DataInputStream {
        private final BoundedInput counted;
        private final CRC32C crc;
        private final int checksum;

        private Input(BoundedInput counted, CRC32C crc, int checksum) {
            super(new CheckedInputStream(new BufferedInputStream(counted, 1 << 16), crc));
            this.counted = counted;
            this.crc = crc;
            this.checksum = checksum;
        }

        Input(Path file, long length, int checksum) throws IOException {
            // the trailer is not content
            this(new BoundedInput(Files.newInputStream(file), length), new CRC32C(), checksum);
        }

        /** Content bytes not yet read (an upper bound: the buffer may have read ahead). */
        public long remaining() {
            return counted.left();
        }

        /** Checks that the content was read to its end and that its checksum matches. */
        public void verify() throws Damaged {
            try {
                if (read() != -1) {
                    throw new Damaged("it holds more than was read");
                }
            } catch (Damaged e) {
                throw e;
            } catch (IOException e) {
                throw new Damaged("it cannot be read to its end");
            }
            if ((int) crc.getValue() != checksum) {
                throw new Damaged("its checksum does not match its content");
            }
        }
    }

    /**
     * The file as it is on disk now (its file key, size and time), or null when it cannot be read: {@link #write}
     * moves another file over it, so a file written again is another. A process that keeps what it decoded from a
     * file compares this to know the file is still the one it read.
     */
    public static String identity(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.fileKey() + " " + a.size() + " " + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Reads a file written by {@link #write} and returns its content, checked. */
    public static byte[] read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int length = verify(ByteBuffer.wrap(bytes));
        return Arrays.copyOf(bytes, length);
    }
}
