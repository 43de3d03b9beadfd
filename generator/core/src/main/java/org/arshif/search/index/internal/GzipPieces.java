package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.arshif.internal.Gzip;

/**
 * One gzip member made of pieces deflated alone: each piece is raw deflate from an empty window, ended by a full
 * flush (byte-aligned, no reference into an earlier piece), so that pieces deflated by an earlier write can be put
 * side by side with new ones, and the result is the same bytes whichever were kept. Any gzip reader reads it as one
 * stream. A position pack is made so, a piece per term shard ({@link PositionPackWriter}), and a tail positions file,
 * a piece per list ({@link TailWriter}): an edit inside a body moves the positions of the dispatch's words only, and a
 * live server deflates only the pieces that hold them (bench/RESULTS.md, w25-serve and w26-serve). The pieces cost
 * some bytes (each has its own Huffman tables and no history): see SEARCH-FORMAT §3.
 *
 * <p>One per run: its deflaters are reset between pieces, not made and ended for each (a zlib stream's ~256 KB of
 * state, allocated, faulted in and freed: up to 1 ms a piece on a busy host, most of an edit's index CPU, w27-serve).
 * Thread-safe; {@link #close} ends the deflaters.
 */
final class GzipPieces implements AutoCloseable {
    /** The level of every piece. */
    static final int LEVEL = IndexFormat.POSITIONS_LEVEL;

    /** Java's gzip header (no name, zero time), as every other .gz file of the index has it; not to be written to. */
    static final byte[] HEADER = Arrays.copyOf(Gzip.of(new byte[0], 1), 10);

    private static final byte[] END;
    private static final byte[] CLOSE;

    static {
        Deflater d = new Deflater(LEVEL, true);
        try {
            END = deflate(d, new byte[0], true);
            d.reset();
            CLOSE = deflate(d, "]}".getBytes(StandardCharsets.UTF_8), false);
        } finally {
            d.end();
        }
    }

    private final Queue<Deflater> idle = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /**
     * A piece made once, when first asked for, and kept with what it is made of: a file's first piece, which holds the
     * file's start ({@code {"x":[}) with its first term shard's or list's positions.
     */
    static final class Once {
        private volatile byte[] piece;

        byte[] get(Supplier<byte[]> make) {
            byte[] known = piece;
            if (known == null) {
                known = make.get();
                piece = known;
            }
            return known;
        }
    }

    /** The piece of {@code "]}"}, which ends every positions file. */
    static byte[] closing() {
        return CLOSE;
    }

    /** A piece: {@code text} (UTF-8) deflated from an empty window, ended by a full flush. */
    byte[] piece(String text) {
        Deflater d = idle.poll();
        if (d == null) {
            d = new Deflater(LEVEL, true);
        }
        try {
            d.reset();
            return deflate(d, text.getBytes(StandardCharsets.UTF_8), false);
        } finally {
            idle.add(d);
            if (closed) {
                close();
            }
        }
    }

    /**
     * The gzip member of {@code data}, which is the concatenation of the texts the pieces were made of, in order
     * (UTF-8).
     *
     * @param data   the whole text's bytes (for the trailer's CRC and size)
     * @param pieces the pieces, as {@link #piece} made them
     */
    static byte[] join(byte[] data, List<byte[]> pieces) {
        int size = HEADER.length + END.length + 8;
        for (byte[] p : pieces) {
            size += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(HEADER);
        for (byte[] p : pieces) {
            out.writeBytes(p);
        }
        out.writeBytes(END);
        out.writeBytes(trailer(data));
        return out.toByteArray();
    }

    /** The trailer of a gzip member of {@code data}: its CRC-32 and its length, little-endian (RFC 1952). */
    static byte[] trailer(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        int[] values = {(int) crc.getValue(), data.length};
        byte[] out = new byte[8];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (values[i / 4] >>> (8 * (i % 4)));
        }
        return out;
    }

    /** Ends the deflaters (one still deflating is ended when it is given back). */
    @Override
    public void close() {
        closed = true;
        for (Deflater d = idle.poll(); d != null; d = idle.poll()) {
            d.end();
        }
    }

    /**
     * Raw deflate of {@code data} by {@code d} (new or reset): the last block if {@code last}, else ended by a full
     * flush.
     */
    private static byte[] deflate(Deflater d, byte[] data, boolean last) {
        d.setInput(data);
        if (last) {
            d.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 16);
        byte[] buf = new byte[8192];
        while (true) {
            int n = d.deflate(buf, 0, buf.length, last ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            out.write(buf, 0, n);
            if (last ? d.finished() : n < buf.length && d.needsInput()) {
                return out.toByteArray();
            }
        }
    }
}
