package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
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
            MessageDigest digest = sha256();
            long[] newest = {Long.MIN_VALUE};
            update(digest, "options " + options);
            List<Path> skipped = List.of(output, cache, siteRoot.resolve(".git"), siteRoot.resolve("target"));
            long[] sourceBytes = {0};
            Path contentDir = siteRoot.resolve(ContentLoader.CONTENT_DIR);
            String content = contentDir + siteRoot.getFileSystem().getSeparator();
            int cut = contentDir.toString().length() - ContentLoader.CONTENT_DIR.length();
            Predicate<Path> unread = dir -> siteRoot.equals(dir.getParent()) && !dir.equals(contentDir);
            statTree(digest, siteRoot, skipped, unread, newest, (file, a) -> {
                String text = file.toString();
                if (text.startsWith(content) && ContentLoader.isSource(text.substring(cut))) {
                    sourceBytes[0] += a.size();
                }
            });
            if (!templates.startsWith(contentDir)) {
                statTree(digest, templates, skipped, null, newest, null);
            }
            GitState.digest(digest, siteRoot);
            // Last: a check computes it beside the walk (the jar's 500 entries read, once per process).
            update(digest, "\ncode " + CodeFingerprint.current());
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
            return stat(Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
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
            Consumer<String> log) {
        Path file = cache.resolve(FILE);
        try {
            Files.deleteIfExists(file);
            String digest = inputs.digest();
            if (inputs.newest().plus(RACY).isAfter(committedAt)) {
                log.accept("Incremental build: an input changed less than " + RACY.toSeconds()
                        + " s ago, so the next build checks every file again");
                digest = "racy"; // never matches: only the output's part of the stamp is trusted
            }
            OutputStamp stamp = output.outputStamp();
            OutputRecheck.save(cache.resolve(OUTPUT_FILE), stamp); // first: the stamp names its digest
            StampFile saved = new StampFile(digest, stamp.digest(), builtAt, nextChange, summary);
            CheckedFile.write(file, saved::write);
        } catch (IOException | UncheckedIOException e) {
            log.accept("Incremental build: no no-op stamp written (" + e.getMessage() + ")");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // Without a stamp the next build is a normal one anyway.
            }
        }
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

    /**
     * Sorted by path, so the digest does not depend on the order the file system lists a folder in.
     *
     * @param newest where the newest modification time goes, for inputs (links followed); null for the output
     * @param files  hears every regular file, with its stats; null: not needed
     * @return the tree's stat lines (path from the root, stat), sorted by path; null when the root is absent
     */
    static List<String[]> statTree(
            MessageDigest into,
            Path root,
            List<Path> skipped,
            long[] newest,
            BiConsumer<Path, BasicFileAttributes> files)
            throws IOException {
        return statTree(into, root, skipped, null, newest, files);
    }

    /** @param unread folders named by a stat line but not entered (null: every folder is entered) */
    static List<String[]> statTree(
            MessageDigest into,
            Path root,
            List<Path> skipped,
            Predicate<Path> unread,
            long[] newest,
            BiConsumer<Path, BasicFileAttributes> files)
            throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            update(into, "absent " + root);
            return null;
        }
        // Paths cut from the root's text, not relativized; sorted once; hashed with XXH3, not SHA-256 (no C1
        // intrinsic): the walks of a 10,000-dispatch archive's 74,000 entries spent most of their time in those three.
        String rootText = root.toString();
        int cut = rootText.endsWith(root.getFileSystem().getSeparator()) ? rootText.length() : rootText.length() + 1;
        List<String[]> stats = new ArrayList<>();
        var options = newest != null ? EnumSet.of(FileVisitOption.FOLLOW_LINKS) : EnumSet.noneOf(FileVisitOption.class);
        Files.walkFileTree(root, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            private String relative(Path p) {
                String text = p.toString();
                return text.length() <= cut ? "" : text.substring(cut);
            }

            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                if (skipped.contains(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                // An input folder's own stats say nothing its entries do not, except that a skipped child appeared:
                // Maven's target/, which the first build creates for its cache, would make the next build a real one.
                stats.add(new String[] {relative(dir) + "/", newest != null ? "folder" : stat(a)});
                return unread != null && unread.test(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                if (!skipped.contains(file)) {
                    stats.add(new String[] {relative(file), stat(a)});
                    if (files != null && a.isRegularFile()) {
                        files.accept(file, a);
                    }
                    if (newest != null) {
                        newest[0] = Math.max(newest[0], a.lastModifiedTime().to(TimeUnit.NANOSECONDS));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // A link loop or a dangling link is an input the build reports on: its name is stamped.
                stats.add(new String[] {relative(file), "failed " + e.getClass().getSimpleName()});
                return FileVisitResult.CONTINUE;
            }
        });
        stats.sort((x, y) -> x[0].compareTo(y[0]));
        update(into, OutputStamp.treeHex(root, stats));
        return stats;
    }

    /** A file's stat line: its kind (folder, regular file or other), size, modification time and file key. */
    static String stat(BasicFileAttributes a) {
        long nanos = a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        String kind = a.isDirectory() ? "d" : a.isRegularFile() ? "f" : "o";
        return kind + " " + (a.isDirectory() ? 0 : a.size()) + " " + nanos + " " + a.fileKey();
    }

    /** Whether a {@link #stat} line is a regular file's. */
    static boolean isRegularFile(String stat) {
        return stat.startsWith("f ");
    }

    static void update(MessageDigest digest, String s) {
        digest.update(s.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
