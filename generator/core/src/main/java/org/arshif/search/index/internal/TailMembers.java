package org.arshif.search.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The members of the tail files of one build: a tail file {@code l.<h>.bin} is one gzip member per long list, so
 * that a query fetches one list by range, not the file's ~10 (format 5). A term shard names where its long lists'
 * members start and how long they are; those sizes are computed once per tail group and build, by the tail writer
 * or, for a tail an earlier build left in place, by the first shard that needs them (gzip is deterministic).
 * Thread-safe.
 */
final class TailMembers {
    private final PostingEncoder encoder;
    private final Map<Integer, int[]> sizes = new ConcurrentHashMap<>();

    TailMembers(PostingEncoder encoder) {
        this.encoder = encoder;
    }

    /** The gzip'd postings of term {@code t}: its member of the tail file. */
    byte[] member(int t) {
        StringBuilder sb = new StringBuilder();
        encoder.appendPostings(sb, t);
        return Blob.gzip(sb.toString().getBytes(StandardCharsets.US_ASCII), IndexFormat.RARE_LEVEL);
    }

    /** Records the member sizes of tail group {@code g}, as written. */
    void written(int g, int[] memberSizes) {
        sizes.put(g, memberSizes);
    }

    /** The member sizes of tail group {@code g} with the terms {@code group}, in group order. */
    int[] sizes(int g, int[] group) {
        return sizes.computeIfAbsent(g, k -> {
            int[] out = new int[group.length];
            for (int i = 0; i < group.length; i++) {
                out[i] = member(group[i]).length;
            }
            return out;
        });
    }
}
