package org.arshif.incremental;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Texts of any length in the caches' data files: {@code writeUTF} stops at 64 KB, and a manifest's JSON or a
 * finding's message may pass it. Written as the UTF-8 length, then the bytes.
 */
final class LongText {
    /** More than any text a cache file holds; a larger length is a damaged file. */
    private static final int MAX_BYTES = 1 << 24;

    private LongText() {}

    static void write(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    static String read(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_BYTES) {
            throw new IOException("a text of " + n + " bytes");
        }
        byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("a text that runs past the end");
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
