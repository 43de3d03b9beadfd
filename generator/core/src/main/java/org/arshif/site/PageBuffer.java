package org.arshif.site;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where a page is rendered: a {@link Writer} over a {@link StringBuilder}. {@link java.io.StringWriter} locks a
 * {@code StringBuffer} on each of the thousands of small writes a template makes per page. A page may hold at most
 * {@code maxChars} characters: past that the {@link RenderGuard} stops it, before the heap fills.
 */
final class PageBuffer extends Writer {
    private final StringBuilder text;
    private final int maxChars;
    private final RenderGuard guard;

    PageBuffer(int capacity, int maxChars, RenderGuard guard) {
        this.text = new StringBuilder(capacity);
        this.maxChars = maxChars;
        this.guard = guard;
    }

    private void room(int chars) {
        if (chars > maxChars - text.length()) {
            throw guard.outputLimit();
        }
    }

    @Override
    public void write(char[] chars, int off, int len) {
        room(len);
        text.append(chars, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
        room(len);
        text.append(s, off, off + len);
    }

    @Override
    public void write(String s) {
        room(s.length());
        text.append(s);
    }

    @Override
    public void write(int c) {
        room(1);
        text.append((char) c);
    }

    @Override
    public Writer append(CharSequence s) {
        CharSequence chars = s == null ? "null" : s;
        room(chars.length());
        text.append(chars);
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        room(end - start);
        text.append(s, start, end);
        return this;
    }

    @Override
    public Writer append(char c) {
        room(1);
        text.append(c);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    byte[] utf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
