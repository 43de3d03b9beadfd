package org.arshif.incremental;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.arshif.internal.Utf8;

/**
 * Where one parse-cache entry is encoded: a {@link DataOutput} over a byte array that is kept from entry to entry,
 * unsynchronized, with text encoded to UTF-8 in place. A {@code ByteArrayOutputStream} per entry, its copy by
 * {@code toByteArray} and a {@code getBytes} array per string were about 250 MB of garbage on a 10,000-dispatch
 * archive's first build, and so more collections, promotion and resident heap (bench/RESULTS.md, w14-load).
 */
final class EntryOutput extends OutputStream implements DataOutput {
    /** Arrays up to this size are kept for the next entry; a rare larger entry lets go of its own. */
    static final int KEEP_BYTES = 1 << 20;

    private byte[] bytes = new byte[16 * 1024];
    private char[] chars = new char[4 * 1024];
    private int size;

    /** Empties the buffer for the next entry, shrinking what a rare large one grew. */
    void reset() {
        size = 0;
        if (bytes.length > KEEP_BYTES) {
            bytes = new byte[16 * 1024];
        }
        if (chars.length > KEEP_BYTES / 2) {
            chars = new char[4 * 1024];
        }
    }

    /** The entry so far: the first {@link #size()} bytes; valid until the next write or {@link #reset()}. */
    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    private void room(long more) {
        if (more > bytes.length - size) {
            long wanted = Math.max((long) bytes.length * 2, size + more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("a parse-cache entry over 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }

    /**
     * Writes {@code s} as its UTF-8 length (four bytes) and its UTF-8 bytes, as {@code s.getBytes(UTF_8)} would
     * encode it, in one pass; writes nothing and returns false when {@code s} has a lone surrogate (UTF-8 has no
     * bytes for one: it would come back as {@code ?}).
     */
    boolean writeUtf8(String s) {
        int length = s.length();
        room(4 + 3L * length);
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        s.getChars(0, length, chars, 0);
        int lengthAt = size;
        int n = Utf8.encode(chars, length, bytes, lengthAt + 4, true);
        if (n < 0) {
            return false;
        }
        size = lengthAt;
        writeInt(n - lengthAt - 4);
        size = n;
        return true;
    }

    @Override
    public void write(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        room(len);
        System.arraycopy(b, off, bytes, size, len);
        size += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        write(v ? 1 : 0);
    }

    @Override
    public void writeByte(int v) {
        write(v);
    }

    @Override
    public void writeShort(int v) {
        room(2);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeChar(int v) {
        writeShort(v);
    }

    @Override
    public void writeInt(int v) {
        room(4);
        bytes[size++] = (byte) (v >>> 24);
        bytes[size++] = (byte) (v >>> 16);
        bytes[size++] = (byte) (v >>> 8);
        bytes[size++] = (byte) v;
    }

    @Override
    public void writeLong(long v) {
        writeInt((int) (v >>> 32));
        writeInt((int) v);
    }

    @Override
    public void writeFloat(float v) {
        writeInt(Float.floatToIntBits(v));
    }

    @Override
    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    @Override
    public void writeBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            write(s.charAt(i));
        }
    }

    @Override
    public void writeChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            writeChar(s.charAt(i));
        }
    }

    @Override
    public void writeUTF(String s) throws IOException {
        new DataOutputStream(this).writeUTF(s); // modified UTF-8, as DataOutputStream writes it; unbuffered
    }
}
