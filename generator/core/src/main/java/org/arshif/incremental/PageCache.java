package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.KeptReads;
import org.arshif.pipeline.SitePlan;
import org.arshif.site.OutputTree;
import org.arshif.site.PageRenderer;
import org.arshif.site.Routes;
import org.arshif.site.pages.PageJob;
import org.arshif.site.pages.PageKind;

/**
 * Incremental builds. For every page the cache keeps the fingerprint of its view model (see {@link ModelHash})
 * and the size, modification time and file key of the file it became. A later build renders a page only when
 * its fingerprint changed or its file in the output is not the one the cache knows; every other page is hard
 * linked from the previous output into the new one. Templates, the built-in theme and Arshif's own code are
 * one global fingerprint: when it changes every page is rendered. The manifest is written only after the new
 * site has been committed, so a failed build leaves both the site and the cache as they were.
 */
public final class PageCache {
    private static final String MANIFEST = "pages.bin";
    private final Path dir;
    private final String global;
    private final Map<String, PageManifest.Entry> previous;
    /** The last build's dispatch shapes; null when it left none. */
    private final DispatchShapes lastShapes;
    /** This build's, with the global inputs' fingerprint, for the manifest; null: none saved. */
    private DispatchShapes shapes;

    private String shapesBase = "";
    /** The plan whose global inputs {@link #base} fingerprinted last, and that fingerprint. */
    private SitePlan baseOf;

    private String baseOfPlan;
    private final Map<String, String> fresh = new ConcurrentHashMap<>();
    // Reused pages are the very files the cache described: no need to look at them again after the commit.
    private final Map<String, PageManifest.Entry> kept = new ConcurrentHashMap<>();
    private final ModelHash hasher = new ModelHash();
    private final AtomicInteger rendered = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger taken = new AtomicInteger();
    /** With {@link #deferFingerprints}: the rendered pages' fingerprints that wait for the save; else null. */
    private DeferredFingerprints unhashed;

    private PageCache(Path dir, String global, PageManifest previous) {
        this.dir = dir;
        this.global = global;
        this.previous = previous.pages();
        this.lastShapes = previous.shapes();
        this.shapesBase = previous.shapesBase();
    }

    /**
     * Opens the cache for a build into {@code output}; one for another output, other templates or another Arshif is
     * ignored (and replaced after the build), a damaged one discarded with one line to {@code log}. With {@code
     * reads}, the manifest as a warm process kept it decoded from the same bytes ({@link KeptReads}); null: none.
     */
    public static PageCache open(Path dir, Path output, Path siteTemplates, Consumer<String> log, KeptReads reads) {
        String global = globalFingerprint(output, siteTemplates);
        return new PageCache(dir, global, PageManifest.read(dir.resolve(MANIFEST), global, log, reads));
    }

    /** Renders or reuses every page, in parallel. Template failures are collected like a clean build does. */
    public void render(SitePlan site, OutputTree out, Diagnostics diagnostics) {
        render(site, out, diagnostics, null);
    }

    /** The last build's dispatch shapes, which {@link #render(SitePlan, OutputTree, Diagnostics, DispatchShapes)} is given beside this build's; null: none. */
    DispatchShapes lastShapes() {
        return lastShapes;
    }

