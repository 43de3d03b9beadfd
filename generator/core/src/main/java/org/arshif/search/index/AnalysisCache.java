package org.arshif.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Fingerprint.Hash128;
import org.arshif.search.index.internal.DocTerms;

/**
 * Analysed documents kept between builds, so that an incremental build analyses only the documents whose
 * text changed. An entry is addressed by a {@link Fingerprint} of the language, title and body; the file is
 * tied to a version string (Arshif's own code), so another analyzer never reads it. Entries not used by the
 * last build are dropped when it is saved. Thread-safe: the index writer analyses in parallel.
 */
public final class AnalysisCache {
    private static final int FORMAT = 3; // 2: keys are SHA-256 fingerprints; 3: surface keys

    private final Map<Hash128, DocTerms> previous;
    // The file read: its term dictionary and each entry's bytes, copied as they are into the next file.
    private final String[] dictionary;
    private final byte[] file;
    private final Map<Hash128, int[]> slices;
    private final Map<Hash128, DocTerms> used = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private AnalysisCache(
            Map<Hash128, DocTerms> previous, String[] dictionary, byte[] file, Map<Hash128, int[]> slices) {
        this.previous = previous;
        this.dictionary = dictionary;
        this.file = file;
        this.slices = slices;
    }

    /** An empty cache (nothing kept yet). */
    public static AnalysisCache empty() {
        return new AnalysisCache(Map.of(), new String[0], new byte[0], Map.of());
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

    /** The analysis of one document, from the cache when the same text was analysed before. */
    public DocTerms analyze(IndexAnalyzer analyzer, String lang, String title, String body) {
        Hash128 key = key(lang, title, body);
        DocTerms known = used.get(key);
        if (known == null) {
            known = previous.get(key);
            if (known != null) {
                hits.incrementAndGet();
            }
        }
        if (known == null) {
            misses.incrementAndGet();
            known = DocTerms.analyze(analyzer::forEachTerm, title, body);
        }
        used.put(key, known);
        return known;
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
        byte[] bytes = encode(version);
        try {
            CheckedFile.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search analysis cache " + file, e);
        }
    }

    /** What an entry is addressed by: everything its analysis depends on besides the analyzer's code. */
    static Hash128 key(String lang, String title, String body) {
        return new Fingerprint().text(lang).text(title).text(body).finish();
    }

    // ---- file format: header, term dictionary, then per document its key and terms by dictionary id -----

    // Terms keep their ids from one file to the next (new terms are appended), so that an entry read from the
    // last file is copied byte for byte; only new entries are encoded.
    private byte[] encode(String version) {
        List<String> terms = new ArrayList<>(Arrays.asList(dictionary));
        Map<String, Integer> ids = new HashMap<>(terms.size() * 2 + 16);
        for (int i = 0; i < terms.size(); i++) {
            ids.put(terms.get(i), i);
        }
        TreeMap<Hash128, DocTerms> entries = new TreeMap<>(used);
        // One dictionary lookup per term of a new entry (they are millions at 10,000 documents), kept for the write.
        Map<Hash128, int[]> newIds = new HashMap<>();
        for (Map.Entry<Hash128, DocTerms> e : entries.entrySet()) {
            if (!slices.containsKey(e.getKey())) {
                String[] ts = e.getValue().terms();
                int[] of = new int[ts.length];
                for (int i = 0; i < ts.length; i++) {
                    of[i] = ids.computeIfAbsent(ts[i], t -> {
                        terms.add(t);
                        return terms.size() - 1;
                    });
                }
                newIds.put(e.getKey(), of);
            }
        }
        Out out = new Out(Math.max(1 << 16, file.length + (1 << 16)));
        out.varint(FORMAT);
        out.string(version);
        out.varint(terms.size());
        for (String t : terms) {
            out.string(t);
        }
        out.varint(entries.size());
        for (Map.Entry<Hash128, DocTerms> e : entries.entrySet()) {
            out.fixed(e.getKey().high());
            out.fixed(e.getKey().low());
            int[] slice = slices.get(e.getKey());
            if (slice != null) {
                out.raw(file, slice[0], slice[1]);
                continue;
            }
            DocTerms d = e.getValue();
            int[] termIds = newIds.get(e.getKey());
            out.varint(d.titleLength());
            out.varint(d.bodyLength());
            out.varint(d.terms().length);
            for (int i = 0; i < d.terms().length; i++) {
                out.varint(termIds[i]);
                out.varint(d.titleTf()[i]);
                out.varint(d.bodyTf()[i]);
                int[] pos = d.positions()[i];
                out.varint(pos.length);
                int prev = 0;
                for (int p : pos) {
                    out.varint(p - prev); // positions ascend within a field; the body follows the title
                    prev = p;
                }
            }
        }
        return out.bytes();
    }

    /** Decodes the first {@code length} bytes (the rest is {@link CheckedFile}'s trailer). */
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
        Map<Hash128, DocTerms> out = new HashMap<>(n * 2);
        Map<Hash128, int[]> slices = new HashMap<>(n * 2);
        for (int k = 0; k < n; k++) {
            Hash128 key = new Hash128(in.fixed(), in.fixed());
            int from = in.at;
            int titleLength = in.varint();
            int bodyLength = in.varint();
            int m = in.varint();
            String[] terms = new String[m];
            int[] titleTf = new int[m];
            int[] bodyTf = new int[m];
            int[][] positions = new int[m][];
            for (int i = 0; i < m; i++) {
                terms[i] = dictionary[in.varint()];
                titleTf[i] = in.varint();
                bodyTf[i] = in.varint();
                int[] pos = new int[in.varint()];
                int prev = 0;
                for (int j = 0; j < pos.length; j++) {
                    prev += in.varint();
                    pos[j] = prev;
                }
                positions[i] = pos;
            }
            out.put(key, new DocTerms(titleLength, bodyLength, terms, titleTf, bodyTf, positions));
            slices.put(key, new int[] {from, in.at - from});
        }
        if (in.at != length) {
            throw new IllegalStateException("trailing bytes in the search analysis cache");
        }
        return new AnalysisCache(out, dictionary, bytes, slices);
    }

    private static final class Out {
        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
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

        void raw(byte[] from, int offset, int length) {
            ensure(length);
            System.arraycopy(from, offset, buf, n, length);
            n += length;
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
