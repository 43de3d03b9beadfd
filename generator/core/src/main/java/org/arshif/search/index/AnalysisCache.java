package org.arshif.search.index;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.arshif.internal.SpillFile;
import org.arshif.search.index.AnalysisCodec.In;
import org.arshif.search.index.AnalysisCodec.Out;
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
 * thread, and set aside in a spill file beside the cache file ({@link SpillFile}) until the save copies it into the
 * file in key order: held in the heap, a first build's entries were ~90 MB at the end of the Arabic index of 10,000
 * long dispatches, its peak (a cache with no file, {@link #empty()}, holds them in the heap). {@link #save} ends
 * the cache's use; {@link #close} lets go of the spill file when the build stops before it.
 */
public final class AnalysisCache implements AutoCloseable {
    private static final int FORMAT = 4; // 2: keys are SHA-256 fingerprints; 3: surface keys; 4: sized entries

    private final TermIds ids;
    // The file read and where each entry's analysis is in it; copied as they are into the next file.
    private final byte[] file;
    private final Map<Hash128, Slice> previous;
    private final Map<Hash128, Entry> used = new ConcurrentHashMap<>();
    // where this build's analyses wait for the save; null: in the heap
    private final SpillFile spill;
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    private AnalysisCache(TermIds ids, byte[] file, Map<Hash128, Slice> previous, SpillFile spill) {
        this.ids = ids;
        this.file = file;
        this.previous = previous;
        this.spill = spill;
    }

    /** An entry used by this build: in the file read, or analysed by this build. */
    private sealed interface Entry permits Slice, Spilled, Held {}

    /** Where an entry's analysis is in the file read. */
    private record Slice(int from, int length) implements Entry {}

    /** An analysis of this build, in the spill file. */
    private record Spilled(long at, int length) implements Entry {}

    /** An analysis of this build, in the heap (a cache with no file). */
    private record Held(byte[] encoded) implements Entry {}

    /** An empty cache (nothing kept yet) with no file: what it analyses stays in the heap. */
    public static AnalysisCache empty() {
        return empty(null);
    }

    private static AnalysisCache empty(SpillFile spill) {
        return new AnalysisCache(new TermIds(), new byte[0], Map.of(), spill);
    }

    /** Reads the cache file written by {@link #save}; a missing, damaged or other-version file is an empty cache. */
    public static AnalysisCache open(Path file, String version) {
        return open(file, version, note -> {});
    }

    /** Like {@link #open(Path, String)}, and a damaged or foreign file is discarded with one line to {@code log}. */
    public static AnalysisCache open(Path file, String version, Consumer<String> log) {
        SpillFile spill = new SpillFile(file.toAbsolutePath().getParent(), file.getFileName() + "-");
        if (!Files.isRegularFile(file)) {
            return empty(spill);
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            return decode(bytes, CheckedFile.verify(ByteBuffer.wrap(bytes)), version, spill);
        } catch (IOException | RuntimeException e) {
            log.accept("Incremental build: discarded the search analysis cache " + file + ", since "
                    + CheckedFile.why(e) + "; every document is analysed");
            return empty(spill);
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
            used.put(key, slice);
            return decode(slice);
        }
        misses.incrementAndGet();
        DocTerms terms = fresh.analyze(title, body.get());
        // Held to the save as DocTerms, a language's analyses stayed in the heap through its whole index, and their
        // encoding was one thread's work after it.
        Out encoded = new Out(1 << 11);
        AnalysisCodec.write(encoded, terms);
        used.put(key, setAside(encoded));
        return terms;
    }

    /** An analysis encoded by this build, written to the spill file (or, with none, copied). */
    private Entry setAside(Out encoded) {
        if (spill == null) {
            return new Held(encoded.bytes());
        }
        try {
            return new Spilled(spill.write(encoded.array(), 0, encoded.size()), encoded.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set the search analyses aside beside the cache file", e);
        }
    }

    /**
     * Keeps entry {@code key} of the file read for the next file, as if this build had asked for it (a document
     * whose postings were patched, not inverted, is not analysed); nothing if this build has no such entry.
     */
    void keep(Hash128 key) {
        Slice slice = previous.get(key);
        if (slice != null && used.putIfAbsent(key, slice) == null) {
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
        return slice == null ? null : decode(slice);
    }

    /** An entry's analysis: from the file read, or from its encoding by this build. */
    private DocTerms decode(Entry entry) {
        if (entry instanceof Slice s) {
            return AnalysisCodec.read(file, s.from(), s.length());
        }
        if (entry instanceof Held h) {
            return AnalysisCodec.read(h.encoded(), 0, h.encoded().length);
        }
        Spilled s = (Spilled) entry;
        try {
            return AnalysisCodec.read(spill.read(s.at(), s.length(), null).array(), 0, s.length());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back a search analysis set aside", e);
        }
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /**
     * Writes the entries used since {@link #open} (unless they are exactly the ones read), then {@link #close}s: the
     * analyses this build set aside are not kept after.
     */
    public void save(Path file, String version) {
        try {
            if (misses.get() == 0
                    && used.size() == previous.size()
                    && previous.keySet().containsAll(used.keySet())) {
                return;
            }
            CheckedFile.write(file, out -> encode(out, version));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search analysis cache " + file, e);
        } finally {
            close();
        }
    }

    /** Removes the spill file, if any; an analysis this build set aside cannot be asked for after. */
    @Override
    public void close() {
        if (spill != null) {
            try {
                spill.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the search analyses set aside", e);
            }
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
            if (out.size() >= 1 << 15) {
                out.drainTo(to);
            }
        }
        TreeMap<Hash128, Entry> entries = new TreeMap<>(used);
        out.varint(entries.size());
        ByteBuffer spilled = null; // one array for every spilled entry, not one each
        for (Map.Entry<Hash128, Entry> e : entries.entrySet()) {
            out.fixed(e.getKey().high());
            out.fixed(e.getKey().low());
            if (e.getValue() instanceof Slice slice) {
                out.varint(slice.length());
                out.drainTo(to);
                to.write(file, slice.from(), slice.length());
            } else if (e.getValue() instanceof Held held) {
                out.varint(held.encoded().length);
                out.drainTo(to);
                to.write(held.encoded());
            } else {
                Spilled s = (Spilled) e.getValue();
                spilled = spill.read(s.at(), s.length(), spilled);
                out.varint(s.length());
                out.drainTo(to);
                to.write(spilled.array(), 0, s.length());
            }
        }
        out.drainTo(to);
    }

    /** Decodes the first {@code length} bytes (the rest is {@link CheckedFile}'s trailer): the entries' places only. */
    private static AnalysisCache decode(byte[] bytes, int length, String version, SpillFile spill) {
        In in = new In(bytes);
        if (in.varint() != FORMAT || !in.string().equals(version)) {
            return empty(spill);
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
        return new AnalysisCache(new TermIds(dictionary), bytes, slices, spill);
    }
}
