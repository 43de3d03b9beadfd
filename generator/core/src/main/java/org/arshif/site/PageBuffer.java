package org.arshif.site;

import java.io.Writer;
import java.util.Arrays;
import org.arshif.internal.Utf8;

/**
 * Where a page is rendered: a {@link Writer} over a char array that the rendering thread keeps from page to page
 * ({@link Scratch}), encoded to UTF-8 once at the end. A {@link StringBuilder} would be allocated per page, grown,
 * widened to UTF-16 at the first Arabic letter, copied into a String and encoded through a buffer three times the
 * page's length: about six bytes of garbage per character, for the one array that leaves. A page may hold at most
 * {@code maxChars} characters: past that the {@link RenderGuard} stops it, before the heap fills.
 */
final class PageBuffer extends Writer {
    /** Buffers up to this many characters go back to their thread; a rare larger page (a sitemap) lets go of its. */
    static final int KEEP_CHARS = 1 << 20;

    /**
     * One thread's buffers, handed from page to page. A page takes them while it renders, so that a page begun on
     * the same thread in the meantime (work stealing) would start with its own.
     */
    static final class Scratch {
        private char[] chars;
        private byte[] bytes;
    }

    private final Scratch scratch;
    private final int maxChars;
    private final RenderGuard guard;
    private char[] text;
    private int length;

    PageBuffer(Scratch scratch, int maxChars, RenderGuard guard) {
        this.scratch = scratch;
        this.text = scratch.chars != null ? scratch.chars : new char[16 * 1024];
        scratch.chars = null;
        this.maxChars = maxChars;
        this.guard = guard;
    }

    /** Makes room for {@code chars} more, or stops the page at its limit. */
    private void room(int chars) {
        if (chars > maxChars - length) {
            throw guard.outputLimit();
        }
        if (chars > text.length - length) {
            long wanted = Math.max((long) text.length * 2, (long) length + chars);
            text = Arrays.copyOf(text, (int) Math.min(wanted, maxChars));
        }
    }

    @Override
    public void write(char[] chars, int off, int len) {
        room(len);
        System.arraycopy(chars, off, text, length, len);
        length += len;
    }

    @Override
    public void write(String s, int off, int len) {
        room(len);
        s.getChars(off, off + len, text, length);
        length += len;
    }

    @Override
    public void write(String s) {
        write(s, 0, s.length());
    }

    @Override
    public void write(int c) {
        room(1);
        text[length++] = (char) c;
    }

    @Override
    public PageBuffer append(CharSequence s) {
        String chars = String.valueOf(s);
        write(chars, 0, chars.length());
        return this;
    }

    @Override
    public PageBuffer append(CharSequence s, int start, int end) {
        String chars = String.valueOf((s == null ? "null" : s).subSequence(start, end));
        write(chars, 0, chars.length());
        return this;
    }

    @Override
    public PageBuffer append(char c) {
        write(c);
        return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /**
     * The page as UTF-8, exactly as {@code String.getBytes(UTF_8)} would encode it (a lone surrogate becomes
     * {@code ?}); the buffers go back to the thread for its next page.
     */
    byte[] utf8() {
        byte[] kept = scratch.bytes;
        scratch.bytes = null;
        byte[] out = kept != null && kept.length >= length * 3 ? kept : new byte[length * 3];
        int n = Utf8.encode(text, length, out, 0, false);
        byte[] page = Arrays.copyOf(out, n);
        if (text.length <= KEEP_CHARS) {
            scratch.chars = text;
            scratch.bytes = out;
        }
        return page;
    }
}
