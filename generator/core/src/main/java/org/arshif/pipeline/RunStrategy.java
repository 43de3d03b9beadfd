package org.arshif.pipeline;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostics;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.SearchManifests;
import org.arshif.site.SiteSink;

/**
 * What differs between the callers of one {@link SiteRun}: where the files go, when the search index is written,
 * how it is written, and which pages are rendered. A clean build, an incremental build, the preview and the check
 * are each one of these; the order of the stages is the run's alone.
 */
public interface RunStrategy {

    /** When the run writes the search index. */
    enum SearchTiming {
        /** Before the pages are rendered: a build. */
        NOW,
        /** When a page or a request first needs it: the preview, where most edits never touch the search page. */
        ON_DEMAND,
        /** Never: the search pages are planned without an index (a check, which writes nothing). */
        NEVER
    }

    /** Where the theme's files, the client's modules and the search index go. */
    SiteSink sink();

    SearchTiming searchTiming();

    /**
     * Names each dispatch by a fingerprint of everything it was read from, so that pages are fingerprinted by
     * their inputs (incremental builds); null when pages have no inputs.
     */
    default Function<Dispatch, String> identities() {
        return null;
    }

    /**
     * The site paths of an earlier plan of this strategy's, in order, all claimed without a collision: when the
     * new plan's pages are the same, they are not claimed again (the preview). Null: claim every page.
     */
    default List<String> checkedPages() {
        return null;
    }

    /**
     * The search client's modules as served, which {@code stripped} makes from {@code sources} (the modules as
     * written, by name): a strategy with a cache may keep them there for the next build, by the sources' key.
     */
    default Map<String, byte[]> servedClient(Map<String, byte[]> sources, Supplier<Map<String, byte[]>> stripped) {
        return stripped.get();
    }

    /**
     * Writes one language's search index into {@code <lang>/search/} of the sink with {@code writer}, which the run
     * chose for the site (its analyzer honours {@code search: protect:}).
     */
    SearchIndexWriter.IndexStats writeIndex(SearchIndexWriter writer, String lang, List<SearchDocument> docs)
            throws IOException;

    /**
     * Like {@link #writeIndex(SearchIndexWriter, String, List)}, with {@code inputs}, a fingerprint of everything the
     * index is made of (the writer's settings, and each document); null when it is not known. A strategy that kept
     * the last index made of equal inputs may take it as it is, without reading a document.
     */
    default SearchIndexWriter.IndexStats writeIndex(
            SearchIndexWriter writer, String lang, List<SearchDocument> docs, String inputs) throws IOException {
        return writeIndex(writer, lang, docs);
    }

    /**
     * Like {@link #writeIndex(SearchIndexWriter, String, List, String)}, with {@code docKeys}: per document of {@code
     * docs}, a key of everything its title and body are made of (equal keys, equal texts), or null when not known. A
     * strategy that kept what it made of a document's text under its key may take it from there without reading it.
     */
    default SearchIndexWriter.IndexStats writeIndex(
            SearchIndexWriter writer, String lang, List<SearchDocument> docs, String inputs, List<String> docKeys)
            throws IOException {
        return writeIndex(writer, lang, docs, inputs);
    }

    /**
     * Called with the run's search index, not yet written, before the pages are planned, when it is written
     * {@link SearchTiming#ON_DEMAND}: the preview starts writing it on another thread beside the plan (it depends on
     * the site model, not on the plan). Asking for it more than once writes it once.
     */
    default void searchDeferred(Supplier<SearchManifests> search) {}

    /** Renders the planned pages: all of them, the changed ones, or none until they are asked for. */
    void render(SitePlan plan, Diagnostics diagnostics);

    /** A run that writes the theme's files into {@code sink}, plans every page, and does nothing more: a check. */
    static RunStrategy planOnly(SiteSink sink) {
        return new RunStrategy() {
            @Override
            public SiteSink sink() {
                return sink;
            }

            @Override
            public SearchTiming searchTiming() {
                return SearchTiming.NEVER;
            }

            @Override
            public SearchIndexWriter.IndexStats writeIndex(
                    SearchIndexWriter writer, String lang, List<SearchDocument> docs) {
                throw new IllegalStateException("a plan-only run writes no search index");
            }

            @Override
            public void render(SitePlan plan, Diagnostics diagnostics) {
                // pages are only planned
            }
        };
    }
}
