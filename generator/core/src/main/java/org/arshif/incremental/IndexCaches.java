package org.arshif.incremental;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.arshif.internal.KeptReads;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.index.IndexMemo;
import org.arshif.search.index.KeptPostings;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.OutputTree;

/**
 * The search indexes of an {@link IncrementalBuild}, one language at a time. Only documents whose text changed are
 * analysed; index files already in place stay. The language's analyses are saved as soon as its index is written,
 * and let go: held to the commit, both languages' stayed in the heap through rendering (330 MB at 10,000
 * dispatches, and more collector work). An entry is addressed by its text, so one saved by a build that then fails
 * is as good as any.
 */
final class IndexCaches {
    /** One file per language (with {@code -<lang>}); the name alone is the single file earlier versions kept. */
    private static final String ANALYSES = "search-analysis";
    /** Per language, what its index files hold ({@link IndexMemo}). */
    private static final String INDEX_MEMO = "search-index";

    private final Path cache;
    private final Path output;
    private final OutputTree out;
    private final String code;
    /** Whether a last build's pages are reused (its index files may then be kept). */
    private final boolean rebuild;
    /** The stored postings a warm process keeps between builds; null: none. */
    private final KeptPostings keptPostings;

    private final Consumer<String> log;
    private int analysed;
    private int analysesReused;
    private int indexFilesEncoded;
    private int indexFilesReused;
    private int postingsPatched;
    private int postingsKept;

    IndexCaches(
            Path cache,
            Path output,
            OutputTree out,
            String code,
            boolean rebuild,
            KeptPostings keptPostings,
            Consumer<String> log) {
        this.cache = cache;
        this.output = output;
        this.out = out;
        this.code = code;
        this.rebuild = rebuild;
        this.keptPostings = keptPostings;
        this.log = log;
    }

    /** See {@link IncrementalBuild#writeIndex(SearchIndexWriter, String, List, String, List)}. */
    SearchIndexWriter.IndexStats write(
            SearchIndexWriter writer, String lang, List<SearchDocument> docs, String inputs, List<String> docKeys)
            throws IOException {
        String folder = lang + "/search/";
        Path lastFile = cache.resolve(INDEX_MEMO + "-" + lang + ".last");
        if (rebuild) {
            Optional<SearchIndexWriter.IndexStats> last =
                    LastIndex.find(lastFile, code, inputs, output.resolve(folder), log);
            if (last.isPresent() && keepAll(folder, last.get())) {
                log.accept("Incremental build: kept the " + lang + " search index whole ("
                        + last.get().files() + " files): its documents did not change");
                out.count(last.get().files(), last.get().bytes());
                indexFilesReused += last.get().files();
                return last.get();
            }
        }
        LastIndex.forget(lastFile);
        Path file = cache.resolve(ANALYSES + "-" + lang + ".bin");
        Path memoFile = cache.resolve(INDEX_MEMO + "-" + lang + ".bin");
        Path postingsFile = cache.resolve(INDEX_MEMO + "-" + lang + ".postings");
        IndexMemo memo = IndexMemo.open(memoFile, postingsFile, code, log, keptPostings);
        postingsKept += memo.postingsKept() ? 1 : 0;
        AnalysisCache analyses = AnalysisCache.open(file, code, log);
        SearchIndexWriter.IndexStats stats;
        try {
            stats = writer.write(
                    out.resolve(lang + "/search"),
                    lang,
                    docs,
                    docKeys,
                    analyses,
                    rebuild ? existing(out, output, folder) : null,
                    memo);
            out.count(stats.files(), stats.bytes());
            analyses.save(file, code);
        } finally {
            analyses.close(); // its spill file, when the index failed before the save (a no-op after it)
        }
        // Kept by a rebuild only: a first build keeping them through its render would raise its peak memory.
        memo.save(memoFile, postingsFile, code, keptPostings, rebuild);
        if (keptPostings != null && !rebuild) {
            keptPostings.readLater(postingsFile, code, docs.size()); // read between builds instead
        }
        LastIndex.save(lastFile, code, inputs, stats);
        indexFilesEncoded += memo.encoded();
        indexFilesReused += memo.reused();
        analysed += analyses.misses();
        analysesReused += analyses.hits();
        postingsPatched += memo.patched() ? 1 : 0;
        return stats;
    }

    /** What the indexes reused and wrote, for the build's log; also deletes the analyses' file of old versions. */
    void logCounts(KeptReads keptReads) {
        log.accept("Incremental build: analysed " + analysed + " documents for search, reused " + analysesReused);
        log.accept("Incremental build: encoded " + indexFilesEncoded + " search index files, reused " + indexFilesReused
                + "; patched the stored postings of " + postingsPatched + " language(s)");
        if (keptPostings != null) {
            log.accept("Incremental build: took the stored postings of " + postingsKept + " language(s) as this"
                    + " process kept them");
            log.accept("Incremental build: took " + keptReads.taken() + " cache file(s) as this process kept them"
                    + " decoded");
        }
        try {
            Files.deleteIfExists(
                    cache.resolve(ANALYSES + ".bin")); // both languages in one, as earlier versions kept it
        } catch (IOException e) {
            log.accept("Incremental build: could not delete " + cache.resolve(ANALYSES + ".bin") + " (" + e + ")");
        }
    }

    /** Keeps every file of the last index; false if one of them is gone (the index is then written). */
    private boolean keepAll(String folder, SearchIndexWriter.IndexStats last) {
        for (String name : last.fileSizes().keySet()) {
            if (out.keep(folder + name) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The last site's index files, kept in place or linked (the writer reads the kept term shards). */
    private static SearchIndexWriter.Existing existing(OutputTree out, Path output, String folder) {
        return new SearchIndexWriter.Existing() {
            @Override
            public long keep(String fileName) {
                return out.keep(folder + fileName);
            }

            @Override
            public Path where(String fileName) {
                return output.resolve(folder + fileName);
            }
        };
    }
}
