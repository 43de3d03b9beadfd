package org.arshif.search.index.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where the writers put the index's files: the index folder, unless an earlier build left a file of the same
 * name (names carry content hashes). Counts every file of the index, kept ones included. Thread-safe.
 *
 * <p>An index without card chunks (a compact site, for a host that serves Range) publishes its shard and tail files
 * only inside their bundles: they are made and held in memory, for the bundle writers, and neither written nor counted
 * (about 330 bytes per dispatch at 10,000). Not being in the folder, a kept one is read back out of the last site's
 * bundle, by its place there ({@link BundlePlaces}), and checked against the hash in its name.
 */
final class IndexFiles {
    private final Path dir;
    private final KeptFiles kept;
    private final boolean bundledOnly;
    private final AtomicInteger files = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final Set<String> keptNames = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> sizes = new ConcurrentHashMap<>();
    // Files the caller took in memory instead of the folder (see KeptFiles.take), for the writers that read them.
    private final Map<String, byte[]> taken = new ConcurrentHashMap<>();
    private final BundlePlaces lastPlaces;
    private final Map<String, BundlePlaces.Place> places = new ConcurrentHashMap<>();
    // The last site's bundles read so far, by name (empty: not there, or unreadable).
    private final Map<String, Optional<byte[]>> lastBundles = new ConcurrentHashMap<>();

    /**
     * @param bundledOnly shard and tail files in their bundles only (an index without card chunks)
     * @param lastPlaces  where the last build's bundled-only files are in its bundles
     */
    IndexFiles(Path dir, KeptFiles kept, boolean bundledOnly, BundlePlaces lastPlaces) {
        this.dir = dir;
        this.kept = kept;
        this.bundledOnly = bundledOnly;
        this.lastPlaces = lastPlaces;
    }

    /** Records that file {@code name} is {@code length} bytes from {@code from} of bundle {@code bundle}. */
    void placed(String name, String bundle, int from, int length) {
        if (inBundleOnly(name)) {
            places.put(name, new BundlePlaces.Place(bundle, from, length));
        }
    }

    /** Where this run's bundled-only files are in its bundles, for the next build. */
    BundlePlaces places() {
        return new BundlePlaces(new TreeMap<>(places));
    }

    /** Whether {@code name} is a shard or tail file that only its bundle publishes. */
    private boolean inBundleOnly(String name) {
        return bundledOnly && (IndexFileKind.TERM_SHARD.names(name) || IndexFileKind.TAIL.names(name));
    }

    int files() {
        return files.get();
    }

    long bytes() {
        return bytes.get();
    }

    /** Every file of the index, written or kept, by name, with its size in bytes. */
    SortedMap<String, Long> sizes() {
        return new TreeMap<>(sizes);
    }

    /** Writes JSON text gzip'd at {@code level}, unless the file is in place already. */
    void putJson(String name, String json, int level) {
        if (!isKept(name)) {
            write(name, Blob.gzip(json.getBytes(StandardCharsets.UTF_8), level));
        }
    }

    /** Writes bytes as they are, unless the file is in place already. */
    void putRaw(String name, byte[] data) {
        if (!isKept(name)) {
            write(name, data);
        }
    }

    /** The bytes of a file of this index, written or kept (a kept file is in the folder too). */
    byte[] read(String name) {
        byte[] held = taken.get(name);
        if (held == null && keptNames.contains(name)) {
            held = kept.bytes(name);
        }
        if (held != null) {
            return held;
        }
        Path elsewhere = keptNames.contains(name) ? kept.where(name) : null;
        Path file = elsewhere != null && Files.notExists(dir.resolve(name)) ? elsewhere : dir.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read search index file " + file, e);
        }
    }

    /** The length of a file of this index, written or kept: from what is known of it, else read. */
    int length(String name) {
        byte[] held = taken.get(name);
        if (held != null) {
            return held.length;
        }
        Long size = sizes.get(name);
        return size != null ? Math.toIntExact(size) : read(name).length;
    }

    /** Keeps the earlier build's file of this name, if there is one (counted once, however often asked). */
    boolean keep(String name) {
        return isKept(name);
    }

    private boolean isKept(String name) {
        if (inBundleOnly(name)) {
            return taken.containsKey(name) || takeFromLastBundle(name);
        }
        if (keptNames.contains(name)) {
            return true;
        }
        long size = kept.keep(name);
        if (size < 0) {
            return false;
        }
        if (keptNames.add(name)) {
            count(name, size);
        }
        return true;
    }

    /**
     * Takes bundled-only file {@code name} out of the last site's bundle, when its place is known and the bundle is
     * there, as the last build wrote it (see {@link #readLastBundle}): the place was recorded in that very bundle.
     */
    private boolean takeFromLastBundle(String name) {
        BundlePlaces.Place place = lastPlaces.of(name);
        if (place == null) {
            return false;
        }
        byte[] bundle = lastBundles
                .computeIfAbsent(place.bundle(), this::readLastBundle)
                .orElse(null);
        if (bundle == null || (long) place.from() + place.length() > bundle.length) {
            return false;
        }
        taken.put(name, Arrays.copyOfRange(bundle, place.from(), place.from() + place.length()));
        return true;
    }

    /**
     * A bundle of the last site (in memory for a live server, where the last site has it, or in the folder), when its
     * bytes have the hash its name carries ({@code s.<h>.bin}, {@code u.<h>.bin}): a damaged or replaced bundle is
     * not read from, and its files are encoded again.
     */
    private Optional<byte[]> readLastBundle(String bundle) {
        byte[] bytes = kept.bytes(bundle);
        if (bytes == null) {
            Path elsewhere = kept.where(bundle);
            Path file = elsewhere != null && Files.isRegularFile(elsewhere) ? elsewhere : dir.resolve(bundle);
            try {
                bytes = Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            } catch (IOException e) {
                bytes = null;
            }
        }
        return Optional.ofNullable(bytes)
                .filter(b -> IndexFileKind.of(bundle)
                        .filter(kind -> kind.matches(bundle, b))
                        .isPresent());
    }

    private void write(String name, byte[] data) {
        if (inBundleOnly(name)) {
            taken.put(name, data);
            return;
        }
        if (kept.take(name, data)) {
            taken.put(name, data);
            count(name, data.length);
            return;
        }
        try {
            Files.write(dir.resolve(name), data);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write search index file " + dir.resolve(name), e);
        }
        count(name, data.length);
    }

    private void count(String name, long size) {
        sizes.put(name, size);
        files.incrementAndGet();
        bytes.addAndGet(size);
    }
}
