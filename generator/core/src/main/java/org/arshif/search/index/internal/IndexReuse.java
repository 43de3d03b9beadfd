package org.arshif.search.index.internal;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Fingerprint.Hash128;

/**
 * What an incremental build keeps of the last build's index of one language, so that it encodes again only the
 * files whose bytes may change: per document id, the fingerprint of its analysed text and of its year and tags;
 * per term shard, tail and position pack, a fingerprint of its terms and the content hash its file is named by.
 *
 * <p>A file is reused when the context (settings, the rounded average lengths) is the last build's, the documents
 * that changed (at most {@link #MAX_CHANGED}) moved no impact, presence or position of its terms, it has the same
 * terms, and its file is still in place. Its bytes are then the ones it would be encoded to: the reused index
 * equals a fresh build's byte for byte. Anything unknown (no last build, an analysis not at hand) encodes all.
 */
public final class IndexReuse {
    private static final int FORMAT = 4; // 3: where a compact index's bundled-only files are; 4: tail positions apart
    /** Beyond this many changed documents every file is encoded: comparing their analyses would cost more. */
    static final int MAX_CHANGED = 256;

    private final Hash128 lastContext;
    private final Hash128[] lastKeys;
    private final long[] lastAttrs;
    private final Map<Hash128, String> lastFiles;

    private Hash128[] keys = new Hash128[0];
    private Function<Hash128, DocTerms> known = key -> null;
    private Hash128 context;
    private long[] attrs = new long[0];
    private final Map<Hash128, String> files = new ConcurrentHashMap<>();
    private final AtomicInteger reused = new AtomicInteger();
    private final AtomicInteger encoded = new AtomicInteger();
    /** Whether a run keeps its index in memory for the next (a live server's); the last run's, or null. */
    private boolean keepsLive;

    private LiveIndex live;
    private boolean patched;
    // A live server's, kept from one run to the next (see LiveParts); empty for a build.
    private LiveParts lastParts = new LiveParts();
    // Where the last run's and this run's bundled-only files (a compact index's) are in their bundles.
    private BundlePlaces lastPlaces = BundlePlaces.NONE;
    private BundlePlaces places = BundlePlaces.NONE;
    private final LiveParts parts = new LiveParts();
    /** Whether a run keeps its postings for a file (a cached build's). */
    private boolean storesPostings;
    /** The postings the last build stored, until this run made its own; or null. */
    private StoredPostings stored;
    /** What this run made, to be stored; null before the run, or when it did not store. */
    private PatchBase made;

    private String madeLang;
    private IndexSettings madeSettings;
    private StoredPostings.Texts madeTexts;
    private StoredCards madeCards;

    private IndexReuse(Hash128 lastContext, Hash128[] lastKeys, long[] lastAttrs, Map<Hash128, String> lastFiles) {
        this.lastContext = lastContext;
        this.lastKeys = lastKeys;
        this.lastAttrs = lastAttrs;
        this.lastFiles = lastFiles;
    }

    /** Nothing known of a last build: every file is encoded (and remembered for the next). */
    public static IndexReuse empty() {
        return new IndexReuse(null, new Hash128[0], new long[0], Map.of());
    }

    /**
     * Before the run: {@code n} documents, whose analyses, by the key {@link #record}ed, {@code known} returns
     * (or null); it must also return the last build's, by their keys.
     */
    public void start(int n, Function<Hash128, DocTerms> known) {
        this.keys = new Hash128[n];
        this.known = known;
    }

    /** The analysis key of document {@code doc} (its id, in index order). Thread-safe for distinct ids. */
    public void record(int doc, Hash128 key) {
        keys[doc] = key;
    }

    /**
     * This state, for a run that keeps its index in memory, and patches {@code last} (a live server's last index,
     * or null) when it can.
     */
    public IndexReuse keepingLive(LiveIndex last) {
        keepsLive = true;
        live = last;
        return this;
    }

    /**
     * This state, for a run whose postings are stored for the next build (see {@link StoredPostings}), and that
     * patches {@code last} (what the last build stored, or null) when it can.
     */
    public IndexReuse storingPostings(StoredPostings last) {
        storesPostings = true;
        stored = last;
        return this;
    }

    /** What the last build stored, as {@code ids}' postings, if it was stored for this language and settings. */
    PatchBase stored(String lang, IndexSettings settings, TermIds ids) {
        return stored == null ? null : stored.base(lang, settings, ids);
    }

    /** What the last build stored of each document's text (its lead and text key), by its key; or an empty map. */
    Map<Object, Documents.Prepared> storedTexts() {
        return stored == null ? Map.of() : stored.texts();
    }

