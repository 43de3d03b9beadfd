package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Writes the positions of the terms of several consecutive term shards, {@code x.<h>.json.gz}. A live server's run
 * ({@code last} and {@code parts} not null) takes each term shard's positions the last run made of the same lists
 * from {@code last}, and keeps this run's in {@code parts}.
 */
record PositionPackWriter(
        ShardLayout layout, PostingEncoder encoder, IndexFiles files, LiveParts last, LiveParts parts) {

    /** Writes one pack (a term with a tail has its positions there: empty here); returns its hash. */
    String write(List<IdRange> pack) {
        Json x = new Json(64 * 1024);
        x.ch('{').key("x").ch('[');
        for (int si = 0; si < pack.size(); si++) {
            if (si > 0) {
                x.ch(',');
            }
            x.builder().append(shard(pack.get(si)));
        }
        x.ch(']').ch('}');
        String json = x.toString();
        String h = Blob.hash(json);
        files.putJson(IndexFileKind.POSITIONS.named(h), json, IndexFormat.POSITIONS_LEVEL);
        return h;
    }

    /** The positions of term shard {@code shard}: a JSON array of one VLQ string per term. */
    private String shard(IdRange shard) {
        InvertedIndex index = encoder.scoring().index();
        LiveParts.ShardPositions known = last == null ? null : last.positions(index, layout, shard);
        if (known != null) {
            parts.positions(known);
            return known.json();
        }
        int n = shard.to() - shard.from();
        StringBuilder x = new StringBuilder(16 + 8 * n);
        boolean[] tails = new boolean[n];
        x.append('[');
        for (int t = shard.from(); t < shard.to(); t++) {
            if (t > shard.from()) {
                x.append(',');
            }
            x.append('"');
            tails[t - shard.from()] = layout.hasTail(t);
            if (!layout.hasTail(t)) {
                encoder.appendPositions(x, t);
            }
            x.append('"');
        }
        String json = x.append(']').toString();
        if (parts != null) {
            parts.positions(new LiveParts.ShardPositions(
                    Arrays.copyOfRange(index.terms(), shard.from(), shard.to()),
                    Arrays.copyOfRange(index.postings(), shard.from(), shard.to()),
                    tails,
                    json));
        }
        return json;
    }
}
