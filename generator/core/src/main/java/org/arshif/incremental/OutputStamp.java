package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.arshif.internal.Fingerprint;

/**
 * The stats of every file and folder of the output, as one digest (a file edited, added or removed by hand
 * changes it), and the output's files: when the digest is the one the last build stamped, they are exactly the
 * files that build left, which an in-place commit needs to know what to delete.
 *
 * @param files   the output's regular files, {@code /}-separated and sorted
 * @param entries each top-level entry of the output, in the walk's order: what an in-place commit did not touch
 *                keeps its stats
 * @param root    the output folder's own stat line
 * @param readAt  when its stats were read (or last found unchanged): a folder modified shortly before may have
 *                changed again within its timestamp's tick
 */
record OutputStamp(String digest, List<String> files, Map<Path, Entry> entries, String root, Instant readAt) {
    /** The stamp of an output that is not there. */
    static final OutputStamp MISSING = new OutputStamp("missing", List.of(), Map.of(), "", Instant.EPOCH);
    /** The stamp of an output that is no longer what the last stamp recorded (never a stamp's digest). */
    static final OutputStamp CHANGED = new OutputStamp("changed", List.of(), Map.of(), "", Instant.EPOCH);
    /**
     * @param line  the entry's line of the output's digest
     * @param stats its stat lines (path from the entry, stat), sorted, as UTF-8, each path and stat ended by a NUL
     *              (no path has one): kept through the build, so a third of their size as 40,000 pairs of strings
     *              (about 3 MB at 10,000 dispatches); null when the entry was gone when walked
     */
    record Entry(String line, byte[] stats) {}

    record Part(Entry entry, List<String> files, List<BasicFileAttributes> stats) {}

    /**
     * The output's stamp and each regular file's stats, by path from the output ({@code /}-separated): after a
     * build that put a whole new site in place, the page cache's manifest takes its pages' stats from this walk
     * rather than reading each page's again.
     */
    record Walked(OutputStamp stamp, Map<String, BasicFileAttributes> files) {
        String digest() {
            return stamp.digest();
        }
    }

    /** @param pool where each top-level entry is walked; null: on this thread */
    static OutputStamp take(Path output, ExecutorService pool) throws ExecutionException, InterruptedException {
        return take(output, pool, true, null, null);
    }

