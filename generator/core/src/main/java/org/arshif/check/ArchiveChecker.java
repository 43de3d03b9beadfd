package org.arshif.check;

import static org.arshif.diag.Hints.Option.BASE_URL;
import static org.arshif.diag.Hints.Option.DRAFTS;
import static org.arshif.diag.Hints.Option.FUTURE;
import static org.arshif.diag.Hints.Option.TRANSLATE;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchMeta;
import org.arshif.content.FrontMatterKeys;
import org.arshif.content.FrontMatterSplit;
import org.arshif.content.SourceFormat;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Hints;
import org.arshif.diag.Severity;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.KeptReads;
import org.arshif.internal.Parallel;
import org.arshif.internal.SourceText;
import org.arshif.internal.TextControls;
import org.arshif.internal.yaml.YNode;
import org.arshif.pipeline.RunStrategy;
import org.arshif.pipeline.SitePlan;
import org.arshif.pipeline.SiteRun;
import org.arshif.site.Library;
import org.arshif.site.MemorySink;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;
import org.arshif.site.UglyLinks;

/**
 * The checks of {@code arshif:check} beyond what loading already reports: links and images that point nowhere,
 * tags outside the vocabulary, missing translations, plain text whose footer was not recognised, scheduled
 * dispatches, likely typos in front-matter keys, and one rendering of each template. Writes nothing.
 */
public final class ArchiveChecker {

    private final Path siteRoot;
    private final Instant now;
    private final int sitemapLimit;
    private final Hints hints;
    private final Path memo;
    private final KeptReads reads;
    private final Consumer<String> log;
    /** Where the memo's and the archive plan's writes go: run at once, or left until after a warm answer. */
    private final Consumer<CheckedFile.Later> writes;

    /**
     * @param sitemapLimit as the build's, so that the published site is planned as a build would plan it
     * @param hints        how fix hints name options and commands, in the front end's words
     */
    public ArchiveChecker(Path siteRoot, Instant now, int sitemapLimit, Hints hints) {
        this(
                siteRoot,
                now,
                sitemapLimit,
                hints,
                null,
                line -> {},
                null,
                w -> w.write().accept(CheckedFile.AT_ONCE));
    }

    private ArchiveChecker(
            Path root,
            Instant now,
            int limit,
            Hints hints,
            Path memo,
            Consumer<String> log,
            KeptReads reads,
            Consumer<CheckedFile.Later> writes) {
        this.writes = writes;
        this.siteRoot = root;
        this.now = now;
        this.sitemapLimit = limit;
        this.hints = hints;
        this.memo = memo;
        this.log = log;
        this.reads = reads;
    }

    /**
     * This checker, keeping each dispatch's findings for a build in {@code memo} (a build cache's file: the next build
     * checks again only what changed, {@link CheckMemo}; null: none), a damaged memo discarded with one line to
     * {@code log}; with {@code reads}, as a warm process kept it decoded from the same bytes ({@link KeptReads}).
     */
    public ArchiveChecker withMemo(Path memo, Consumer<String> log, KeptReads reads) {
        return new ArchiveChecker(siteRoot, now, sitemapLimit, hints, memo, log, reads, writes);
    }

    /**
     * This checker, handing the memo's and the archive plan's file writes to {@code writes} (which runs them at once,
     * or after a warm process's answer) instead of writing them itself.
     */
    public ArchiveChecker writingLater(Consumer<CheckedFile.Later> writes) {
        return new ArchiveChecker(siteRoot, now, sitemapLimit, hints, memo, log, reads, writes);
    }

    /**
     * What a build reports besides its own findings: every check but the notices (missing translations, scheduled
     * dispatches) and the site-wide "no baseUrl" warning, which are for {@code check} and editors. Plans the
     * published site itself; a build that has its own plan passes it to {@link #forBuild(Library, SitePlan, boolean)}.
     */
    public List<Diagnostic> forBuild(Library library) {
        Set<Diagnostic> found = new TreeSet<>(Diagnostic.ORDER);
        found.addAll(library.findings());
        SitePlan published = planPublished(library, found);
        found.removeIf(
                d -> d.severity() == Severity.NOTICE && !library.findings().contains(d));
        found.addAll(forBuild(library, published, true));
        return List.copyOf(found);
    }

