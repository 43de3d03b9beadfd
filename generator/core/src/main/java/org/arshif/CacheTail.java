package org.arshif;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.arshif.incremental.CacheFill;
import org.arshif.incremental.IncrementalBuild;
import org.arshif.incremental.NoopStamp;

/**
 * What a build with a cache writes once its site is in place, still holding the output's lock: the page cache and
 * the no-op stamp. A first build (one that fills the cache) in a process that stays may answer its caller before
 * them (see {@link Arshif.Builder#answerBeforeFill}); the rest of the cache is then written under a
 * {@link CacheFill} marker, all or nothing.
 */
final class CacheTail {
    private CacheTail() {}

    /** The no-op stamp's inputs and what it says of the build: null inputs, no stamp. */
    record Stamp(NoopStamp.Inputs inputs, Instant builtAt, Instant nextChange, NoopStamp.Summary summary) {}

    /**
     * @param answer     called with the report before the page cache and the no-op stamp are written, when the
     *                   build fills the cache; null: everything is written before this returns
     * @param fillWanted asked after the answer, before the first write: false abandons the fill
     */
    static void finish(
            Path cache,
            IncrementalBuild build,
            Stamp stamp,
            BuildReport report,
            Consumer<BuildReport> answer,
            BooleanSupplier fillWanted,
            BuildLog log) {
        build.walkOutput();
        Instant committedAt = Instant.now();
        CacheFill fill = answer != null && build.fills() ? begin(cache, log) : null;
        if (fill == null) {
            save(cache, build, stamp, committedAt, log);
            return;
        }
        try (fill) {
            answer.accept(report);
            long start = System.nanoTime();
            build.prepareCaches(); // the CPU first: the writes then take a few milliseconds
            if (!fillWanted.getAsBoolean()) {
                // A mvn clean (or another process's build) took the cache meanwhile: writing now would race it.
                log.info("Incremental build: the cache fill after the answer is abandoned: the cache is no longer"
                        + " this process's");
                return;
            }
            save(cache, build, stamp, committedAt, log);
            fill.finished();
            log.info("Incremental build: the cache filled after the answer in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
        } catch (IOException e) {
            log.info("Incremental build: the cache fill after the answer failed (" + e.getMessage() + "); the next"
                    + " build discards it");
        }
    }

    private static CacheFill begin(Path cache, BuildLog log) {
        try {
            return CacheFill.begin(cache);
        } catch (IOException e) {
            log.info("Incremental build: cannot mark the cache as being filled (" + e.getMessage() + "), so it is"
                    + " filled before the answer");
            return null;
        }
    }

    private static void save(Path cache, IncrementalBuild build, Stamp stamp, Instant committedAt, BuildLog log) {
        build.saveCaches();
        if (stamp.inputs() != null) {
            NoopStamp.save(
                    cache,
                    stamp.inputs(),
                    build,
                    stamp.builtAt(),
                    committedAt,
                    stamp.nextChange(),
                    stamp.summary(),
                    log::info);
        }
    }
}
