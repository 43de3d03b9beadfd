package org.arshif.search.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.arshif.internal.Fingerprint;
import org.arshif.search.Conflation;
import org.arshif.search.SearchDocument;
import org.arshif.search.analysis.AnalysisData;
import org.arshif.search.analysis.TextAnalyzer;
import org.arshif.search.index.internal.DocAnalysis;
import org.arshif.search.index.internal.FreshAnalysis;
import org.arshif.search.index.internal.IndexBuild;
import org.arshif.search.index.internal.IndexReuse;
import org.arshif.search.index.internal.IndexSettings;
import org.arshif.search.index.internal.IndexSummary;
import org.arshif.search.index.internal.TermIds;
import org.arshif.search.index.internal.TermSource;

/**
 * Writes the static search index of one language into {@code site/<lang>/search/}. The format is described in
 * {@code generator/SEARCH-FORMAT.md}. Same input, same options: byte-identical files.
 *
 * <pre>{@code
 * SearchIndexWriter writer = SearchIndexWriter.standard();
 * IndexStats ar = writer.write(site.resolve("ar/search"), "ar", arabicDocs);
 * // ar.manifestFile() goes into the search page's data-search-manifest attribute
 * }</pre>
 */
public final class SearchIndexWriter {
    private final Options options;

    private SearchIndexWriter(Options options) {
        this.options = options;
    }

    public static Builder builder(IndexAnalyzer analyzer) {
        return new Builder(analyzer);
    }

    /**
     * A writer with Arshif's analyzer, {@code protect} also kept whole (a site's {@code search: protect:}; see
     * {@link AnalysisData#withProtected}), and the default options.
     */
    public static SearchIndexWriter protecting(List<String> protect) {
        return protecting(protect, true);
    }

    /** {@link #protecting(List)}, with or without the card chunks for servers that ignore Range. */
    public static SearchIndexWriter protecting(List<String> protect, boolean cardChunks) {
        IndexAnalyzer analyzer = protect.isEmpty()
                ? IndexAnalyzer.standard()
                : IndexAnalyzer.of(TextAnalyzer.of(AnalysisData.standard().withProtected(protect)));
        return builder(analyzer).cardChunks(cardChunks).build();
    }

    /** A writer with Arshif's analyzer ({@link IndexAnalyzer#standard()}) and the default options. */
    public static SearchIndexWriter standard() {
        return builder(IndexAnalyzer.standard()).build();
    }

    /**
     * Writes the index of {@code docs} (all in language {@code lang}) into {@code dir}, creating it if needed.
     * Files already there are left alone; names carry content hashes, so nothing is overwritten with other bytes.
     */
    public IndexStats write(Path dir, String lang, List<SearchDocument> docs) throws IOException {
        return write(dir, lang, docs, null, null);
    }

    /**
     * Like {@link #write(Path, String, List)}, for incremental builds: documents whose text was analysed before
     * come from {@code analyses}, and a file that {@code existing} already has in place (its name carries its
     * content hash) is neither compressed nor written again. Either may be null: analyse every document, write
     * every file.
     */
    public IndexStats write(Path dir, String lang, List<SearchDocument> docs, AnalysisCache analyses, Existing existing)
            throws IOException {
        return write(dir, lang, docs, analyses, existing, null);
    }

    /**
     * Like {@link #write(Path, String, List, AnalysisCache, Existing)}, and with {@code memo} (what the last build
     * of this index left, and then what this one did): a file that the changed documents do not touch is not even
     * encoded again, if it is still in place. The files are the same, byte for byte. {@code memo} counts only with
     * {@code analyses}.
     */
    public IndexStats write(
            Path dir, String lang, List<SearchDocument> docs, AnalysisCache analyses, Existing existing, IndexMemo memo)
            throws IOException {
        return write(dir, lang, docs, null, analyses, existing, memo);
    }

