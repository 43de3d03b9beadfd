package org.arshif.serve;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.arshif.BuildLog;
import org.arshif.LiveLibrary;
import org.arshif.config.ConfigLoader;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.incremental.ModelHash;
import org.arshif.pipeline.SitePlan;
import org.arshif.site.Library;
import org.arshif.site.PageRenderer;
import org.arshif.site.Routes;
import org.arshif.site.pages.PageJob;
import org.arshif.site.pages.PageKind;

/**
 * The preview's live state: the site last planned without errors, the errors of the latest edit, and the pages
 * rendered so far, kept with the fingerprint of their view model so that an unchanged page is never rendered
 * twice. Rebuilds after each batch of changes and tells the tabs whose page changed to reload.
 */
final class LiveSite implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LiveLibrary live;
    private final PreviewRun run;
    private final BuildLog log;
    private final ReloadEvents events;
    private final ModelHash hasher = new ModelHash();
    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();
    private final Map<String, Diagnostic> renderErrors = new ConcurrentHashMap<>();
    private final AtomicInteger themeGeneration = new AtomicInteger();
    private final AtomicLong rebuilds = new AtomicLong();
    private final AtomicLong viewModels = new AtomicLong();
    private volatile Snapshot good;
    private volatile List<Diagnostic> errors = List.of();
    private volatile OverlayWords words = OverlayWords.ENGLISH;
    private volatile long lastRebuildMicros;
    private volatile long lastRebuildCpuMicros;
    private volatile boolean lastUpdatePatched;
    // Null until the server starts: then each rebuild's search index is written in the background.
    private volatile SearchRefresh searchRefresh;

    /**
     * A planned site: its plan, its pages' site paths and the place of each output file among them (shared by
     * the snapshots that have the same pages), whether its plan had no errors (then the next plan need not
     * claim the same pages again), and the files written (theme, client, search index).
     */
    private record Snapshot(
            long serial,
            SitePlan site,
            List<String> sitePaths,
            Map<String, Integer> byFile,
            boolean checked,
            PreviewRun.Site assets) {
        PageJob job(String file) {
            Integer at = byFile.get(file);
            return at == null ? null : site.jobs().get(at);
        }

        boolean hasPage(String file) {
            return byFile.containsKey(file);
        }
    }

    /**
     * A rendered page with the fingerprint it was rendered from (null: not fingerprintable), and the serial of the
     * snapshot and the theme generation it was last found current for: a plan is immutable, so until the next one
     * its page is answered without building its view model again (a page without a fingerprint is built each time).
     */
    private record Rendered(String hash, byte[] bytes, long serial, int generation) {
        boolean isCurrentFor(Snapshot s, int themeGeneration) {
            return hash != null && serial == s.serial() && generation == themeGeneration;
        }
    }

    /** The answer to a request for a site path: a file, or a redirect to the site path {@code location}. */
    record Answer(int status, String type, byte[] body, String location) {}

    LiveSite(LiveLibrary live, PreviewRun run, BuildLog log, ReloadEvents events) {
        this.live = live;
        this.run = run;
        this.log = log;
        this.events = events;
        apply(live.current(), true, System.nanoTime());
    }

    long lastRebuildMicros() {
        return lastRebuildMicros;
    }

    long lastRebuildCpuMicros() {
        return lastRebuildCpuMicros;
    }

    long rebuilds() {
        return rebuilds.get();
    }

    /** View models built to answer requests so far (for tests: an unchanged plan's page is not built again). */
    long viewModelsBuilt() {
        return viewModels.get();
    }

    /** Whether the last rebuild patched the site model instead of building it anew. */
    boolean lastUpdatePatched() {
        return lastUpdatePatched;
    }

    /** The site paths of the pages served, in plan order. */
    List<String> sitePaths() {
        return good.sitePaths();
    }

    /**
     * From now on the served site's search index is written in the background: now (the server's first, every
     * document analysed), and after each rebuild (only what changed is encoded again). After the first, an edit's
     * path is run on copies ({@link EditWarmUp}), which stops as soon as {@code lastHeard} moves (a change heard);
     * after each edit's, a young collection if the next edit would need one ({@link EditWarmUp#betweenEdits}).
     */
    void indexInBackground(LongSupplier lastHeard) {
        SearchRefresh.WarmUp warmUp = indexWaits -> {
            Snapshot s = good;
            return new EditWarmUp(this::trial, run, hasher, s.checked() ? s.sitePaths() : null, lastHeard, indexWaits)
                    .run();
        };
        SearchRefresh refresh = new SearchRefresh(log, run::indexSummary, warmUp, EditWarmUp.betweenEdits(lastHeard));
        searchRefresh = refresh;
        LiveIndexes.sweepScratchRoots();
        log.info("Writing the search index in the background; search pages wait for it");
        refresh.refresh(good.site()::searchManifests, System.nanoTime(), true, this::searchWritten);
    }

    /**
     * The index of the served site is written: tabs on a search page whose page changed reload. Synchronized with
     * the rebuild, which starts the index before its plan: the plan is served by the time the tabs are told.
     */
    private synchronized void searchWritten() {
        events.reload(file -> isSearchPage(file) && pageChanged(file), rebuilds.get());
    }

    private boolean isSearchPage(String file) {
        PageJob job = good.job(file);
        return job != null && job.kind() == PageKind.SEARCH;
    }

    /** The live library's last snapshot, for the warm-up: taken under the lock that updates it. */
    private synchronized LiveLibrary.Trial trial() {
        return live.trial();
    }

    /** Stops writing search indexes (one under way is waited for a little). */
    @Override
    public void close() {
        SearchRefresh refresh = searchRefresh;
        if (refresh != null) {
            refresh.close();
        }
        run.close();
    }

    /** The files written so far besides the pages (theme, search client, search index), sorted. */
    List<String> writtenFiles() {
        return good.assets().sink().paths().stream().sorted().toList();
    }

    // ---- changes ------------------------------------------------------------------------------------------

    synchronized void changed(Set<String> paths, boolean templates, boolean overflow) {
        changed(paths, templates, overflow, System.nanoTime());
    }

    /** @param noticed when the watcher heard of the first change of the batch ({@link System#nanoTime()}) */
    synchronized void changed(Set<String> paths, boolean templates, boolean overflow, long noticed) {
        long t0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        try {
            LiveLibrary.Update update =
                    overflow ? live.update(Set.of(ConfigLoader.FILE_NAME), true) : live.update(paths, templates);
            lastUpdatePatched = update.patched();
            if (templates || update.full()) {
                themeGeneration.incrementAndGet();
                renderErrors.clear();
            }
            long t1 = System.nanoTime();
            List<Diagnostic> before = errors;
            apply(update.library(), false, t0);
            long t2 = System.nanoTime();
            SearchRefresh refresh = searchRefresh;
            boolean errorsChanged = !before.equals(errors);
            // The terminal hears of an error before the tabs reload to show it.
            if (errorsChanged) {
                errors.forEach(d -> log.error(d.format()));
                if (errors.isEmpty() && !before.isEmpty()) {
                    log.info("Fixed: the archive has no errors again");
                }
            }
            // The watcher does not wait for the search index: tabs on a search page reload when it is written.
            boolean searchLater = refresh != null;
            int reloaded = events.reload(
                    file -> errorsChanged || !(searchLater && isSearchPage(file)) && pageChanged(file),
                    rebuilds.get() + 1);
            lastRebuildMicros = (System.nanoTime() - t0) / 1000;
            // CPU time of this (single) thread: what the rebuild costs when it does not wait for a busy CPU.
            lastRebuildCpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1000;
            log.info(String.format(
                    Locale.ROOT,
                    "Rebuilt in %.1f ms (%.1f ms CPU) after %s (%d file(s) read%s%s; quiet wait %.1f ms,"
                            + " read+model %.1f ms, plan %.1f ms, pages %.1f ms); reloaded %d tab(s)",
                    lastRebuildMicros / 1000.0,
                    lastRebuildCpuMicros / 1000.0,
                    SiteWatcher.describe(paths, templates, overflow),
                    update.filesRead(),
                    update.full() ? ", everything" : "",
                    update.patched() ? ", model patched" : "",
                    (t0 - noticed) / 1e6,
                    (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6,
                    (System.nanoTime() - t2) / 1e6,
                    reloaded));
        } catch (RuntimeException e) {
            // The server must outlive a bad edit: report it, keep the last good site.
            log.error("arshif serve: rebuilding failed: " + e);
            log.debug("arshif serve: rebuilding failed", e);
            errors = List.of(Diagnostic.error("", 0, 0, "rebuilding failed: " + e));
        } finally {
            rebuilds.incrementAndGet();
        }
    }

    /** A rebuild or the watching ended in an exception (a StackOverflowError, say): shown; the next save retries. */
    void watchFailed(Throwable e) {
        String message = e + "; the last good site is shown until the next save";
        log.error("arshif serve: " + message);
        log.debug("arshif serve: the rebuild failed", e);
        errors = List.of(Diagnostic.error("", 0, 0, message));
        events.reload(file -> true, rebuilds.get() + 1);
    }

    /**
     * Plans the new library; it becomes the served site unless it has errors and a good one is being served. Once
     * the server writes search indexes, the library's is started before the plan, on the writer's thread.
     *
     * @param since when the change was noticed, for the index's log line
     */
    private void apply(Library library, boolean first, long since) {
        Diagnostics d = new Diagnostics();
        library.findings().forEach(d::add);
        Snapshot previous = good;
        SearchRefresh refresh = first ? null : searchRefresh;
        PreviewRun.Site site =
                run.plan(library, d, previous != null && previous.checked() ? previous.sitePaths() : null, index -> {
                    // a library with errors is not served while a good one is: its index would be written unused
                    if (refresh != null && !(d.hasErrors() && previous != null)) {
                        refresh.refresh(index, since, false, this::searchWritten);
                    }
                });
        List<Diagnostic> found = d.sorted().stream().filter(Diagnostic::isError).toList();
        if (found.isEmpty() || previous == null) {
            good = snapshot(site, previous, found.isEmpty());
        }
        errors = found;
        words = OverlayWords.of(library.config().defaultLanguage(), library.words());
        if (first) {
            found.forEach(e -> log.error(e.format()));
        }
    }

    /** The new plan's snapshot; its index of files is the previous one's when its pages are the same. */
    private static Snapshot snapshot(PreviewRun.Site site, Snapshot previous, boolean checked) {
        List<PageJob> jobs = site.plan().jobs();
        List<String> sitePaths = new ArrayList<>(jobs.size());
        jobs.forEach(j -> sitePaths.add(j.sitePath()));
        long serial = previous == null ? 0 : previous.serial() + 1;
        if (previous != null && previous.sitePaths().equals(sitePaths)) {
            return new Snapshot(serial, site.plan(), previous.sitePaths(), previous.byFile(), checked, site);
        }
        Map<String, Integer> byFile = new HashMap<>(jobs.size() * 2);
        for (int i = 0; i < jobs.size(); i++) {
            byFile.put(Routes.file(jobs.get(i).sitePath()), i);
        }
        return new Snapshot(serial, site.plan(), List.copyOf(sitePaths), byFile, checked, site);
    }

    /** Whether an open tab's page now renders differently from what it was last served. */
    private boolean pageChanged(String file) {
        Snapshot s = good;
        PageJob job = s.job(file);
        Rendered served = pages.get(file);
        if (job == null || served == null || served.hash() == null) {
            return true;
        }
        if (served.isCurrentFor(s, themeGeneration.get())) {
            return false;
        }
        String hash = hash(job);
        if (served.hash().equals(hash)) {
            return false;
        }
        render(s, file, job); // ready before the tab asks for it
        return true;
    }

    private String hash(PageJob job) {
        try {
            return hasher.of(
                    job.template() + "#" + themeGeneration.get(), job.model().get());
        } catch (ModelHash.Unhashable e) {
            return null;
        }
    }

    /** The page's bytes: cached when its model is unchanged, else rendered; on a template error the last good. */
    private byte[] render(Snapshot s, String file, PageJob job) {
        int generation = themeGeneration.get();
        Rendered known = pages.get(file);
        if (known != null && known.isCurrentFor(s, generation)) {
            return known.bytes();
        }
        Map<String, Object> model = job.model().get();
        viewModels.incrementAndGet();
        String hash;
        try {
            hash = hasher.of(job.template() + "#" + generation, model);
        } catch (ModelHash.Unhashable e) {
            hash = null;
        }
        if (known != null && hash != null && hash.equals(known.hash())) {
            pages.put(file, new Rendered(hash, known.bytes(), s.serial(), generation));
            return known.bytes();
        }
        try {
            byte[] bytes = s.site().render(job.template(), model);
            pages.put(file, new Rendered(hash, bytes, s.serial(), generation));
            renderErrors.remove(file);
            return bytes;
        } catch (PageRenderer.RenderException e) {
            if (renderErrors.put(file, e.diagnostic()) == null) {
                log.error(e.diagnostic().format());
            }
            return known != null ? known.bytes() : null;
        }
    }

    // ---- answers ------------------------------------------------------------------------------------------

    /** The answer for a site path (decoded, starting with {@code /}); null {@code sitePath}: the 404 page. */
    Answer answer(String sitePath) {
        Snapshot s = good;
        String file = sitePath == null ? "404.html" : Routes.file(sitePath);
        var asset = s.assets().read(file);
        if (asset.isPresent()) {
            return new Answer(200, ContentTypes.of(file), asset.get(), null);
        }
        PageJob job = s.job(file);
        if (job == null && sitePath != null && !sitePath.endsWith("/") && s.hasPage(Routes.file(sitePath + "/"))) {
            return new Answer(301, HttpAnswers.TEXT, new byte[0], sitePath + "/");
        }
        int status = 200;
        if (job == null || sitePath == null) {
            status = 404;
            file = "404.html";
            job = s.job(file);
        }
        byte[] bytes = job == null ? null : render(s, file, job);
        List<Diagnostic> shown = new ArrayList<>(errors);
        Diagnostic renderError = renderErrors.get(file);
        if (renderError != null) {
            shown.add(renderError);
        }
        if (bytes == null) {
            status = 500;
            bytes = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Arshif preview</title>"
                            + "</head><body><p>This page cannot be shown yet.</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
        }
        String type = ContentTypes.of(file);
        if (type.startsWith("text/html")) {
            bytes = LiveHtml.inject(bytes, shown, words);
        }
        return new Answer(status, type, bytes, null);
    }
}
