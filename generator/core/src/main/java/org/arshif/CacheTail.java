package org.arshif;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.arshif.incremental.AfterAnswer;
import org.arshif.incremental.CacheFill;
import org.arshif.incremental.IncrementalBuild;
import org.arshif.incremental.NoopStamp;
import org.arshif.incremental.PageCache;
import org.arshif.internal.CheckedFile;
import org.arshif.pipeline.BuildTarget;
import org.arshif.site.Library;

/**
 * What a build with a cache writes once its site is in place, still holding the output's lock: the page cache and
 * the no-op stamp. A first build (one that fills the cache) in a process that stays may answer its caller before
 * them (see {@link Arshif.Builder#answerBeforeFill}); the rest of the cache is then written under a
 * {@link CacheFill} marker, all or nothing.
 */
final class CacheTail {
    /* The steps of a fill after the answer at which it asks whether the cache is still its own. */
    /** Its CPU done, before any write. */
    static final String COMPUTED = "computed";
    /** Its deferred files written. */
    static final String WRITTEN = "written";
    /** The page manifest and no-op stamp written, before the marker goes. */
    static final String SAVED = "saved";

    private CacheTail() {}

    /**
     * How a build's cache is finished.
     *
     * @param answer     called with the report before the page cache and the no-op stamp are written, when the
     *                   build fills the cache; null: everything is written before the build returns
     * @param fillWanted asked after the answer at each step of the fill ({@link #COMPUTED}, {@link #WRITTEN}, {@link #SAVED}), with its name: false stops
     *                   the fill there, leaving its marker (a {@code mvn clean} or another build took the cache)
     */
    record Fill(Consumer<BuildReport> answer, Predicate<String> fillWanted, BuildLog log) {
        /** Before the render: a first build that answers before its fill makes its pages' fingerprints after. */
        void prepare(BuildTarget target) {
            if (answer != null && target instanceof IncrementalBuild incremental) {
                incremental.deferFingerprints();
            }
        }

        /**
         * One build's: with the no-op check's {@code stamp} (null: none), started at {@code now}, with {@code cache}
         * (null: none); a first build (no page manifest in the cache) that answers early leaves its parse cache's
         * work until after the answer.
         */
        Run run(NoopStamp.Check stamp, Instant now, Path cache) {
            boolean first = answer != null && cache != null && !PageCache.holdsABuild(cache);
            return new Run(
                    stamp == null ? new NoopStamp.Check(null, Optional.empty()) : stamp,
                    now,
                    this,
                    first ? new AfterAnswer() : null);
        }
    }

    /**
     * One build's cache ending.
     *
     * @param stamp the no-op check's stats of the inputs read before loading and of the output
     * @param now   the instant the build started (null: no stamp)
     * @param later the cache work left until after the answer ({@link AfterAnswer}); null: none
     */
    record Run(NoopStamp.Check stamp, Instant now, Fill fill, AfterAnswer later) {
        /** Before the render: see {@link Fill#prepare}. */
        void prepare(BuildTarget target) {
            fill.prepare(target);
        }

        /** Where a cache file's write goes: after the answer with {@link #later}, else at once. */
        Consumer<CheckedFile.Later> writes() {
            return later == null ? w -> w.write().accept(CheckedFile.AT_ONCE) : later::addWrite;
        }

