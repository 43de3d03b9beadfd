package org.arshif.serve;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.arshif.LiveLibrary;
import org.arshif.content.Dispatch;
import org.arshif.diag.Diagnostics;
import org.arshif.incremental.ModelHash;
import org.arshif.site.Library;
import org.arshif.site.PageRenderer;
import org.arshif.site.pages.PageJob;
import org.arshif.site.pages.PageKind;

/**
 * An edit's whole path run on copies, right after a live server's first index, so that its first real edit does not
 * pay for the code that only an edit runs: interpreted until C1 compiles it, and loaded, parsed or inflated on first
 * use. The first edit cost ~100 ms more CPU than later ones, spread over C1, the page's first render, the index and
 * the watcher (bench/RESULTS.md, w15-serve9); warming the index alone moved its garbage into the first edit.
 *
 * <p>Each round: a dispatch read with a paragraph appended and the site model patched, without changing the live
 * library ({@link LiveLibrary.Trial}); that library planned; its article page's model built, hashed and rendered,
 * and dropped; an edit's index write on a copy ({@link IndexWarmUp}). Then one young collection, while idle, so that
 * the first edit does not collect the warm-up's garbage and the first index's survivors. Before each step it asks
 * {@code stop} (an edit was heard, a newer index waits, the server stops) and ends with a {@link
 * CancellationException} if so: a real edit waits at most for the step under way.
 */
final class EditWarmUp {
    /** Rounds of the whole path: the second compiles what the first ran too few times (measured, w19-serve). */
    static final int ROUNDS = 2;

    // a paragraph with words of the archive's languages' common kind: an edit's analysis, not a new script
    private static final String PARAGRAPH = "\n\nThe minister said the talks would continue.\n";

    private final Supplier<LiveLibrary.Trial> trial;
    private final PreviewRun run;
    private final ModelHash hasher;
    private final List<String> checked;

    /**
     * @param trial   the live library's last snapshot, taken where the library is updated (see {@link
     *                LiveLibrary#trial})
     * @param checked the served plan's site paths (its pages are not claimed again), or null
     */
    EditWarmUp(Supplier<LiveLibrary.Trial> trial, PreviewRun run, ModelHash hasher, List<String> checked) {
        this.trial = trial;
        this.run = run;
        this.hasher = hasher;
        this.checked = checked;
    }

    /**
     * Runs {@link #ROUNDS} rounds on the dispatch read from {@code path} (null: the first Markdown dispatch), then a
     * young collection; returns what it did, for the log.
     */
    String run(String path, BooleanSupplier stop) throws IOException {
        try {
            String done = "nothing to edit";
            for (int round = 0; round < ROUNDS; round++) {
                done = round(path, stop);
            }
            return done + "; " + youngCollection(stop);
        } finally {
            run.endWarmUp(); // stopped or not: the index's writes stop keeping what it repeats
        }
    }

    private String round(String path, BooleanSupplier stop) throws IOException {
        check(stop);
        LiveLibrary.Trial snapshot = trial.get();
        String file = path != null ? path : firstMarkdown(snapshot.dispatches());
        check(stop);
        Optional<Library> edited = file == null ? Optional.empty() : snapshot.edited(file, PARAGRAPH);
        if (edited.isEmpty()) {
            return "nothing to edit";
        }
        check(stop);
        PreviewRun.Site site = run.plan(edited.get(), new Diagnostics(), checked);
        check(stop);
        String page = "no page rendered";
        for (PageJob job : site.plan().jobs()) {
            if (job.kind() == PageKind.ARTICLE && job.owner().equals(file)) {
                page = render(site, job);
                break;
            }
        }
        check(stop);
        return file + " read, planned, " + page + "; " + run.warmIndex(stop);
    }

    /** The page's model built, hashed and rendered as an answer is, and dropped. */
    private String render(PreviewRun.Site site, PageJob job) {
        Map<String, Object> model = job.model().get();
        try {
            hasher.of(job.template() + "#warm-up", model);
            site.plan().render(job.template(), model);
            return "its page rendered";
        } catch (ModelHash.Unhashable | PageRenderer.RenderException e) {
            return "its page not rendered (" + e.getMessage() + ")";
        }
    }

    private static String firstMarkdown(List<Dispatch> dispatches) {
        for (Dispatch d : dispatches) {
            if (d.path().endsWith(".md")) {
                return d.path();
            }
        }
        return dispatches.isEmpty() ? null : dispatches.get(0).path();
    }

    private static void check(BooleanSupplier stop) {
        if (stop.getAsBoolean()) {
            throw new CancellationException("an edit is waiting");
        }
    }

    /**
     * Fills the young generation's free space with short-lived blocks until a collection happens (at most its size):
     * what the first edit would otherwise collect (this warm-up's garbage, the first index's survivors) is collected
     * now. A young collection, not {@link System#gc()}: that is a full one with the parallel collector.
     */
    static String youngCollection(BooleanSupplier stop) {
        long collections = collections();
        long budget = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden")) {
                long max = pool.getUsage().getMax();
                budget = max > 0 ? max : pool.getUsage().getCommitted();
            }
        }
        long allocated = 0;
        byte[] block = null;
        while (collections() == collections && allocated <= budget) {
            check(stop);
            block = new byte[1 << 20];
            allocated += block.length;
        }
        return String.format(
                Locale.ROOT,
                "young collection %s after %d MB",
                collections() == collections ? "not seen" : "done",
                allocated >> 20);
    }

    private static long collections() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, gc.getCollectionCount());
        }
        return n;
    }
}