    /** The published site, planned by the pipeline of a build with the same options, and one page per template. */
    private SitePlan planPublished(Library library, Set<Diagnostic> found) {
        Diagnostics planning = new Diagnostics();
        SitePlan published = new SiteRun(library, sitemapLimit)
                .run(RunStrategy.planOnly(new MemorySink()), planning, SiteRun.Phases.NONE);
        found.addAll(planning.sorted());
        found.addAll(CheckContext.renderEachTemplateOnce(published));
        return published;
    }

    /**
     * {@link #forBuild(Library)} for a build that planned the published site already: its plan is reused, and its
     * render reports the template errors, so neither is done twice. The build's own findings (the load's, its
     * plan's, its render's) are not repeated.
     *
     * @param rendered whether the build rendered its pages; one that stopped at its errors did not, and then one
     *                 page per template is rendered here, so that a template error is still reported in this run
     */
    public List<Diagnostic> forBuild(Library library, SitePlan published, boolean rendered) {
        return forBuild(library, published, rendered, null);
    }

    /**
     * Like {@link #forBuild(Library, SitePlan, boolean)}, with {@code archiveKey}, the archive's structure as the
     * build's cache names it (null: unknown): with a memo, the archive's plan is kept beside it under that key,
     * and taken from there when the key is the same ({@link ArchivePlan}).
     */
    public List<Diagnostic> forBuild(Library library, SitePlan published, boolean rendered, String archiveKey) {
        Set<Diagnostic> found = new TreeSet<>(Diagnostic.ORDER);
        if (!rendered) {
            planPublished(library, found); // the build's plan would write its search index on a render
        }
        found.addAll(checkArchive(library, published, false, archiveKey));
        found.removeIf(d -> d.severity() == Severity.NOTICE);
        library.findings().forEach(found::remove);
        return List.copyOf(found);
    }

    public CheckReport check(Library library) {
        Set<Diagnostic> found = new TreeSet<>(Diagnostic.ORDER);
        found.addAll(library.findings());
        SiteConfig config = library.config();
        SitePlan published = planPublished(library, found);
        found.addAll(checkArchive(library, published, true, null));
        if (config.baseUrl().isEmpty()) {
            found.add(Diagnostic.warning(
                    Files.isRegularFile(siteRoot.resolve(ConfigLoader.FILE_NAME)) ? ConfigLoader.FILE_NAME : "",
                    0,
                    0,
                    "no baseUrl: the sitemap, the feeds and robots.txt need"
                            + " absolute URLs; set baseUrl in arshif.yml or pass "
                            + hints.option(BASE_URL, "https://…/")));
        }
        return new CheckReport(List.copyOf(found), library.sources().size());
    }

