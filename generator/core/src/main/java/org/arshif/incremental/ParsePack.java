package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.FileTrees;
import org.arshif.internal.SpillFile;

/**
 * The parse cache's entries on disk: one pack file, memory-mapped when read, plus a spill file for the
 * entries parsed by this load until they are written. Entries are opaque bytes by key.
 *
 * <p>A load that parsed a few files writes them to a second, small pack ({@link #ADDED}) beside the first and
 * leaves the first as it is, with the entries nobody uses any more: rewriting the whole pack (75 MB at 10,000
 * dispatches) for one edited file was a tenth of a one-edit build's load. When the additions or the unused
 * entries grow past a share of the pack, the next write compacts both into one pack again.
 */
final class ParsePack {
    static final String FILE = "pack.bin";
    /** The entries parsed since the pack was last written whole. */
    static final String ADDED = "pack-added.bin";
    // 2: each entry starts with its findings (see Findings); 3: dates as an instant and an offset (RecordCodec);
    // 4: a pack may have additions beside it; 5: dispatches written by hand (DispatchCodec), not by reflection.
    private static final int PACK_FORMAT = 5;
    // Additions up to a sixteenth of the pack, unused entries up to a quarter; never less than a megabyte.
    private static final long MIN_SLACK = 1 << 20;

    private final long minSlack;

    private final Path dir;
    private final String global;
    // The last pack's and the last additions' entries: each key's bytes, a slice of the mapped file.
    private final Map<String, ByteBuffer> packed;
    private final Map<String, ByteBuffer> added;
    /** The pack file as it was mapped (path, file key, size, time); null when it was missing, stale or damaged. */
    private final String identity;
    // The additions file was damaged: written again even when this load parsed nothing new, or every later build
    // would discard it again.
    private final boolean addedDiscarded;
    // Entries parsed by this load wait in a spill file, not in the heap (70 MB at 10,000 dispatches): key ->
    // {offset, length} in it.
    private final Map<String, long[]> fresh = new ConcurrentHashMap<>();
    private SpillFile spill;

    /** Opens the pack in {@code dir}; a missing, stale or damaged one is empty ({@code log} says why). */
    ParsePack(Path dir, String global, Consumer<String> log) {
        this(dir, global, log, MIN_SLACK);
    }

    /** @param minSlack the additions and unused bytes kept beside any pack, however small (tests: 0) */
    ParsePack(Path dir, String global, Consumer<String> log, long minSlack) {
        this.minSlack = minSlack;
        this.dir = dir;
        this.global = global;
        this.spill = new SpillFile(dir, FILE);
        String seen = identity(dir.resolve(FILE)); // before it is mapped: a pack written since is another
        this.packed = read(dir.resolve(FILE), global, note -> ParseCache.discarded(log, note, "every file is parsed"));
        this.identity = packed.isEmpty() ? null : seen;
        // Additions without their pack were written beside another one: not trusted.
        boolean[] discarded = {false};
        this.added = packed.isEmpty()
                ? Map.of()
                : read(dir.resolve(ADDED), global, note -> {
                    discarded[0] = true;
                    ParseCache.discarded(log, note, "its files are parsed");
                });
        this.addedDiscarded = discarded[0];
    }

    /** The last pack's bytes for {@code key}, or null. */
    ByteBuffer packed(String key) {
        ByteBuffer b = added.get(key);
        return b != null ? b : packed.get(key);
    }

    /** The keys of the pack's own entries (not the additions'), sorted. */
    List<String> packKeys() {
        return packed.keySet().stream()
                .filter(k -> !added.containsKey(k))
                .sorted()
                .toList();
    }

    /** Whether {@code key}'s entry is read from the pack itself, not from the additions beside it. */
    boolean inPack(String key) {
        return !added.containsKey(key) && packed.containsKey(key);
    }

    /**
     * The pack file this was read from, as it was when mapped: each write replaces it by another file (see {@link
     * CheckedFile#write}), so another identity; null when no pack was read.
     */
    String identity() {
        return identity;
    }

    private static String identity(Path file) {
        String id = CheckedFile.identity(file);
        return id == null ? null : file.toAbsolutePath() + " " + id;
    }

    /** Keeps a newly parsed entry for the next {@link #write}. */
    void add(String key, byte[] bytes) throws IOException {
        add(key, bytes, bytes.length);
    }

    /** Keeps the first {@code length} of {@code bytes} (not kept: they are written before this returns). */
    void add(String key, byte[] bytes, int length) throws IOException {
        fresh.put(key, spill(bytes, length));
    }

    private synchronized long[] spill(byte[] bytes, int length) throws IOException {
        return new long[] {spill.write(bytes, 0, length), length};
    }

    /** Reads a spilled entry into {@code into} (grown when too small, and returned), from its start. */
    private synchronized ByteBuffer unspill(long[] where, ByteBuffer into) throws IOException {
        return spill.read(where[0], (int) where[1], into);
    }

    /**
     * Saves what this load parsed, as additions when they and the unused entries are small beside the pack, else
     * as one new pack of the entries in {@code used}; writes nothing when there is nothing to save.
     */
    void save(Set<String> used) {
        save(used, CheckedFile.AT_ONCE, false);
    }

