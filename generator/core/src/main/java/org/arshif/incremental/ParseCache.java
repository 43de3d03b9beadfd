package org.arshif.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.arshif.config.ConfigLoader;
import org.arshif.content.ContentLoader;
import org.arshif.content.Dispatch;
import org.arshif.content.DispatchReader;
import org.arshif.content.GitHistory;
import org.arshif.content.TagVocabulary;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.incremental.SeenFiles.Seen;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Parallel;

/**
 * Read dispatches kept between builds, so that a rebuild parses only the files that changed. An entry is
 * addressed by a hash of everything reading depends on: the file's path and bytes, its dates from git,
 * {@code arshif.yml}, {@code content/tags.yml}, the front end's base URL and {@code --ugly-urls} and Arshif's own code. An entry keeps
 * the findings reading gave with the dispatch, and they are reported again on every load (files with warnings
 * were once parsed on every build: 158 of a 10,000-dispatch archive, a third of a one-edit load's parsing CPU).
 * Unused entries are dropped.
 *
 * <p>Entries live in one pack file, memory-mapped when read, and the few parsed since it was written in a second,
 * small one ({@link ParsePack}): one file per entry cost 16,000 file creations on a 10,000-dispatch archive's
 * first build (about four seconds) and as many opens on each rebuild. The mapping keeps the entries out of the
 * heap; they are decoded in place.
 */
public final class ParseCache {
    private static final String DIR = "parsed";
    /** What the last load saw of each source file; beside the pack, {@link ParsePack#FILE}. */
    static final String FILES = "files.bin";

    /** A file changed this close before the last load may have changed again within its timestamp's tick. */
    private static final long RACY_NANOS = 2_000_000_000L;

    private final Path dir;
    private final byte[] global;
    private final DispatchCodec codec = new DispatchCodec(new RecordCodec());
    private final Set<String> used = ConcurrentHashMap.newKeySet();
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    // The keys in the order of the last read's sources (sorted): a tree map of 16,000 paths was 5 % of the load's main
    // thread.
    private Map<String, String> keysInOrder = Map.of();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    // What the last load saw of each source file, and what this one sees.
    private final SeenFiles seen;
    private final Map<String, Seen> now = new ConcurrentHashMap<>();
    // The last pack's entries, and the entries parsed by this load.
    private final ParsePack pack;
    // Encoders of new entries, one per parsing thread at a time, reused from file to file (see EntryOutput).
    private final ConcurrentLinkedDeque<EntryOutput> outputs = new ConcurrentLinkedDeque<>();

    // The entries a warm process kept decoded from this very pack (see KeptDispatches); null: none kept.
    private final Map<String, KeptDispatches.KeptEntry> kept;
    private final AtomicInteger keptHits = new AtomicInteger();
    // The entries this load parsed, held as read until after a warm process's answer (see deferStores); null:
    // encoded as they are parsed.
    private Map<String, Entry> unencoded;

    /** A kept dispatch and the findings reading its file gave. */
    record Entry(Dispatch dispatch, List<Diagnostic> findings) {}

    private ParseCache(Path dir, byte[] global, Consumer<String> log, KeptDispatches keep) {
        this.dir = dir;
        this.global = global;
        this.seen = new SeenFiles(dir, HexFormat.of().formatHex(global), log, KeptDispatches.reads(keep));
        this.pack = new ParsePack(dir, HexFormat.of().formatHex(global), log);
        this.kept = keep == null
                ? null
                : keep.forPack(pack.identity(), dir, HexFormat.of().formatHex(global));
    }

    public static ParseCache open(Path cacheDir, Path siteRoot, String readingOverrides) {
        return open(cacheDir, siteRoot, readingOverrides, note -> {});
    }

    /** Opens the cache; a damaged or foreign cache file is discarded with one line to {@code log}. */
    public static ParseCache open(Path cacheDir, Path siteRoot, String readingOverrides, Consumer<String> log) {
        return open(cacheDir, siteRoot, readingOverrides, log, null);
    }

    /**
     * Like {@link #open(Path, Path, String, Consumer)}; with {@code keep}, the entries it kept decoded from the same
     * pack are taken from there, and those decoded by this load are kept there for the next (null: none).
     */
    public static ParseCache open(
            Path cacheDir, Path siteRoot, String readingOverrides, Consumer<String> log, KeptDispatches keep) {
        MessageDigest digest = CodeFingerprint.sha256();
        digest.update(("arshif-parse-cache 1\0" + CodeFingerprint.current() + "\0" + readingOverrides + "\0")
                .getBytes(StandardCharsets.UTF_8));
        for (String file : List.of(ConfigLoader.FILE_NAME, TagVocabulary.FILE)) {
            Path p = siteRoot.resolve(file);
            try {
                digest.update((file + "\0").getBytes(StandardCharsets.UTF_8));
                if (Files.isRegularFile(p)) {
                    digest.update(Files.readAllBytes(p));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + p, e);
            }
        }
        return new ParseCache(cacheDir.resolve(DIR), digest.digest(), log, keep);
    }