    /**
     * Like {@link #render(SitePlan, OutputTree, Diagnostics)}, with this build's dispatch shapes (null: none):
     * when they say the model is the last one but for the bodies of some dispatches, the pages that cannot show
     * those bodies take their fingerprints from the manifest instead of computing them (see {@link DispatchShapes}).
     */
    void render(SitePlan site, OutputTree out, Diagnostics diagnostics, DispatchShapes now) {
        Map<Diagnostic, Boolean> failures = new ConcurrentHashMap<>();
        // Pages with inputs are fingerprinted by them and the site's global inputs, not by their view models.
        String base = base(site);
        Set<String> changed =
                now == null || base == null || !base.equals(shapesBase) ? null : now.changedSince(lastShapes);
        shapes = now;
        shapesBase = base == null ? "" : base;
        if (unhashed != null) {
            unhashed.base(base);
        }
        // Each thread takes the next job as it finishes one, the sitemaps first: a parallel stream cut the jobs
        // into four runs of 7,000 pages at 10,000 dispatches, and the run with the sitemaps (whose models hold
        // every URL of the site, fingerprinted whole) kept one thread busy after the other had finished. Any
        // order writes the same files.
        List<PageJob> jobs = new ArrayList<>(site.jobs());
        jobs.sort(Comparator.comparing(job -> job.kind() != PageKind.SITEMAP && job.kind() != PageKind.SITEMAP_GZ));
        AtomicInteger next = new AtomicInteger();
        IntStream.range(0, ForkJoinPool.getCommonPoolParallelism() + 1)
                .parallel()
                .forEach(thread -> {
                    for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
                        renderOrReuse(jobs.get(i), base, changed, site, out, failures);
                    }
                });
        failures.keySet().forEach(diagnostics::add);
    }

    private void renderOrReuse(
            PageJob job,
            String base,
            Set<String> changed,
            SitePlan site,
            OutputTree out,
            Map<Diagnostic, Boolean> failures) {
        String file = Routes.file(job.sitePath());
        Map<String, Object> model = null;
        String hash = null;
        PageManifest.Entry known = previous.get(file);
        if (unhashed != null && known == null && base != null && job.inputs() != null) {
            renderUnhashed(job, file, site, out, failures);
            return;
        }
        try {
            if (changed != null && known != null && job.inputs() != null && unchangedInputs(job, known, changed)) {
                hash = known.hash();
                taken.incrementAndGet();
            } else if (base != null && job.inputs() != null) {
                hash = "i"
                        + hasher.of(job.template(), List.of(base, job.inputs().get()));
            } else {
                model = job.model().get();
                hash = "m" + hasher.of(job.template(), model);
            }
        } catch (ModelHash.Unhashable e) {
            hash = null;
        }
        if (hash != null
                && known != null
                && known.hash().equals(hash)
                && out.reuse(file, attributes -> matches(known, attributes))) {
            fresh.put(file, hash);
            kept.put(file, known);
            reused.incrementAndGet();
            return;
        }
        try {
            out.write(
                    file,
                    site.render(
                            job.template(), model != null ? model : job.model().get()));
            rendered.incrementAndGet();
            if (hash != null) {
                fresh.put(file, hash);
            }
        } catch (PageRenderer.RenderException e) {
            failures.putIfAbsent(e.diagnostic(), Boolean.TRUE);
        }
    }

    /** A page that no last build knew, rendered now and fingerprinted by {@link #save}. */
    private void renderUnhashed(
            PageJob job, String file, SitePlan site, OutputTree out, Map<Diagnostic, Boolean> failures) {
        try {
            out.write(file, site.render(job.template(), job.model().get()));
            rendered.incrementAndGet();
            unhashed.add(file, job);
        } catch (PageRenderer.RenderException e) {
            failures.putIfAbsent(e.diagnostic(), Boolean.TRUE);
        }
    }

    /**
     * For a first build that answers before it fills its cache: the pages' fingerprints, which only the next build
     * reads, are made when the manifest is saved rather than beside the render (a tenth of a first build's CPU).
     */
    void deferFingerprints() {
        unhashed = new DeferredFingerprints();
    }

    /** Makes the fingerprints {@link #deferFingerprints} left (the save does, if this was not called). */
    void fingerprintDeferred() {
        if (unhashed != null) {
            unhashed.into(fresh, hasher);
            unhashed = null;
        }
    }

    /**
     * Whether the page's last fingerprint, made of its inputs, is still theirs, given shapes that say the model
     * changed only in the bodies of the {@code changed} dispatches: an article's (or its alias's) of another
     * dispatch, and every list, index, sitemap and fixed page (made of cards, lists and the global inputs, never of
     * a body). Not a feed (full text) nor the search page (its index's names), nor a kind added later.
     */
    private static boolean unchangedInputs(PageJob job, PageManifest.Entry known, Set<String> changed) {
        if (!known.hash().startsWith("i")) {
            return false;
        }
        return switch (job.kind()) {
            case ARTICLE, ALIAS -> !job.owner().isEmpty() && !changed.contains(job.owner());
            case HOME,
                    TAG,
                    CATEGORY,
                    SECTION,
                    YEAR,
                    MONTH,
                    TAG_INDEX,
                    CATEGORY_INDEX,
                    SECTION_INDEX,
                    ARCHIVE,
                    SITEMAP,
                    SITEMAP_GZ,
                    SITEMAP_INDEX,
                    NOT_FOUND,
                    ROBOTS -> true;
            default -> false;
        };
    }

    /** The pages whose fingerprints were taken from the manifest, not computed. */
    public int fingerprintsTaken() {
        return taken.get();
    }

    /**
     * The archive's structure that {@code now} and the global inputs of {@code site} describe (see {@link
     * DispatchShapes#structure}); null without shapes or global inputs.
     */
    String structure(DispatchShapes now, SitePlan site) {
        String base = base(site);
        return now == null || base == null ? null : now.structure(base);
    }

    /**
     * The fingerprint of the site's global inputs, made once per plan (the render and the checks beside it ask);
     * null when pages have no inputs.
     */
    private synchronized String base(SitePlan site) {
        if (baseOf != site) {
            try {
                Object inputs = site.globalInputs();
                baseOfPlan = inputs == null ? null : hasher.of("global", inputs);
            } catch (ModelHash.Unhashable e) {
                baseOfPlan = null;
            }
            baseOf = site;
        }
        return baseOfPlan;
    }

    /**
     * Whether {@code dir} holds a previous build's manifest, usable or not: read by the CLI before it starts the
     * build's JVM, to size its heap for a rebuild. Cheap: one stat.
     */
    public static boolean holdsABuild(Path dir) {
        return Files.isRegularFile(dir.resolve(MANIFEST));
    }

    /** Whether a usable manifest of a previous build exists, so pages may be reused. */
    public boolean hasPrevious() {
        return !previous.isEmpty();
    }

    public int rendered() {
        return rendered.get();
    }

    public int reused() {
        return reused.get();
    }

    /** The file the page manifest is saved to. */
    public Path manifest() {
        return dir.resolve(MANIFEST);
    }

    /** Records the committed site; call after {@link OutputTree#commit()}. */
    public void save(Path output) {
        save(output, Map.of());
    }

    /**
     * Like {@link #save(Path)}, with the stats of the output's files already read after the commit (by path from
     * the output), so that a page among them is not read again; any other page is.
     */
    public void save(Path output, Map<String, BasicFileAttributes> walked) {
        save(output, walked, CheckedFile.AT_ONCE);
    }

    /** Like {@link #save(Path, Map)}, the manifest written to {@code writes}. */
    public void save(Path output, Map<String, BasicFileAttributes> walked, CheckedFile.Writes writes) {
        fingerprintDeferred();
        // The stats of the rendered pages first, on every core: one by one they were a serial tail of the build.
        List<String> pages = new ArrayList<>(fresh.keySet());
        pages.sort(null); // a list sorted, not a tree set built: 24,000 pages at 10,000 dispatches
        PageManifest.Entry[] entries = new PageManifest.Entry[pages.size()];
        IntStream.range(0, entries.length).parallel().forEach(i -> entries[i] = entry(output, pages.get(i), walked));
        try {
            PageManifest.write(manifest(), global, pages, entries, shapes, shapesBase, writes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build cache in " + dir, e);
        }
    }

    /** What the manifest says of a page of the committed site: its fingerprint and its file's stats. */
    private PageManifest.Entry entry(Path output, String page, Map<String, BasicFileAttributes> walked) {
        PageManifest.Entry same = kept.get(page);
        if (same != null) {
            return same;
        }
        try {
            BasicFileAttributes known = walked.get(page);
            BasicFileAttributes a = known != null ? known : attributes(output.resolve(page));
            return a == null
                    ? new PageManifest.Entry("", -1, -1, "")
                    : new PageManifest.Entry(fresh.get(page), a.size(), modified(a), fileKey(a));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + output.resolve(page), e);
        }
    }

    private static boolean matches(PageManifest.Entry known, BasicFileAttributes a) {
        return known.size() == a.size()
                && known.modified() == modified(a)
                && known.fileKey().equals(fileKey(a));
    }

    private static long modified(BasicFileAttributes a) {
        return a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    private static String fileKey(BasicFileAttributes a) {
        return String.valueOf(a.fileKey());
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /**
     * What every page depends on besides its model: the output folder, the site's templates (every file, by
     * content) and the code that renders, the built-in theme included (the plugin jar, or its classes folder).
     */
    static String globalFingerprint(Path output, Path siteTemplates) {
        MessageDigest digest = CodeFingerprint.sha256();
        CodeFingerprint.update(digest, "arshif-page-cache " + PageManifest.FORMAT);
        CodeFingerprint.update(digest, output.toAbsolutePath().normalize().toString());
        if (siteTemplates != null && Files.isDirectory(siteTemplates)) {
            CodeFingerprint.hashTree(digest, siteTemplates);
        }
        CodeFingerprint.update(digest, CodeFingerprint.current());
        return HexFormat.of().formatHex(digest.digest());
    }
}
