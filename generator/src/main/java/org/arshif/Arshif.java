package org.arshif;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.arshif.check.ArchiveChecker;
import org.arshif.check.CheckReport;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.incremental.PageCache;
import org.arshif.incremental.ParseCache;
import org.arshif.scaffold.Scaffolder;
import org.arshif.search.index.AnalysisCache;
import org.arshif.search.analysis.TextAnalyzer;
import org.arshif.site.OutputTree;
import org.arshif.site.SiteBuilder;
import org.arshif.site.SiteModel;
import org.arshif.site.Theme;

/**
 * Builds a bilingual static archive from a site folder ({@code content/}, optional {@code templates/} and
 * {@code arshif.yml}). Configured once, immutable, and safe to run more than once.
 *
 * <pre>{@code
 * Arshif arshif = Arshif.builder()
 *         .siteRoot(Path.of("."))
 *         .output(Path.of("site"))
 *         .build();
 * BuildReport report = arshif.build();   // throws ContentException listing every problem
 * System.out.println(report.summary());
 * }</pre>
 *
 * The pipeline is a flat list of timed phases: {@link #load()} reads everything into an in-memory
 * {@link Library}, then {@link #build()} writes the site into a staging folder and swaps it in.
 */
public final class Arshif {
    private static final String ANALYSES = "search-analysis.bin";
    private final Path siteRoot;
    private final Path output;
    private final Path templates;
    private final boolean drafts;
    private final boolean future;
    private final String baseUrl;
    private final Clock clock;
    private final BuildLog log;
    private final Function<String, List<String>> terms;
    private final Path cache;
    private final int sitemapLimit;

