package org.arshif.serve;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.arshif.diag.Diagnostics;
import org.arshif.pipeline.RunStrategy;
import org.arshif.pipeline.SitePlan;
import org.arshif.pipeline.SiteRun;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.Library;
import org.arshif.site.MemorySink;
import org.arshif.site.SearchManifests;
import org.arshif.site.SiteSink;

/**
 * The preview's way through the {@link SiteRun} that builds use: files in memory, the search index written when a
 * page or a request first needs it or the server's background writer ({@link SearchRefresh}) asks for it, so that
 * no edit waits for it, and pages rendered when asked for, by the server. One per server: each language's search index is kept from one rebuild to the next, and only
 * what an edit changed is analysed and encoded again ({@link LiveIndexes}).
 */
final class PreviewRun implements AutoCloseable {
    private final int sitemapLimit;
    private final LiveIndexes indexes;

    PreviewRun(int sitemapLimit) {
        this(sitemapLimit, new LiveIndexes());
    }

    /** A run whose index writes put their scratch folders into {@code scratchRoot}. */
    PreviewRun(int sitemapLimit, Path scratchRoot) {
        this(sitemapLimit, new LiveIndexes(scratchRoot));
    }

    private PreviewRun(int sitemapLimit, LiveIndexes indexes) {
        this.sitemapLimit = sitemapLimit;
        this.indexes = indexes;
    }

    /** A planned preview: its pages, and the files written so far (the search index's once it is asked for). */
    record Site(SitePlan plan, MemorySink sink) {
        /** A written file of the site; asking for a search file writes the search index first. */
        Optional<byte[]> read(String file) {
            Optional<byte[]> known = sink.read(file);
            if (known.isEmpty() && SiteRun.isSearchFile(file)) {
                plan.searchManifests();
                known = sink.read(file);
            }
            return known;
        }
    }

    /** Plans a library into a new site in memory, its search index written when it is first asked for. */
    Site plan(Library library, Diagnostics diagnostics, List<String> checked) {
        return plan(library, diagnostics, checked, index -> {});
    }

    /**
     * Plans a library into a new site in memory; planning errors go to {@code diagnostics}.
     *
     * @param checked the site paths of an earlier plan without errors (its pages are not claimed again when they
     *                are the same), or null
     * @param search  told of the plan's search index (not yet written) before the pages are planned
     */
    Site plan(
            Library library,
            Diagnostics diagnostics,
            List<String> checked,
            Consumer<Supplier<SearchManifests>> search) {
        MemorySink sink = new MemorySink();
        SitePlan plan = new SiteRun(library, sitemapLimit)
                .run(new Strategy(library, sink, checked, search), diagnostics, SiteRun.Phases.NONE);
        return new Site(plan, sink);
    }

    private final class Strategy implements RunStrategy {
        private final Library library;
        private final MemorySink sink;
        private final List<String> checked;
        private final Consumer<Supplier<SearchManifests>> search;

        Strategy(Library library, MemorySink sink, List<String> checked, Consumer<Supplier<SearchManifests>> search) {
            this.library = library;
            this.sink = sink;
            this.checked = checked;
            this.search = search;
        }

        @Override
        public void searchDeferred(Supplier<SearchManifests> index) {
            search.accept(index);
        }

        @Override
        public List<String> checkedPages() {
            return checked;
        }

        @Override
        public SiteSink sink() {
            return sink;
        }

        @Override
        public SearchTiming searchTiming() {
            return SearchTiming.ON_DEMAND;
        }

        /** Each language's index is kept from one write to the next: only what an edit touched is encoded. */
        @Override
        public SearchIndexWriter.IndexStats writeIndex(SearchIndexWriter writer, String lang, List<SearchDocument> docs)
                throws IOException {
            return indexes.write(
                    writer, lang, docs, last -> IndexInputs.of(library.config(), library.model(), lang, last), sink);
        }

        @Override
        public void render(SitePlan plan, Diagnostics diagnostics) {
            // The server renders each page when it is asked for, and keeps it.
        }
    }

    /** What the last index write did, for the log. */
    String indexSummary() {
        return indexes.lastSummary();
    }

    /** Runs an edit's index write on a copy, changing nothing kept or served (see {@link IndexWarmUp}). */
    String warmIndex(BooleanSupplier stop) throws IOException {
        String patched = indexes.warm(stop);
        return patched == null ? "no index patched" : patched;
    }

    /** The warm-up is over: the index's writes stop keeping what it repeats. */
    void endWarmUp() {
        indexes.endWarmUp();
    }

    /** Index files kept from an earlier write instead of encoded, so far. */
    long indexFilesReused() {
        return indexes.filesReused();
    }

    /** Index writes that patched a language's postings kept in memory, so far. */
    long indexPostingsPatched() {
        return indexes.postingsPatched();
    }

    /** Deletes the index's folder. */
    @Override
    public void close() {
        indexes.close();
    }
}
