package org.arshif.search.index.internal;

/** Writes an attribute file {@code a.<h>.json.gz}: the tag ids of a range of documents. */
record AttrWriter(Documents docs, IndexFiles files) {

    /** Writes the tag ids of documents {@code from..to-1} (VLQ: count, then id deltas); returns the hash. */
    String write(int from, int to) {
        StringBuilder sb = new StringBuilder((to - from) * 4 + 16);
        sb.append("{\"a\":\"");
        for (int d = from; d < to; d++) {
            int[] tags = docs.docTags()[d];
            Vlq.append(sb, tags.length);
            int prev = 0;
            for (int t : tags) {
                Vlq.append(sb, t - prev);
                prev = t;
            }
        }
        sb.append("\"}");
        String json = sb.toString();
        String h = Blob.hash(json);
        files.putJson(IndexFileKind.ATTRIBUTES.named(h), json, IndexFormat.LEVEL);
        return h;
    }
}