    /** The cards the last build stored, made by this JVM's deflater; or null. */
    StoredCards storedCards() {
        return stored == null ? null : stored.cards();
    }

    /** The cards this run made, to be stored with its postings; null: none. */
    void madeCards(StoredCards cards) {
        madeCards = cards;
    }

    /** What this run made of each document's text, to be stored with its postings; null: nothing. */
    void madeTexts(StoredPostings.Texts texts) {
        madeTexts = texts;
    }

    /** Whether a run keeps its postings to be stored. */
    boolean storesPostings() {
        return storesPostings;
    }

    /** The postings this run made, to be stored; the stored ones are let go. */
    void made(String lang, IndexSettings settings, PatchBase base, boolean patched) {
        stored = null;
        made = base;
        madeLang = lang;
        madeSettings = settings;
        this.patched |= patched;
    }

    /**
     * Writes the postings this run made to {@code file} (see {@link StoredPostings}) and lets them go; deletes the
     * file when this run made none. With {@code kept}, returns what {@link StoredPostings#read} would give of the
     * file written (null: none written, or not {@code kept}).
     */
    public StoredPostings storePostings(java.nio.file.Path file, String version, boolean kept) throws IOException {
        PatchBase base = made;
        StoredPostings.Texts texts = madeTexts;
        StoredCards cards = madeCards;
        made = null;
        madeTexts = null;
        madeCards = null;
        if (base == null || Arrays.stream(base.textKeys()).anyMatch(k -> k == null)) {
            java.nio.file.Files.deleteIfExists(file);
            return null;
        }
        StoredPostings.write(file, version, madeLang, madeSettings, base, texts, cards);
        return kept ? StoredPostings.of(madeLang, madeSettings, base, texts, cards) : null;
    }

    /** The index the last run kept in memory (and then, after a run, this run's), or null. */
    public LiveIndex live() {
        return live;
    }

    /** Whether a run keeps its index in memory for the next. */
    public boolean keepsLiveIndex() {
        return keepsLive;
    }

    void live(LiveIndex index, boolean patched) {
        live = index;
        this.patched |= patched;
    }

    /**
     * What a live server keeps of the last run's files besides their bytes (see {@link LiveParts}): the last run's
     * ({@code last}) or this run's, or null for a run that does not keep its index in memory.
     */
    LiveParts parts(boolean last) {
        return !keepsLive ? null : last ? lastParts : parts;
    }

    /** Term shards of the shard files this run encoded that it took from a live server's last run. */
    public int termShardsTaken() {
        return parts.taken();
    }

    /** Term shards of the shard files this run encoded written around their lists' text as the last run made it. */
    public int termShardsTextKept() {
        return parts.textKept();
    }

    /** Term shards this run encoded (counted only for a run that keeps its index in memory). */
    public int termShardsEncoded() {
        return parts.encoded();
    }

    /** Where the last run's bundled-only files are in its bundles (see {@link BundlePlaces}). */
    BundlePlaces lastPlaces() {
        return lastPlaces;
    }

    /** Where this run's bundled-only files are in its bundles, for the next run. */
    void places(BundlePlaces made) {
        places = made;
    }

    /** Whether this run patched the last run's postings (in memory, or stored) rather than inverting every document. */
    public boolean patched() {
        return patched;
    }

    /** The analysis of the text with {@code key}, this run's or the last build's, or null. */
    DocTerms known(Hash128 key) {
        return known.apply(key);
    }

    /** Files taken from the last build, and files encoded, by this run. */
    public int reused() {
        return reused.get();
    }

    public int encoded() {
        return encoded.get();
    }

    /**
     * Per dictionary entry of the new index, whether its postings (impacts, presence) or its positions may differ
     * from the last build's; null when every file must be encoded.
     */
    Dirt dirt(String lang, Documents docs, Scoring scoring, TermIds ids, IndexSettings settings) {
        int n = docs.size();
        attrs = new long[n];
        for (int d = 0; d < n; d++) {
            attrs[d] = attrs(docs.yearIndex()[d], docs.docTags()[d]);
        }
        context = new Fingerprint()
                .number(FORMAT)
                .number(IndexFormat.SHARD_MEMBERS)
                .text(lang)
                .number(settings.hitsPerTerm())
                .number(settings.shardTarget())
                .number(settings.longPostings())
                .number(settings.tailTarget())
                .text(settings.analysisJson())
                .number(Double.doubleToLongBits(scoring.avgBody()))
                .finish();
        if (!context.equals(lastContext) || keys.length != n) {
            return null;
        }
        Dirt dirt = new Dirt(scoring, ids);
        int changed = 0;
        for (int d = 0; d < Math.max(n, lastKeys.length); d++) {
            Hash128 now = d < n ? keys[d] : null;
            Hash128 was = d < lastKeys.length ? lastKeys[d] : null;
            boolean sameAttrs = d < n && d < lastAttrs.length && attrs[d] == lastAttrs[d];
            if (d < n && now == null) {
                return null; // an analysis not recorded
            }
            if (now != null && now.equals(was) && sameAttrs) {
                continue;
            }
            DocTerms before = was == null ? null : known.apply(was);
            DocTerms after = now == null ? null : known.apply(now);
            if (++changed > MAX_CHANGED || (was != null && before == null) || (now != null && after == null)) {
                return null;
            }
            dirt.compare(before, after, sameAttrs);
        }
        return dirt;
    }

