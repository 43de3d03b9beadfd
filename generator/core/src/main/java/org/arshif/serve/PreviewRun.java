package org.arshif.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.arshif.diag.Diagnostics;
import org.arshif.pipeline.RunStrategy;
import org.arshif.pipeline.SitePlan;
import org.arshif.pipeline.SiteRun;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.Library;
import org.arshif.site.MemorySink;
import org.arshif.site.SiteSink;

/**
 * The preview's way through the {@link SiteRun} that builds use: files in memory, the search index written when a
 * page or a request first needs it (most edits never touch the search page), and pages rendered when asked for,
 * by the server. One per server: search analyses of unchanged text are kept from one rebuild to the next.
 */
final class PreviewRun {
    private final int sitemapLimit;
    private final AnalysisCache analyses = AnalysisCache.empty();

    PreviewRun(int sitemapLimit) {
        this.sitemapLimit = sitemapLimit;
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

    /**
     * Plans a library into a new site in memory; planning errors go to {@code diagnostics}.
     *
     * @param checked the site paths of an earlier plan without errors (its pages are not claimed again when they
     *                are the same), or null
     */
    Site plan(Library library, Diagnostics diagnostics, List<String> checked) {
        MemorySink sink = new MemorySink();
        SitePlan plan =
                new SiteRun(library, sitemapLimit).run(new Strategy(sink, checked), diagnostics, SiteRun.Phases.NONE);
        return new Site(plan, sink);
    }

    private final class Strategy implements RunStrategy {
        private final MemorySink sink;
        private final List<String> checked;

        Strategy(MemorySink sink, List<String> checked) {
            this.sink = sink;
            this.checked = checked;
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

        /** The index writer writes into a folder: a scratch one, read into memory and deleted at once. */
        @Override
        public SearchIndexWriter.IndexStats writeIndex(SearchIndexWriter writer, String lang, List<SearchDocument> docs)
                throws IOException {
            Path scratch = Files.createTempDirectory("arshif-preview-index-");
            try {
                SearchIndexWriter.IndexStats stats = writer.write(scratch, lang, docs, analyses, null);
                try (Stream<Path> files = Files.walk(scratch)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        sink.write(
                                lang + "/search/"
                                        + scratch.relativize(file).toString().replace('\\', '/'),
                                Files.readAllBytes(file));
                    }
                }
                return stats;
            } finally {
                delete(scratch);
            }
        }

        @Override
        public void render(SitePlan plan, Diagnostics diagnostics) {
            // The server renders each page when it is asked for, and keeps it.
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> walk = Files.walk(tree)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the scratch folder " + tree, e);
        }
    }
}
