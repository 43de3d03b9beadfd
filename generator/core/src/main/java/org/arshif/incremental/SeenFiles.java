package org.arshif.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.KeptReads;

/**
 * What the last load saw of each source file ({@link ParseCache#FILES}), like git's index: when a file's size,
 * time and identity are the same, its cache key is too, and the file need not be read.
 *
 * <p>A load that saw a few files change writes only those (and the files gone) to {@link #ADDED}, beside the
 * list: rewriting the list of 16,000 files for one edited dispatch was a tenth of a one-edit build's load. Past
 * a share of the list, the next write merges both into one list again.
 */
final class SeenFiles {
    static final String ADDED = ParseCache.FILES + ".added";
    // 2: texts as LongText, not writeUTF (decoded char by char: 64,000 texts on the load's main thread at 10,000
    // dispatches, before the files could be read).
    private static final int FORMAT = 2;
    private static final int ADDED_FORMAT = 2;
    // Changes kept beside the list: up to an eighth of it, and never fewer than these.
    private static final int MIN_SLACK = 64;

    /** A source file's size, modification time (ns), file key and git dates, and its cache key. */
    record Seen(long size, long modified, String fileKey, String dates, String key) {}

    private final Path dir;
    private final String global;
    private Map<String, Seen> written = new HashMap<>(); // the list alone, without the changes
    private final Map<String, Seen> last; // the list with the changes: what the last load saw
    private final long at;

    /** Reads what the last load saw; a damaged list or changes file is discarded with one line to {@code log}. */
    SeenFiles(Path dir, String global, Consumer<String> log) {
        this(dir, global, log, null);
    }

    /**
     * Like {@link #SeenFiles(Path, String, Consumer)}; with {@code reads}, the list as a warm process kept it decoded
     * from the same bytes (see {@link KeptReads}: the list is written again only when the changes beside it grow).
     */
    SeenFiles(Path dir, String global, Consumer<String> log, KeptReads reads) {
        this.dir = dir;
        this.global = global;
        long listAt = readList(dir.resolve(ParseCache.FILES), log, reads);
        Map<String, Seen> merged = new HashMap<>(written);
        long changesAt = 0;
        if (listAt > 0) {
            changesAt = read(dir.resolve(ADDED), log, in -> readChanges(in, merged));
            if (changesAt < 0) {
                merged.clear(); // the changes are unknown: every file is read
            }
        }
        this.last = merged;
        this.at = Math.max(0, Math.max(listAt, changesAt));
    }

    /** What the last load saw of {@code path}, or null. */
    Seen get(String path) {
        return last.get(path);
    }

    /** When the last load wrote what it saw (ns), or 0 without a record. */
    long at() {
        return at;
    }

    private interface Reader {
        long read(DataInputStream in) throws IOException;
    }

    private long read(Path file, Consumer<String> log, Reader reader) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(CheckedFile.read(file)))) {
            return reader.read(in);
        } catch (IOException | RuntimeException e) {
            written.clear(); // every file is read
            ParseCache.discarded(log, file, e);
            return -1;
        }
    }

    /** The list (into {@link #written}) and when it was written; 0 without one, -1 when it was damaged. */
    private long readList(Path file, Consumer<String> log, KeptReads reads) {
        try {
            Listed listed = KeptReads.open(
                    reads, file, global, Listed.class, new Listed(new HashMap<>(), 0), b -> decodeList(b, global));
            written = listed.seen();
            return listed.at();
        } catch (IOException | RuntimeException e) {
            written.clear(); // every file is read
            ParseCache.discarded(log, file, e);
            return -1;
        }
    }

    /** A list as read: what it says of each file, and when it was written (0: another cache's, and empty). */
    private record Listed(Map<String, Seen> seen, long at) {}

    private static Listed decodeList(byte[] content, String global) throws IOException {
        Map<String, Seen> seen = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            if (in.readInt() != FORMAT || !in.readUTF().equals(global)) {
                return new Listed(seen, 0);
            }
            long when = in.readLong();
            for (int n = in.readInt(); n > 0; n--) {
                seen.put(LongText.read(in), readSeen(in));
            }
            return new Listed(seen, when);
        }
    }

    private long readChanges(DataInputStream in, Map<String, Seen> merged) throws IOException {
        if (in.readInt() != ADDED_FORMAT || !in.readUTF().equals(global)) {
            return 0;
        }
        long when = in.readLong();
        Map<String, Seen> changed = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            changed.put(LongText.read(in), readSeen(in));
        }
        List<String> gone = new ArrayList<>();
        for (int n = in.readInt(); n > 0; n--) {
            gone.add(LongText.read(in));
        }
        merged.putAll(changed); // only once the whole file was read: a damaged one changes nothing
        gone.forEach(merged::remove);
        return when;
    }

    private static Seen readSeen(DataInputStream in) throws IOException {
        return new Seen(in.readLong(), in.readLong(), LongText.read(in), LongText.read(in), LongText.read(in));
    }

    private static void writeSeen(DataOutputStream out, String path, Seen v) throws IOException {
        LongText.write(out, path);
        out.writeLong(v.size());
        out.writeLong(v.modified());
        LongText.write(out, v.fileKey());
        LongText.write(out, v.dates());
        LongText.write(out, v.key());
    }

    /**
     * Records what this load saw, {@code now}: nothing when it is what the last load saw, the changes beside the
     * list when they are few, else a new list.
     */
    void save(Map<String, Seen> now) {
        save(now, CheckedFile.AT_ONCE, false);
    }

    /**
     * Like {@link #save(Map)}, to {@code writes}; {@code whole}: always the whole list (a cache fill's, whose list is
     * made before its answer).
     */
    void save(Map<String, Seen> now, CheckedFile.Writes writes, boolean whole) {
        if (now.equals(last) && !whole) {
            return;
        }
        // Paths sorted as lists, not as tree maps: in a first build every one of 16,000 files is new, and both the
        // changes and the whole list were sorted.
        List<String> changed = new ArrayList<>();
        now.forEach((path, seen) -> {
            if (!seen.equals(written.get(path))) {
                changed.add(path);
            }
        });
        List<String> gone = new ArrayList<>();
        written.keySet().forEach(path -> {
            if (!now.containsKey(path)) {
                gone.add(path);
            }
        });
        gone.sort(null);
        try {
            if (!whole
                    && !written.isEmpty()
                    && changed.size() + gone.size() <= Math.max(MIN_SLACK, written.size() / 8)) {
                changed.sort(null);
                writes.write(dir.resolve(ADDED), out -> {
                    header(out, ADDED_FORMAT);
                    out.writeInt(changed.size());
                    for (String path : changed) {
                        writeSeen(out, path, now.get(path));
                    }
                    out.writeInt(gone.size());
                    for (String path : gone) {
                        LongText.write(out, path);
                    }
                });
            } else {
                // The changes go first: cut short between the two, the cache holds the last list, each entry as
                // old as the time it carries.
                writes.delete(dir.resolve(ADDED));
                List<String> sorted = new ArrayList<>(now.keySet());
                sorted.sort(null);
                writes.write(dir.resolve(ParseCache.FILES), out -> {
                    header(out, FORMAT);
                    out.writeInt(sorted.size());
                    for (String path : sorted) {
                        writeSeen(out, path, now.get(path));
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parse cache in " + dir, e);
        }
    }

    private void header(DataOutputStream out, int format) throws IOException {
        out.writeInt(format);
        out.writeUTF(global);
        // Taken after every file was looked at: a file changed later has a later time (or is racy).
        Instant now = Instant.now();
        out.writeLong(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }
}
