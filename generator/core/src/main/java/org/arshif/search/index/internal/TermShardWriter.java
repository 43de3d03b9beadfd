package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a shard file {@code t.<h>.bin}: one gzip member per term shard (format 6), each the JSON of its terms, their document frequencies, their postings (or the tail
 * file that holds them), a long list's best postings, and precomputed facets (for terms, not surface keys).
 */
record TermShardWriter(
        InvertedIndex index,
        ShardLayout layout,
        PostingEncoder encoder,
        IndexSettings settings,
        IndexFiles files,
        TailMembers members,
        FrequentShardJson frequent) {

    /**
     * Writes the file of the term shards {@code members}, one gzip member each; {@code tailHashes} names the tail
     * files, {@code bundles} where each is in the tail bundles. A term shard {@code known} holds as the last run
     * encoded it is not encoded again (null: each is). Returns the file's hash.
     */
    String write(
            List<IdRange> members,
            List<String> tailHashes,
            TailBundleWriter.Bundles bundles,
            FileReuse.ShardMembers known) {
        String[] jsons = new String[members.size()];
        int[] sizes = new int[jsons.length];
        ByteArrayOutputStream all = new ByteArrayOutputStream(members.size() * settings.shardTarget() / 3);
        for (int i = 0; i < jsons.length; i++) {
            LiveParts.Member member = known == null ? null : known.known(i);
            if (member == null) {
                IdRange range = members.get(i);
                LiveParts.ShardText text = known == null ? null : known.text(i, index, layout, range);
                // a plain build encodes a frequent term's shard once, for this file and the lexicon; a live run's
                // shard keeps its parts for the next run, so it is encoded here (usually from the last run's text)
                String json = known == null
                        ? json(range, tailHashes, bundles)
                        : json(range, tailHashes, bundles, text, known.parts());
                if (known != null) {
                    known.parts().counted(false, text != null);
                }
                member =
                        new LiveParts.Member(json, Blob.gzip(json.getBytes(StandardCharsets.UTF_8), IndexFormat.LEVEL));
            } else {
                known.carryText(index, layout, members.get(i)); // taken whole: its text stays the next run's
                known.parts().counted(true, false);
            }
            if (known != null) {
                known.made(i, member);
            }
            jsons[i] = member.json();
            sizes[i] = member.gzip().length;
            all.writeBytes(member.gzip());
        }
        String h = Blob.hash(jsons);
        String name = IndexFileKind.TERM_SHARD.named(h);
        files.putRaw(name, all.toByteArray());
        if (known != null) {
            known.parts().sizes(name, sizes);
        }
        return h;
    }

    /**
     * The JSON of the term shard {@code range}, encoded: a frequent term's shard as its lexicon member (format 13),
     * the same JSON as its member of the shard file, encoded once a build ({@link FrequentShardJson}).
     */
    String json(IdRange range, List<String> tailHashes, TailBundleWriter.Bundles bundles) {
        return frequent.json(range, r -> json(r, tailHashes, bundles, null, null));
    }

    /**
     * The JSON of the term shard {@code range}: its lists' postings, best postings and facets from {@code text} when
     * the last run made them of the same lists (null: encoded); this run's kept in {@code parts} (null: not kept).
     */
    private String json(
            IdRange range,
            List<String> tailHashes,
            TailBundleWriter.Bundles bundles,
            LiveParts.ShardText text,
            LiveParts parts) {
        Json j = new Json(settings.shardTarget() + 1024);
        j.ch('{').key("t").strings(Arrays.asList(index.terms()).subList(range.from(), range.to()));
        j.ch(',').key("n").ch('[');
        for (int t = range.from(); t < range.to(); t++) {
            j.raw(t > range.from() ? "," : "").num(index.postings()[t].df());
        }
        j.ch(']').ch(',').key("p").ch('[');
        List<String> shardTails = new ArrayList<>();
        IntList tailGroups = new IntList(4);
        // kept for a live server's next run only: a plain build copies no list
        String[] inline = parts == null ? null : new String[range.to() - range.from()];
        for (int t = range.from(); t < range.to(); t++) {
            j.raw(t > range.from() ? "," : "");
            if (layout.hasTail(t)) {
                String h = tailHashes.get(layout.tailOf()[t]);
                if (!shardTails.contains(h)) {
                    shardTails.add(h);
                    tailGroups.add(layout.tailOf()[t]);
                }
                appendTailRef(j, t, shardTails.indexOf(h), tailHashes);
            } else {
                j.ch('"');
                int from = j.builder().length();
                if (text == null) {
                    encoder.appendPostings(j.builder(), t);
                } else {
                    j.builder().append(text.inline()[t - range.from()]);
                }
                if (inline != null) {
                    inline[t - range.from()] = j.builder().substring(from);
                }
                j.ch('"');
            }
        }
        j.ch(']').ch(',').key("tails").strings(shardTails);
        appendPlaces(j, tailGroups, bundles);
        int from = j.builder().length();
        if (text == null) {
            appendBest(j, range);
            j.ch(']');
            appendFacets(j, range);
        } else {
            j.builder().append(text.best());
        }
        if (parts != null) {
            parts.text(new LiveParts.ShardText(
                    Arrays.copyOfRange(index.terms(), range.from(), range.to()),
                    Arrays.copyOfRange(index.postings(), range.from(), range.to()),
                    tails(range),
                    inline,
                    j.builder().substring(from)));
        }
        return j.ch('}').toString();
    }

    /**
     * Where each tail file is in the tail bundles (format 8: a query's long lists come from one file), and its place
     * in the manifest's list of tail positions files (format 11).
     */
    private static void appendPlaces(Json j, IntList tailGroups, TailBundleWriter.Bundles bundles) {
        j.ch(',').key("at").ch('[');
        for (int i = 0; i < tailGroups.size(); i++) {
            int g = tailGroups.get(i);
            j.raw(i > 0 ? "," : "")
                    .ch('[')
                    .num(bundles.bundleOf()[g])
                    .ch(',')
                    .num(bundles.startOf()[g])
                    .ch(',')
                    .num(g)
                    .ch(']');
        }
        j.ch(']');
    }

    /** {@code "f"}: the facets of each term with more than a page of documents. */
    private void appendFacets(Json j, IdRange range) {
        j.ch(',').key("f").ch('[');
        for (int t = range.from(); t < range.to(); t++) {
            j.raw(t > range.from() ? "," : "").ch('"');
            if (index.postings()[t].df() > settings.hitsPerTerm() && !SurfaceKeys.is(index, t)) {
                encoder.appendFacets(j.builder(), t);
            }
            j.ch('"');
        }
        j.ch(']');
    }

    private boolean[] tails(IdRange range) {
        boolean[] out = new boolean[range.to() - range.from()];
        for (int t = range.from(); t < range.to(); t++) {
            out[t - range.from()] = layout.hasTail(t);
        }
        return out;
    }

    /**
     * {@code "h"}: a long list's best postings (id, impact), best first, so that a one-word query needs no tail file;
     * a surface key's are what the form's first page needs (PostingEncoder#appendKeyHits).
     */
    private void appendBest(Json j, IdRange range) {
        j.ch(',').key("h").ch('[');
        for (int t = range.from(); t < range.to(); t++) {
            j.raw(t > range.from() ? "," : "").ch('"');
            if (layout.hasTail(t) && SurfaceKeys.is(index, t)) {
                encoder.appendKeyHits(j.builder(), t, SurfaceKeys.termOf(index, t), settings.hitsPerTerm());
            } else if (layout.hasTail(t)) {
                encoder.appendTopHits(j.builder(), t, settings.hitsPerTerm());
            }
            j.ch('"');
        }
    }

    /**
     * {@code [tail, k, start, bytes]}: the k-th list of the shard's tail {@code tail}, a member at that range; {@code
     * [tail, k, start, bytes, 1]} for a surface key in a tail file only because its term is.
     */
    private void appendTailRef(Json j, int t, int tail, List<String> tailHashes) {
        int g = layout.tailOf()[t];
        int[] group = layout.tails().get(g);
        int[] sizes = members.sizes(g, group, tailHashes.get(g));
        int start = 0;
        int k = 0;
        while (group[k] != t) {
            start += sizes[k++];
        }
        j.ch('[')
                .num(tail)
                .ch(',')
                .num(k)
                .ch(',')
                .num(start)
                .ch(',')
                .num(sizes[k])
                // a key in the tail only because its term is: a one-word query reads it past the first page
                .raw(ShardLayout.forItsTerm(index, settings, t) ? ",1" : "")
                .ch(']');
    }
}
