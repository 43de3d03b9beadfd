package org.arshif.internal;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Cache files that a process running build after build (the warm build process) keeps decoded between builds: a
 * build decodes such a file whole (the page manifest of 18,800 pages, the check memo of 16,000 dispatches at
 * 10,000 dispatches) and keeps what it decoded to its end, so the collector copied it from the young generation
 * each time; here it is decoded once the last build has answered, and the next build takes it.
 *
 * <p>A build still reads the file's bytes, and takes the kept value only when they are the bytes it was decoded
 * from (by their length and 128-bit {@link Fingerprint}, as Arshif's caches tell content apart), under the same key
 * (what else the decoding depends on): so the value is what decoding the file would give, whatever changed the file
 * and however (its time, size and inode are not asked). Reading and hashing took a few milliseconds, decoding tens.
 * A value is taken once, so a build may change it; values are decoded between builds only for the files the last
 * build read, and held softly: a heap that runs short drops them, and the build decodes as before.
 */
public final class KeptReads {
    /** Decodes a file's content (as {@link CheckedFile#read} gives it) under a key; depends on nothing else. */
    @FunctionalInterface
    public interface Decoder {
        /** @throws IOException (or an unchecked exception) when the content is damaged: nothing is kept then */
        Object decode(byte[] content) throws IOException;
    }

    private record Kept(String key, Fingerprint.Hash128 content, Object value) {}

    private record Named(String key, Decoder decoder) {}

    private final Map<Path, SoftReference<Kept>> kept = new ConcurrentHashMap<>();
    /** The files the builds since the last {@link #fill} read, to be decoded by it. */
    private final Map<Path, Named> named = new ConcurrentHashMap<>();
    /** How many kept values the builds since the last {@link #fill} took. */
    private final AtomicInteger taken = new AtomicInteger();

    public KeptReads() {
        // nothing kept until a build reads a file
    }

    /**
     * The value kept for {@code file} when {@code content} (just read from it) is the content it was decoded from
     * under {@code key}; else null. Either way nothing stays kept for the file, and {@link #fill} decodes it again
     * with {@code decoder} for the next build.
     */
    public <T> T take(Path file, byte[] content, String key, Class<T> type, Decoder decoder) {
        Path at = file.toAbsolutePath().normalize();
        named.put(at, new Named(key, decoder));
        SoftReference<Kept> ref = kept.remove(at);
        Kept k = ref == null ? null : ref.get();
        if (k == null || !k.key().equals(key) || !k.content().equals(of(content)) || !type.isInstance(k.value())) {
            return null;
        }
        taken.incrementAndGet();
        return type.cast(k.value());
    }

    /**
     * Names {@code file}, not there yet, for {@code reads}' {@link #fill} to decode once a build wrote it (a first
     * build's); {@code reads} null: nothing.
     */
    static void expect(KeptReads reads, Path file, String key, Decoder decoder) {
        if (reads != null) {
            reads.named.put(file.toAbsolutePath().normalize(), new Named(key, decoder));
        }
    }

    /**
     * The value of the cache file {@code file}: {@code absent} when there is no such file (named for {@code reads}'
     * fill, as a first build's is), else what {@link #decoded} gives of its bytes. The one way the page manifest, the
     * check memo and the parse cache's list of files are opened.
     *
     * @throws IOException (or an unchecked exception) when the file cannot be read or is damaged
     */
    public static <T> T open(KeptReads reads, Path file, String key, Class<T> type, T absent, Decoder decoder)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            expect(reads, file, key, decoder);
            return absent;
        }
        return decoded(reads, file, CheckedFile.read(file), key, type, decoder);
    }

    /**
     * What {@code decoder} makes of {@code content}, just read from {@code file}: the value {@code reads} kept for
     * those bytes under {@code key} (see {@link #take}), else decoded now. {@code reads} null: decoded now.
     */
    public static <T> T decoded(KeptReads reads, Path file, byte[] content, String key, Class<T> type, Decoder decoder)
            throws IOException {
        T kept = reads == null ? null : reads.take(file, content, key, type, decoder);
        return kept != null ? kept : type.cast(decoder.decode(content));
    }

    /**
     * Decodes the files the builds since the last fill read, as they are now (after those builds wrote them again),
     * for the next build; run between builds, once the last has answered. When builds read files since (a no-op
     * reads none, and changes nothing here), those they did not read are let go.
     *
     * @return how many files were decoded
     */
    public int fill() {
        taken.set(0);
        Map<Path, Named> toDecode = Map.copyOf(named);
        if (toDecode.isEmpty()) {
            return 0;
        }
        named.keySet().removeAll(toDecode.keySet());
        kept.keySet().retainAll(toDecode.keySet());
        int decoded = 0;
        for (Map.Entry<Path, Named> e : toDecode.entrySet()) {
            try {
                byte[] content = CheckedFile.read(e.getKey());
                Object value = e.getValue().decoder().decode(content);
                if (value != null) {
                    kept.put(
                            e.getKey(),
                            new SoftReference<>(new Kept(e.getValue().key(), of(content), value)));
                    decoded++;
                }
            } catch (IOException | RuntimeException ex) {
                kept.remove(e.getKey()); // gone or damaged: the next build reads it and says so
            }
        }
        return decoded;
    }

    /** What tells {@code content} from other bytes: its length and fingerprint. */
    private static Fingerprint.Hash128 of(byte[] content) {
        return new Fingerprint().bytes(content).finish();
    }

    /** How many kept values the builds since the last {@link #fill} took. */
    public int taken() {
        return taken.get();
    }

    /** How many files are kept decoded now (0 once the collector dropped them). */
    public int size() {
        return (int) kept.values().stream().filter(ref -> ref.get() != null).count();
    }
}
