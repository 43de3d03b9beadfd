package org.arshif.site;

import java.io.Writer;
import java.util.Arrays;

/**
 * Where a page is rendered: a {@link Writer} over a growing {@code char[]}. {@link java.io.StringWriter} locks a
 * {@code StringBuffer} on each of the thousands of small writes a template makes per page; and the page is encoded
 * to UTF-8 straight from the chars, without the copy into a {@code String} that {@code getBytes} needs first. A page
 * may hold at most {@code maxChars} characters: past that the {@link RenderGuard} stops it, before the heap fills.
 */
final class PageBuffer extends Writer {
    private final int maxChars;
    private final RenderGuard guard;
    private char[] chars;
    private int length;

    PageBuffer(int capacity, int maxChars, RenderGuard guard) {
        this.chars = new char[capacity];
        this.maxChars = maxChars;
        this.guard = guard;
    }

    /** Makes room for {@code n} more chars, or stops the page past its limit. */
    private void room(int n) {
        if (n > maxChars - length) {
            throw guard.outputLimit();
        }
        if (n > chars.length - length) {
            chars = Arrays.copyOf(chars, Math.max(length + n, (int) Math.min(maxChars, 2L * chars.length)));
        }
    }

    @Override
    public void write(char[] source, int off, int len) {
        room(len);
        System.arraycopy(source, off, chars, length, len);
        length += len;
    }

    @Override
    public void write(String s, int off, int len) {
        room(len);
        s.getChars(off, off + len, chars, length);
        length += len;
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(int c) {
        room(1);
        chars[length++] = (char) c;
    }

    @Override
    public Writer append(CharSequence s) {
        String text = String.valueOf(s);
        write(text, 0, text.length());
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        CharSequence text = s == null ? "null" : s;
        write(text.subSequence(start, end).toString());
        return this;
    }

    @Override
    public Writer append(char c) {
        write(c);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** The page in UTF-8, as {@code String.getBytes(UTF_8)} gives it: a lone surrogate becomes {@code ?}. */
    byte[] utf8() {
        byte[] out = new byte[utf8Length()];
        int at = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (isPair(i)) {
                int cp = Character.toCodePoint(c, chars[++i]);
                out[at++] = (byte) (0xF0 | cp >> 18);
                out[at++] = (byte) (0x80 | cp >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | cp >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | cp & 0x3F);
            } else {
                out[at++] = '?';
            }
        }
        return out;
    }

    private int utf8Length() {
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (!Character.isSurrogate(c)) {
                    bytes += 2;
                } else if (isPair(i)) {
                    bytes += 2; // four bytes for two chars
                    i++;
                }
            }
        }
        return bytes;
    }

    /** Whether the char at {@code i} starts a surrogate pair. */
    private boolean isPair(int i) {
        return Character.isHighSurrogate(chars[i]) && i + 1 < length && Character.isLowSurrogate(chars[i + 1]);
    }
}
