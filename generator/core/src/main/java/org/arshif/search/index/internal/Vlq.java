package org.arshif.search.index.internal;

import java.util.Arrays;

/**
 * Unsigned variable-length quantities written as base64 characters: each character carries 5 data bits and a
 * continuation bit (0x20), least significant group first. Numbers below 32 take one character. The alphabet is
 * the standard base64 one; no character needs escaping in JSON.
 */
public final class Vlq {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private Vlq() {}

    public static void append(StringBuilder out, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative VLQ value: " + value);
        }
        int v = value;
        do {
            int digit = v & 31;
            v >>>= 5;
            if (v != 0) {
                digit |= 32;
            }
            out.append(ALPHABET.charAt(digit));
        } while (v != 0);
    }

    /** Decodes a whole VLQ string; used by tests. */
    public static int[] decode(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        int value = 0;
        int shift = 0;
        for (int i = 0; i < s.length(); i++) {
            int digit = ALPHABET.indexOf(s.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not a VLQ character: " + s.charAt(i));
            }
            value |= (digit & 31) << shift;
            if ((digit & 32) != 0) {
                shift += 5;
            } else {
                out[n++] = value;
                value = 0;
                shift = 0;
            }
        }
        if (shift != 0) {
            throw new IllegalArgumentException("truncated VLQ string");
        }
        return Arrays.copyOf(out, n);
    }
}
