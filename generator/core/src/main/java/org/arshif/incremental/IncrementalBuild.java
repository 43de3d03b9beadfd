package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.KeptReads;
import org.arshif.pipeline.BuildTarget;
import org.arshif.pipeline.SitePlan;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.Library;
import org.arshif.site.OutputTree;

/**
 * A build that reuses what the previous one left: search analyses of unchanged text, index files already in
 * place, and pages whose inputs did not change (see {@link PageCache}). The page cache is written only after the
 * new site is in place; the search analyses, addressed by their text, as soon as each language's index is.
 */
public final class IncrementalBuild implements BuildTarget {

    private static final String SERVED_CLIENT = "search-client.bin";

    private final Path cache;
    private final Path output;
    private final PageCache pages;
    private final String code = CodeFingerprint.current();
    /** The search indexes' caches: analyses, index memos, the last index of each language. */
    private final IndexCaches indexes;
    /** The cache files a warm process keeps decoded between builds; null: none. */
    private final KeptReads keptReads;

    private final OutputTree out;
    private final Map<String, String> identities;
    private final Library library;
    private final Consumer<String> log;
    /** The output's stats before an in-place update; null when the new site is swapped in whole. */
    private final OutputStamp inPlace;
    /** After an in-place commit, the files it moved in or deleted; else null. */
    private Set<String> touched;
    /** Made when the render or the checks first ask ({@link #shapes()}). */
    private DispatchShapes shapes;
    /** After a whole new site was put in place, its stamp for the no-op stamp; else null. */
    private OutputStamp walkedStamp;
    /** The output's walk begun on the staged site before its commit ({@link #siteWritten}); else null. */
    private StagedWalk staged;
    /** The output's walk after the commit, until the page cache is saved; else null. */
    private OutputStamp.Walked walked;

    private IncrementalBuild(
            Path cache,
            Path output,
            PageCache pages,
            OutputTree out,
            Library library,
            OutputStamp inPlace,
            Consumer<String> log,
            KeptDispatches kept) {
        this.keptReads = KeptDispatches.reads(kept);
        this.cache = cache;
        this.output = output;
        this.pages = pages;
        this.out = out;
        this.indexes = new IndexCaches(
                cache, output, out, code, pages.hasPrevious(), kept == null ? null : kept.postings(), log);
        this.library = library;
        this.identities =
                new HashMap<>(library.identities()); // asked once per dispatch by the search, and by many pages
        this.log = log;
        this.inPlace = inPlace;
    }

    /**
     * Opens the caches in {@code cache} for a build into {@code output}.
     *
     * @param library    what the build loaded; its identities are each source file's fingerprint, by path (see
     *                   {@code ParseCache}); none: pages are fingerprinted by their view models
     * @param stamp      what the no-op stamp said of the output: when it is exactly what the last build left,
     *                   and the stamp still says so under the output's lock, it is updated in place
     */
    public static IncrementalBuild open(
            Path cache,
            Path output,
            Path siteTemplates,
            Library library,
            NoopStamp.Check stamp,
            Consumer<String> log,
            KeptDispatches kept) {
        PageCache pages = PageCache.open(cache, output, siteTemplates, log, KeptDispatches.reads(kept));
        // With pages to reuse, unchanged files stay where they are (in place) or are linked into a new site that
        // is swapped in whole (an output the stamp does not vouch for).
        if (!pages.hasPrevious()) {
            return new IncrementalBuild(cache, output, pages, OutputTree.open(output, log), library, null, log, kept);
        }
        if (stamp.outputFiles() != null) {
            OutputTree out = OutputTree.openInPlace(output, stamp.outputFiles(), log);
            if (stamp.stillVouches(cache)) {
                return new IncrementalBuild(cache, output, pages, out, library, stamp.output(), log, kept);
            }
            out.close(); // another build committed while this one waited for the lock
        }
        return new IncrementalBuild(cache, output, pages, OutputTree.openPatch(output, log), library, null, log, kept);
    }

    @Override
    public OutputTree out() {
        return out;
    }

    @Override
    public Function<Dispatch, String> identities() {
        return identities.isEmpty() ? null : d -> identities.get(d.path());
    }

    /** The search client's modules as served, stripped by the last build if it stripped the same (see {@link ServedClientCache}). */
    @Override
    public Map<String, byte[]> servedClient(Map<String, byte[]> sources, Supplier<Map<String, byte[]>> stripped) {
        return ServedClientCache.get(cache.resolve(SERVED_CLIENT), code, sources, stripped, log);
    }

    @Override
    public SearchIndexWriter.IndexStats writeIndex(SearchIndexWriter writer, String lang, List<SearchDocument> docs)
            throws IOException {
        return writeIndex(writer, lang, docs, null);
    }

    /**
     * Like {@link #writeIndex(SearchIndexWriter, String, List)}; when the last build's index of this language was
     * made of the same {@code inputs} and its files are in place, they are kept as they are, and no document is
     * read.
     */
    @Override
    public SearchIndexWriter.IndexStats writeIndex(
            SearchIndexWriter writer, String lang, List<SearchDocument> docs, String inputs) throws IOException {
        return writeIndex(writer, lang, docs, inputs, null);
    }

    /**
     * Like {@link #writeIndex(SearchIndexWriter, String, List, String)}; with {@code docKeys}, the lead and text key of
     * a document whose key the last build stored with its postings are taken from there, its text not read.
     */
    @Override
    public SearchIndexWriter.IndexStats writeIndex(
            SearchIndexWriter writer, String lang, List<SearchDocument> docs, String inputs, List<String> docKeys)
            throws IOException {
        return indexes.write(writer, lang, docs, inputs, docKeys);
    }

