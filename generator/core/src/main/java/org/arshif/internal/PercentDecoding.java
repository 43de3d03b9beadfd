package org.arshif.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A link's %-escapes decoded as a browser reads them, for the check and the pages to agree on what a link names. */
public final class PercentDecoding {
    private PercentDecoding() {}

    /** %XX sequences as UTF-8 (not form decoding: '+' stays '+'); null when malformed. */
    public static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
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
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
