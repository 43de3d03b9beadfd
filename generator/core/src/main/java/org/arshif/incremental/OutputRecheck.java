package org.arshif.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.arshif.internal.CheckedFile;

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
    private static final int VERSION = 1;
    /** Coarser than any file system's timestamp granularity that Arshif runs on. */
    private static final Duration RACY = Duration.ofSeconds(2);

    private final Path output;
    private final OutputStamp last;
    /** A folder modified at or after this instant may have changed within its timestamp's tick unseen. */
    private final long racySince;

    private final Instant startedAt = Instant.now();
    private final SharedTasks<List<String>> entries;

    private OutputRecheck(Path output, OutputStamp last, Executor background) {
        this.output = output;
        this.last = last;
        Instant racy = last.readAt().minus(RACY);
        this.racySince = racy.getEpochSecond() * 1_000_000_000L + racy.getNano();
        List<Callable<List<String>>> tasks = new ArrayList<>();
        tasks.add(() -> rootHolds() ? List.of() : null);
        last.entries().forEach((entry, recorded) -> tasks.add(() -> entryFiles(entry, recorded)));
        this.entries = SharedTasks.start(tasks, background);
    }

    /**
     * Writes what the output's next check reads: the stamp's digest, the output folder's stats and when they were
     * read, and each top-level entry's name, digest line and stat lines.
     */
    static void save(Path file, OutputStamp stamp) throws IOException {
        save(file, stamp, CheckedFile.AT_ONCE);
    }

    /** Like {@link #save(Path, OutputStamp)}, to {@code writes}. */
    static void save(Path file, OutputStamp stamp, CheckedFile.Writes writes) throws IOException {
        writes.write(file, out -> {
            out.writeInt(VERSION);
            LongText.write(out, stamp.digest());
            LongText.write(out, stamp.root());
            out.writeLong(stamp.readAt().getEpochSecond());
            out.writeInt(stamp.readAt().getNano());
            out.writeInt(stamp.entries().size());
            for (Map.Entry<Path, OutputStamp.Entry> e : stamp.entries().entrySet()) {
                LongText.write(out, e.getKey().getFileName().toString());
                LongText.write(out, e.getValue().line());
                byte[] stats = e.getValue().stats();
                out.writeInt(stats == null ? -1 : stats.length);
                if (stats != null) {
                    out.write(stats);
                }
            }
        });
    }

    /**
     * The stamp {@link #save} wrote, without its files (the check lists them), when its digest is {@code digest};
     * else (none, damaged, of another version or another build) null.
     */
    static OutputStamp load(Path file, Path output, String digest) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(CheckedFile.read(file)))) {
            if (in.readInt() != VERSION || !LongText.read(in).equals(digest)) {
                return null;
            }
            String root = LongText.read(in);
            Instant readAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
            Map<Path, OutputStamp.Entry> entries = new LinkedHashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                Path entry = output.resolve(LongText.read(in));
                String line = LongText.read(in);
                int length = in.readInt();
                byte[] stats = length < 0 ? null : in.readNBytes(length);
                if (stats != null && stats.length != length) {
                    throw new IOException("stat lines that run past the end");
                }
                entries.put(entry, new OutputStamp.Entry(line, stats));
            }
            return new OutputStamp(digest, null, entries, root, readAt);
        } catch (IOException | RuntimeException e) {
            return null; // the output is walked
        }
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
        List<String> files = new ArrayList<>();
        for (List<String> entryFiles : entries.results()) {
            if (entryFiles == null) {
                return OutputStamp.CHANGED;
            }
            files.addAll(entryFiles);
        }
        files.sort(null);
        return new OutputStamp(last.digest(), List.copyOf(files), last.entries(), last.root(), startedAt);
    }

    private boolean rootHolds() throws IOException {
        BasicFileAttributes a = lstat(output);
        if (a == null || !TreeStats.stat(a).equals(last.root())) {
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

    /**
     * The regular files of one top-level entry (paths from the output) when every recorded line is still its
     * file's or folder's and no racy folder's names changed; else null.
     */
    private List<String> entryFiles(Path entry, OutputStamp.Entry recorded) throws IOException {
        byte[] stats = recorded.stats();
        if (stats == null) {
            return null;
        }
        String name = entry.getFileName().toString();
        List<String> files = new ArrayList<>();
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
                return null;
            }
            if (!StatLine.matches(stats, pathEnd + 1, statEnd, a)) {
                return null;
            }
            if (folder && racy(a)) {
                racyFolders.add(inner);
            }
            if (a.isRegularFile()) {
                files.add(inner.isEmpty() ? name : name + "/" + inner);
            }
            inners.add(inner);
            at = statEnd + 1;
        }
        return racyFolders.isEmpty() || sameNames(entry, inners, racyFolders) ? files : null;
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

    /**
     * Whether each racy folder lists exactly the names recorded under it. An entry's lines are tens of thousands and
     * its racy folders a few (those the last build wrote into): a line's folder is cut out only when its length is a
     * racy folder's.
     */
    private static boolean sameNames(Path entry, List<String> inners, List<String> racyFolders) throws IOException {
        Map<String, Set<String>> recorded = new HashMap<>();
        BitSet racyLengths = new BitSet();
        racyFolders.forEach(folder -> {
            recorded.put(folder, new HashSet<>());
            racyLengths.set(folder.equals("/") ? 0 : folder.length());
        });
        for (String inner : inners) {
            if (inner.isEmpty() || inner.equals("/")) {
                continue;
            }
            int bareEnd = inner.endsWith("/") ? inner.length() - 1 : inner.length();
            int cut = inner.lastIndexOf('/', bareEnd - 1);
            if (!racyLengths.get(cut + 1)) {
                continue;
            }
            Set<String> names = recorded.get(cut < 0 ? "/" : inner.substring(0, cut + 1));
            if (names != null) {
                names.add(inner.substring(cut + 1, bareEnd));
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