    /**
     * Like {@link #save(Set)}, to {@code writes}; {@code whole}: always one whole pack (a cache fill's, whose pack is
     * made before its answer, and whose stale files went then: {@link #dropStale}).
     */
    void save(Set<String> used, CheckedFile.Writes writes, boolean whole) {
        if (whole) {
            write(dir.resolve(FILE), used, false, writes);
            return;
        }
        long packBytes = bytes(packed, key -> true);
        long unused = bytes(packed, key -> !used.contains(key)) + bytes(added, key -> !used.contains(key));
        long additions = bytes(added, used::contains);
        for (long[] spilled : fresh.values()) {
            additions += spilled[1];
        }
        boolean addedShrinks = !used.containsAll(added.keySet());
        if (packBytes > 0
                && additions <= Math.max(minSlack, packBytes / 16)
                && unused <= Math.max(minSlack, packBytes / 4)) {
            if (!fresh.isEmpty() || addedShrinks || addedDiscarded) {
                write(dir.resolve(ADDED), used, true, writes);
            }
        } else if (!fresh.isEmpty() || unused > 0 || !added.isEmpty()) {
            write(dir.resolve(FILE), used, false, writes);
        }
    }

    private static long bytes(Map<String, ByteBuffer> entries, Predicate<String> which) {
        long sum = 0;
        for (Map.Entry<String, ByteBuffer> e : entries.entrySet()) {
            if (which.test(e.getKey())) {
                sum += e.getValue().remaining();
            }
        }
        return sum;
    }

    /** The entries of the last pack, as slices of the mapped file; none when it is missing, stale or damaged. */
    private static Map<String, ByteBuffer> read(Path file, String global, Consumer<String> discarded) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                return Map.of(); // too big to map at once: rebuilt (smaller entries would need several packs)
            }
            MappedByteBuffer whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            ByteBuffer map = whole.slice(0, CheckedFile.verify(whole));
            if (map.getInt() != PACK_FORMAT || !readUtf(map).equals(global)) {
                return Map.of();
            }
            int n = map.getInt();
            Map<String, ByteBuffer> out = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String key = readUtf(map);
                int length = map.getInt();
                out.put(key, map.slice(map.position(), length));
                map.position(map.position() + length);
            }
            return out;
        } catch (IOException | RuntimeException e) {
            discarded.accept(file + ", since " + CheckedFile.why(e)); // its files are parsed, and written again
            return Map.of();
        }
    }

    private static String readUtf(ByteBuffer b) {
        byte[] bytes = new byte[b.getShort() & 0xffff];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Writes the entries this load used, sorted by key: to {@code file} all of them, or only the additions (the
     * fresh ones and the last additions); a whole pack drops the additions and what older caches kept beside it.
     */
    private void write(Path file, Set<String> used, boolean additionsOnly, CheckedFile.Writes writes) {
        List<String> keys = new ArrayList<>();
        for (String key : new TreeSet<>(used)) {
            if (fresh.containsKey(key) || added.containsKey(key) || (!additionsOnly && packed.containsKey(key))) {
                keys.add(key);
            }
        }
        try {
            writes.write(file, out -> {
                out.writeInt(PACK_FORMAT);
                out.writeUTF(global);
                out.writeInt(keys.size());
                byte[] copy = new byte[1 << 16];
                // one array for every spilled entry, not one each (70 MB at 10,000 dispatches)
                ByteBuffer entry = ByteBuffer.allocate(1 << 16);
                for (String key : keys) {
                    out.writeUTF(key);
                    long[] spilled = fresh.get(key);
                    if (spilled != null) {
                        entry = unspill(spilled, entry);
                        out.writeInt(entry.remaining());
                        out.write(entry.array(), 0, entry.remaining());
                    } else {
                        ByteBuffer slice = packed(key).duplicate();
                        out.writeInt(slice.remaining());
                        while (slice.hasRemaining()) {
                            int n = Math.min(copy.length, slice.remaining());
                            slice.get(copy, 0, n);
                            out.write(copy, 0, n);
                        }
                    }
                }
            });
            closeSpill();
            if (!additionsOnly && writes == CheckedFile.AT_ONCE) {
                dropOthers();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parse cache in " + dir, e);
        }
    }

    /** Deletes the additions and the one file per entry that earlier versions kept. */
    private void dropOthers() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                String name = p.getFileName().toString();
                if (!name.equals(FILE)
                        && !name.equals(ParseCache.FILES)
                        && !name.startsWith(ParseCache.FILES + ".")
                        && !name.endsWith(".tmp")) {
                    FileTrees.delete(p);
                }
            }
        }
    }

    /**
     * Before a cache fill's answer, for its whole pack written after it: the additions and older files go now, and
     * the spill file is made, so that the fill deletes no name and makes none (see {@code CacheFill}).
     */
    synchronized void dropStale() throws IOException {
        if (Files.isDirectory(dir)) {
            dropOthers();
        }
    }

    /** Creates the spill file now, so that later additions make no new name in the folder. */
    synchronized void openSpill() throws IOException {
        spill.create();
    }

    /** Lets go of the additions set aside, writing nothing (a fill abandoned). */
    void dropSpill() {
        fresh.clear();
        try {
            closeSpill();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the parse cache's spill file in " + dir, e);
        }
    }

    private synchronized void closeSpill() throws IOException {
        spill.close();
        spill = new SpillFile(dir, FILE); // a later add sets its entries aside in a new one
    }
}
