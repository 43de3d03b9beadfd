package org.arshif.pipeline;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostics;
import org.arshif.site.Assets;
import org.arshif.site.DateLabels;
import org.arshif.site.Library;
import org.arshif.site.MemorySink;
import org.arshif.site.PageRenderer;
import org.arshif.site.Routes;
import org.arshif.site.SearchManifests;
import org.arshif.site.SiteModel;
import org.arshif.site.pages.SitePlanner;

/**
 * The site pipeline, one for {@code build}, {@code serve} and {@code check}: the theme's assets, then the plan
 * of every page (with URL collisions reported), then the search index, then the pages. What differs between the
 * callers is a {@link RunStrategy}; the stages and their order are here only.
 */
public final class SiteRun {
    private final Library library;
    private final int sitemapLimit;

    /**
     * Called as each stage ends, with its name ({@code assets}, the theme's files and the media; {@code plan},
     * {@code search}, {@code render}).
     */
    @FunctionalInterface
    public interface Phases {
        Phases NONE = name -> {};

        void ended(String name);
    }

    /** @param sitemapLimit URLs per sitemap file before {@code sitemap.xml} becomes an index */
    public SiteRun(Library library, int sitemapLimit) {
        if (sitemapLimit < 1) {
            throw new IllegalArgumentException("sitemap limit " + sitemapLimit);
        }
        this.library = library;
        this.sitemapLimit = sitemapLimit;
    }

    /**
     * Runs the stages. When planning finds errors (two pages with one file), the run stops after the plan:
     * no search index, no pages; the findings are in {@code diagnostics}.
     */
    public SitePlan run(RunStrategy strategy, Diagnostics diagnostics, Phases phases) {
        SiteConfig config = library.config();
        Routes routes = new Routes(config.basePath(), config.origin());
        Assets assets = ThemeAssets.write(library.theme(), routes, strategy.sink());
        MediaStage.write(library, strategy.sink(), diagnostics);
        phases.ended("assets");

        SearchStage searchStage = new SearchStage(
                library.model(),
                routes,
                new DateLabels(config.arabicMonths(), config.arabicIndicDigits()),
                config.search().protect(),
                config.search().readableClient(),
                !config.compact(), // a compact site's host honours Range (GitHub Pages does): no card chunks
                diagnostics);
        Deferred<SearchManifests> search = strategy.searchTiming() == RunStrategy.SearchTiming.NEVER
                ? Deferred.of(SearchManifests.NONE)
                : new Deferred<>(() -> searchStage.write(strategy));
        if (strategy.searchTiming() == RunStrategy.SearchTiming.ON_DEMAND) {
            strategy.searchDeferred(search);
        }
        SitePlan plan = plan(assets, search, strategy, diagnostics);
        phases.ended("plan");
        if (diagnostics.hasErrors()) {
            return plan;
        }

        if (strategy.searchTiming() == RunStrategy.SearchTiming.NOW) {
            search.get();
        }
        phases.ended("search");
        strategy.render(plan, diagnostics);
        phases.ended("render");
        return plan;
    }

    private SitePlan plan(
            Assets assets, Supplier<SearchManifests> search, RunStrategy strategy, Diagnostics diagnostics) {
        SitePlanner planner = new SitePlanner(
                library.model(),
                library.words(),
                library.sectionTexts(),
                assets,
                search,
                strategy.identities(),
                sitemapLimit);
        return new SitePlan(
                planner.plan(diagnostics, strategy.checkedPages()),
                new PageRenderer(library.theme()),
                planner.globalInputs(),
                search);
    }

    /**
     * The page files a run would plan for another selection of this library's dispatches (a check plans the
     * archive with its drafts too); URL collisions among them go to {@code diagnostics}.
     */
    public Set<String> plannedFiles(SiteModel model, Diagnostics diagnostics) {
        Set<String> files = new HashSet<>();
        new SitePlanner(
                        model,
                        library.words(),
                        library.sectionTexts(),
                        new Assets(Map.of()),
                        () -> SearchManifests.NONE,
                        null,
                        sitemapLimit)
                .plan(diagnostics)
                .forEach(job -> files.add(Routes.file(job.sitePath())));
        return files;
    }

    /**
     * The files other than pages that a plan-only run writes: the theme's and the media (what a check counts as
     * published besides the pages), with the findings of the media that cannot be published to {@code diagnostics}.
     */
    public Set<String> assetFiles(Diagnostics diagnostics) {
        MemorySink sink = new MemorySink();
        SiteConfig config = library.config();
        ThemeAssets.write(library.theme(), new Routes(config.basePath(), config.origin()), sink);
        MediaStage.write(library, sink, diagnostics);
        return sink.paths();
    }

    /** The site file of the search client's entry module, {@code static/js/<hash of the client>/search-page.js}. */
    public static String searchClientEntry() {
        return SearchStage.clientDir() + SearchStage.CLIENT_SCRIPTS.get(0);
    }

    /** Whether a file of the site is written by the search stage (a client module or an index file). */
    public static boolean isSearchFile(String file) {
        return SearchStage.writes(file);
    }
}