    private Arshif(Builder b) {
        this.siteRoot = b.siteRoot.toAbsolutePath().normalize();
        this.output = (b.output != null ? b.output : siteRoot.resolve("site")).toAbsolutePath().normalize();
        this.templates = (b.templates != null ? b.templates : siteRoot.resolve("templates")).toAbsolutePath().normalize();
        this.drafts = b.drafts;
        this.future = b.future;
        this.baseUrl = b.baseUrl;
        this.clock = b.clock;
        this.log = b.log;
        this.terms = b.terms;
        this.sitemapLimit = b.sitemapLimit;
        this.cache = b.cache == null ? null : b.cache.toAbsolutePath().normalize();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Everything read from the site folder, before any output.
     *
     * @param findings   every finding of the load, errors included
     * @param identities for incremental builds, each source file's fingerprint of everything its dispatch was
     *                   read from, by path; else empty
     */
    public record Library(SiteConfig config, TagVocabulary vocabulary, List<Dispatch> dispatches, SiteModel model,
                          Theme theme, Map<String, Map<String, String>> words, List<String> sources,
                          List<Diagnostic> findings, Map<String, String> identities) {
        public boolean hasErrors() {
            return findings.stream().anyMatch(Diagnostic::isError);
        }
    }

    /** Reads configuration, vocabulary, git history and every dispatch. Never writes. */
    public Library load() {
        Diagnostics diagnostics = new Diagnostics();
        SiteConfig config = ConfigLoader.load(siteRoot, diagnostics);
        if (baseUrl != null) {
            config = config.withBaseUrl(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        }
        TagVocabulary vocabulary = TagVocabulary.load(siteRoot, terms, diagnostics);
        if (!Files.isDirectory(siteRoot.resolve(ContentLoader.CONTENT_DIR))) {
            diagnostics.error(ContentLoader.CONTENT_DIR, 0, 0, "no content folder at " + siteRoot.resolve(
                    ContentLoader.CONTENT_DIR) + "; put dispatches under content/ar/ and content/en/");
        }
        List<String> sources = ContentLoader.listSources(siteRoot, diagnostics);
        GitHistory git = GitHistory.read(siteRoot);
        if (git.shallow()) {
            diagnostics.warning("", 0, 0, "the repository is a shallow clone, so dates taken from git may be wrong;"
                    + " check out the full history (actions/checkout with fetch-depth: 0)");
        }
        DispatchReader reader = new DispatchReader(config, vocabulary, git)
                .packingBodies(ContentLoader.packBodies(siteRoot, sources, Runtime.getRuntime().maxMemory()));
        List<Dispatch> dispatches;
        Map<String, String> identities = Map.of();
        if (cache == null) {
            dispatches = ContentLoader.load(siteRoot, sources, reader, diagnostics);
        } else {
            // Incremental builds parse only the files that changed since the last build.
            ParseCache parsed = ParseCache.open(cache, siteRoot, baseUrl);
            dispatches = parsed.load(siteRoot, sources, reader, git, diagnostics);
            identities = parsed.keys();
            log.info("Incremental build: parsed " + parsed.misses() + " files, reused " + parsed.hits());
        }
        SiteModel model = SiteModel.build(config, vocabulary, dispatches, drafts, future, clock.instant(), diagnostics);
        Theme theme = new Theme(templates, siteRoot, diagnostics);
        Map<String, Map<String, String>> words = theme.words(diagnostics);
        return new Library(config, vocabulary, dispatches, model, theme, words, sources, diagnostics.sorted(),
                identities);
    }

    /**
     * Loads and builds the site. On any error nothing is written: the previous site stays as it was.
     *
     * @throws ContentException with every error found, content and templates alike
     */
    public BuildReport build() {
        List<BuildReport.Phase> phases = new ArrayList<>();
        PhaseTimer timer = new PhaseTimer();
        Library library = load();
        phases.add(timer.phase("load"));
        if (library.hasErrors()) {
            throw new ContentException(library.findings());
        }
        return build(library, phases);
    }

    /** Builds from an already loaded library (used by {@code serve} and by tools that inspect the library). */
    public BuildReport build(Library library, List<BuildReport.Phase> phases) {
        Diagnostics diagnostics = new Diagnostics();
        library.findings().forEach(diagnostics::add);
        SiteBuilder site = new SiteBuilder(library.model(), library.theme(), library.words()).sitemapLimit(sitemapLimit);
        if (cache != null && !library.identities().isEmpty()) {
            Map<String, String> identities = library.identities();
            site.identities(d -> identities.get(d.path()));
        }
        PhaseTimer timer = new PhaseTimer();
        List<SiteBuilder.PageJob> jobs = site.plan(diagnostics);
        phases.add(timer.phase("plan"));
        if (diagnostics.hasErrors()) {
            throw new ContentException(diagnostics.sorted());
        }
        long files;
        long bytes;
        PageCache pageCache = cache == null ? null : PageCache.open(cache, output, templates);
        // With pages to reuse, update the site in place (still only after everything rendered); else build and swap.
        try (OutputTree out = pageCache != null && pageCache.hasPrevious() ? OutputTree.openPatch(output)
                : OutputTree.open(output)) {
            site.writeAssets(out);
            phases.add(timer.phase("assets"));
            if (pageCache == null) {
                site.writeSearchIndex(out);
            } else {
                // Only documents whose text changed are analysed; index files already in place stay.
                Path analysesFile = cache.resolve(ANALYSES);
                AnalysisCache analyses = AnalysisCache.open(analysesFile, PageCache.codeFingerprint());
                site.writeSearchIndex(out, analyses, pageCache.hasPrevious());
                analyses.save(analysesFile, PageCache.codeFingerprint());
                log.info("Incremental build: analysed " + analyses.misses() + " documents for search, reused "
                        + analyses.hits());
            }
            phases.add(timer.phase("search"));
            if (pageCache == null) {
                site.render(jobs, out, diagnostics);
            } else {
                pageCache.render(site, jobs, out, diagnostics);
            }
            phases.add(timer.phase("render"));
            if (diagnostics.hasErrors()) {
                throw new ContentException(diagnostics.sorted());
            }
            out.commit();
            if (pageCache != null) {
                // Only after the commit: a failed build must leave the cache describing the site that is there.
                pageCache.save(output);
                log.info("Incremental build: rendered " + pageCache.rendered() + " pages, reused " + pageCache.reused());
            }
            phases.add(timer.phase("commit"));
            files = out.filesWritten();
            bytes = out.bytesWritten();
        }
        Map<String, Integer> pages = new LinkedHashMap<>();
        TreeSet<String> tags = new TreeSet<>();
        for (String lang : library.model().languages()) {
            pages.put(lang, library.model().articles(lang).size());
            tags.addAll(library.model().tags(lang).keySet());
        }
        List<Diagnostic> findings = diagnostics.sorted().stream().filter(d -> !d.isError()).toList();
        return new BuildReport(pages, tags.size(), files, bytes, List.copyOf(phases), findings);
    }

    /**
     * Loads the archive and runs every check of {@code arshif:check}: what loading finds, plus links, vocabulary,
     * translations, footers and scheduled dispatches. Never writes.
     */
    public CheckReport check() {
        return new ArchiveChecker(siteRoot, clock.instant()).check(load());
    }

    /**
     * Scaffolds a dispatch ({@code arshif:new}), or the translation of {@code translate} when it is given.
     *
     * @throws ContentException when the file exists already, or the title or language is unusable
     */
    public Scaffolder.Created newDispatch(String title, String lang, String translate) {
        return new Scaffolder(siteRoot, clock, terms).create(title, lang, translate);
    }

    /** Wall and process CPU time since the last phase ended. */
    private static final class PhaseTimer {
        private final java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private long wall = System.nanoTime();
        private long cpu = cpuNanos();

        BuildReport.Phase phase(String name) {
            long w = System.nanoTime();
            long c = cpuNanos();
            BuildReport.Phase p = new BuildReport.Phase(name, (w - wall) / 1_000_000,
                    c < 0 || cpu < 0 ? -1 : (c - cpu) / 1_000_000);
            wall = w;
            cpu = c;
            return p;
        }

        private long cpuNanos() {
            return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        }
    }

    public Path output() {
        return output;
    }

    /** The site's templates folder (it may not exist). */
    public Path templates() {
        return templates;
    }

    // For LiveLibrary, which re-reads single files with the same settings.
    Function<String, List<String>> terms() {
        return terms;
    }

    boolean drafts() {
        return drafts;
    }

    boolean future() {
        return future;
    }

    Clock clock() {
        return clock;
    }

    String baseUrlOverride() {
        return baseUrl;
    }

    public Path siteRoot() {
        return siteRoot;
    }

    /** Configures an {@link Arshif}. Only {@link #siteRoot} is required. */
    public static final class Builder {
        private Path siteRoot;
        private Path output;
        private Path templates;
        private boolean drafts;
        private boolean future;
        private String baseUrl;
        private Clock clock = Clock.systemUTC();
        private BuildLog log = BuildLog.SILENT;
        // Tag match terms go through the search analyzer, so spelling variants match.
        private Function<String, List<String>> terms = TextAnalyzer.standard()::terms;
        private Path cache;
        private int sitemapLimit = 50_000;

        /** The folder holding {@code content/}, {@code templates/} and {@code arshif.yml}. */
        public Builder siteRoot(Path siteRoot) {
            this.siteRoot = siteRoot;
            return this;
        }

        /** Where the site goes; default {@code <siteRoot>/site}. */
        public Builder output(Path output) {
            this.output = output;
            return this;
        }

        /** The site's own templates, overriding the built-in theme file by file; default {@code <siteRoot>/templates}. */
        public Builder templates(Path templates) {
            this.templates = templates;
            return this;
        }

        /** Build drafts too. */
        public Builder drafts(boolean drafts) {
            this.drafts = drafts;
            return this;
        }

        /** Build dispatches dated in the future too. */
        public Builder future(boolean future) {
            this.future = future;
            return this;
        }

        /** Overrides {@code baseUrl} from {@code arshif.yml}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The clock that decides what is "in the future". */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /**
         * Where incremental builds keep what they need to re-render only the pages a change affects, e.g.
         * {@code target/arshif-cache}; null (the default) for a clean build every time.
         */
        public Builder cache(Path cache) {
            this.cache = cache;
            return this;
        }

        /** URLs per sitemap file before {@code sitemap.xml} becomes an index (the protocol's limit, 50,000). */
        public Builder sitemapLimit(int sitemapLimit) {
            this.sitemapLimit = sitemapLimit;
            return this;
        }

        public Builder log(BuildLog log) {
            this.log = Objects.requireNonNull(log);
            return this;
        }

        public Arshif build() {
            Objects.requireNonNull(siteRoot, "siteRoot");
            return new Arshif(this);
        }
    }
}