    /**
     * The checks of each dispatch, against the files of the published site and of the whole archive with drafts
     * and scheduled dispatches: a link into a draft is broken today, a URL clash with one is broken tomorrow.
     *
     * @param notices whether to look for the notices (translations, schedule), which only {@code check} reports
     */
    private Set<Diagnostic> checkArchive(Library library, SitePlan published, boolean notices, String archiveKey) {
        Set<Diagnostic> found = new TreeSet<>(Diagnostic.ORDER);
        ArchivePlan.SiteFiles files = siteFiles(library, published, notices ? null : archiveKey, found);
        Set<String> publishedFiles = files.published();
        Set<String> allFiles = files.all();
        SiteModel everything = files.everything();
        SiteConfig config = library.config();

        Set<String> publishedPaths = new HashSet<>();
        for (String lang : library.model().languages()) {
            library.model().articles(lang).forEach(d -> publishedPaths.add(d.path()));
        }
        Map<String, Dispatch> bySource = new HashMap<>();
        library.dispatches().forEach(d -> bySource.put(d.path(), d));
        Routes routes = new Routes(config.basePath(), config.origin());
        Context context = new Context(
                config,
                library.vocabulary(),
                everything,
                routes,
                publishedFiles,
                allFiles,
                bySource,
                new MarkdownLinks(),
                library.media(),
                UglyLinks.of(library.model()),
                notices);
        CheckMemo known = memo == null || notices || library.identities().isEmpty()
                ? null
                : CheckMemo.open(memo, CheckContext.fingerprint(publishedFiles, allFiles, library), log, reads);
        Parallel.map(library.dispatches(), d -> {
                    boolean isPublished = publishedPaths.contains(d.path());
                    return known == null
                            ? checkDispatch(d, isPublished, context)
                            : known.recall(
                                    d.path(),
                                    library.identities().get(d.path()),
                                    isPublished,
                                    () -> checkDispatch(d, isPublished, context));
                })
                .forEach(found::addAll);
        if (known != null) {
            List<String> paths =
                    library.dispatches().stream().map(Dispatch::path).toList();
            writes.accept(new CheckedFile.Later(known.file(), w -> known.save(paths, w)));
        }
        // A file the load refused (a front-matter error, say) is read on, so one run reports all of its problems.
        library.sources().stream()
                .filter(p -> !bySource.containsKey(p) && ContentLoader.isSource(p))
                .map(p -> checkUnread(p, context))
                .toList()
                .forEach(found::addAll);
        found.addAll(SectionPageLinks.check(library.sectionTexts(), context));
        return found;
    }

    /** The site's files and the archive's: planned, or the last build's plan kept beside the check memo. */
    private ArchivePlan.SiteFiles siteFiles(
            Library library, SitePlan published, String archiveKey, Set<Diagnostic> found) {
        Path kept = memo == null ? null : memo.resolveSibling(memo.getFileName() + "-archive");
        return ArchivePlan.siteFiles(
                library, new SiteRun(library, sitemapLimit), published, now, kept, archiveKey, log, found, writes);
    }

    private List<Diagnostic> checkDispatch(Dispatch d, boolean isPublished, Context c) {
        List<Diagnostic> out = new ArrayList<>();
        DispatchText text = DispatchText.of(siteRoot, d, c.vocabulary()).orElse(null);
        if (text == null) {
            return out; // the load already reported why the file does not read
        }
        if (text.split() != null) {
            out.addAll(DispatchFindings.unknownTags(d, text.split(), c.vocabulary()));
        }
        for (String key : d.params().keySet()) {
            Dispatch.Position p = d.position(key);
            KeyTypos.warning(d.file(p), key, p.line(), p.column()).ifPresent(out::add);
        }

        for (String lang : c.notices() ? c.config().languages() : List.<String>of()) {
            if (!lang.equals(d.lang()) && c.everything().translation(d, lang).isEmpty()) {
                // About the dispatch, not its key: a cascaded key's section page would not say which one.
                Dispatch.Position p = d.position("translationKey");
                out.add(d.finding(
                        Severity.NOTICE,
                        p.file().isEmpty() ? p : Dispatch.Position.START,
                        "no " + lang + " translation; start one" + " with: " + hints.newDispatch(TRANSLATE, d.path())));
            }
        }

        if (d.format() == SourceFormat.AGENCY_TEXT && !d.footerFound()) {
            out.add(Diagnostic.warning(
                    d.path(),
                    DispatchFindings.lastTextLine(text.source().text()),
                    1,
                    "no agency footer or 'see also'"
                            + " teaser was recognised; if this dispatch ends with promos, add their first line's pattern to"
                            + " footerPatterns in arshif.yml"));
        }

        if (c.notices() && DispatchMeta.publishedFrom(d.date(), d.meta()).isAfter(now)) {
            out.add(scheduled(d, !d.date().toInstant().isAfter(now)));
        }
        if (c.notices() && d.meta().expiredAt(now)) {
            // an archive keeps its stories: an expiry copied in from a CMS export would drop one without a word
            out.add(d.finding(
                    Severity.NOTICE,
                    d.position("expiryDate"),
                    "expired: expiryDate " + d.meta().expiry() + " has passed, so builds leave the dispatch out, as"
                            + " Hugo does (" + hints.option(DRAFTS, "true") + " includes it); delete expiryDate to"
                            + " keep it in the archive"));
        }

        if (d.format() == SourceFormat.MARKDOWN && text.split() != null) {
            out.addAll(brokenLinks(d, text.split(), isPublished, c));
        }
        return text.atWrittenColumns(d.path(), out);
    }