    /**
     * Renders the pages that changed; with identities, the dispatches' shapes let the article pages of dispatches
     * that did not change take their fingerprints from the last build (see {@link DispatchShapes}).
     */
    @Override
    public void render(SitePlan plan, Diagnostics diagnostics) {
        pages.render(plan, out, diagnostics, shapes());
        siteWritten(); // the search index was written before the pages, and the checks write nothing
    }

    /** This build's dispatch shapes, made once (the render and the checks beside it ask); null without identities. */
    private synchronized DispatchShapes shapes() {
        if (shapes == null && !identities.isEmpty()) {
            shapes = DispatchShapes.of(
                    library.dispatches(),
                    identities,
                    library.model(),
                    library.sectionTexts().stamp(),
                    pages.lastShapes());
        }
        return shapes;
    }

    /**
     * Once every file of the site is written, before the checks: a whole new site that no output is there for
     * starts the stamp's walk beside them (see {@link StagedWalk}).
     */
    private void siteWritten() {
        if (inPlace == null && !pages.hasPrevious() && !Files.exists(output)) {
            staged = StagedWalk.start(out.stagingDir(), output);
        }
    }

    @Override
    public void commit() {
        indexes.logCounts(keptReads);
        if (inPlace != null) {
            // The journal of an in-place commit: cut short, it leaves no stamp to vouch for a half-updated output.
            NoopStamp.forget(cache);
        }
        if (staged != null) {
            staged.finish(); // before the staged site is renamed
        }
        if (Files.exists(output)) {
            staged = null; // the commit compares the new files with the old and may touch their times
        }
        touched = out.commit();
        log.accept("Incremental build: rendered " + pages.rendered() + " pages, reused " + pages.reused());
        log.accept("Incremental build: took " + pages.fingerprintsTaken() + " pages' fingerprints from the last build");
    }

    /**
     * Whether this build fills a cache with no page manifest of a last build (a first build): what it writes after
     * the commit ({@link #saveCaches}, the no-op stamp) describes nothing the next build would otherwise trust.
     */
    public boolean fills() {
        return !pages.hasPrevious();
    }

    /**
     * For a first build that answers before it fills the cache: its pages' fingerprints are made when the page cache
     * is saved ({@link #saveCaches}), after the answer, not beside the render. Call before the render; nothing
     * changes for a build with a last page manifest.
     */
    public void deferFingerprints() {
        if (fills()) {
            pages.deferFingerprints();
        }
    }

    /**
     * Right after the {@link #commit}: the output's stats, for the page cache and the no-op stamp. Taken before any
     * answer, so that they are the stats of the site this build put in place, not of whatever changed it since.
     */
    public void walkOutput() {
        // Only after the commit: a failed build must leave the cache describing the site that is there. A whole
        // new site is walked once, for both the page cache's stats and the no-op stamp's digest (each read every
        // file's stats: two walks of 24,000 files at 10,000 dispatches).
        walked = inPlace == null || touched == null ? walk() : null;
        walkedStamp = walked == null ? null : walked.stamp();
    }

    /** What {@link #saveCaches} computes before it writes: the fingerprints {@link #deferFingerprints} left. */
    public void prepareCaches() {
        pages.fingerprintDeferred();
    }

    /**
     * After {@link #walkOutput}, still holding the output's lock: the page cache, with the stats of the output's
     * files. A process that stays may write it after it answered (see {@link CacheFill}).
     */
    public void saveCaches() {
        saveCaches(CheckedFile.AT_ONCE);
    }

    /** Like {@link #saveCaches()}, to {@code writes} (a cache fill's, into the {@link #cacheFiles} it made). */
    public void saveCaches(CheckedFile.Writes writes) {
        prepareCaches();
        pages.save(output, walked == null ? Map.of() : walked.files(), writes);
        walked = null;
    }

    /** The files {@link #saveCaches} writes. */
    public List<Path> cacheFiles() {
        return List.of(pages.manifest());
    }

    /**
     * The output's stamp after the commit, for the no-op stamp: after an in-place update, from the stats the
     * build started with and those of the files the commit touched (a second walk of 24,000 files took a second
     * of a one-edit build at 10,000 dispatches); else from a walk of the whole output.
     */
    OutputStamp outputStamp() throws IOException {
        OutputStamp updated = inPlace == null || touched == null ? null : inPlace.updated(output, touched);
        if (updated != null) {
            log.accept("Incremental build: output stamp updated from the " + touched.size() + " files the commit"
                    + " touched");
            return updated;
        }
        return walkedStamp != null ? walkedStamp : OutputStamp.whole(output);
    }

    /** The whole output's walk after the commit; null when it could not be read (the stamp then walks again). */
    private OutputStamp.Walked walk() {
        try {
            return OutputStamp.walk(output, staged);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * The archive's structure for the check's plan of it: every dispatch but its body (with the published list and
     * the global inputs of {@code plan}), the vocabulary and the code; null when it is not known. Called beside the
     * render (the checks start once the plan is made).
     */
    public String archiveKey(SitePlan plan) {
        String structure = pages.structure(shapes(), plan);
        if (structure == null) {
            return null;
        }
        Map<String, Object> vocabulary = new TreeMap<>();
        for (String key : library.vocabulary().keys()) {
            library.vocabulary()
                    .tag(key)
                    .ifPresent(
                            tag -> vocabulary.put(key, List.of(new TreeMap<>(tag.names()), tag.match(), tag.alias())));
        }
        try {
            return new ModelHash().of("archive " + structure + " " + code, vocabulary);
        } catch (ModelHash.Unhashable e) {
            return null;
        }
    }

    /** The pages of the site: those rendered and those reused. */
    public int pages() {
        return pages.rendered() + pages.reused();
    }

    @Override
    public void close() {
        out.close();
    }
}
