package org.arshif.content;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A dispatch's body, as HTML and as plain text.
 *
 * <p>The site model holds every dispatch for the whole build, but a body is needed only three times: for the
 * article page, for the search index and for the feeds it appears in. As two {@code String}s a body costs about
 * twice its file's size (Arabic is two bytes a character either way), which is what made a 100,000-dispatch
 * archive outgrow a 1 GB heap. A {@link Packed} body deflates both into one stream: the plain text repeats the
 * HTML's words, so about a sixth of that is left, at the price of compressing each body once and inflating it
 * again at each use. {@link ContentLoader} packs bodies only when the archive's text would not fit comfortably
 * in the heap; otherwise bodies are kept as UTF-8 ({@link Cached}, see {@link #of}).
 *
 * <pre>{@code
 * Body body = Body.of("<p>نص</p>", "نص", true);
 * body.html();      // "<p>نص</p>"
 * body.plainText(); // "نص"
 * }</pre>
 */
public sealed interface Body permits Body.Text, Body.Packed, Body.Cached {
    Body EMPTY = new Text("", "");

    /** The body as HTML, footer and teaser removed. */
    String html();

    /** The body as plain text, for search and summaries. */
    String plainText();

    /**
     * A body, deflated when {@code pack} is true, else kept as its UTF-8 bytes ({@link Cached}): a {@code String}
     * holding one character above U+00FF takes two bytes for every character, and most English dispatches have a
     * curly quote or a dash (the long bench archive: 91 % of them, 69 MB as strings against 35 MB of UTF-8, for each
     * of the HTML and the plain text), while Arabic's spaces, digits and markup are one byte each in UTF-8.
     */
    static Body of(String html, String plainText, boolean pack) {
        return pack
                ? Packed.of(html, plainText)
                : new Cached(html.getBytes(StandardCharsets.UTF_8), plainText.getBytes(StandardCharsets.UTF_8));
    }

    /** A body kept as it is. */
    record Text(String html, String plainText) implements Body {}

    /**
     * A {@link Text} body read back from a build's cache: its HTML and its plain text are kept as UTF-8 and decoded
     * at each use. A build after one edit renders the pages of a few dispatches and analyses the text of a few, so
     * most bodies are never decoded (decoding every plain text was a quarter of reading the cache). The bytes are
     * slices of the cache's mapped file, not copies in the heap: 16,000 bodies' 70 MB copied out made every young
     * collection of an edit's load copy them again, and a full collection follow (a third of the load's CPU).
     *
     * @param htmlUtf8  read only, never moved (each use reads a duplicate)
     * @param plainUtf8 read only, never moved (each use reads a duplicate)
     */
    record Cached(ByteBuffer htmlUtf8, ByteBuffer plainUtf8) implements Body {
        public Cached {
            htmlUtf8 = htmlUtf8.asReadOnlyBuffer();
            plainUtf8 = plainUtf8.asReadOnlyBuffer();
        }

        /** A body of these two arrays, which are then never modified. */
        public Cached(byte[] htmlUtf8, byte[] plainUtf8) {
            this(ByteBuffer.wrap(htmlUtf8), ByteBuffer.wrap(plainUtf8));
        }

        @Override
        public ByteBuffer htmlUtf8() {
            return htmlUtf8.duplicate();
        }

        @Override
        public ByteBuffer plainUtf8() {
            return plainUtf8.duplicate();
        }

        @Override
        public String html() {
            return new String(bytes(htmlUtf8), StandardCharsets.UTF_8);
        }

        @Override
        public String plainText() {
            return new String(bytes(plainUtf8), StandardCharsets.UTF_8);
        }

        /** The bytes of {@code utf8}, copied out. */
        public static byte[] bytes(ByteBuffer utf8) {
            byte[] bytes = new byte[utf8.remaining()];
            utf8.duplicate().get(bytes);
            return bytes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Cached c && htmlUtf8.equals(c.htmlUtf8) && plainUtf8.equals(c.plainUtf8);
        }

        /**
         * The two lengths only: dispatches, and so their bodies, are hashed in many maps, and hashing 16,000 bodies'
         * bytes on each use cost more than it saved (a dispatch's path tells it from the others anyway).
         */
        @Override
        public int hashCode() {
            return 31 * htmlUtf8.remaining() + plainUtf8.remaining();
        }

        @Override
        public String toString() {
            return "Cached[" + htmlUtf8.remaining() + " bytes of HTML, " + plainUtf8.remaining() + " of text]";
        }
    }

    /**
     * A body kept deflated.
     *
     * @param packed the HTML's UTF-8 length as four bytes, then the raw deflate stream of the HTML's and the plain
     *               text's UTF-8 bytes, one after the other; opaque, and never to be modified (it is not copied, so
     *               that a hundred thousand bodies are not allocated twice)
     */
    record Packed(byte[] packed) implements Body {
        public static Packed of(String html, String plainText) {
            byte[] h = html.getBytes(StandardCharsets.UTF_8);
            byte[] p = plainText.getBytes(StandardCharsets.UTF_8);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(16 + (h.length + p.length) / 3);
                out.write(h.length >>> 24);
                out.write(h.length >>> 16);
                out.write(h.length >>> 8);
                out.write(h.length);
                byte[] buffer = new byte[8192];
                deflater.setInput(h);
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                deflater.setInput(p);
                deflater.finish();
                while (!deflater.finished()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
                return new Packed(out.toByteArray());
            } finally {
                deflater.end();
            }
        }

        @Override
        public String html() {
            byte[] all = inflate(htmlLength());
            return new String(all, 0, htmlLength(), StandardCharsets.UTF_8);
        }

        @Override
        public String plainText() {
            byte[] all = inflate(-1);
            int h = htmlLength();
            return new String(all, h, all.length - h, StandardCharsets.UTF_8);
        }

        private int htmlLength() {
            return (packed[0] & 0xff) << 24 | (packed[1] & 0xff) << 16 | (packed[2] & 0xff) << 8 | (packed[3] & 0xff);
        }

        /** Inflates {@code limit} bytes, or everything when {@code limit} is negative. */
        private byte[] inflate(int limit) {
            Inflater inflater = new Inflater(true);
            try {
                inflater.setInput(packed, 4, packed.length - 4);
                byte[] out = new byte[Math.max(64, limit >= 0 ? limit : htmlLength() * 2)];
                int n = 0;
                while (limit < 0 ? !inflater.finished() : n < limit) {
                    if (n == out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    int got = inflater.inflate(out, n, (limit < 0 ? out.length : limit) - n);
                    if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) {
                        break;
                    }
                    n += got;
                }
                return n == out.length ? out : Arrays.copyOf(out, n);
            } catch (DataFormatException e) {
                throw new IllegalStateException("corrupt body", e); // only ever made by of()
            } finally {
                inflater.end();
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Packed b && Arrays.equals(packed, b.packed);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(packed);
        }

        @Override
        public String toString() {
            return "Packed[" + packed.length + " bytes packed]";
        }
    }
}
