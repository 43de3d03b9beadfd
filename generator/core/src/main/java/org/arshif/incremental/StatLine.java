package org.arshif.incremental;

import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * Whether recorded {@link TreeStats#stat} bytes are a file's stats now, compared field by field: its kind, size and
 * modification time as numbers, its file key as text, without the line being formatted and encoded again. The
 * output's recheck compares about 38,000 lines of a 10,000-dispatch site on every edit, and formatting each one
 * (four parts joined, then encoded to UTF-8) was most of that check's CPU after the {@code lstat}s themselves.
 */
final class StatLine {
    private StatLine() {}

    /**
     * Whether {@code line[from, to)} equals {@code TreeStats.stat(a)} encoded as UTF-8, exactly as comparing the
     * bytes would tell.
     */
    static boolean matches(byte[] line, int from, int to, BasicFileAttributes a) {
        char kind = a.isDirectory() ? 'd' : a.isRegularFile() ? 'f' : 'o';
        if (to - from < 2 || line[from] != kind || line[from + 1] != ' ') {
            return false;
        }
        int at = number(line, from + 2, to, a.isDirectory() ? 0 : a.size());
        if (at < 0 || at >= to || line[at] != ' ') {
            return false;
        }
        at = number(line, at + 1, to, a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        if (at < 0 || at >= to || line[at] != ' ') {
            return false;
        }
        return ascii(line, at + 1, to, String.valueOf(a.fileKey()));
    }

    /**
     * Where the decimal number at {@code at} ends when it is {@code value} as {@link Long#toString(long)} writes it
     * (no plus sign, no leading zero); else -1.
     */
    static int number(byte[] line, int at, int to, long value) {
        int i = at;
        boolean negative = i < to && line[i] == '-';
        if (negative) {
            i++;
        }
        int digitsFrom = i;
        long negated = 0; // the number's negative, so that Long.MIN_VALUE fits
        for (; i < to && line[i] >= '0' && line[i] <= '9'; i++) {
            int digit = line[i] - '0';
            if (negated < Long.MIN_VALUE / 10 || negated * 10 < Long.MIN_VALUE + digit) {
                return -1; // past any long
            }
            negated = negated * 10 - digit;
        }
        int digits = i - digitsFrom;
        if (digits == 0 || (digits > 1 && line[digitsFrom] == '0') || (negative && negated == 0)) {
            return -1;
        }
        if (!negative && negated == Long.MIN_VALUE) {
            return -1; // 9223372036854775808 is no long
        }
        return (negative ? negated : -negated) == value ? i : -1;
    }

    /** Whether {@code line[at, to)} is exactly {@code text}, an ASCII text. */
    private static boolean ascii(byte[] line, int at, int to, String text) {
        if (to - at != text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || line[at + i] != (byte) c) {
                return false;
            }
        }
        return true;
    }
}
