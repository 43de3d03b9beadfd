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
import java.util.stream.Stream;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.FileTrees;

/**
 * The parse cache's entries on disk: one pack file, memory-mapped when read, plus a spill file for the
 * entries parsed by this load until the pack is rewritten. Entries are opaque bytes by key.
 */
final class ParsePack {
    static final String FILE = "pack.bin";
    // 2: each entry starts with its findings (see Findings); 3: dates as an instant and an offset (RecordCodec).
    private static final int PACK_FORMAT = 3;

    private final Path dir;
    private final String global;
    // The last pack: each key's bytes, a slice of the mapped file.
    private final Map<String, ByteBuffer> packed;
    // Entries parsed by this load wait in a spill file, not in the heap (70 MB at 10,000 dispatches): key ->
    // {offset, length} in it.
    private final Map<String, long[]> fresh = new ConcurrentHashMap<>();
    private FileChannel spill;
    private Path spillFile;

    /** Opens the pack in {@code dir}; a missing, stale or damaged one is empty ({@code log} says why). */
    ParsePack(Path dir, String global, Consumer<String> log) {
        this.dir = dir;
        this.global = global;
        this.packed = read(dir.resolve(FILE), global, log);
    }

    /** The last pack's bytes for {@code key}, or null. */
    ByteBuffer packed(String key) {
        return packed.get(key);
    }

    Set<String> packedKeys() {
        return packed.keySet();
    }

    boolean hasFresh() {
        return !fresh.isEmpty();
    }

    /** Keeps a newly parsed entry for the next {@link #write}. */
    void add(String key, byte[] bytes) throws IOException {
        fresh.put(key, spill(bytes));
    }

    private synchronized long[] spill(byte[] bytes) throws IOException {
        if (spill == null) {
            Files.createDirectories(dir);
            spillFile = Files.createTempFile(dir, FILE, ".spill");
            spill = FileChannel.open(spillFile, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        long at = spill.size();
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) {
            spill.write(b, at + b.position());
        }
        return new long[] {at, bytes.length};
    }

    private synchronized byte[] unspill(long[] where) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) where[1]);
        while (b.hasRemaining()) {
            if (spill.read(b, where[0] + b.position()) < 0) {
                throw new IOException("the parse cache's spill file is short");
            }
        }
        return b.array();
    }

    /** The entries of the last pack, as slices of the mapped file; none when it is missing, stale or damaged. */
    private static Map<String, ByteBuffer> read(Path file, String global, Consumer<String> log) {
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
            ParseCache.discarded(log, file, e); // every file is parsed, and a new pack written
            return Map.of();
        }
    }

    private static String readUtf(ByteBuffer b) {
        byte[] bytes = new byte[b.getShort() & 0xffff];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Writes the entries this load used, sorted by key, and drops what older caches kept beside them. */
    void write(Set<String> used) {
        try {
            CheckedFile.write(dir.resolve(FILE), out -> {
                out.writeInt(PACK_FORMAT);
                out.writeUTF(global);
                List<String> keys = new ArrayList<>();
                for (String key : new TreeSet<>(used)) {
                    if (fresh.containsKey(key) || packed.containsKey(key)) {
                        keys.add(key);
                    }
                }
                out.writeInt(keys.size());
                byte[] copy = new byte[1 << 16];
                for (String key : keys) {
                    out.writeUTF(key);
                    long[] spilled = fresh.get(key);
                    if (spilled != null) {
                        byte[] bytes = unspill(spilled);
                        out.writeInt(bytes.length);
                        out.write(bytes);
                    } else {
                        ByteBuffer slice = packed.get(key).duplicate();
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
            try (Stream<Path> list = Files.list(dir)) {
                for (Path p : list.toList()) {
                    String name = p.getFileName().toString();
                    if (!name.equals(FILE)
                            && !name.equals(ParseCache.FILES)
                            && !name.startsWith(ParseCache.FILES + ".")
                            && !name.endsWith(".tmp")) {
                        FileTrees.delete(p); // one file per entry, as earlier versions kept them
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parse cache in " + dir, e);
        }
    }

    private synchronized void closeSpill() throws IOException {
        if (spill != null) {
            spill.close();
            Files.deleteIfExists(spillFile);
            spill = null;
        }
    }
}
