package org.arshif.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that ends after a number of bytes, whatever follows in the one it reads: an image's head, a cache file's
 * content before its trailer.
 *
 * <pre>{@code
 * try (InputStream head = new BoundedInput(Files.newInputStream(file), 64 * 1024)) { ... }
 * }</pre>
 */
public final class BoundedInput extends FilterInputStream {
    private long left;

    public BoundedInput(InputStream in, long limit) {
        super(in);
        this.left = limit;
    }

    /** Bytes this stream may still give. */
    public long left() {
        return left;
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = super.read();
        left -= b < 0 ? 0 : 1;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, left));
        left -= Math.max(n, 0);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, left));
        left -= Math.max(skipped, 0);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(super.available(), left);
    }

    // Marks would let a reset read past the limit's count; none of the callers needs them.
    @Override
    public boolean markSupported() {
        return false;
    }
}
