package org.arshif.serve;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
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
 * and dropped; an edit's index write on a copy ({@link IndexWarmUp}). Then, when the young generation is nearly full,
 * a young collection while idle, so that the first edit does not collect the warm-up's garbage and the first index's
 * survivors. Before each step it asks
 * whether a change was heard or a newer index waits, and ends with a {@link CancellationException} if so (its message
 * says how long after the change was heard): a real edit waits at most for the step under way. The index's step asks
 * at each file.
 */
final class EditWarmUp {
    /**
     * Rounds of the whole path: two. Over all runs the first edit's CPU was 179 ms with two (15 runs) against 244 ms
     * with one (8 runs; 194 against 174 ms without their collections): the second round fills the young generation
     * so that its collection comes during the warm-up (bench/RESULTS.md, w19-serve).
     */
    static final int ROUNDS = 2;

    // Free young space that a few edits do not fill (~22 MB allocated an edit, bench/RESULTS.md, w14-serve7).
    private static final long EDITS_ROOM = 64L << 20;

    /**
     * Free young space that the next edit does not fill: an Arabic edit of the 10k archive allocated ~25 MB of a young
     * generation that the collector had sized to 45-65 MB of eden (bench/RESULTS.md, w20-serve).
     */
    static final long EDIT_ROOM = 32L << 20;

