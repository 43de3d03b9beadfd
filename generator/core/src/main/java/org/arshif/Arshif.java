package org.arshif;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.arshif.check.ArchiveChecker;
import org.arshif.check.CheckReport;
import org.arshif.config.SiteConfig;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Hints;
import org.arshif.incremental.AfterAnswer;
import org.arshif.incremental.IncrementalBuild;
import org.arshif.incremental.KeptDispatches;
import org.arshif.incremental.NoopStamp;
import org.arshif.pipeline.BuildTarget;
import org.arshif.pipeline.CleanBuild;
import org.arshif.pipeline.SitePlan;
import org.arshif.pipeline.SiteRun;
import org.arshif.scaffold.Scaffolder;
import org.arshif.search.analysis.TextAnalyzer;
import org.arshif.site.Library;
import org.arshif.site.OutputGuard;

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
 * A build: {@link #load()} reads everything into a {@link Library} (the preview's loader too), then the pipeline's
 * site run (also {@code serve}'s and {@code check}'s) writes the site into a staging folder, which is swapped in.
 */
public final class Arshif {
    private final Path siteRoot;
    private final Path output;
    private final Path templates;
    private final boolean drafts;
    private final boolean future;
    private final ConfigOverrides overrides;
    private final Clock clock;
    private final BuildLog log;
    private final Function<String, List<String>> terms;
    private final Path cache;
    private final int sitemapLimit;
    private final Hints hints;
    private final KeptDispatches kept;
    /** How a build with a cache ends (see {@link Builder#answerBeforeFill}). */
    private final CacheTail.Fill fill;

    private Arshif(Builder b) {
        this.siteRoot = b.siteRoot.toAbsolutePath().normalize();
        this.output = (b.output != null ? b.output : siteRoot.resolve("site"))
                .toAbsolutePath()
                .normalize();
        this.templates = (b.templates != null ? b.templates : siteRoot.resolve("templates"))
                .toAbsolutePath()
                .normalize();
        this.drafts = b.drafts;
        this.future = b.future;
        this.overrides = b.overrides;
        this.clock = b.clock;
        this.log = b.log;
        this.terms = b.terms;
        this.sitemapLimit = b.sitemapLimit;
        this.hints = b.hints;
        this.cache = b.cache == null ? null : b.cache.toAbsolutePath().normalize();
        this.kept = b.kept;
        this.fill = new CacheTail.Fill(b.answerBeforeFill, b.fillWanted, log);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reads configuration, vocabulary, git history, every dispatch and the theme. Never writes. */
    public Library load() {
        return load(-1, null);
    }

    // sourceBytes: the no-op walk's (negative: unknown); later: the parse cache's work after the answer, or null
    private Library load(long sourceBytes, AfterAnswer later) {
        DispatchSource source = cache == null
                ? DispatchSource.everyFile()
                : DispatchSource.parseCache(cache, overrides.readingKey(), log, kept, later);
        return new SiteLoader(this, sourceBytes).load(source);
    }

    /**
     * Loads, checks and builds the site. It reports everything {@link #check()} would (see
     * {@link ArchiveChecker#forBuild}), in one run: broken links and images are errors, likely typos, unknown tags
     * and unrecognised footers warnings. On any error nothing is written: the previous site stays as it was.
     *
     * @throws ContentException with every error and warning found, content and templates alike
     */
    public BuildReport build() {
        List<BuildReport.Phase> phases = new ArrayList<>();
        PhaseTimer timer = new PhaseTimer();
        Instant now = clock.instant();
        NoopStamp.Check stamp = CacheTail.check(cache, siteRoot, templates, output, options(), now, log);
        if (stamp.unchanged().isPresent()) {
            return CacheTail.unchanged(stamp.unchanged().get(), phases, timer, log);
        }
        CacheTail.Run run = fill.run(stamp, now, cache);
        try {
            Library library = load(stamp.inputs() == null ? -1 : stamp.inputs().sourceBytes(), run.later());
            phases.add(timer.phase("load"));
            // With a cache, each dispatch's findings are kept there: the next build checks only what changed.
            ArchiveChecker checker = new ArchiveChecker(siteRoot, clock.instant(), sitemapLimit, hints)
                    .withMemo(cache == null ? null : cache.resolve("check-memo"), log::info, KeptDispatches.reads(kept))
                    .writingLater(run.writes());
            List<Diagnostic> refusals = OutputGuard.refusals(output, siteRoot, templates, cache, hints);
            if (!refusals.isEmpty()) {
                throw new ContentException(Stream.concat(checker.forBuild(library).stream(), refusals.stream())
                        .sorted(Diagnostic.ORDER)
                        .toList());
            }
            // The checks run on the build's own plan, after its render (which reports template errors), before the
            // new site replaces the old: on any error nothing is written.
            return build(library, phases, (plan, rendered, key) -> checker.forBuild(library, plan, rendered, key), run);
        } catch (RuntimeException e) {
            run.failed(e); // a failed build leaves its parse cache as it did when that was written in the load
            throw e;
        }
    }

    /** Every setting that changes what a build writes, for the no-op stamp. */
    private String options() {
        return "drafts=" + drafts + " future=" + future + " " + overrides.describe() + " output=" + output
                + " templates=" + templates + " sitemapLimit=" + sitemapLimit + " hints="
                + hints.getClass().getName();
    }

    /** Builds from an already loaded library (for tools that inspect the library first). */
    public BuildReport build(Library library, List<BuildReport.Phase> phases) {
        return build(library, phases, (plan, rendered, key) -> List.of(), fill.run(null, null, null));
    }

    /**
     * @param check    the checks of the built site beyond the build's own findings, given its plan and whether
     *                 its pages were rendered
     * @param run      the no-op check's stats, the instant the build started, how its cache is finished
     */
    private BuildReport build(Library library, List<BuildReport.Phase> phases, BuildChecks check, CacheTail.Run run) {
        Diagnostics diagnostics = new Diagnostics();
        library.findings().forEach(diagnostics::add);
        PhaseTimer timer = new PhaseTimer();
        Map<String, Integer> pages = new LinkedHashMap<>();
        TreeSet<String> tags = new TreeSet<>();
        for (String lang : library.model().languages()) {
            pages.put(lang, library.model().articles(lang).size());
            tags.addAll(library.model().tags(lang).keySet());
        }
        BuildReport report;
        try (BuildTarget target = cache == null
                ? CleanBuild.open(output, log::info)
                : IncrementalBuild.open(cache, output, templates, library, run.stamp(), log::info, kept)) {
            run.prepare(target);
            SitePlan plan =
                    new SiteRun(library, sitemapLimit).run(target, diagnostics, name -> phases.add(timer.phase(name)));
            // A run that found errors by its plan stopped there, without rendering; one whose render found template
            // errors reported them, and a page stopped by a limit is not run again (ten seconds more, each time).
            diagnostics.addAll(check.of(
                    plan,
                    phases.stream().anyMatch(phase -> phase.name().equals("render")),
                    target instanceof IncrementalBuild cached ? cached.archiveKey(plan) : null));
            phases.add(timer.phase("check"));
            if (diagnostics.hasErrors()) {
                throw new ContentException(diagnostics.sorted());
            }
            target.commit();
            phases.add(timer.phase("commit"));
            long files = target.out().filesWritten();
            long bytes = target.out().bytesWritten();
            int published = pages.values().stream().mapToInt(Integer::intValue).sum();
            // A site near or over its host's size limit: a notice in the front end's words.
            SiteSizeNotice.of(bytes, files, published, library.config(), hints).ifPresent(diagnostics::add);
            ExpiredNotice.of(library, drafts, clock, hints).ifPresent(diagnostics::add);
            List<Diagnostic> warnings =
                    diagnostics.sorted().stream().filter(d -> !d.isError()).toList();
            report = new BuildReport(pages, tags.size(), files, bytes, List.copyOf(phases), warnings);
            if (target instanceof IncrementalBuild incremental) {
                // Still holding the output's lock: the stamp describes the site this build put in place.
                CacheTail.finish(cache, incremental, library, report, run);
            }
        }
        return report;
    }

    /**
     * Loads the archive and runs every check of {@code arshif:check}: what loading finds, plus links, vocabulary,
     * translations, footers and scheduled dispatches. Never writes.
     */
    public CheckReport check() {
        return new ArchiveChecker(siteRoot, clock.instant(), sitemapLimit, hints).check(load());
    }

    /**
     * Scaffolds a dispatch ({@code arshif:new}), or the translation of {@code translate} when it is given.
     *
     * @throws ContentException when the file exists already, or the title or language is unusable
     */
    public Scaffolder.Created newDispatch(String title, String lang, String translate) {
        return new Scaffolder(siteRoot, clock, terms, hints).create(title, lang, translate);
    }

    public Path output() {
        return output;
    }

    /** URLs per sitemap file before {@code sitemap.xml} becomes an index. */
    public int sitemapLimit() {
        return sitemapLimit;
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

    /** {@code arshif.yml}'s settings with the front end's: {@code --base-url}, {@code --compact}, {@code --ugly-urls}. */
    SiteConfig configured(SiteConfig config, Diagnostics diagnostics) {
        return overrides.applyTo(config, diagnostics);
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
        private ConfigOverrides overrides = ConfigOverrides.NONE;
        private Clock clock = Clock.systemUTC();
        private BuildLog log = BuildLog.SILENT;
        // Tag match terms go through the search analyzer, so spelling variants match.
        private Function<String, List<String>> terms = TextAnalyzer.standard()::terms;
        private Path cache;
        private int sitemapLimit = 50_000;
        private Hints hints = Hints.NEUTRAL;
        private KeptDispatches kept;
        private Consumer<BuildReport> answerBeforeFill;
        private Predicate<String> fillWanted = step -> true;

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
            this.overrides = overrides.withBaseUrl(baseUrl);
            return this;
        }

        /** Turns on {@code compact} of {@code arshif.yml}: articles without the optional extras. */
        public Builder compact(boolean compact) {
            this.overrides = overrides.withCompact(compact);
            return this;
        }

        /** Turns on {@code uglyUrls} of {@code arshif.yml}: an article is {@code slug.html}, not a folder. */
        public Builder uglyUrls(boolean uglyUrls) {
            this.overrides = overrides.withUglyUrls(uglyUrls);
            return this;
        }

        /** Turns on {@code hugoPaths} of {@code arshif.yml}: URLs in lower case with hyphens, as Hugo made them. */
        public Builder hugoPaths(boolean hugoPaths) {
            this.overrides = overrides.withHugoPaths(hugoPaths);
            return this;
        }

        /** The clock that decides what is "in the future". */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Where incremental builds keep what they need to re-render what a change affects; null (default): none. */
        public Builder cache(Path cache) {
            this.cache = cache;
            return this;
        }

        /** URLs per sitemap file before {@code sitemap.xml} becomes an index (the protocol's limit, 50,000). */
        public Builder sitemapLimit(int sitemapLimit) {
            this.sitemapLimit = sitemapLimit;
            return this;
        }

        /** A process's dispatches kept decoded between its builds with a {@link #cache}; null (default): none. */
        public Builder keep(KeptDispatches kept) {
            this.kept = kept;
            return this;
        }

        /**
         * For a process that stays after its build (the warm process): a first build with a {@link #cache} hands its
         * report to {@code answer} once the site is in place, then writes the rest of the cache, all or nothing (see
         * {@link CacheTail}). Null (default): the cache is complete when {@link Arshif#build()} returns.
         */
        public Builder answerBeforeFill(Consumer<BuildReport> answer) {
            this.answerBeforeFill = answer;
            return this;
        }

        /**
         * With {@link #answerBeforeFill}: asked at each step of the fill after the answer, with its name ("computed":
         * before the first write, "written", "saved": before the marker goes); false stops it there (the cache was
         * cleaned or taken meanwhile). Default: always true.
         */
        public Builder fillOnlyWhile(Predicate<String> wanted) {
            this.fillWanted = Objects.requireNonNull(wanted);
            return this;
        }

        /** How fix hints name options and commands: the front end's words (default: {@link Hints#NEUTRAL}). */
        public Builder hints(Hints hints) {
            this.hints = Objects.requireNonNull(hints);
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
