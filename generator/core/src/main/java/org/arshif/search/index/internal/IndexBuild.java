package org.arshif.search.index.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.arshif.internal.Fingerprint.Hash128;
import org.arshif.search.SearchDocument;

/**
 * One language's index, phase by phase: documents → inversion → scoring → card and shard layout → one writer
 * per file kind → manifest. Each phase hands the next an immutable record; files are written in parallel.
 */
public final class IndexBuild {
    private IndexBuild() {}

    /**
     * Writes the index of {@code input} (all in language {@code lang}) into {@code dir}, creating it if needed.
     *
     * @param analysis how a document is analyzed (freshly, or from earlier builds' analyses)
     * @param ids      the ids of the keys in the analyses
     * @param kept     files already in place from an earlier build, which are then not written again
     * @param reuse    what the last build's index left (its files are then not encoded again where nothing that
     *                 they hold changed), or null
     * @param docKeys  per input document, a key of what it is made of (equal keys: equal documents), by which a
     *                 live server's last index is patched; or null
     */
    public static IndexSummary run(
            IndexSettings settings,
            Path dir,
            String lang,
            List<SearchDocument> input,
            List<?> docKeys,
            DocAnalysis analysis,
            TermIds ids,
            KeptFiles kept,
            IndexReuse reuse)
            throws IOException {
        Files.createDirectories(dir);
        LiveIndex last =
                reuse == null || reuse.live() == null || !reuse.live().fits(lang, settings, ids) ? null : reuse.live();
        Documents docs = prepare(lang, input, docKeys, analysis, reuse, last);
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "arshif-search-index");
            t.setDaemon(true);
            return t;
        });
        GzipPieces gzip = new GzipPieces();
        try {
            // taken before the inversion, which lets the stored postings go
            StoredCards storedCards = reuse != null && reuse.storesPostings() ? reuse.storedCards() : null;
            InvertedIndex index = invert(settings, lang, docs, docKeys, analysis, ids, reuse, last, pool);
            Scoring scoring = Scoring.of(index);
            CardSlots cards = reuse != null && reuse.keepsLiveIndex()
                    ? cards(lang, settings, docs, reuse, last, pool)
                    : reuse != null && reuse.storesPostings()
                            ? storedCards(lang, settings, docs, reuse, storedCards, pool)
                            : CardSlots.pack(lang, docs, settings.cardFileBytes(), settings.cardChunkBytes(), pool);
            ShardLayout layout = ShardLayout.plan(index, settings, docs.size(), cards.fileCount(docs.size()));
            IndexFiles files = new IndexFiles(
                    dir, kept, !settings.cardChunks(), reuse == null ? BundlePlaces.NONE : reuse.lastPlaces());
            Dirt dirt = reuse == null ? null : reuse.dirt(lang, docs, scoring, ids, settings);
            FileReuse reused = new FileReuse(reuse, dirt, index, layout, files);
            ManifestWriter.Written manifest =
                    writeFiles(pool, lang, docs, scoring, cards, layout, settings, files, reused, gzip);
            if (reuse != null) {
                reuse.places(files.places());
            }
            return new IndexSummary(
                    manifest.file(),
                    manifest.json(),
                    files.files(),
                    files.bytes(),
                    index.size(),
                    docs.size(),
                    index.conflations(),
                    files.sizes());
        } finally {
            pool.shutdownNow();
            gzip.close();
        }
    }

    /**
     * The documents of {@code input}: one whose key a live server's last index ({@code last}) or the last cached
     * build prepared is taken from there.
     */
    private static Documents prepare(
            String lang,
            List<SearchDocument> input,
            List<?> docKeys,
            DocAnalysis analysis,
            IndexReuse reuse,
            LiveIndex last) {
        if (docKeys != null && last != null) {
            Documents.Prepared[] known = last.prepared().find(docKeys);
            return Documents.prepare(lang, input, analysis, source -> known[source], last.docs());
        }
        Map<Object, Documents.Prepared> known = docKeys == null || reuse == null ? Map.of() : reuse.storedTexts();
        return Documents.prepare(lang, input, analysis, docKeys, known, last == null ? null : last.docs());
    }

    /**
     * The inverted index: {@code last}'s (or the postings the last cached build stored) patched by the documents
     * whose text changed when it can be, else every document's analysis inverted. A run that keeps its index in
     * memory leaves it in {@code reuse} (its cards come next), and one that stores its postings leaves those.
     */
    private static InvertedIndex invert(
            IndexSettings settings,
            String lang,
            Documents docs,
            List<?> docKeys,
            DocAnalysis analysis,
            TermIds ids,
            IndexReuse reuse,
            LiveIndex last,
            ExecutorService pool) {
        PatchBase base = last != null ? last.base() : reuse == null ? null : reuse.stored(lang, settings, ids);
        PostingsPatch.Patched patched = base == null ? null : PostingsPatch.patch(base, docs, analysis, reuse::known);
        InvertedIndex.ById inverted;
        InvertedIndex.Dictionary dictionary;
        if (patched != null) {
            for (int d = 0; d < docs.size(); d++) {
                reuse.record(d, docs.textKeys()[d]); // as the analysis of every document would
                analysis.kept(d, docs.textKeys()[d]);
            }
            inverted = patched.inverted();
            dictionary = patched.dictionary();
        } else {
            inverted = InvertedIndex.byId(docs, analysis, ids, pool, settings, InvertedIndex.BATCH);
            dictionary = InvertedIndex.Dictionary.of(inverted.byId(), ids);
        }
        if (reuse != null && reuse.storesPostings()) {
            reuse.made(lang, settings, new PatchBase(docs.textKeys(), inverted, dictionary, ids), patched != null);
            reuse.madeTexts(docKeys == null ? null : docs.textsByKey(docKeys));
        }
        if (reuse != null && reuse.keepsLiveIndex()) {
            PreparedDocs prepared = docKeys == null ? PreparedDocs.NONE : docs.prepared(docKeys);
            reuse.live(new LiveIndex(lang, settings, ids, docs, prepared, inverted, dictionary, null), patched != null);
        }
        // A live server shows no notices: the conflations, a build's notice, were 28% of an Arabic edit's index
        // samples there (bench/RESULTS.md, w20-serve), and are not looked for.
        return InvertedIndex.of(dictionary, inverted, settings, reuse == null || !reuse.keepsLiveIndex());
    }

    /** The cards, those of the last index's documents that did not change taken from it; kept with the index. */
    private static CardSlots cards(
            String lang,
            IndexSettings settings,
            Documents docs,
            IndexReuse reuse,
            LiveIndex last,
            ExecutorService pool) {
        LiveIndex kept = reuse.live();
        CardSlots cards = CardSlots.pack(
                lang,
                docs,
                settings.cardFileBytes(),
                settings.cardChunkBytes(),
                pool,
                last == null ? null : last.docs(),
                last == null ? null : last.cards());
        reuse.live(
                new LiveIndex(
                        kept.lang(),
                        settings,
                        kept.ids(),
                        docs,
                        kept.prepared(),
                        kept.inverted(),
                        kept.dictionary(),
                        cards),
                false);
        return cards;
    }

    /** The cards, those whose JSON the last cached build stored taken from it; this run's left to be stored. */
    private static CardSlots storedCards(
            String lang,
            IndexSettings settings,
            Documents docs,
            IndexReuse reuse,
            StoredCards stored,
            ExecutorService pool) {
        Hash128[] keys = new Hash128[docs.size()];
        CardSlots cards = CardSlots.packStored(
                lang, docs, settings.cardFileBytes(), settings.cardChunkBytes(), pool, stored, keys);
        reuse.madeCards(new StoredCards(keys, cards.packed(), cards.noLead()));
        return cards;
    }

    /** Every file, the manifest last; returns the manifest as written. */
    private static ManifestWriter.Written writeFiles(
            ExecutorService pool,
            String lang,
            Documents docs,
            Scoring scoring,
            CardSlots cards,
            ShardLayout layout,
            IndexSettings settings,
            IndexFiles files,
            FileReuse reused,
            GzipPieces gzip) {
        InvertedIndex index = scoring.index();
        PostingEncoder encoder = new PostingEncoder(docs, scoring);
        TailMembers members = new TailMembers(encoder, settings, reused.reuse(), reused.dirt(), gzip);
        Tails tails = writeTails(
                pool, layout, reused, new TailWriter(index, encoder, settings, files, members), files, settings);
        List<String> tailHashes = tails.hashes();
        TailBundleWriter.Bundles tailBundles = tails.bundles();
        LiveParts lastParts = reused.reuse() == null ? null : reused.reuse().parts(true);
        LiveParts parts = reused.reuse() == null ? null : reused.reuse().parts(false);
        TermShardWriter shardWriter =
                new TermShardWriter(index, layout, encoder, settings, files, members, new FrequentShardJson(layout));
        // the lexicon, then the tail bundles with it after the last tail (format 12); the term shards, and the
        // frequent ones in the lexicon (format 13), need only the tails' places, known already
        LexiconWriter lexiconWriter = new LexiconWriter(
                index, lastParts, parts, layout.alone(), r -> shardWriter.json(r, tailHashes, tailBundles));
        Future<ManifestWriter.TailNames> tailNames =
                pool.submit(() -> tailNames(lexiconWriter, layout, files, settings, tailHashes, tailBundles));
        List<String> tailKeys = tails.keys();
        List<Future<String>> shards = submitEach(
                pool,
                layout.files(),
                s -> reused.shard(s, tailKeys, known -> shardWriter.write(s, tailHashes, tailBundles, known)));
        PositionPackWriter packWriter = new PositionPackWriter(layout, encoder, files, gzip, lastParts, parts);
        List<Future<String>> packs = submitEach(pool, ranges(layout.shards().size(), IndexFormat.POSITION_PACK), r -> {
            List<IdRange> pack = layout.shards().subList(r.from(), r.to());
            return reused.pack(pack, () -> packWriter.write(pack));
        });
        CardWriter cardWriter = new CardWriter(docs, cards, settings.cardChunks(), files, lastParts, parts);
        List<Future<String>> cardFiles =
                submitEach(pool, ranges(docs.size(), cards.perFile()), r -> cardWriter.write(r.from(), r.to()));
        AttrWriter attrWriter = new AttrWriter(docs, files);
        List<Future<String>> attrs =
                submitEach(pool, ranges(docs.size(), IndexFormat.ATTR_SHARD), r -> attrWriter.write(r.from(), r.to()));
        List<String> shardHashes = Futures.all(shards);
        ManifestWriter.Names names = new ManifestWriter.Names(
                shardHashes,
                new ShardBundleWriter(files, reused.reuse()).write(shardHashes),
                Futures.get(tailNames),
                Futures.all(tails.positions()),
                Futures.all(packs),
                cards.perFile(),
                settings.cardChunks() ? cards.perChunk() : 0,
                Futures.all(cardFiles),
                Futures.all(attrs));
        return new ManifestWriter(lang, docs, index, settings, files).write(layout, names);
    }

    /** Encodes the lexicon, then writes the tail bundles with it after the last tail (format 12). */
    private static ManifestWriter.TailNames tailNames(
            LexiconWriter lexiconWriter,
            ShardLayout layout,
            IndexFiles files,
            IndexSettings settings,
            List<String> tailHashes,
            TailBundleWriter.Bundles tailBundles) {
        LexiconWriter.Lexicon lexicon = lexiconWriter.encode(layout.shards());
        TailBundleWriter.Written bundles =
                new TailBundleWriter(files, settings.cardFileBytes()).write(tailHashes, tailBundles, lexicon.bytes());
        return new ManifestWriter.TailNames(bundles, lexicon.sizes());
    }

    /** The tail files as written or kept, their positions files (still being written), bundles and keys. */
    private record Tails(
            List<String> hashes, List<Future<String>> positions, TailBundleWriter.Bundles bundles, List<String> keys) {}

    /** Tails first: a term shard names the tail files of its long lists (so the manifest need not). */
    private static Tails writeTails(
            ExecutorService pool,
            ShardLayout layout,
            FileReuse reused,
            TailWriter tailWriter,
            IndexFiles files,
            IndexSettings settings) {
        List<int[]> tails = layout.tails();
        List<String> hashes = Futures.all(submitEach(pool, ranges(tails.size(), 1), r -> {
            int[] group = tails.get(r.from());
            return reused.tail(group, () -> tailWriter.write(r.from(), group));
        }));
        List<Future<String>> positions = submitEach(pool, ranges(tails.size(), 1), r -> {
            int[] group = tails.get(r.from());
            return reused.tailPositions(group, () -> tailWriter.writePositions(group));
        });
        TailBundleWriter.Bundles bundles = new TailBundleWriter(files, settings.cardFileBytes()).place(hashes);
        List<String> keys = new ArrayList<>(hashes.size());
        for (int g = 0; g < hashes.size(); g++) {
            keys.add(bundles.key(hashes, g));
        }
        return new Tails(hashes, positions, bundles, keys);
    }

    /** Consecutive ranges of {@code size} items (the last one shorter) covering {@code 0..count-1}. */
    private static List<IdRange> ranges(int count, int size) {
        List<IdRange> out = new ArrayList<>();
        for (int from = 0; from < count; from += size) {
            out.add(new IdRange(from, Math.min(count, from + size)));
        }
        return out;
    }

    private static <T> List<Future<String>> submitEach(ExecutorService pool, List<T> items, Function<T, String> task) {
        List<Future<String>> out = new ArrayList<>(items.size());
        for (T item : items) {
            out.add(pool.submit(() -> task.apply(item)));
        }
        return out;
    }
}
