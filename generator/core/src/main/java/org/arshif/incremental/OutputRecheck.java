package org.arshif.incremental;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Whether the output is still what the last build's stamp recorded, as git's index tells a clean work tree: each
 * recorded file and folder read once ({@code lstat}), no folder listed. A file added to or removed from a folder
 * changes the folder's modification time, so a folder whose time is the recorded one has the recorded entries;
 * only a folder changed since shortly before the last build began (within a timestamp's granularity of what that
 * build recorded) is listed and its entries' names compared. A walk of the 24,000 files and as many folders of a
 * 10,000-dispatch site listed every folder and sorted, hashed and packed every stat line again: it was the largest
 * part of a one-edit build's CPU before its load.
 */
final class OutputRecheck implements OutputStamp.Pending {
    /** Coarser than any file system's timestamp granularity that Arshif runs on. */
    private static final Duration RACY = Duration.ofSeconds(2);

    private final Path output;
    private final OutputStamp last;
    /** A folder modified at or after this instant may have changed within its timestamp's tick unseen. */
    private final long racySince;

    private final Instant startedAt = Instant.now();
    private final SharedTasks<Boolean> entries;

    private OutputRecheck(Path output, OutputStamp last, Executor background) {
        this.output = output;
        this.last = last;
        Instant racy = last.readAt().minus(RACY);
        this.racySince = racy.getEpochSecond() * 1_000_000_000L + racy.getNano();
        List<Callable<Boolean>> tasks = new ArrayList<>();
        tasks.add(this::rootHolds);
        last.entries().forEach((entry, recorded) -> tasks.add(() -> entryHolds(entry, recorded)));
        this.entries = SharedTasks.start(tasks, background);
    }

    /** Begins checking {@code output} against {@code last} on {@code background}. */
    static OutputRecheck start(Path output, OutputStamp last, Executor background) {
        return new OutputRecheck(output, last, background);
    }

    /**
     * The last stamp, read again now, when the output still holds it; else {@link OutputStamp#CHANGED}. Helps
     * finish the check.
     */
    @Override
    public OutputStamp result() throws ExecutionException, InterruptedException {
        for (boolean holds : entries.results()) {
            if (!holds) {
                return OutputStamp.CHANGED;
            }
        }
        return new OutputStamp(last.digest(), last.files(), last.entries(), last.root(), startedAt);
    }

    private boolean rootHolds() throws IOException {
        BasicFileAttributes a = lstat(output);
        if (a == null || !NoopStamp.stat(a).equals(last.root())) {
            return false;
        }
        if (!racy(a)) {
            return true;
        }
        Set<String> recorded = new HashSet<>();
        last.entries()
                .keySet()
                .forEach(entry -> recorded.add(entry.getFileName().toString()));
        return recorded.equals(names(output));
    }

    /** Every recorded line of one top-level entry still its file's or folder's, and no racy folder's names changed. */
    private boolean entryHolds(Path entry, OutputStamp.Entry recorded) throws IOException {
        byte[] stats = recorded.stats();
        if (stats == null) {
            return false;
        }
        // Read in place: the lines of the larger language are 4 MB at 10,000 dispatches, and split as one text
        // they were most of this check's CPU.
        List<String> inners = new ArrayList<>();
        List<String> racyFolders = new ArrayList<>();
        for (int at = 0; at < stats.length; ) {
            int pathEnd = end(stats, at);
            int statEnd = end(stats, pathEnd + 1);
            String inner = new String(stats, at, pathEnd - at, StandardCharsets.UTF_8);
            boolean folder = inner.endsWith("/");
            Path path = inner.isEmpty() || inner.equals("/")
                    ? entry
                    : entry.resolve(folder ? inner.substring(0, inner.length() - 1) : inner);
            BasicFileAttributes a = lstat(path);
            if (a == null) {
                return false;
            }
            byte[] stat = NoopStamp.stat(a).getBytes(StandardCharsets.UTF_8);
            if (!Arrays.equals(stats, pathEnd + 1, statEnd, stat, 0, stat.length)) {
                return false;
            }
            if (folder && racy(a)) {
                racyFolders.add(inner);
            }
            inners.add(inner);
            at = statEnd + 1;
        }
        return racyFolders.isEmpty() || sameNames(entry, inners, racyFolders);
    }

    /** Where the text at {@code from} ends: its NUL (every path and stat ends with one). */
    private static int end(byte[] stats, int from) throws IOException {
        for (int i = from; i < stats.length; i++) {
            if (stats[i] == 0) {
                return i;
            }
        }
        throw new IOException("recorded stat lines that end without a NUL");
    }

    /** Whether each racy folder lists exactly the names recorded under it. */
    private static boolean sameNames(Path entry, List<String> inners, List<String> racyFolders) throws IOException {
        Map<String, Set<String>> recorded = new HashMap<>();
        racyFolders.forEach(folder -> recorded.put(folder, new HashSet<>()));
        for (String inner : inners) {
            if (inner.isEmpty() || inner.equals("/")) {
                continue;
            }
            String bare = inner.endsWith("/") ? inner.substring(0, inner.length() - 1) : inner;
            int cut = bare.lastIndexOf('/');
            Set<String> names = recorded.get(cut < 0 ? "/" : bare.substring(0, cut + 1));
            if (names != null) {
                names.add(bare.substring(cut + 1));
            }
        }
        for (String folder : racyFolders) {
            Path path = folder.equals("/") ? entry : entry.resolve(folder.substring(0, folder.length() - 1));
            if (!recorded.get(folder).equals(names(path))) {
                return false;
            }
        }
        return true;
    }

    private boolean racy(BasicFileAttributes a) {
        return a.lastModifiedTime().to(TimeUnit.NANOSECONDS) >= racySince;
    }

    private static Set<String> names(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            Set<String> names = new HashSet<>();
            list.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    private static BasicFileAttributes lstat(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // gone, or unreadable: not what was recorded
        }
    }
}
