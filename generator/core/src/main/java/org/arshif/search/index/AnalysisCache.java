package org.arshif.search.index;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Fingerprint.Hash128;
import org.arshif.search.index.internal.DocAnalysis;
import org.arshif.search.index.internal.DocTerms;
import org.arshif.search.index.internal.TermIds;

/**
 * Analysed documents kept between builds, so that an incremental build analyses only the documents whose
 * text changed. An entry is addressed by a {@link Fingerprint} of the language, title and body; the file is
 * tied to a version string (Arshif's own code), so another analyzer never reads it. Entries not used by the
 * last build are dropped when it is saved. Thread-safe: the index writer analyses in parallel.
 *
 * <p>Entries hold key ids of the cache's own dictionary ({@link #ids()}), which the index writer uses for its run:
 * an entry read from the file is decoded as it is, only when a build asks for it, and copied into the next file
 * byte for byte; a new entry is encoded without a dictionary lookup, as soon as it is analysed, on the analysing
 * thread: the cache then holds varint bytes (about a third of the analysis's int arrays), and its save only copies
 * them to the file as it writes it.
 */
public final class AnalysisCache {
    private static final int FORMAT = 4; // 2: keys are SHA-256 fingerprints; 3: surface keys; 4: sized entries

    private final TermIds ids;
    // The file read and where each entry's analysis is in it; copied as they are into the next file.
    private final byte[] file;
    private final Map<Hash128, Slice> previous;
    private final Map<Hash128, Entry> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private AnalysisCache(TermIds ids, byte[] file, Map<Hash128, Slice> previous) {
        this.ids = ids;
        this.file = file;
        this.previous = previous;
    }

    /** Where an entry's analysis is in the file read. */
    private record Slice(int from, int length) {}

    /** An entry used by this build: read from the file ({@code slice}) or analysed now ({@code encoded}). */
    private record Entry(Slice slice, byte[] encoded) {}

    /** An empty cache (nothing kept yet). */
    public static AnalysisCache empty() {
        return new AnalysisCache(new TermIds(), new byte[0], Map.of());
    }

    /** Reads the cache file written by {@link #save}; a missing, damaged or other-version file is an empty cache. */
    public static AnalysisCache open(Path file, String version) {
        return open(file, version, note -> {});
    }

