package org.arshif.search.index.internal;

import java.util.List;

/**
 * Writes the manifest {@code manifest.<h>.json.gz}, the one file a query starts from: the analyzer's data, the
 * tags and years with their counts, and the names of every other file (a tail file is named by its term shard).
 */
record ManifestWriter(String lang, Documents docs, InvertedIndex index, IndexSettings settings, IndexFiles files) {

    /** The hashes and entries of the files the manifest names, each list in file order. */
    record Names(
            List<String> shards,
            ShardBundleWriter.Bundle bundle,
            TailNames tails,
            List<String> tailPositions,
            List<String> positionPacks,
            int cardsPerFile,
            int cardsPerChunk,
            List<String> cards,
            List<String> attrs) {}

    /** The tail bundles as written, the lexicon in them, and the length of each of its members (VLQ, in units). */
    record TailNames(TailBundleWriter.Written bundles, String lexiconSizes) {}

    /** The manifest as written: its file name and its JSON text (what the file holds, before compression). */
    record Written(String file, String json) {}

    /** Writes the manifest; returns its file name and text. */
    Written write(ShardLayout layout, Names names) {
        Json m = new Json(4096);
        m.ch('{').key("format").str("arshif-search").ch(',').key("version").num(IndexFormat.FORMAT_VERSION);
        m.ch(',').key("lang").str(lang).ch(',').key("docs").num(docs.size());
        m.ch(',')
                .key("levelBits")
                .num(IndexFormat.LEVEL_BITS)
                .ch(',')
                .key("hits")
                .num(settings.hitsPerTerm());
        m.ch(',').key("analysis").raw(settings.analysisJson());
        m.ch(',').key("tags").ch('[');
        appendTags(m);
        m.ch(']').ch(',').key("years").ch('[');
        appendYears(m);
        m.ch(']');
        appendTerms(m, layout, names);
        appendFiles(m, names);
        String json = m.toString();
        String name = "manifest." + Blob.hash(json) + ".json.gz";
        files.putJson(name, json, IndexFormat.LEVEL);
        return new Written(name, json);
    }

    /**
     * {@code "terms": {"sep": [...], "files": [...], "bundle": h, "sizes": VLQ, "lexicon": [b, start], "lexiconSizes": VLQ,
     * "members": n, "pack": n, "tails": [...], "y": [...], "positions": [...]}}: the term shards (n per shard file),
     * where each one is in the shard bundle and its terms' document frequencies in the lexicon (format 12: at byte
     * {@code start} of tail bundle {@code b}, each member's length in units of {@link IndexFormat#LEXICON_UNIT}), the
     * tail bundles their long lists are in, and each tail file's positions file (format 11).
     */
    private void appendTerms(Json m, ShardLayout layout, Names names) {
        m.ch(',').key("terms").ch('{').key("sep").ch('[');
        List<IdRange> shards = layout.shards();
        for (int i = 0; i < shards.size(); i++) {
            m.raw(i > 0 ? "," : "");
            m.str(
                    i == 0
                            ? ""
                            : separator(
                                    index.terms()[shards.get(i - 1).to() - 1],
                                    index.terms()[shards.get(i).from()]));
        }
        m.ch(']').ch(',').key("files").strings(names.shards());
        m.ch(',').key("bundle").str(names.bundle().hash());
        m.ch(',').key("sizes").str(names.bundle().sizes());
        m.ch(',').key("alone").str(gaps(layout.alone()));
        TailBundleWriter.Written bundles = names.tails().bundles();
        m.ch(',')
                .key("lexicon")
                .ch('[')
                .num(bundles.lexiconBundle())
                .ch(',')
                .num(bundles.lexiconStart())
                .ch(']');
        m.ch(',').key("lexiconSizes").str(names.tails().lexiconSizes());
        m.ch(',').key("members").num(IndexFormat.SHARD_MEMBERS);
        m.ch(',').key("tails").strings(bundles.hashes());
        m.ch(',').key("y").strings(names.tailPositions());
        m.ch(',')
                .key("pack")
                .num(IndexFormat.POSITION_PACK)
                .ch(',')
                .key("positions")
                .strings(names.positionPacks())
                .ch('}');
    }

    /** Ascending numbers as VLQ gaps (the first from 0). */
    private static String gaps(int[] ascending) {
        StringBuilder out = new StringBuilder(ascending.length * 2);
        int last = 0;
        for (int v : ascending) {
            Vlq.append(out, v - last);
            last = v;
        }
        return out.toString();
    }

    /** {@code "cards": {...}, "attrs": {...}}, closing the manifest. */
    private void appendFiles(Json m, Names names) {
        m.ch(',')
                .key("cards")
                .ch('{')
                .key("size")
                .num(names.cardsPerFile())
                .ch(',')
                .key("chunk")
                .num(names.cardsPerChunk())
                .ch(',')
                .key("dict")
                .str(CardDictionary.text(lang))
                .ch(',')
                .key("files")
                .ch('[');
        m.raw(String.join(",", names.cards()));
        m.ch(']').ch('}');
        m.ch(',')
                .key("attrs")
                .ch('{')
                .key("size")
                .num(IndexFormat.ATTR_SHARD)
                .ch(',')
                .key("files")
                .strings(names.attrs())
                .ch('}')
                .ch('}');
    }

    /** {@code [key, name, documents]} per tag id. */
    private void appendTags(Json m) {
        int[] counts = new int[docs.tagKeys().size()];
        for (int[] tags : docs.docTags()) {
            for (int t : tags) {
                counts[t]++;
            }
        }
        for (int i = 0; i < counts.length; i++) {
            m.raw(i > 0 ? "," : "");
            m.ch('[')
                    .str(docs.tagKeys().get(i))
                    .ch(',')
                    .str(docs.tagNames().get(i))
                    .ch(',')
                    .num(counts[i])
                    .ch(']');
        }
    }

    /** {@code [year, first id, documents]} per year, oldest first (ids are in date order). */
    private void appendYears(Json m) {
        int[] year = docs.docYear();
        for (int i = 0; i < year.length; ) {
            int j = i;
            while (j < year.length && year[j] == year[i]) {
                j++;
            }
            m.raw(i > 0 ? "," : "");
            m.ch('[').num(year[i]).ch(',').num(i).ch(',').num(j - i).ch(']');
            i = j;
        }
    }

    /** The shortest prefix of {@code next} that sorts after {@code prev} (never splitting a surrogate pair). */
    static String separator(String prev, String next) {
        int l = 0;
        while (l < prev.length() && l < next.length() && prev.charAt(l) == next.charAt(l)) {
            l++;
        }
        int end = Math.min(next.length(), l + 1);
        if (end < next.length() && Character.isHighSurrogate(next.charAt(end - 1))) {
            end++;
        }
        return next.substring(0, end);
    }
}