    /** Like {@code ContentLoader.load}: every source read, in source order, findings reported; then {@link #save}. */
    public List<Dispatch> load(
            Path siteRoot, List<String> sources, DispatchReader reader, GitHistory git, Diagnostics diagnostics) {
        List<Dispatch> out = read(siteRoot, sources, reader, git, diagnostics);
        save();
        return out;
    }

    /**
     * For a first build in a process that answers before it fills its cache: the entries parsed are held as the
     * dispatches they are (the build holds them anyway) and encoded after the answer, by {@link #afterAnswer}'s
     * piece, not while they are parsed. Call before {@link #read}.
     */
    public void deferStores() {
        unencoded = new ConcurrentHashMap<>();
    }

    /**
     * What {@link #save} leaves after a {@link #deferStores}'s {@link #read}: the entries' encoding (into a spill
     * file opened now, before the answer), then the pack and the files' list.
     */
    public AfterAnswer.Piece afterAnswer() {
        try {
            // Names in the cache folder made or deleted before the answer, not after: the pack and the list are
            // then written whole, and the additions beside them go now.
            pack.dropStale();
            Files.deleteIfExists(dir.resolve(SeenFiles.ADDED));
            pack.openSpill();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parse cache in " + dir, e);
        }
        return new AfterAnswer.Piece(
                this::encodeDeferred,
                this::saveWholeAndClose,
                pack::dropSpill,
                List.of(dir.resolve(ParsePack.FILE), dir.resolve(FILES)));
    }

    /** The whole pack and list, then the spill file opened before the answer goes, even when nothing was added. */
    private void saveWholeAndClose(CheckedFile.Writes writes) {
        pack.save(used, writes, true);
        seen.save(now, writes, true);
        pack.dropSpill();
    }

    /** Encodes the entries {@link #deferStores} held, on every core, into the pack's spill file. */
    private void encodeDeferred() {
        Map<String, Entry> held = unencoded;
        unencoded = null;
        if (held != null) {
            Parallel.forEach(List.copyOf(held.entrySet()), e -> encode(e.getKey(), e.getValue()));
            outputs.clear();
        }
    }

    /** Like {@link #load}, but the cache is not written until {@link #save}. */
    public List<Dispatch> read(
            Path siteRoot, List<String> sources, DispatchReader reader, GitHistory git, Diagnostics diagnostics) {
        List<Optional<Dispatch>> read =
                Parallel.map(sources, path -> loadOne(siteRoot, path, reader, git, diagnostics));
        List<Dispatch> out = new ArrayList<>(read.size());
        read.forEach(o -> o.ifPresent(out::add));
        outputs.clear();
        Map<String, String> inOrder = new LinkedHashMap<>(sources.size() * 2);
        for (String path : sources) {
            String key = keys.get(path);
            if (key != null) {
                inOrder.put(path, key);
            }
        }
        keysInOrder = Collections.unmodifiableMap(inOrder);
        if (kept != null) {
            kept.keySet().retainAll(used); // an edited or deleted file's old entry is not asked for again
        }
        return out;
    }

    /**
     * Writes what the last {@link #read} parsed and saw (the pack's new entries, each file's stats). Any thread
     * may call it once that read has returned: a load runs it beside the site model's building, which has the
     * main thread alone (the pack and the files' list were a quarter of a second on that thread, with the other
     * core idle, in the first build of 10,000 dispatches).
     */
    public void save() {
        pack.save(used);
        seen.save(now);
    }