    /**
     * The notice of a dispatch builds leave out until later, at what holds it back: its date, or ({@code embargo}:
     * dated in the past) a later publishDate, or a wire's embargo line, named where it is in the wire's words.
     */
    private Diagnostic scheduled(Dispatch d, boolean embargo) {
        String key;
        String when;
        if (embargo && d.positions().containsKey(Dispatch.EMBARGO_LINE)) {
            key = Dispatch.EMBARGO_LINE;
            when = "its embargo line holds it until " + d.meta().publish() + " (dated " + d.date() + ")";
        } else if (embargo) {
            key = "publishDate";
            when = "publishDate " + d.meta().publish() + " (dated " + d.date() + ")";
        } else {
            // Without a date of its own, a dispatch is dated by its publishDate (Hugo's rule), maybe a cascaded one.
            key = d.positions().containsKey("date") ? "date" : "publishDate";
            when = "dated " + d.date();
        }
        return d.finding(
                Severity.NOTICE,
                d.position(key),
                "scheduled: " + when + ", so builds leave it out until then (" + hints.option(FUTURE, "true")
                        + " includes it)");
    }

    private List<Diagnostic> brokenLinks(Dispatch d, FrontMatterSplit split, boolean isPublished, Context c) {
        return c.linkFindings(split.body(), split.bodyLine(), d.path(), Routes.article(d), isPublished);
    }

    /**
     * What can be checked of a file whose load failed: its front-matter keys, if they parse, and the links of its
     * body that do not depend on its page's URL (absolute ones).
     */
    private List<Diagnostic> checkUnread(String path, Context c) {
        List<Diagnostic> out = new ArrayList<>();
        FrontMatterSplit split;
        SourceText source;
        byte[] bytes;
        try {
            Path file = siteRoot.resolve(path);
            if (Files.size(file) > c.config().maxFileBytes()) {
                return out; // refused for its size: the load said so
            }
            bytes = Files.readAllBytes(file);
            source = SourceText.decode(path, bytes);
            split = FrontMatterSplit.of(source.text());
        } catch (IOException | RuntimeException | FrontMatterSplit.UnclosedException e) {
            return out; // the load reported why it could not read the file
        }
        split.parse(path, new Diagnostics())
                .filter(YNode.Map.class::isInstance)
                .map(YNode.Map.class::cast)
                .ifPresent(map -> map.entries().forEach((key, value) -> {
                    // a known key in another case is read as that key (expirydate), as the load reads it
                    if (FrontMatterKeys.readAs(key, map.entries().keySet()).isEmpty()) {
                        int[] at = KeyTypos.position(split.text().get(), key);
                        KeyTypos.warning(path, key, at[0], at[1]).ifPresent(out::add);
                    }
                }));
        if (!path.endsWith(".txt")) {
            out.addAll(c.unreadLinkFindings(split.body(), split.bodyLine(), path));
        }
        // At the columns as written, as a read file's findings are (DispatchText#atWrittenColumns).
        return source.findings().stream().anyMatch(TextControls::isRemovalWarning)
                ? TextControls.shifted(path, out, bytes)
                : out;
    }
}
