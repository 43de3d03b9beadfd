package org.arshif.search.index.internal;

import java.util.List;

/** Writes the positions of the terms of several consecutive term shards, {@code x.<h>.json.gz}. */
record PositionPackWriter(ShardLayout layout, PostingEncoder encoder, IndexFiles files) {

    /** Writes one pack (a term with a tail has its positions there: empty here); returns its hash. */
    String write(List<IdRange> pack) {
        Json x = new Json(64 * 1024);
        x.ch('{').key("x").ch('[');
        for (int si = 0; si < pack.size(); si++) {
            if (si > 0) {
                x.ch(',');
            }
            x.ch('[');
            IdRange shard = pack.get(si);
            for (int t = shard.from(); t < shard.to(); t++) {
                if (t > shard.from()) {
                    x.ch(',');
                }
                x.ch('"');
                if (!layout.hasTail(t)) {
                    encoder.appendPositions(x.builder(), t);
                }
                x.ch('"');
            }
            x.ch(']');
        }
        x.ch(']').ch('}');
        String json = x.toString();
        String h = Blob.hash(json);
        files.putJson(IndexFileKind.POSITIONS.named(h), json, IndexFormat.POSITIONS_LEVEL);
        return h;
    }
}