    /** One dispatch: from the cache when its stats and dates are as last seen, else read (and stored if clean). */
    private Optional<Dispatch> loadOne(
            Path siteRoot, String path, DispatchReader reader, GitHistory git, Diagnostics diagnostics) {
        Path file = siteRoot.resolve(path);
        // With the dispatch's images: their sizes are in its HTML.
        String dates =
                git.dates(path).map(d -> d.created() + " " + d.modified()).orElse("-") + " " + reader.mediaStamp(path)
                        + reader.cascadeStamp(path);
        BasicFileAttributes a = stat(file);
        Seen last = seen.get(path);
        if (a != null
                && last != null
                && last.size() == a.size()
                && last.modified() == modified(a)
                && last.modified() < seen.at() - RACY_NANOS
                && last.fileKey().equals(String.valueOf(a.fileKey()))
                && last.dates().equals(dates)) {
            Optional<Entry> cached = fetch(last.key(), path);
            if (cached.isPresent()) {
                used.add(last.key());
                keys.put(path, last.key());
                now.put(path, last);
                hits.incrementAndGet();
                diagnostics.addAll(cached.get().findings());
                return Optional.of(cached.get().dispatch());
            }
        }
        Optional<byte[]> source = ContentLoader.read(siteRoot, path, diagnostics);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = source.get();
        String key = key(path, bytes, dates);
        used.add(key);
        keys.put(path, key);
        if (a != null) {
            now.put(path, new Seen(a.size(), modified(a), String.valueOf(a.fileKey()), dates, key));
        }
        Optional<Entry> cached = fetch(key, path);
        if (cached.isPresent()) {
            hits.incrementAndGet();
            diagnostics.addAll(cached.get().findings());
            return Optional.of(cached.get().dispatch());
        }
        misses.incrementAndGet();
        Diagnostics local = new Diagnostics();
        Optional<Dispatch> d = reader.read(path, bytes, local);
        List<Diagnostic> findings = local.sorted();
        diagnostics.addAll(findings);
        if (d.isPresent()) {
            store(key, new Entry(d.get(), findings));
        }
        return d;
    }

    private static BasicFileAttributes stat(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return null; // read below, which reports the problem
        }
    }

    private static long modified(BasicFileAttributes a) {
        return a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }

    static void discarded(Consumer<String> log, Path file, Exception e) {
        discarded(log, file + ", since " + CheckedFile.why(e), "every file is parsed");
    }

    /** @param what the file and why it was discarded */
    static void discarded(Consumer<String> log, String what, String consequence) {
        log.accept("Incremental build: discarded the parse cache " + what + "; " + consequence);
    }

    /**
     * Each source file the last {@link #read} read, by path in the order of its sources (sorted), with the key of
     * everything its dispatch was read from: equal keys, equal dispatches.
     */
    public Map<String, String> keys() {
        return keysInOrder;
    }

    public int hits() {
        return hits.get();
    }

    public int misses() {
        return misses.get();
    }

    /** Of the {@link #hits}, those taken already decoded (see {@link KeptDispatches}). */
    public int keptHits() {
        return keptHits.get();
    }

    private String key(String path, byte[] bytes, String dates) {
        // XXH3, not SHA-256: every new or changed file's bytes are hashed, and C1 has no SHA-256 intrinsic.
        return new Fingerprint()
                .bytes(global)
                .text(path)
                .text(dates)
                .bytes(bytes)
                .finish()
                .hex();
    }

    private Optional<Entry> fetch(String key, String path) {
        // Only the last pack: an entry this load stores was a miss here, and a key names one path's bytes.
        ByteBuffer slice = pack.packed(key);
        if (slice == null) {
            return Optional.empty();
        }
        KeptDispatches.KeptEntry decoded = kept == null ? null : kept.get(key);
        if (decoded != null && decoded.entry().dispatch().path().equals(path)) {
            keptHits.incrementAndGet();
            return Optional.of(decoded.in(slice));
        }
        try {
            BufferInput in = new BufferInput(slice);
            List<Diagnostic> findings = Findings.read(in);
            Dispatch d = codec.read(in);
            if (!d.path().equals(path)) {
                return Optional.empty();
            }
            Entry entry = new Entry(d, findings);
            if (kept != null && pack.inPack(key)) {
                // Not the additions': they are few, and the next load writes them again.
                kept.put(key, KeptDispatches.KeptEntry.of(entry, in, slice));
            }
            return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is just a miss; store() replaces it
        }
    }

    private void store(String key, Entry entry) {
        Map<String, Entry> held = unencoded;
        if (held != null) {
            held.put(key, entry);
            return;
        }
        encode(key, entry);
    }

    private void encode(String key, Entry entry) {
        EntryOutput out = Objects.requireNonNullElseGet(outputs.poll(), EntryOutput::new);
        try {
            out.reset();
            Findings.write(out, entry.findings());
            codec.write(out, entry.dispatch());
            pack.add(key, out.array(), out.size());
        } catch (RecordCodec.Unsupported e) {
            return; // a front-matter value the codec cannot keep: this file is parsed every time
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the parse cache in " + dir, e);
        } finally {
            outputs.push(out);
        }
    }
}
