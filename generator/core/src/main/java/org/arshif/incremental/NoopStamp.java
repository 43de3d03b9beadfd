package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.CheckedFile;

/**
 * The no-op fast path of an incremental build. After a successful build, a stamp in the cache folder records a
 * digest of the file stats of every input (path, size, modification time in nanoseconds, file key: the inode on
 * Unix), of git's HEAD, refs and index, of the options and Arshif's own code, the stats of every file of the
 * output, and the first instant at which the clock alone would change the site (a scheduled dispatch falls due,
 * an expiry passes). When all of it still matches, the site is what a build would write, and the build does
 * nothing but report the last build's summary and findings again. Anything unreadable or different: a real build.
 */
public final class NoopStamp {
    private static final String FILE = "noop-stamp.bin";
    /** The output's stat lines as the last build left them ({@link OutputRecheck#save}). */
    private static final String OUTPUT_FILE = "noop-stamp-output.bin";
    /** Coarser than any file system's timestamp granularity that Arshif runs on. */
    private static final Duration RACY = Duration.ofSeconds(2);

    /** What the last build reported, reported again when nothing changed. */
    public record Summary(
            Map<String, Integer> pagesPerLanguage,
            int tags,
            long files,
            long bytes,
            int pages,
            int sources,
            List<Diagnostic> findings) {}

    /**
     * @param digest the digest of the inputs' stats
     * @param newest the newest modification time among them: a file changed within the file system's timestamp
     *               granularity of the stamp could change again unseen (git's "racy" files)
     * @param sourceBytes the bytes of the dispatch files under {@code content/} the walk saw, for the load (which
     *               would otherwise look at each of them again to know whether to pack bodies)
     */
    public record Inputs(String digest, Instant newest, long sourceBytes) {}

    private NoopStamp() {}

