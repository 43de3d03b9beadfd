package org.arshif.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/** A link's %-escapes decoded as a browser reads them, for the check and the pages to agree on what a link names. */
public final class PercentDecoding {
    private PercentDecoding() {}

    /** %XX sequences as UTF-8 (not form decoding: '+' stays '+'); null when malformed. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] bytes = bytes(s);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #decode}, but null also when the escapes' bytes are not UTF-8 text (where {@link #decode} puts
     * U+FFFD), for a suggestion that must name real letters.
     */
    public static String decodeStrictly(String s) {
        byte[] bytes = bytes(s);
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** The bytes {@code s} stands for: its %XX escapes as bytes, its other letters as UTF-8; null when malformed. */
    private static byte[] bytes(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); ) {
            char ch = s.charAt(i);
            if (ch == '%') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp);
            }
        }
        return bytes.toByteArray();
    }
}
