package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * Writes the shard bundle {@code s.<h>.bin}: every term shard's gzip'd file, byte for byte, one after the other in
 * shard order. A query of several words asks for its shards in one multi-range request (SEARCH-FORMAT.md §3), where
 * one request per shard put 2–3 word queries over the 4-request budget. The term shard files stay, for one-word
 * queries and for servers that ignore Range. The bundle is made from the shard files as they are in the folder
 * (written or kept), so that a cached build that keeps them encodes nothing again.
 */
record ShardBundleWriter(IndexFiles files) {

    /** The bundle's hash, and the byte length of each shard in it (VLQ, in shard order). */
    record Bundle(String hash, String sizes) {}

    Bundle write(List<String> shardHashes) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        StringBuilder sizes = new StringBuilder(shardHashes.size() * 3);
        for (String h : shardHashes) {
            byte[] shard = files.read("t." + h + ".json.gz");
            all.writeBytes(shard);
            Vlq.append(sizes, shard.length);
        }
        byte[] bytes = all.toByteArray();
        String hash = Blob.hash(bytes);
        files.putRaw("s." + hash + ".bin", bytes);
        return new Bundle(hash, sizes.toString());
    }
}