    /**
     * Like {@link #write(Path, String, List, AnalysisCache, Existing, IndexMemo)}, with {@code docKeys}: per document
     * of {@code docs}, a key of what it is made of, equal keys promising equal documents. With a memo {@link
     * IndexMemo#inMemory() in memory}, a document whose key the last write saw is not asked of {@code docs} again, and
     * the last write's postings and cards are patched by the documents that changed. The files are the same, byte
     * for byte.
     */
    public IndexStats write(
            Path dir,
            String lang,
            List<SearchDocument> docs,
            List<?> docKeys,
            AnalysisCache analyses,
            Existing existing,
            IndexMemo memo)
            throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(docs, "docs");
        IndexAnalyzer analyzer = options.analyzer();
        TermSource words = TermSource.of(analyzer::forEachWord, analyzer::indexKeys);
        // with a cache, keys take the cache's ids, so that its analyses need no translation
        TermIds ids = analyses == null ? new TermIds() : analyses.ids();
        DocAnalysis fresh = new FreshAnalysis(words, ids);
        IndexReuse reuse = analyses == null || memo == null ? null : memo.reuse();
        DocAnalysis analysis = analyses == null ? fresh : CachedAnalysis.of(analyses, fresh, analyzer, lang, reuse);
        if (reuse != null) {
            reuse.start(docs.size(), analyses::known);
        }
        IndexSettings settings = settings();
        IndexSummary s =
                IndexBuild.run(settings, dir, lang, docs, docKeys, analysis, ids, ExistingFiles.of(existing), reuse);
        return new IndexStats(
                s.manifestFile(),
                s.manifestJson(),
                s.files(),
                s.bytes(),
                s.terms(),
                s.docs(),
                s.conflations(),
                s.fileSizes());
    }

    /**
     * A fingerprint of everything besides the documents that an index of this writer depends on: its options and
     * its analyzer's lists. Two writers with equal keys write equal indexes of equal documents.
     */
    public String settingsKey() {
        return settings()
                .addTo(new Fingerprint().text("search-index-settings 2"))
                .finish()
                .hex();
    }

    /** The options as the index's phases read them, with the analyzer's data and variant terms. */
    private IndexSettings settings() {
        IndexAnalyzer analyzer = options.analyzer();
        return new IndexSettings(
                options.hitsPerTerm(),
                options.shardTarget(),
                options.longPostings(),
                options.tailTarget(),
                options.cardFileBytes(),
                options.cardChunkBytes(),
                options.cardChunks(),
                options.filesPer1000Docs(),
                options.threads(),
                analyzer.clientDataJson(),
                analyzer.variantTerms());
    }

    /** Index files an earlier build left in place. */
    @FunctionalInterface
    public interface Existing {
        /**
         * Keeps the earlier build's file of this name (a name inside the index folder), if there is one.
         *
         * @return its size in bytes, or -1 when there is none and the file must be written
         */
        long keep(String fileName);

        /**
         * Where a kept file is, when it is not in the index folder (an incremental build leaves it in the last
         * site); null: in the folder. The shard bundle is made of the term shard files, kept ones too.
         */
        default Path where(String fileName) {
            return null;
        }

        /** A kept file's bytes, when they are at hand in memory; null: read from {@link #where} or the folder. */
        default byte[] bytes(String fileName) {
            return null;
        }

        /**
         * Offers a file of the index as it is made: true when the caller took it (in memory), and it is then not
         * written to the folder; false (by default), written.
         */
        default boolean take(String fileName, byte[] bytes) {
            return false;
        }
    }

    /**
     * What {@link #write} produced.
     *
     * @param manifestFile file name of the manifest inside the directory, e.g. {@code manifest.k3j5…json.gz}
     * @param manifestJson the manifest's JSON text (the file holds it compressed); search pages carry it inline
     * @param files        number of files written (manifest included)
     * @param bytes        their total size in bytes (what a host stores and, all files being gzip'd, serves)
     * @param terms        distinct terms in the dictionary
     * @param docs         documents indexed
     * @param conflations  stems whose forms split into two large families, the largest first: words a site may
     *                     want to protect ({@code search: protect:}); none are looked for with a memo {@link
     *                     IndexMemo#inMemory() in memory} (a live server's)
     * @param fileSizes    every file of the index (manifest included), by name, with its size in bytes
     */
    public record IndexStats(
            String manifestFile,
            String manifestJson,
            int files,
            long bytes,
            int terms,
            int docs,
            List<Conflation> conflations,
            SortedMap<String, Long> fileSizes) {
        public IndexStats {
            conflations = List.copyOf(conflations);
            fileSizes = Collections.unmodifiableSortedMap(new TreeMap<>(fileSizes));
        }
    }

    /**
     * Tuning knobs; the defaults are the measured ones of {@code SEARCH-FORMAT.md}.
     *
     * @param analyzer         analysis shared with the browser
     * @param hitsPerTerm      best postings kept with a long list, and the df above which facets are precomputed
     * @param shardTarget      smallest estimated uncompressed characters per shard file, of 8 term shards (they
     *                         grow when the file budget needs fewer files)
     * @param longPostings     postings longer than this (characters) move to tail files
     * @param tailTarget       estimated characters per tail file
     * @param cardFileBytes    largest card file (cards are fetched a slot at a time; some hosts cap file size)
     * @param cardChunkBytes   largest slice of a card file, fetched whole from a server that ignores Range
     * @param cardChunks       write those slices; without them the index needs a host that honours Range (the
     *                         client says so on one that does not), and is about 22% smaller
     * @param filesPer1000Docs file budget: the term shards are sized so that all files stay within it
     * @param threads          worker threads (analysis, encoding, compression)
     */
    public record Options(
            IndexAnalyzer analyzer,
            int hitsPerTerm,
            int shardTarget,
            int longPostings,
            int tailTarget,
            long cardFileBytes,
            int cardChunkBytes,
            boolean cardChunks,
            int filesPer1000Docs,
            int threads) {
        public Options {
            Objects.requireNonNull(analyzer, "analyzer");
            if (hitsPerTerm < 1
                    || shardTarget < 1
                    || longPostings < 1
                    || tailTarget < 1
                    || cardFileBytes < 1
                    || cardChunkBytes < 1
                    || filesPer1000Docs < 1
                    || threads < 1) {
                throw new IllegalArgumentException("search index options must be positive");
            }
        }
    }

    /** Builder with defaults. */
    public static final class Builder {
        private final IndexAnalyzer analyzer;
        private int hitsPerTerm = 10;
        private int shardTarget = 8_000;
        private int longPostings = 4_000;
        private int tailTarget = 64_000;
        private long cardFileBytes = 24L << 20;
        private int cardChunkBytes = 32 << 10;
        private boolean cardChunks = true;
        private int filesPer1000Docs = 38;
        private int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

        private Builder(IndexAnalyzer analyzer) {
            this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
        }

        public Builder hitsPerTerm(int v) {
            hitsPerTerm = v;
            return this;
        }

        public Builder shardTarget(int v) {
            shardTarget = v;
            return this;
        }

        public Builder longPostings(int v) {
            longPostings = v;
            return this;
        }

        public Builder tailTarget(int v) {
            tailTarget = v;
            return this;
        }

        public Builder cardFileBytes(long v) {
            cardFileBytes = v;
            return this;
        }

        public Builder cardChunkBytes(int v) {
            cardChunkBytes = v;
            return this;
        }

        public Builder cardChunks(boolean v) {
            cardChunks = v;
            return this;
        }

        public Builder filesPer1000Docs(int v) {
            filesPer1000Docs = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public SearchIndexWriter build() {
            return new SearchIndexWriter(new Options(
                    analyzer,
                    hitsPerTerm,
                    shardTarget,
                    longPostings,
                    tailTarget,
                    cardFileBytes,
                    cardChunkBytes,
                    cardChunks,
                    filesPer1000Docs,
                    threads));
        }
    }
}
