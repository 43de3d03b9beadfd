package org.arshif.internal;

/**
 * UTF-8 encoding of UTF-16 text straight into a byte array the caller keeps from use to use: a page's buffer, a
 * cache entry's. {@code String.getBytes(UTF_8)} would make a new array each time. Stateless.
 */
public final class Utf8 {
    private Utf8() {}

    /**
     * Encodes {@code text[0, length)} into {@code out} from {@code at}, which must have room for {@code 3 * length}
     * bytes, and returns where the bytes end. A lone surrogate becomes {@code ?}, as {@code String.getBytes} does,
     * or, when {@code strict}, ends the encoding with -1 (its text cannot come back as it was).
     */
    public static int encode(char[] text, int length, byte[] out, int at, boolean strict) {
        int n = at;
        int i = 0;
        while (i < length) {
            char c = text[i++];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xc0 | (c >> 6));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (!Character.isSurrogate(c)) {
                out[n++] = (byte) (0xe0 | (c >> 12));
                out[n++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i < length && Character.isLowSurrogate(text[i])) {
                int cp = Character.toCodePoint(c, text[i++]);
                out[n++] = (byte) (0xf0 | (cp >> 18));
                out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                out[n++] = (byte) (0x80 | (cp & 0x3f));
            } else if (strict) {
                return -1;
            } else {
                out[n++] = '?';
            }
        }
        return n;
    }
}