    /** Like {@link #open(Path, String)}, and a damaged or foreign file is discarded with one line to {@code log}. */
    public static AnalysisCache open(Path file, String version, Consumer<String> log) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return decode(bytes, CheckedFile.verify(ByteBuffer.wrap(bytes)), version);
        } catch (IOException | RuntimeException e) {
            log.accept("Incremental build: discarded the search analysis cache " + file + ", since "
                    + CheckedFile.why(e) + "; every document is analysed");
            return empty();
        }
    }

    /** The ids of the keys in this cache's analyses; the index writer gives new keys theirs. */
    TermIds ids() {
        return ids;
    }

    /**
     * The analysis of one document, from the cache when the same text was analysed before, else from {@code
     * fresh} (whose keys must take their ids from {@link #ids()}).
     *
     * @param lang the language and whatever else the analysis depends on besides the text
     */
    DocTerms analyze(String lang, String title, String body, DocAnalysis fresh) {
        return analyze(key(lang, title, body), title, () -> body, fresh);
    }

    /**
     * Like {@link #analyze(String, String, String, DocAnalysis)}, with the entry's {@link #key} at hand; {@code
     * body} is asked for only when the document must be analysed.
     */
    DocTerms analyze(Hash128 key, String title, Supplier<String> body, DocAnalysis fresh) {
        Entry known = used.get(key);
        if (known != null) {
            return decode(known);
        }
        Slice slice = previous.get(key);
        if (slice != null) {
            hits.incrementAndGet();
            used.put(key, new Entry(slice, null));
            return read(file, slice);
        }
        misses.incrementAndGet();
        DocTerms terms = fresh.analyze(title, body.get());
        // Held to the save as DocTerms, a language's analyses stayed in the heap through its whole index, and their
        // encoding was one thread's work after it.
        Out encoded = new Out(1 << 11);
        write(encoded, terms);
        used.put(key, new Entry(null, encoded.bytes()));
        return terms;
    }

    /**
     * Keeps entry {@code key} of the file read for the next file, as if this build had asked for it (a document
     * whose postings were patched, not inverted, is not analysed); nothing if this build has no such entry.
     */
    void keep(Hash128 key) {
        Slice slice = previous.get(key);
        if (slice != null && used.putIfAbsent(key, new Entry(slice, null)) == null) {
            hits.incrementAndGet();
        }
    }

    /** The analysis of entry {@code key}, used by this build or kept in the file read; null if neither has it. */
    DocTerms known(Hash128 key) {
        Entry entry = used.get(key);
        if (entry != null) {
            return decode(entry);
        }
        Slice slice = previous.get(key);
        return slice == null ? null : read(file, slice);
    }

    /** An entry's analysis: from the file read, or from its encoding by this build. */
    private DocTerms decode(Entry entry) {
        return entry.slice() != null
                ? read(file, entry.slice())
                : read(entry.encoded(), new Slice(0, entry.encoded().length));
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /** Writes the entries used since {@link #open} (unless they are exactly the ones read). */
    public void save(Path file, String version) {
        if (misses.get() == 0
                && used.size() == previous.size()
                && previous.keySet().containsAll(used.keySet())) {
            return;
        }
        try {
            CheckedFile.write(file, out -> encode(out, version));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search analysis cache " + file, e);
        }
    }

    /** What an entry is addressed by: everything its analysis depends on besides the analyzer's code. */
    static Hash128 key(String lang, String title, String body) {
        return new Fingerprint().text(lang).text(title).text(body).finish();
    }

    // ---- file format: header, key dictionary, then per document its fingerprint, the length of its analysis and
    // the analysis: field lengths, then per key its id (as a gap from the last), field frequencies and positions.

    // Keys keep their ids from one file to the next (new keys are appended), so that an entry read from the last
    // file is copied byte for byte.
    // Streamed to the file: a whole file's buffer (12 MB for 10,000 Arabic dispatches, grown by doubling and then
    // copied) came on top of the entries at the end of the index.
    private void encode(DataOutputStream to, String version) throws IOException {
        String[] dictionary = ids.keys();
        Out out = new Out(1 << 16);
        out.varint(FORMAT);
        out.string(version);
        out.varint(dictionary.length);
        for (String t : dictionary) {
            out.string(t);
            if (out.n >= 1 << 15) {
                out.drainTo(to);
            }
        }
        TreeMap<Hash128, Entry> entries = new TreeMap<>(used);
        out.varint(entries.size());
        for (Map.Entry<Hash128, Entry> e : entries.entrySet()) {
            out.fixed(e.getKey().high());
            out.fixed(e.getKey().low());
            Slice slice = e.getValue().slice();
            if (slice != null) {
                out.varint(slice.length());
                out.drainTo(to);
                to.write(file, slice.from(), slice.length());
            } else {
                out.varint(e.getValue().encoded().length);
                out.drainTo(to);
                to.write(e.getValue().encoded());
            }
        }
        out.drainTo(to);
    }

    private static void write(Out out, DocTerms d) {
        out.varint(d.titleLength());
        out.varint(d.bodyLength());
        out.varint(d.size());
        long[] byId = new long[d.size()]; // ascending ids take fewer bytes as gaps
        for (int i = 0; i < d.size(); i++) {
            byId[i] = (long) d.terms()[i] << 32 | i;
        }
        Arrays.sort(byId);
        int prevId = 0;
        for (long packed : byId) {
            int i = (int) packed;
            int id = d.terms()[i];
            out.varint(id - prevId); // ids ascend
            prevId = id;
            out.varint(d.titleTf()[i]);
            out.varint(d.bodyTf()[i]);
            int from = d.positionStart()[i];
            int to = d.positionStart()[i + 1];
            out.varint(to - from);
            int prev = 0;
            for (int p = from; p < to; p++) {
                out.varint(d.positions()[p] - prev); // positions ascend within a field; the body follows the title
                prev = d.positions()[p];
            }
        }
    }

    /** The analysis at {@code slice} of {@code bytes}: the file read, or an entry encoded by this build. */
    private static DocTerms read(byte[] bytes, Slice slice) {
        In in = new In(bytes);
        in.at = slice.from();
        int titleLength = in.varint();
        int bodyLength = in.varint();
        int m = in.varint();
        int[] terms = new int[m];
        int[] titleTf = new int[m];
        int[] bodyTf = new int[m];
        int[] positionStart = new int[m + 1];
        int[] positions = new int[16];
        int id = 0;
        int n = 0;
        for (int i = 0; i < m; i++) {
            id += in.varint();
            terms[i] = id;
            titleTf[i] = in.varint();
            bodyTf[i] = in.varint();
            int count = in.varint();
            if (n + count > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(positions.length * 2, n + count));
            }
            int prev = 0;
            for (int j = 0; j < count; j++) {
                prev += in.varint();
                positions[n++] = prev;
            }
            positionStart[i + 1] = n;
        }
        if (in.at != slice.from() + slice.length()) {
            throw new IllegalStateException("a damaged entry in the search analysis cache");
        }
        return new DocTerms(
                titleLength, bodyLength, terms, titleTf, bodyTf, positionStart, Arrays.copyOf(positions, n));
    }

    /** Decodes the first {@code length} bytes (the rest is {@link CheckedFile}'s trailer): the entries' places only. */
    private static AnalysisCache decode(byte[] bytes, int length, String version) {
        In in = new In(bytes);
        if (in.varint() != FORMAT || !in.string().equals(version)) {
            return empty();
        }
        String[] dictionary = new String[in.varint()];
        for (int i = 0; i < dictionary.length; i++) {
            dictionary[i] = in.string();
        }
        int n = in.varint();
        Map<Hash128, Slice> slices = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            Hash128 key = new Hash128(in.fixed(), in.fixed());
            int size = in.varint();
            if (size < 0 || size > length - in.at) {
                throw new IllegalStateException("an entry of the search analysis cache runs past its end");
            }
            slices.put(key, new Slice(in.at, size));
            in.at += size;
        }
        if (in.at != length) {
            throw new IllegalStateException("trailing bytes in the search analysis cache");
        }
        return new AnalysisCache(new TermIds(dictionary), bytes, slices);
    }

    private static final class Out {
        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void drainTo(DataOutputStream to) throws IOException {
            to.write(buf, 0, n);
            n = 0;
        }

        private void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void varint(int v) {
            ensure(5);
            while ((v & ~0x7f) != 0) {
                buf[n++] = (byte) ((v & 0x7f) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        void fixed(long v) {
            ensure(8);
            for (int i = 56; i >= 0; i -= 8) {
                buf[n++] = (byte) (v >>> i);
            }
        }

        void string(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, n, b.length);
            n += b.length;
        }

        byte[] bytes() {
            return Arrays.copyOf(buf, n);
        }
    }

    private static final class In {
        private final byte[] buf;
        private int at;

        In(byte[] buf) {
            this.buf = buf;
        }

        int varint() {
            int v = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = buf[at++];
                v |= (b & 0x7f) << shift;
                if (b >= 0) {
                    return v;
                }
            }
        }

        long fixed() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = v << 8 | (buf[at++] & 0xff);
            }
            return v;
        }

        String string() {
            int len = varint();
            String s = new String(buf, at, len, StandardCharsets.UTF_8);
            at += len;
            return s;
        }
    }
}
