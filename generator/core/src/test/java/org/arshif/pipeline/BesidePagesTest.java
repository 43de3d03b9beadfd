package org.arshif.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.arshif.Arshif;
import org.arshif.diag.Diagnostics;
import org.arshif.search.SearchDocument;
import org.arshif.search.index.SearchIndexWriter;
import org.arshif.site.Library;
import org.arshif.site.MemorySink;
import org.arshif.site.Routes;
import org.arshif.site.SiteSink;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean build keeps both cores busy: the search index is written, and the build's check runs, while the pages
 * are rendered, not one after the other. Each side here waits until the render has written a page: run in sequence,
 * that page never comes first, and the wait runs out.
 */
class BesidePagesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);
    /** Far longer than a render of the small site takes, even on a loaded machine. */
    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path tmp;

    @Test
    void theSearchIndexIsWrittenWhileThePagesAreRendered() throws IOException {
        LatchedBuild build = new LatchedBuild(tmp.resolve("index"));
        Diagnostics diagnostics = new Diagnostics();
        List<String> phases = new ArrayList<>();

        new SiteRun(library(), 1000).run(build, diagnostics, phases::add);

        assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
        assertEquals(List.of(true, true), build.indexSawAPage, "each language's index was written beside the pages");
        assertEquals(List.of("assets", "plan", "render", "search"), phases);
        // The search pages, rendered last, name the manifests the index wrote.
        for (String lang : List.of("ar", "en")) {
            String page = new String(
                    build.pages.read(Routes.file(Routes.search(lang))).orElseThrow(), StandardCharsets.UTF_8);
            assertTrue(page.contains(build.manifests.get(lang)), lang + " search page: " + page);
        }
    }

    @Test
    void theWorkBesideThePagesRunsWhileTheyAreRendered() throws IOException {
        LatchedBuild build = new LatchedBuild(tmp.resolve("index"));
        CountDownLatch besideStarted = new CountDownLatch(1);
        build.renderWaitsFor = besideStarted;

        SiteRun.Outcome<String> outcome = new SiteRun(library(), 1000)
                .run(build, new Diagnostics(), SiteRun.Phases.NONE, plan -> {
                    besideStarted.countDown();
                    return "checked " + plan.jobs().size() + " pages";
                });

        assertEquals(List.of(true), build.renderSawTheWorkBeside, "the render began after the work beside it had");
        assertTrue(outcome.besidePages().orElseThrow().startsWith("checked "), outcome.toString());
    }

    @Test
    void whatTheWorkBesideThePagesThrowsEndsTheRun() throws IOException {
        LatchedBuild build = new LatchedBuild(tmp.resolve("index"));
        SiteRun run = new SiteRun(library(), 1000);

        IllegalStateException thrown = assertThrows(
                IllegalStateException.class,
                () -> run.run(build, new Diagnostics(), SiteRun.Phases.NONE, plan -> {
                    throw new IllegalStateException("the check failed");
                }));

        assertEquals("the check failed", thrown.getMessage());
    }

    private Library library() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        return Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("site"))
                .clock(CLOCK)
                .build()
                .load();
    }

    /** A clean build into memory whose index writer first waits for a rendered page. */
    private static final class LatchedBuild implements RunStrategy {
        final MemorySink pages = new MemorySink();
        final List<Boolean> indexSawAPage = new CopyOnWriteArrayList<>();
        final Map<String, String> manifests = new ConcurrentHashMap<>();
        private final CountDownLatch pageWritten = new CountDownLatch(1);
        private final Path indexDir;
        final List<Boolean> renderSawTheWorkBeside = new CopyOnWriteArrayList<>();
        CountDownLatch renderWaitsFor;
        /** What the render writes: the assets and the index go to {@link #pages} directly. */
        private final SiteSink renderSink = new SiteSink() {
            @Override
            public void write(String relPath, byte[] content) {
                pages.write(relPath, content);
                if (relPath.endsWith(".html")) {
                    pageWritten.countDown();
                }
            }
        };

        LatchedBuild(Path indexDir) {
            this.indexDir = indexDir;
        }

        boolean awaitAPage() {
            return await(pageWritten);
        }

        private static boolean await(CountDownLatch latch) {
            try {
                return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        @Override
        public SiteSink sink() {
            return pages;
        }

        @Override
        public SearchTiming searchTiming() {
            return SearchTiming.BESIDE_PAGES;
        }

        @Override
        public SearchIndexWriter.IndexStats writeIndex(SearchIndexWriter writer, String lang, List<SearchDocument> docs)
                throws IOException {
            indexSawAPage.add(awaitAPage());
            SearchIndexWriter.IndexStats stats = writer.write(indexDir.resolve(lang), lang, docs);
            manifests.put(lang, stats.manifestFile());
            return stats;
        }

        @Override
        public void render(SitePlan plan, Diagnostics diagnostics) {
            if (renderWaitsFor != null) {
                renderSawTheWorkBeside.add(await(renderWaitsFor));
            }
            plan.renderAll(renderSink, diagnostics);
        }
    }
}