    /**
     * @param whole also the output's files and each entry's stat lines; else the digest alone (and no files nor
     *              entries): after a full build nothing reads them, and they were 40 MB of garbage at its end
     * @param stats where each regular file's stats go, by path from the output; null: not needed
     */
    private static OutputStamp take(
            Path output, ExecutorService pool, boolean whole, Map<String, BasicFileAttributes> stats, StagedWalk staged)
            throws ExecutionException, InterruptedException {
        Listing listing;
        try {
            listing = Listing.of(output, staged);
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Future<Part>> parts = new ArrayList<>();
        for (Path entry : listing.entries()) {
            Part before =
                    staged == null ? null : staged.part(entry.getFileName().toString());
            Callable<Part> part = () -> part(output, entry, entry, whole, stats != null);
            parts.add(
                    before != null
                            ? CompletableFuture.completedFuture(before)
                            : pool != null ? pool.submit(part) : CompletableFuture.completedFuture(call(part)));
        }
        return assemble(output, listing, parts, whole, stats);
    }

    /** The output's top-level entries, sorted, and its own stats' line. */
    record Listing(List<Path> entries, String rootStat, Instant readAt) {
        /** @param staged entries walked before the site was committed: their stats were read when it began */
        static Listing of(Path output, StagedWalk staged) throws IOException {
            Instant readAt = staged == null ? Instant.now() : staged.startedAt();
            try (Stream<Path> list = Files.list(output)) {
                List<Path> entries = list.sorted().toList();
                return new Listing(entries, OutputStamp.rootStat(output), readAt);
            }
        }
    }

    /**
     * One top-level entry walked: its line of the digest, and its files' paths and stats when asked for.
     *
     * @param output where {@code entry} is, for its files' paths
     * @param named  where the entry is stamped as being: {@code entry} itself, or the same entry of the output
     *               when {@code entry} is in the staged site that becomes the output (its stats do not change)
     */
    static Part part(Path output, Path entry, Path named, boolean whole, boolean withStats) throws IOException {
        MessageDigest one = TreeStats.sha256();
        List<String> files = new ArrayList<>();
        List<BasicFileAttributes> attributes = new ArrayList<>();
        List<String[]> lines = TreeStats.statTree(
                one,
                entry,
                List.of(),
                null,
                whole || withStats
                        ? (file, a) -> {
                            files.add(relative(output, file));
                            attributes.add(a);
                        }
                        : null);
        if (!named.equals(entry) && lines == null) {
            throw new NoSuchFileException(entry.toString());
        }
        String line = named.equals(entry) ? line(entry, one) : line(named, treeHex(named, lines));
        return new Part(new Entry(line, whole ? pack(lines) : null), files, attributes);
    }

    static OutputStamp assemble(
            Path output,
            Listing listing,
            List<? extends Future<Part>> parts,
            boolean whole,
            Map<String, BasicFileAttributes> stats)
            throws ExecutionException, InterruptedException {
        MessageDigest digest = TreeStats.sha256();
        TreeStats.update(digest, listing.rootStat());
        List<String> files = new ArrayList<>();
        Map<Path, Entry> walked = new LinkedHashMap<>();
        for (int i = 0; i < listing.entries().size(); i++) {
            Part part = parts.get(i).get();
            TreeStats.update(digest, part.entry().line());
            if (stats != null) {
                for (int f = 0; f < part.files().size(); f++) {
                    stats.put(part.files().get(f), part.stats().get(f));
                }
            }
            if (whole) {
                files.addAll(part.files());
                walked.put(listing.entries().get(i), part.entry());
            }
        }
        files.sort(null);
        return new OutputStamp(
                HexFormat.of().formatHex(digest.digest()),
                List.copyOf(files),
                walked,
                listing.rootStat(),
                listing.readAt());
    }

    /** A stamp being made on another thread: a walk of the output, or a check of it against the last stamp. */
    interface Pending {
        /** The stamp; this thread helps to finish it. */
        OutputStamp result() throws ExecutionException, InterruptedException;
    }

    /**
     * The stamp {@link #take} would give after an in-place commit that moved in or deleted just {@code touched}
     * (paths from the output, {@code /}-separated): those files and the folders above them are read again, the
     * rest keeps its stats from before the build. Something else changed meanwhile is harmless: the next build
     * checks the whole output, and a stamp that does not match only makes it a real build.
     *
     * @return null when this stamp cannot tell (an entry it could not read, or a file where a folder was)
     */
    OutputStamp updated(Path output, Set<String> touched) throws IOException {
        if (entries.values().stream().anyMatch(e -> e.stats() == null)) {
            return null; // an entry gone while it was walked
        }
        Map<Path, TreeMap<String, String>> changed = new HashMap<>();
        TreeSet<String> nowFiles = new TreeSet<>(files);
        for (String rel : touched) {
            int slash = rel.indexOf('/');
            Path entry = output.resolve(slash < 0 ? rel : rel.substring(0, slash));
            TreeMap<String, String> lines = changed.computeIfAbsent(entry, e -> linesOf(entries.get(e)));
            String inner = slash < 0 ? "" : rel.substring(slash + 1);
            boolean known = restat(lines, entry, inner);
            for (int cut = inner.lastIndexOf('/'); known && cut >= 0; cut = inner.lastIndexOf('/', cut - 1)) {
                known = restat(lines, entry, inner.substring(0, cut));
            }
            if (!known || slash >= 0 && !restat(lines, entry, "")) {
                return null;
            }
            String stat = lines.get(inner);
            if (stat != null && TreeStats.isRegularFile(stat)) {
                nowFiles.add(rel);
            } else {
                nowFiles.remove(rel);
            }
        }
        TreeMap<Path, Entry> now = new TreeMap<>(entries);
        changed.forEach((entry, stats) -> {
            if (stats.isEmpty()) {
                now.remove(entry);
            } else {
                List<String[]> sorted = new ArrayList<>();
                stats.forEach((path, stat) -> sorted.add(new String[] {path, stat}));
                now.put(entry, new Entry(line(entry, treeHex(entry, sorted)), pack(sorted)));
            }
        });
        String root = rootStat(output);
        MessageDigest digest = TreeStats.sha256();
        TreeStats.update(digest, root);
        now.values().forEach(walked -> TreeStats.update(digest, walked.line()));
        return new OutputStamp(
                HexFormat.of().formatHex(digest.digest()),
                List.copyOf(nowFiles),
                new LinkedHashMap<>(now),
                root,
                readAt); // the rest of its stats were read then; those the commit touched since
    }

    /**
     * Reads {@code inner}'s stats again (a path under {@code entry}; empty: the entry itself) into its line, or
     * drops its line when it is gone; false when it changed between file and folder (its old lines would stay) or
     * cannot be read.
     */
    private static boolean restat(TreeMap<String, String> lines, Path entry, String inner) {
        Path path = inner.isEmpty() ? entry : entry.resolve(inner);
        String asFile = inner;
        String asFolder = inner + "/";
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            lines.remove(asFile);
            lines.remove(asFolder);
            return true;
        } catch (IOException e) {
            return false; // a file where a folder was, or unreadable: the whole walk tells
        }
        if (lines.containsKey(a.isDirectory() ? asFile : asFolder)) {
            return false;
        }
        lines.put(a.isDirectory() ? asFolder : asFile, TreeStats.stat(a));
        return true;
    }

