package org.arshif.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.arshif.internal.FileTrees;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.index.IndexMemo;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.SiteSink;

/**
 * Each language's search index as the preview last wrote it, kept between rebuilds the way a cached build keeps
 * it between builds: every document's analysis (so only changed texts are analysed), the memo of what each index
 * file holds (so only the files whose terms an edit touched are encoded again), and the files themselves in memory
 * (so a kept file is neither compressed nor written again). The index written equals a fresh build's byte for
 * byte. The files the writer makes are taken in memory as it makes them ({@code Existing.take}), and the kept ones
 * it reads handed to it from memory; its folder is a scratch folder that lives as long as one write (a server halted
 * with its launcher leaves nothing behind between edits), in memory where the machine has room for it
 * ({@link #scratchRoot}), and normally stays empty.
 * Writes are serialised.
 */
final class LiveIndexes implements AutoCloseable {
    /** Scratch folders are named {@code arshif-preview-index-<pid>-<random>}: see {@link #sweep}. */
    static final String SCRATCH = "arshif-preview-index-";

    /** Linux's shared-memory file system, a tmpfs on most machines: a scratch folder there never meets a disk. */
    static final Path MEMORY = Path.of("/dev/shm");

    /** The room a scratch root in memory must have: the first write puts a whole index there, for a moment. */
    static final long MEMORY_ROOM = 1L << 30;

    private final Path scratchRoot;
    private final Map<String, Language> languages = new HashMap<>();
    private volatile boolean closed;
    private long filesReused;
    private long postingsPatched;
    private final Map<String, String> lastWrites = new TreeMap<>();

    LiveIndexes() {
        this(scratchRoot(MEMORY, temporary()));
    }

    /** Scratch folders go into {@code scratchRoot}. */
    LiveIndexes(Path scratchRoot) {
        this.scratchRoot = scratchRoot;
    }

    /**
     * {@code memory} if it is a writable folder with {@link #MEMORY_ROOM} to spare, else {@code tmp}. A write creates
     * and deletes a folder of a dozen files or more per edit: on a busy disk's file system (a {@code /tmp} on disk)
     * that cost 10-14 ms against 1-4 ms on tmpfs (median of 60, load 8-11); an edit's files are a few MB at most.
     */
    static Path scratchRoot(Path memory, Path tmp) {
        try {
            if (Files.isDirectory(memory)
                    && Files.isWritable(memory)
                    && Files.getFileStore(memory).getUsableSpace() >= MEMORY_ROOM) {
                return memory;
            }
        } catch (IOException | SecurityException e) {
            // no such file system here: the JVM's temporary folder
        }
        return tmp;
    }