    // a paragraph with words of the archive's languages' common kind: an edit's analysis, not a new script
    private static final String PARAGRAPH = "\n\nThe minister said the talks would continue.\n";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] STEPS = {"read+model", "plan", "page", "index", "collection"};

    private final Supplier<LiveLibrary.Trial> trial;
    private final PreviewRun run;
    private final ModelHash hasher;
    private final List<String> checked;
    private final LongSupplier lastHeard;
    private final BooleanSupplier indexWaits;
    private final long heardBefore;
    // this thread's CPU time in each step so far (ns), and at the end of the last
    private final long[] stepCpu = new long[STEPS.length];
    private long lap = THREADS.getCurrentThreadCpuTime();
    // the step under way, for the log of a warm-up stopped
    private String step = "start";

    /**
     * @param trial   the live library's last snapshot, taken where the library is updated (see {@link
     *                LiveLibrary#trial})
     * @param checked the served plan's site paths (its pages are not claimed again), or null
     * @param lastHeard when the watcher last heard a change ({@link System#nanoTime()}): once it moves, an edit is
     *                  coming and the warm-up stops
     * @param indexWaits whether a newer index waits for the thread the warm-up runs on
     */
    EditWarmUp(
            Supplier<LiveLibrary.Trial> trial,
            PreviewRun run,
            ModelHash hasher,
            List<String> checked,
            LongSupplier lastHeard,
            BooleanSupplier indexWaits) {
        this.trial = trial;
        this.run = run;
        this.hasher = hasher;
        this.checked = checked;
        this.lastHeard = lastHeard;
        this.indexWaits = indexWaits;
        this.heardBefore = lastHeard.getAsLong();
    }

    /**
     * Runs {@link #ROUNDS} rounds on the first Markdown dispatch (else the first dispatch), then a young collection;
     * returns what it did, for the log.
     */
    String run() throws IOException {
        try {
            check();
            // taken once: the live library changes only with an edit, and that ends the warm-up
            LiveLibrary.Trial snapshot = trial.get();
            String done = "nothing to edit";
            for (int round = 0; round < ROUNDS; round++) {
                done = round(snapshot);
            }
            done += "; " + youngCollection(this::check);
            lap(4);
            StringBuilder cpu = new StringBuilder("; CPU by step (ms):");
            for (int i = 0; i < STEPS.length; i++) {
                cpu.append(i == 0 ? " " : ", ").append(STEPS[i]).append(' ').append(stepCpu[i] / 1_000_000);
            }
            return done + cpu;
        } finally {
            run.endWarmUp(); // stopped or not: the index's writes stop keeping what it repeats
        }
    }

    private String round(LiveLibrary.Trial snapshot) throws IOException {
        step = "read+model";
        String file = firstMarkdown(snapshot.dispatches());
        check();
        Optional<Library> edited = file == null ? Optional.empty() : snapshot.edited(file, PARAGRAPH);
        if (edited.isEmpty()) {
            return "nothing to edit";
        }
        lap(0);
        step = "plan";
        PreviewRun.Site site = run.plan(edited.get(), new Diagnostics(), checked);
        lap(1);
        step = "page";
        String page = "no page rendered";
        for (PageJob job : site.plan().jobs()) {
            if (job.kind() == PageKind.ARTICLE && job.owner().equals(file)) {
                page = render(site, job);
                break;
            }
        }
        lap(2);
        step = "index";
        String index = run.warmIndex(this::check);
        lap(3);
        step = "collection";
        return file + " read, planned, " + page + "; " + index;
    }

    /** The page's model built, hashed and rendered as an answer is, and dropped. */
    private String render(PreviewRun.Site site, PageJob job) {
        Map<String, Object> model = job.model().get();
        try {
            check();
            hasher.of(job.template() + "#warm-up", model);
            check();
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

    /** Adds this thread's CPU time since the last lap to {@code step}'s, then {@link #check}s. */
    private void lap(int step) {
        long now = THREADS.getCurrentThreadCpuTime();
        stepCpu[step] += now - lap;
        lap = now;
        check();
    }

    /** Ends the warm-up with a {@link CancellationException} once a change is heard or a newer index waits. */
    private boolean check() {
        long heard = lastHeard.getAsLong();
        if (heard != heardBefore) {
            throw new CancellationException(String.format(
                    Locale.ROOT,
                    "%.1f ms after the change was heard, in its %s",
                    (System.nanoTime() - heard) / 1e6,
                    step));
        }
        if (indexWaits.getAsBoolean()) {
            throw new CancellationException("a newer index waits");
        }
        return false;
    }

    /**
     * When the young generation has less than {@link #EDITS_ROOM} free, fills it with short-lived blocks until a
     * collection happens: what the first edits would otherwise collect (this warm-up's garbage, the first index's
     * survivors) is collected now. With more free, the first edits do not fill it, and touching its fresh pages costs
     * CPU (264 ms for 49 MB, measured): nothing is done. A young collection, not {@link System#gc()}: that is a full
     * one with the parallel collector (170-250 ms of CPU, a 0.3-0.7 s pause on the 10k archive's heap, measured).
     */
    static String youngCollection(BooleanSupplier stop) {
        return youngCollection(stop, EDITS_ROOM); // stop throws to end it (see check)
    }

    /**
     * Between edits, once an edit's index is written: {@link #youngCollection} when under {@link #EDIT_ROOM} is free,
     * so that the next edit's index does not wait for a collection (its pauses were 12-180 ms at load 5-8, in every
     * other Arabic edit). It stops as soon as a newer index is asked for or {@code lastHeard} passes the edit's change.
     */
    static SearchRefresh.Idle betweenEdits(LongSupplier lastHeard) {
        return (since, newer) ->
                youngCollection(() -> newer.getAsBoolean() || lastHeard.getAsLong() > since, EDIT_ROOM);
    }

    /** {@link #youngCollection(BooleanSupplier)} when under {@code room} is free; stops when {@code stop} is true. */
    static String youngCollection(BooleanSupplier stop, long room) {
        long collections = collections();
        long free = -1;
        long capacity = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getName().contains("Eden")) {
                MemoryUsage usage = pool.getUsage();
                capacity = usage.getCommitted(); // what it holds until the next collection
                free = Math.max(0, capacity - usage.getUsed());
            }
        }
        if (free < 0 || free >= room) {
            return String.format(Locale.ROOT, "no collection needed (%d MB free)", free >> 20);
        }
        long allocated = 0;
        byte[] block = null;
        // until a collection comes (its free space as the pool reports it was seen to be too small: 7 MB filled, no
        // collection, and the first edit then paid one of 360 ms); at most a little past its whole size
        while (collections() == collections && allocated <= capacity + (8 << 20) && !stop.getAsBoolean()) {
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