    /**
     * A 64-bit hash of a document's year index and tag ids, compared with the last build's. Mixed in place (the
     * SplitMix64 finaliser per value), not a {@link Fingerprint} per document: 16,000 hash streams were 2.7 MB of
     * garbage per live edit.
     */
    static long attrs(int yearIndex, int[] tags) {
        long h = mix(0x9E3779B97F4A7C15L ^ yearIndex);
        h = mix(h ^ tags.length);
        for (int tag : tags) {
            h = mix(h + 0x9E3779B97F4A7C15L + tag);
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The hash of the file the last build named by {@code key}, when {@code clean} and its files (one of each of
     * {@code kinds}, named for that hash) are still in place, which are then kept; else null, and the caller encodes
     * it.
     */
    String keep(Hash128 key, boolean clean, IndexFiles out, IndexFileKind... kinds) {
        String h = clean ? lastFiles.get(key) : null;
        if (h == null) {
            return null;
        }
        for (IndexFileKind kind : kinds) {
            if (!out.keep(kind.named(h))) {
                return null;
            }
        }
        files.put(key, h);
        reused.incrementAndGet();
        return h;
    }

    /** Remembers the hash of a file encoded for {@code key}. */
    String wrote(Hash128 key, String hash) {
        files.put(key, hash);
        encoded.incrementAndGet();
        return hash;
    }

    /** This run's state, for the next build. */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        boolean known = context != null && Arrays.stream(keys).noneMatch(k -> k == null);
        out.writeBoolean(known);
        if (!known) {
            return;
        }
        out.writeLong(context.high());
        out.writeLong(context.low());
        out.writeInt(keys.length);
        for (int d = 0; d < keys.length; d++) {
            out.writeLong(keys[d].high());
            out.writeLong(keys[d].low());
            out.writeLong(attrs[d]);
        }
        TreeMap<Hash128, String> sorted = new TreeMap<>(files);
        out.writeInt(sorted.size());
        for (Map.Entry<Hash128, String> e : sorted.entrySet()) {
            out.writeLong(e.getKey().high());
            out.writeLong(e.getKey().low());
            out.writeUTF(e.getValue());
        }
        places.writeTo(out);
    }

    /**
     * This run's state for the next run in this process: what {@link #writeTo} and {@link #read} would hand on,
     * without encoding it (a live server's index is written after every edit), and the index kept in memory.
     */
    public IndexReuse successor() {
        boolean known = context != null && Arrays.stream(keys).noneMatch(k -> k == null);
        IndexReuse next = known ? new IndexReuse(context, keys.clone(), attrs.clone(), new HashMap<>(files)) : empty();
        next.lastPlaces = known ? places : BundlePlaces.NONE;
        if (keepsLive) {
            next.keepingLive(live);
            next.lastParts = parts.handedOn(lastParts, files.values());
        }
        return next;
    }

    /** The state {@link #writeTo} wrote; one of another format is {@link #empty()}. */
    public static IndexReuse read(byte[] content) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(content));
        if (in.readInt() != FORMAT || !in.readBoolean()) {
            return empty();
        }
        Hash128 context = new Hash128(in.readLong(), in.readLong());
        int n = in.readInt();
        Hash128[] keys = new Hash128[n];
        long[] attrs = new long[n];
        for (int d = 0; d < n; d++) {
            keys[d] = new Hash128(in.readLong(), in.readLong());
            attrs[d] = in.readLong();
        }
        int m = in.readInt();
        Map<Hash128, String> files = new HashMap<>(m * 2);
        for (int i = 0; i < m; i++) {
            files.put(new Hash128(in.readLong(), in.readLong()), in.readUTF());
        }
        IndexReuse reuse = new IndexReuse(context, keys, attrs, files);
        reuse.lastPlaces = BundlePlaces.read(in);
        if (in.available() != 0) {
            throw new IOException("trailing bytes in the search index memo");
        }
        return reuse;
    }
}