    private static Path temporary() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** {@link #sweep} of both places a scratch folder may be: in memory and the JVM's temporary folder. */
    static int sweepScratchRoots() {
        return sweep(temporary()) + (Files.isDirectory(MEMORY) ? sweep(MEMORY) : 0);
    }

    /** One language's state: analyses, memo for the next write, and the bytes of its index files by name. */
    private static final class Language {
        final AnalysisCache analyses = AnalysisCache.empty();
        Map<String, byte[]> files = new HashMap<>();
        IndexMemo memo = IndexMemo.inMemory();
        // What the last index was made of and what its write returned; null before the first.
        IndexInputs inputs;
        SearchIndexWriter.IndexStats stats;
        // The inputs of the last write asked for, written or not: the next inputs are made with their help.
        IndexInputs lastAsked;
        // What the warm-up repeats of the last write, until it has run; null after.
        IndexWarmUp.Written written;
    }

    // Whether the warm-up has run: after it, writes no longer keep what it needs.
    private boolean warmed;

    /**
     * Writes the index of {@code docs} into {@code <lang>/search/} of {@code sink}, encoding only what changed
     * since this language's last write; when the documents are made of the same inputs, the last index's files are
     * handed on as they are.
     *
     * @param inputsOf what {@code docs} are made of, given the inputs of this language's last write (null before
     *                 the first), which help make them
     */
    synchronized SearchIndexWriter.IndexStats write(
            SearchIndexWriter writer,
            String lang,
            List<SearchDocument> docs,
            UnaryOperator<IndexInputs> inputsOf,
            SiteSink sink)
            throws IOException {
        if (closed) {
            throw new IOException("the preview server is stopping");
        }
        Language state = languages.computeIfAbsent(lang, l -> new Language());
        IndexInputs inputs = inputsOf.apply(state.lastAsked);
        state.lastAsked = inputs;
        if (state.stats != null && inputs.sameAs(state.inputs)) {
            new TreeMap<>(state.files).forEach((name, bytes) -> sink.write(lang + "/search/" + name, bytes));
            lastWrites.put(lang, lang + ": unchanged");
            return state.stats;
        }
        state.inputs = null; // until this write succeeds
        Path dir = Files.createTempDirectory(
                scratchRoot, SCRATCH + ProcessHandle.current().pid() + "-");
        try {
            SearchIndexWriter.IndexStats stats = write(writer, lang, docs, inputs.documentKeys(), state, dir);
            state.inputs = inputs;
            state.stats = stats;
            new TreeMap<>(state.files).forEach((name, bytes) -> sink.write(lang + "/search/" + name, bytes));
            return stats;
        } finally {
            delete(dir);
        }
    }

    /** One write into the scratch folder {@code dir}; afterwards {@code state.files} holds the index's files. */
    private SearchIndexWriter.IndexStats write(
            SearchIndexWriter writer, String lang, List<SearchDocument> docs, List<?> docKeys, Language state, Path dir)
            throws IOException {
        // Every file of the index is asked for by name before it is written: those are the index's files.
        Set<String> named = ConcurrentHashMap.newKeySet();
        Map<String, byte[]> made = new ConcurrentHashMap<>();
        SearchIndexWriter.Existing existing = new SearchIndexWriter.Existing() {
            @Override
            public long keep(String name) {
                named.add(name);
                byte[] bytes = state.files.get(name);
                return bytes == null ? -1 : bytes.length;
            }

            /** A kept file the writer reads (a term shard, for the bundle): from memory, never from a folder. */
            @Override
            public byte[] bytes(String name) {
                return state.files.get(name);
            }

            /** The files made are kept in memory, never written to the scratch folder. */
            @Override
            public boolean take(String name, byte[] bytes) {
                made.put(name, bytes);
                return true;
            }
        };
        int analysedBefore = state.analyses.misses();
        SearchIndexWriter.IndexStats stats;
        try {
            stats = writer.write(dir, lang, docs, docKeys, state.analyses, existing, state.memo);
        } catch (IOException | RuntimeException e) {
            state.memo = IndexMemo.inMemory(); // half a run is no base for the next one
            state.stats = null;
            throw e;
        }
        noteWrite(lang, state, state.analyses.misses() - analysedBefore);
        state.written = warmed ? null : new IndexWarmUp.Written(writer, docs, docKeys, state.memo);
        state.memo = state.memo.next();
        Map<String, byte[]> files = new HashMap<>();
        for (String name : named) {
            byte[] bytes = made.containsKey(name) ? made.get(name) : state.files.get(name);
            if (bytes != null) {
                files.put(name, bytes);
            }
        }
        state.files = files;
        return stats;
    }

    /**
     * Runs an edit's write on a copy that nothing keeps (see {@link IndexWarmUp}), so that the server's first edit
     * finds its code loaded and compiled: for each language, the one with the fewest documents first (then by name).
     * Every language, not only the smallest: the code is the same, but an Arabic archive's first Arabic edit, after
     * an English warm-up, still wrote its index in 181 ms (190 ms of CPU) against 88-134 ms for the later ones
     * (bench/RESULTS.md, session 21). Returns each language whose postings were patched and the files encoded, else
     * null (also after {@link #endWarmUp}); stops when {@code stop} says an edit is waiting.
     */
    synchronized String warm(BooleanSupplier stop) throws IOException {
        List<Map.Entry<String, Language>> ready = new ArrayList<>();
        for (Map.Entry<String, Language> e : new TreeMap<>(languages).entrySet()) {
            if (e.getValue().written != null && e.getValue().stats != null) {
                ready.add(e);
            }
        }
        ready.sort(Comparator.comparingInt(e -> e.getValue().written.docs().size())); // stable: by name among equals
        List<String> patched = new ArrayList<>();
        for (Map.Entry<String, Language> e : ready) {
            if (closed) {
                break;
            }
            Path dir = Files.createTempDirectory(
                    scratchRoot, SCRATCH + ProcessHandle.current().pid() + "-");
            try {
                Language state = e.getValue();
                int encoded = IndexWarmUp.run(state.written, e.getKey(), state.analyses, state.files, dir, stop);
                if (encoded >= 0) {
                    patched.add(e.getKey() + " index patched, " + encoded + " file(s) encoded");
                }
            } finally {
                delete(dir);
            }
        }
        return patched.isEmpty() ? null : String.join(", ", patched);
    }

    /** The warm-up is over: later writes no longer keep what it repeats, and {@link #warm} does nothing. */
    synchronized void endWarmUp() {
        warmed = true;
        languages.values().forEach(state -> state.written = null);
    }

    /** What a write did, for the log and the counts. */
    private void noteWrite(String lang, Language state, int analysed) {
        lastWrites.put(
                lang,
                String.format(
                        "%s: %d document(s) analysed, postings %s, %d file(s) encoded (term shards: %d encoded,"
                                + " %d with their lists kept, %d taken), %d reused",
                        lang,
                        analysed,
                        state.memo.patched() ? "patched" : "inverted",
                        state.memo.encoded(),
                        state.memo.termShardsEncoded(),
                        state.memo.termShardsTextKept(),
                        state.memo.termShardsTaken(),
                        state.memo.reused()));
        filesReused += state.memo.reused();
        postingsPatched += state.memo.patched() ? 1 : 0;
    }

    /** Index files kept from an earlier write instead of encoded, by all writes so far. */
    synchronized long filesReused() {
        return filesReused;
    }

    /** Writes so far that patched a language's postings kept in memory instead of inverting every document. */
    synchronized long postingsPatched() {
        return postingsPatched;
    }

    /** What the last write of each language did, for the log. */
    synchronized String lastSummary() {
        return String.join("; ", lastWrites.values());
    }

    /**
     * Deletes the scratch folders in {@code tmp} of preview servers that are gone: a server halted with its launcher
     * (the command line's second JVM) runs no shutdown hook, and leaves the folder of a write under way. A folder
     * whose process is alive, or not named by a process, is left alone. Best effort: returns how many went.
     */
    static int sweep(Path tmp) {
        int deleted = 0;
        try (Stream<Path> listing = Files.list(tmp)) {
            for (Path folder : listing.sorted().toList()) {
                String name = folder.getFileName().toString();
                String[] pidAndRest = name.startsWith(SCRATCH)
                        ? name.substring(SCRATCH.length()).split("-", 2)
                        : new String[0];
                if (pidAndRest.length == 2
                        && pidAndRest[0].matches("[0-9]{1,18}")
                        && ProcessHandle.of(Long.parseLong(pidAndRest[0])).isEmpty()) {
                    delete(folder);
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            // another user's folder, or one going away meanwhile: not this server's business
        }
        return deleted;
    }

    private static void delete(Path tree) {
        try {
            FileTrees.delete(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch folder " + tree, e);
        }
    }

    /** A write after this fails; one under way is not waited for (the server is stopping). */
    @Override
    public void close() {
        closed = true;
    }
}