    private static byte[] pack(List<String[]> stats) {
        if (stats == null) {
            return null;
        }
        StringBuilder packed = new StringBuilder();
        stats.forEach(s -> packed.append(s[0]).append('\0').append(s[1]).append('\0'));
        return packed.toString().getBytes(StandardCharsets.UTF_8);
    }

    static TreeMap<String, String> linesOf(Entry walked) {
        TreeMap<String, String> lines = new TreeMap<>();
        if (walked != null) {
            String[] parts = new String(walked.stats(), StandardCharsets.UTF_8).split("\0", -1);
            for (int i = 0; i + 1 < parts.length; i += 2) {
                lines.put(parts[i], parts[i + 1]);
            }
        }
        return lines;
    }

    /** What {@link TreeStats#statTree} stamps of a tree: its stat lines (path from the root, stat), sorted by path. */
    static String treeHex(Path root, List<String[]> stats) {
        Fingerprint tree = new Fingerprint().text("tree " + root);
        for (String[] entry : stats) {
            tree.text(entry[0]).text(entry[1]);
        }
        return tree.finish().hex();
    }

    /** One top-level entry's line of the output's digest, from {@link #treeHex} of its tree. */
    private static String line(Path entry, String treeHex) {
        MessageDigest one = TreeStats.sha256();
        TreeStats.update(one, treeHex);
        return line(entry, one);
    }

    private static String line(Path entry, MessageDigest one) {
        return entry.getFileName() + " " + HexFormat.of().formatHex(one.digest()) + "\n";
    }

    static String rootStat(Path output) throws IOException {
        return TreeStats.stat(Files.readAttributes(output, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * The digest alone: its top-level entries walked by two threads, as {@link NoopStamp#check} walks them (on
     * one, the 24,000 files of a 10,000-dispatch site took a second after the commit).
     */
    static String digest(Path output) throws IOException {
        return walk(output, null, false, null).digest();
    }

    /** The whole stamp after a build, for the no-op stamp: as {@link #take}, on two threads. */
    static OutputStamp whole(Path output) throws IOException {
        return walk(output, null, true, null);
    }

    /** The whole stamp, as {@link #whole}, and each regular file's stats (see {@link Walked}). */
    static Walked walk(Path output) throws IOException {
        return walk(output, null);
    }

    /** Like {@link #walk(Path)}, with the entries {@code staged} walked before the commit (null: none). */
    static Walked walk(Path output, StagedWalk staged) throws IOException {
        Map<String, BasicFileAttributes> files = new HashMap<>();
        OutputStamp stamp = walk(output, files, true, staged);
        return new Walked(stamp, files);
    }

    private static OutputStamp walk(
            Path output, Map<String, BasicFileAttributes> files, boolean whole, StagedWalk staged) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            return take(output, pool, whole, files, staged);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stamping the output", e);
        } catch (ExecutionException e) {
            throw new IOException("cannot stamp the output (" + e.getCause() + ")", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static String relative(Path output, Path file) {
        // Cut rather than relativized: the walk already made each path from the output's.
        return file.toString().substring(output.toString().length() + 1).replace('\\', '/');
    }

    private static Part call(Callable<Part> part) {
        try {
            return part.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
