package org.arshif.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.index.IndexMemo;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.SiteSink;

/**
 * Each language's search index as the preview last wrote it, kept between rebuilds the way a cached build keeps
 * it between builds: every document's analysis (so only changed texts are analysed), the memo of what each index
 * file holds (so only the files whose terms an edit touched are encoded again), and the files themselves in a
 * private folder (so a kept file is neither compressed nor written again). The index written equals a fresh
 * build's byte for byte; the folder is deleted on {@link #close}. Writes are serialised.
 */
final class LiveIndexes implements AutoCloseable {
    private final Map<String, Language> languages = new HashMap<>();
    private Path folder;
    private boolean closed;
    private long filesReused;
    private final Map<String, String> lastWrites = new TreeMap<>();

    /** One language's state: analyses, memo for the next write, and the bytes of the files in its folder. */
    private static final class Language {
        final AnalysisCache analyses = AnalysisCache.empty();
        final Map<String, byte[]> files = new HashMap<>();
        IndexMemo memo = IndexMemo.empty();
        // What the last index was made of and what its write returned; null before the first.
        IndexInputs inputs;
        SearchIndexWriter.IndexStats stats;
    }

    /**
     * Writes the index of {@code docs} into {@code <lang>/search/} of {@code sink}, encoding only what changed
     * since this language's last write; when the documents are made of the same {@code inputs}, the last index's
     * files are handed on as they are.
     */
    synchronized SearchIndexWriter.IndexStats write(
            SearchIndexWriter writer, String lang, List<SearchDocument> docs, IndexInputs inputs, SiteSink sink)
            throws IOException {
        if (closed) {
            throw new IOException("the preview server is stopping");
        }
        Language state = languages.computeIfAbsent(lang, l -> new Language());
        if (state.stats != null && inputs.sameAs(state.inputs)) {
            new TreeMap<>(state.files).forEach((name, bytes) -> sink.write(lang + "/search/" + name, bytes));
            lastWrites.put(lang, lang + ": unchanged");
            return state.stats;
        }
        state.inputs = null; // until this write succeeds
        Path dir = folder().resolve(lang);
        Files.createDirectories(dir);
        // Every file of the index is asked for by name before it is written: those are the index's files.
        Set<String> named = ConcurrentHashMap.newKeySet();
        SearchIndexWriter.Existing existing = name -> {
            named.add(name);
            return state.files.containsKey(name) ? state.files.get(name).length : -1;
        };
        int analysedBefore = state.analyses.misses();
        SearchIndexWriter.IndexStats stats;
        try {
            stats = writer.write(dir, lang, docs, state.analyses, existing, state.memo);
        } catch (IOException | RuntimeException e) {
            state.memo = IndexMemo.empty(); // half a run is no base for the next one
            state.stats = null;
            throw e;
        }
        lastWrites.put(
                lang,
                String.format(
                        "%s: %d document(s) analysed, %d file(s) encoded, %d reused",
                        lang, state.analyses.misses() - analysedBefore, state.memo.encoded(), state.memo.reused()));
        filesReused += state.memo.reused();
        state.memo = state.memo.next();
        publish(dir, named, state, lang, sink);
        state.inputs = inputs;
        state.stats = stats;
        return stats;
    }

    /** Index files kept from an earlier write instead of encoded, by all writes so far. */
    synchronized long filesReused() {
        return filesReused;
    }

    /** What the last write of each language did, for the log. */
    synchronized String lastSummary() {
        return String.join("; ", lastWrites.values());
    }

    /** Hands the index's files to the sink; the folder keeps only them (an older index's files go). */
    private static void publish(Path dir, Set<String> named, Language state, String lang, SiteSink sink)
            throws IOException {
        state.files.keySet().retainAll(named);
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.sorted().toList()) {
                String name = file.getFileName().toString();
                if (!named.contains(name)) {
                    Files.delete(file);
                    continue;
                }
                byte[] bytes = state.files.get(name);
                if (bytes == null) {
                    bytes = Files.readAllBytes(file);
                    state.files.put(name, bytes);
                }
                sink.write(lang + "/search/" + name, bytes);
            }
        }
    }

    private Path folder() throws IOException {
        if (folder == null) {
            folder = Files.createTempDirectory("arshif-preview-index-");
        }
        return folder;
    }

    /** Deletes the folder; a write after this fails. */
    @Override
    public synchronized void close() {
        closed = true;
        if (folder == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the preview's index folder " + folder, e);
        }
        folder = null;
    }
}
