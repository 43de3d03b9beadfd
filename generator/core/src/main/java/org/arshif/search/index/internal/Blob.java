package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

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
        ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    // Raw deflate (no zlib or gzip header) is what DecompressionStream('deflate-raw') reads.
    /** A raw deflater (level 6); the caller reuses it (see {@link #deflateRaw}) and ends it. */
    public static Deflater rawDeflater() {
        return new Deflater(6, true);
    }

    /** Compresses with {@code d}, which is reset first. */
    public static byte[] deflateRaw(Deflater d, byte[] data) {
        d.reset();
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

    /** Lower-case base32 of the SHA-256 of bytes. */
    public static String hash(byte[] data) {
        return encode(digest().digest(data));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Lower-case base32 of the SHA-256 of the given parts (lower case: safe on case-insensitive file systems). */
    public static String hash(String... parts) {
        MessageDigest md = digest();
        for (String p : parts) {
            byte[] b = p.getBytes(StandardCharsets.UTF_8);
            md.update(ByteBufferLength.of(b.length));
            md.update(b);
        }
        return encode(md.digest());
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

    private static final class ByteBufferLength {
        static byte[] of(int n) {
            return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
        }
    }
}