    /**
     * The digest of everything a build reads: the site root's own entries (its files, and its folders by name),
     * everything under {@code content/} and the templates folder (links followed; the output, the cache,
     * {@code .git} and Maven's {@code target/} left out), git's state, and {@code options} (every setting of the
     * build and the code fingerprint); null when something cannot be read. No other folder of the site root is
     * entered: a build reads nothing there but through a link under {@code content/} or the templates, whose
     * target the walk stats (the bench archive's 7,000 {@code hugo-adapter/} files were a third of the walk).
     */
    static Inputs inputs(Path siteRoot, Path templates, Path output, Path cache, String options) {
        try {
            MessageDigest digest = TreeStats.sha256();
            long[] newest = {Long.MIN_VALUE};
            TreeStats.update(digest, "options " + options);
            List<Path> skipped = List.of(output, cache, siteRoot.resolve(".git"), siteRoot.resolve("target"));
            long[] sourceBytes = {0};
            Path contentDir = siteRoot.resolve(ContentLoader.CONTENT_DIR);
            String content = contentDir + siteRoot.getFileSystem().getSeparator();
            int cut = contentDir.toString().length() - ContentLoader.CONTENT_DIR.length();
            Predicate<Path> unread = dir -> siteRoot.equals(dir.getParent()) && !dir.equals(contentDir);
            TreeStats.statTree(digest, siteRoot, skipped, unread, newest, (file, a) -> {
                String text = file.toString();
                if (text.startsWith(content) && ContentLoader.isSource(text.substring(cut))) {
                    sourceBytes[0] += a.size();
                }
            });
            if (!templates.startsWith(contentDir)) {
                TreeStats.statTree(digest, templates, skipped, null, newest, null);
            }
            GitState.digest(digest, siteRoot);
            // Last: a check computes it beside the walk (the jar's 500 entries read, once per process).
            TreeStats.update(digest, "\ncode " + CodeFingerprint.current());
            return new Inputs(
                    HexFormat.of().formatHex(digest.digest()), Instant.EPOCH.plusNanos(newest[0]), sourceBytes[0]);
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * @param inputs  the inputs' stats, for the stamp of this build; null when they could not be read
     * @param unchanged the last build's summary when nothing changed since it
     * @param vouched when the output is exactly what the last build left: its files (so it may be updated in
     *                place) and their stats (so the stamp after that update needs no second walk); else null. Asked
     *                for once the build has loaded its inputs: the output's walk runs beside the load.
     * @param stampId the stats of the stamp file that vouched for them
     */
    public record Check(Inputs inputs, Optional<Summary> unchanged, Supplier<OutputStamp> vouched, String stampId) {
        public Check(Inputs inputs, Optional<Summary> unchanged) {
            this(inputs, unchanged, () -> null, null);
        }

        /** The output's stamp when it is exactly what the last build left; else null. Waits for its walk. */
        public OutputStamp output() {
            return vouched.get();
        }

        /** The output's files when it is exactly what the last build left; else null. */
        public List<String> outputFiles() {
            OutputStamp output = output();
            return output == null ? null : output.files();
        }

        /**
         * Whether the stamp is still the one that vouched for the output: called under the output's lock, it is
         * not when another build committed since this check (every build replaces or drops the stamp).
         */
        public boolean stillVouches(Path cache) {
            return output() != null && stampId != null && stampId.equals(id(cache.resolve(FILE)));
        }
    }

    private static String id(Path file) {
        try {
            return TreeStats.stat(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Reads the inputs' stats and, when a stamp is there, compares them, the output's stats and the clock
     * {@code now} with it. The two walks are most of a no-op's time: this thread reads the inputs while a thread
     * of its own walks the output's top-level entries. When the inputs changed the build is a real one, and it
     * does not wait for the output's walk (it needs it only to open its output, after the load); else this
     * thread helps finish it.
     */
    public static Check check(Path siteRoot, Path templates, Path output, Path cache, String options, Instant now) {
        Path file = cache.resolve(FILE);
        String stampId = id(file); // before the stamp is read: one replaced meanwhile no longer vouches
        StampFile saved = StampFile.read(file);
        if (saved == null) {
            return new Check(inputs(siteRoot, templates, output, cache, options), Optional.empty());
        }
        Executor background = task -> {
            Thread walker = new Thread(task, "arshif-output-stamp");
            walker.setDaemon(true); // a load that fails leaves it to finish unheard
            walker.start();
        };
        background.execute(CodeFingerprint::current);
        // The recorded stat lines are read on that thread too (7 MB at 10,000 dispatches); without them, a walk.
        CompletableFuture<OutputStamp.Pending> checking = new CompletableFuture<>();
        background.execute(() -> {
            List<Runnable> work = new ArrayList<>(); // run here once the check is known: a waiting thread helps
            try {
                OutputStamp recorded = OutputRecheck.load(cache.resolve(OUTPUT_FILE), output, saved.output());
                checking.complete(
                        recorded != null
                                ? OutputRecheck.start(output, recorded, work::add)
                                : OutputWalk.start(output, work::add));
            } catch (RuntimeException | Error e) {
                checking.completeExceptionally(e);
            }
            work.forEach(Runnable::run);
        });
        Supplier<OutputStamp> vouched = once(() -> {
            try {
                OutputStamp walked = checking.get().result();
                return saved.output().equals(walked.digest()) ? walked : null;
            } catch (ExecutionException | RuntimeException e) {
                return null; // an output that cannot be read: the build swaps in a whole new one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        });
        Inputs inputs = inputs(siteRoot, templates, output, cache, options);
        boolean clockStill = !now.isBefore(saved.builtAt()) && now.isBefore(saved.nextChange());
        if (inputs == null || !clockStill || !saved.inputs().equals(inputs.digest())) {
            return new Check(inputs, Optional.empty(), vouched, stampId);
        }
        OutputStamp same = vouched.get();
        return new Check(inputs, same != null ? Optional.of(saved.summary()) : Optional.empty(), () -> same, stampId);
    }

    /** {@code value}'s answer, asked for once: the build asks for the output's stamp several times. */
    private static <T> Supplier<T> once(Supplier<T> value) {
        return new Supplier<>() {
            private boolean asked;
            private T answer;

            @Override
            public synchronized T get() {
                if (!asked) {
                    answer = value.get();
                    asked = true;
                }
                return answer;
            }
        };
    }

    /**
     * Drops the stamp before an in-place commit: until a new one is written after it, the next build trusts
     * neither the inputs nor the output, and swaps in a whole new site.
     */
    public static void forget(Path cache) {
        try {
            Files.deleteIfExists(cache.resolve(FILE));
        } catch (IOException e) {
            throw new ContentException(Diagnostic.error(
                    cache.resolve(FILE).toString(),
                    0,
                    0,
                    "cannot delete the no-op stamp before the site is updated in place (" + e.getMessage()
                            + "); make the cache folder writable, or delete it"));
        }
    }

    /**
     * Writes the stamp of a build that has just put its site in place; a stamp that cannot be written is left out.
     *
     * @param committedAt when the site was put in place: an input changed less than two seconds before it makes
     *                    the stamp's inputs untrusted (the stamp itself may be written later, after an answer)
     */
    public static void save(
            Path cache,
            Inputs inputs,
            IncrementalBuild output,
            Instant builtAt,
            Instant committedAt,
            Instant nextChange,
            Summary summary,
            Consumer<String> log,
            CheckedFile.Writes writes) {
        Path file = cache.resolve(FILE);
        try {
            writes.delete(file);
            String digest = inputs.digest();
            if (inputs.newest().plus(RACY).isAfter(committedAt)) {
                log.accept("Incremental build: an input changed less than " + RACY.toSeconds()
                        + " s ago, so the next build checks every file again");
                digest = "racy"; // never matches: only the output's part of the stamp is trusted
            }
            OutputStamp stamp = output.outputStamp();
            OutputRecheck.save(cache.resolve(OUTPUT_FILE), stamp, writes); // first: the stamp names its digest
            StampFile saved = new StampFile(digest, stamp.digest(), builtAt, nextChange, summary);
            writes.write(file, saved::write);
        } catch (IOException | UncheckedIOException e) {
            log.accept("Incremental build: no no-op stamp written (" + e.getMessage() + ")");
            try {
                writes.delete(file);
            } catch (IOException ignored) {
                // Without a stamp the next build is a normal one anyway.
            }
        }
    }

    /** The files {@link #save} writes in {@code cache}. */
    public static List<Path> files(Path cache) {
        return List.of(cache.resolve(OUTPUT_FILE), cache.resolve(FILE));
    }

    /**
     * The first instant after {@code now} at which the clock alone changes what is published: a dispatch's date
     * (a scheduled one falls due) or its expiry; {@link Instant#MAX} when there is none.
     */
    public static Instant nextChange(List<Dispatch> dispatches, Instant now) {
        Instant next = Instant.MAX;
        for (Dispatch d : dispatches) {
            Instant date = d.date() == null ? null : d.date().toInstant();
            Instant expiry = d.meta() == null || d.meta().expiry() == null
                    ? null
                    : d.meta().expiry().toInstant();
            Instant publish = d.meta() == null || d.meta().publish() == null
                    ? null
                    : d.meta().publish().toInstant();
            for (Instant at : new Instant[] {date, expiry, publish}) {
                if (at != null && at.isAfter(now) && at.isBefore(next)) {
                    next = at;
                }
            }
        }
        return next;
    }
}
