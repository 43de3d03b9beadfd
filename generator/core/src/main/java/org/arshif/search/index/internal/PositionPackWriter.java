package org.arshif.search.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the positions of the terms of several consecutive term shards, {@code x.<h>.json.gz}. A live server's run
 * ({@code last} and {@code parts} not null) takes each term shard's positions the last run made of the same lists
 * from {@code last}, and keeps this run's in {@code parts}.
 */
record PositionPackWriter(
        ShardLayout layout,
        PostingEncoder encoder,
        IndexFiles files,
        GzipPieces gzip,
        LiveParts last,
        LiveParts parts) {

    /**
     * Writes one pack (a term with a tail has its positions there: empty here); returns its hash. Its gzip is made of
     * one piece per term shard ({@link GzipPieces}): a term shard's piece the last run deflated is taken as it was,
     * and so is the first piece (the pack's start and its first term shard) when the pack starts with the same one.
     */
    String write(List<IdRange> pack) {
        Json x = new Json(64 * 1024);
        x.ch('{').key("x").ch('[');
        List<byte[]> pieces = new ArrayList<>(pack.size());
        for (int si = 0; si < pack.size(); si++) {
            LiveParts.ShardPositions shard = shard(pack.get(si));
            if (si == 0) {
                String head = x.toString();
                pieces.add(shard.first().get(() -> gzip.piece(head + shard.json())));
            } else {
                x.ch(',');
                pieces.add(shard.piece());
            }
            x.builder().append(shard.json());
        }
        x.ch(']').ch('}');
        pieces.add(GzipPieces.closing());
        String json = x.toString();
        // named by the hash of its bytes (the positions are ASCII): hashing the text hashed its chars, twice the bytes
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        String h = Blob.hash(data);
        String name = IndexFileKind.POSITIONS.named(h);
        if (!files.keep(name)) {
            files.putRaw(name, GzipPieces.join(data, pieces));
        }
        return h;
    }

    /**
     * The positions of term shard {@code shard}: a JSON array of one VLQ string per term, and its piece of a pack's
     * gzip after a comma.
     */
    private LiveParts.ShardPositions shard(IdRange shard) {
        InvertedIndex index = encoder.scoring().index();
        LiveParts.ShardPositions known = last == null ? null : last.positions(index, layout, shard);
        if (known != null) {
            parts.positions(known);
            return known;
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
        LiveParts.ShardPositions made = new LiveParts.ShardPositions(
                Arrays.copyOfRange(index.terms(), shard.from(), shard.to()),
                Arrays.copyOfRange(index.postings(), shard.from(), shard.to()),
                tails,
                json,
                gzip.piece("," + json),
                new GzipPieces.Once());
        if (parts != null) {
            parts.positions(made);
        }
        return made;
    }
}
