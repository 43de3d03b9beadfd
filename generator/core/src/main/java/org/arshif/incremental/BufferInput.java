package org.arshif.incremental;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;

/**
 * A {@link DataInput} over a buffer (a parse pack entry, a slice of the mapped pack), read in place: through a
 * {@code ByteArrayInputStream}, whose every {@code read()} is synchronized, each of 16,000 entries was first
 * copied out and then read one byte at a time.
 */
final class BufferInput implements DataInput {
    private final ByteBuffer buffer;
    // Where the first two slices taken start (a body's HTML and plain text: see ParseCache.KeptEntry); -1: none.
    private final int[] slicesAt = {-1, -1};
    private int slices;

    /** Reads {@code buffer} from its position on, without moving the caller's. */
    BufferInput(ByteBuffer buffer) {
        this.buffer = buffer.duplicate(); // big-endian, as DataOutput writes
    }

    private ByteBuffer need(int bytes) throws EOFException {
        if (buffer.remaining() < bytes) {
            throw new EOFException("the entry ends " + (bytes - buffer.remaining()) + " bytes early");
        }
        return buffer;
    }

    @Override
    public void readFully(byte[] b) throws IOException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws IOException {
        try {
            need(len).get(b, off, len);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new EOFException("cannot read " + len + " bytes");
        }
    }

    /** The next {@code length} bytes, not copied: a slice of the buffer (of the mapped pack), which is read only. */
    ByteBuffer slice(int length) throws EOFException {
        if (length < 0) {
            throw new EOFException("a negative length, " + length);
        }
        ByteBuffer slice = need(length).slice(buffer.position(), length);
        if (slices < slicesAt.length) {
            slicesAt[slices++] = buffer.position();
        }
        buffer.position(buffer.position() + length);
        return slice;
    }

    /** Where the {@code i}th slice taken (0 or 1) started in the buffer; -1 when it was not taken. */
    int sliceAt(int i) {
        return slicesAt[i];
    }

    /** The bytes left to read. */
    int remaining() {
        return buffer.remaining();
    }

    /** A hash of the next {@code length} bytes, or of as many as remain (nothing is read). */
    int hashOfNext(int length) {
        int hash = 1;
        int at = buffer.position();
        for (int i = 0; i < Math.min(length, buffer.remaining()); i++) {
            hash = 31 * hash + buffer.get(at + i);
        }
        return hash;
    }

    /** Whether the next {@code length} bytes are {@code bytes} (nothing is read). */
    boolean next(byte[] bytes, int length) {
        if (length != bytes.length || buffer.remaining() < length) {
            return false;
        }
        int at = buffer.position();
        for (int i = 0; i < length; i++) {
            if (buffer.get(at + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, buffer.remaining()));
        buffer.position(buffer.position() + skipped);
        return skipped;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return need(1).get() != 0;
    }

    @Override
    public byte readByte() throws IOException {
        return need(1).get();
    }

    @Override
    public int readUnsignedByte() throws IOException {
        return need(1).get() & 0xff;
    }

    @Override
    public short readShort() throws IOException {
        return need(2).getShort();
    }

    @Override
    public int readUnsignedShort() throws IOException {
        return need(2).getShort() & 0xffff;
    }

    @Override
    public char readChar() throws IOException {
        return need(2).getChar();
    }

    @Override
    public int readInt() throws IOException {
        return need(4).getInt();
    }

    @Override
    public long readLong() throws IOException {
        return need(8).getLong();
    }

    @Override
    public float readFloat() throws IOException {
        return need(4).getFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return need(8).getDouble();
    }

    @Override
    public String readLine() {
        throw new UnsupportedOperationException("no lines in a cache entry");
    }

    @Override
    public String readUTF() throws IOException {
        return DataInputStream.readUTF(this);
    }
}
