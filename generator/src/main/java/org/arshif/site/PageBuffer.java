package org.arshif.site;

import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Where a page is rendered: a {@link Writer} over a {@link StringBuilder}. {@link java.io.StringWriter} locks a
 * {@code StringBuffer} on each of the thousands of small writes a template makes per page.
 */
final class PageBuffer extends Writer {
    private final StringBuilder text;

    PageBuffer(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        text.append(chars, off, len);
    }

    @Override
    public void write(String s, int off, int len) {
        text.append(s, off, off + len);
    }

    @Override
    public void write(String s) {
        text.append(s);
    }

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public Writer append(CharSequence s) {
        text.append(s);
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) {
        text.append(s, start, end);
        return this;
    }

    @Override
    public Writer append(char c) {
        text.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    byte[] utf8() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
