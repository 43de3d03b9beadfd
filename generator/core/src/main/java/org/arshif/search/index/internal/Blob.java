package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Gzip;

/** Gzip and content hashes. Java's gzip header has a zero mtime, so the output is deterministic. */
public final class Blob {
    private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
    /**
     * Hash length in base32 characters (40 bits). A stale cached file is served only if a file of the same kind
     * gets other bytes with the same 40 bits: about 1 in 10^12 per changed file.
     */
    public static final int HASH_CHARS = 8;

    private Blob() {}

    public static byte[] gzip(byte[] data) {
        return gzip(data, Deflater.BEST_COMPRESSION);
    }

    /** Gzip at the given level (files fetched by every query get 9, rarely fetched big ones less). */
    public static byte[] gzip(byte[] data, int level) {
        return Gzip.of(data, level);
    }

    // Raw deflate (no zlib or gzip header) is what DecompressionStream('deflate-raw') reads.
    /** A raw deflater (level 6); the caller reuses it (see {@link #deflateRaw}) and ends it. */
    public static Deflater rawDeflater() {
        return new Deflater(6, true);
    }

    /** Compresses with {@code d}, which is reset first. */
    public static byte[] deflateRaw(Deflater d, byte[] data) {
        d.reset();
        return deflated(d, data);
    }

    /** Compresses with {@code d}, reset first, after a preset {@code dictionary} (a card: see CardDictionary). */
    public static byte[] deflateRaw(Deflater d, byte[] data, byte[] dictionary) {
        d.reset();
        d.setDictionary(dictionary);
        return deflated(d, data);
    }

    private static byte[] deflated(Deflater d, byte[] data) {
        d.setInput(data);
        d.finish();
        ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 2 + 16);
        byte[] buf = new byte[1024];
        while (!d.finished()) {
            int n = d.deflate(buf);
            bos.write(buf, 0, n);
        }
        return bos.toByteArray();
    }

    /**
     * Lower-case base32 of the 128-bit XXH3 of bytes (lower case: safe on case-insensitive file systems). Not
     * SHA-256: names only need to change with the content, and under the build's C1 compiler SHA-256 has no
     * intrinsic (it was 7 % of serve's CPU for an edit's search index).
     */
    public static String hash(byte[] data) {
        return encode(new Fingerprint().bytes(data).finish());
    }

    /** As {@link #hash(byte[])}, of the given parts, each with its length. */
    public static String hash(String... parts) {
        Fingerprint f = new Fingerprint();
        for (String p : parts) {
            f.text(p);
        }
        return encode(f.finish());
    }

    /** As {@link #hash(byte[])}, of bytes and then a text. */
    public static String hash(byte[] data, String text) {
        return encode(new Fingerprint().bytes(data).text(text).finish());
    }

    private static String encode(Fingerprint.Hash128 h) {
        return encode(ByteBuffer.allocate(16).putLong(h.high()).putLong(h.low()).array());
    }

    private static String encode(byte[] d) {
        StringBuilder sb = new StringBuilder(HASH_CHARS);
        long bits = 0;
        int nbits = 0;
        int i = 0;
        while (sb.length() < HASH_CHARS) {
            if (nbits < 5) {
                bits = (bits << 8) | (d[i++] & 0xff);
                nbits += 8;
            }
            sb.append(BASE32.charAt((int) (bits >>> (nbits - 5)) & 31));
            nbits -= 5;
        }
        return sb.toString();
    }
}