        /** The build failed: what it left for after its answer is done now, as a build without one does it. */
        void failed(RuntimeException failure) {
            if (later != null) {
                try {
                    later.runAll();
                } catch (RuntimeException e) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    /** The no-op stamp's inputs and what it says of the build: null inputs, no stamp. */
    record Stamp(NoopStamp.Inputs inputs, Instant builtAt, Instant nextChange, NoopStamp.Summary summary) {
        /** What the stamp of a build that started at {@code now} and reported {@code report} says. */
        static Stamp of(
                NoopStamp.Inputs inputs, Instant now, Library library, IncrementalBuild build, BuildReport report) {
            NoopStamp.Summary summary = new NoopStamp.Summary(
                    report.pagesPerLanguage(),
                    report.tags(),
                    report.filesWritten(),
                    report.bytesWritten(),
                    build.pages(),
                    library.identities().size(),
                    report.findings());
            Instant next = inputs == null ? null : NoopStamp.nextChange(library.dispatches(), now);
            return new Stamp(inputs, now, next, summary);
        }
    }

    /**
     * The no-op check of a build with a cache (none without one), after a fill of the cache still under way
     * elsewhere is waited for and one cut short discarded (see {@link CacheFill}).
     */
    static NoopStamp.Check check(
            Path cache, Path siteRoot, Path templates, Path output, String options, Instant now, BuildLog log) {
        if (cache == null) {
            return new NoopStamp.Check(null, Optional.empty());
        }
        try {
            CacheFill.settle(cache).forEach(log::info);
        } catch (IOException e) {
            // Then the cache is as a build cut short after its commit leaves it: each file checks itself.
            log.info("Incremental build: cannot check the cache's fill marker (" + e.getMessage() + ")");
        }
        return NoopStamp.check(siteRoot, templates, output, cache, options, now);
    }

    /** The report of a build that found nothing changed, from what the last build's stamp says of it. */
    static BuildReport unchanged(
            NoopStamp.Summary last, List<BuildReport.Phase> phases, PhaseTimer timer, BuildLog log) {
        // The counts in the words of a real incremental build, which tools and tests read.
        log.info("Incremental build: nothing changed since the last build; parsed 0 files, reused " + last.sources()
                + "; rendered 0 pages, reused " + last.pages());
        phases.add(timer.phase("unchanged"));
        return new BuildReport(
                last.pagesPerLanguage(), last.tags(), last.files(), last.bytes(), List.copyOf(phases), last.findings());
    }

    /**
     * Writes the page cache and the no-op stamp of a build {@code run} (the stamp with the inputs as its check read
     * them; null inputs: no stamp) that reported {@code report}; first answers with the report when {@code run}'s
     * fill says so, and then also does what the build left until after its answer.
     */
    static void finish(Path cache, IncrementalBuild build, Library library, BuildReport report, Run run) {
        Consumer<BuildReport> answer = run.fill().answer();
        BuildLog log = run.fill().log();
        AfterAnswer later = run.later() == null ? new AfterAnswer() : run.later();
        Stamp stamp = Stamp.of(run.stamp().inputs(), run.now(), library, build, report);
        build.walkOutput();
        Instant committedAt = Instant.now();
        CacheFill fill = answer != null && build.fills() ? begin(cache, files(cache, build, later, stamp), log) : null;
        if (fill == null) {
            later.runAll();
            save(cache, build, stamp, committedAt, log, CheckedFile.AT_ONCE);
            return;
        }
        try (fill) {
            answer.accept(report);
            long start = System.nanoTime();
            // The CPU first; then only the files made before the answer are written, in place (CacheFill).
            later.compute();
            build.prepareCaches();
            if (!wanted(COMPUTED, fill, run, log)) {
                later.discard();
                return;
            }
            later.write(fill.writes());
            if (!wanted(WRITTEN, fill, run, log)) {
                return;
            }
            save(cache, build, stamp, committedAt, log, fill.writes());
            if (!wanted(SAVED, fill, run, log) || !fill.finished()) {
                return;
            }
            log.info("Incremental build: the cache filled after the answer in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException | UncheckedIOException e) {
            log.info("Incremental build: the cache fill after the answer failed (" + e.getMessage() + "); the next"
                    + " build discards it");
        }
    }

    /**
     * Whether the fill goes on after {@code step}: its caller still wants it and its marker is still there; else one
     * line says why it stops (its marker, if still there, makes the next build discard what it wrote).
     */
    private static boolean wanted(String step, CacheFill fill, Run run, BuildLog log) {
        boolean asked = run.fill().fillWanted().test(step);
        boolean here = fill.stillHere(); // after the question, which may wait
        if (asked && here) {
            return true;
        }
        // A mvn clean (or rm -rf target) took the cache meanwhile: the files made before the answer went with it,
        // and nothing is written where a reader would look.
        log.info("Incremental build: the cache fill after the answer stopped (" + step + "): "
                + (here ? "the cache is no longer this process's" : "its folder was deleted, or is another build's")
                + "; nothing more is written");
        return false;
    }

    /** The files a fill after the answer writes, each made (empty) before the answer. */
    private static List<Path> files(Path cache, IncrementalBuild build, AfterAnswer later, Stamp stamp) {
        List<Path> files = new ArrayList<>(later.files());
        files.addAll(build.cacheFiles());
        if (stamp.inputs() != null) {
            files.addAll(NoopStamp.files(cache));
        }
        return files;
    }

    /**
     * Marks the cache as being filled and makes the fill's {@code files}; null when it cannot, and then the cache is
     * filled before the answer.
     */
    private static CacheFill begin(Path cache, List<Path> files, BuildLog log) {
        CacheFill fill;
        try {
            fill = CacheFill.begin(cache);
        } catch (IOException e) {
            log.info("Incremental build: cannot mark the cache as being filled (" + e.getMessage() + "), so it is"
                    + " filled before the answer");
            return null;
        }
        try {
            for (Path file : files) {
                fill.reserve(file);
            }
            return fill;
        } catch (IOException | RuntimeException e) {
            try (fill) {
                fill.finished(); // filled before the answer then, as without a marker
            } catch (IOException ignored) {
                // the marker left makes the next build discard the cache: correct, only slower
            }
            log.info("Incremental build: cannot make the cache's files before the answer (" + e.getMessage()
                    + "), so it is filled before it");
            return null;
        }
    }

    private static void save(
            Path cache, IncrementalBuild build, Stamp stamp, Instant committedAt, BuildLog log, CheckedFile.Writes to) {
        build.saveCaches(to);
        if (stamp.inputs() != null) {
            NoopStamp.save(
                    cache,
                    stamp.inputs(),
                    build,
                    stamp.builtAt(),
                    committedAt,
                    stamp.nextChange(),
                    stamp.summary(),
                    log::info,
                    to);
        }
    }
}
