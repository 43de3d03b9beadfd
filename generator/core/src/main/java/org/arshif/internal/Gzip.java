package org.arshif.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip of bytes held in memory. Java's gzip header has no name and a zero time, so the output depends on the bytes
 * and the level only: a file gzipped again is byte-identical.
 */
public final class Gzip {
    private Gzip() {}

    /** {@code data} gzipped at {@code level} (a {@link java.util.zip.Deflater} level, 0-9). */
    public static byte[] of(byte[] data, int level) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(data.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(bos, 8192) {
            {
                def.setLevel(level);
            }
        }) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bos.toByteArray();
    }
}
