package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.TreeMap;

/** The VLQ strings of a term's postings, positions and facets, shared by the term shard and tail writers. */
record PostingEncoder(Documents docs, Scoring scoring) {

    private Postings postings(int t) {
        return scoring.index().postings()[t];
    }

    /** Per posting: {@code idGap << LEVEL_BITS | (impact - 1)}. */
    void appendPostings(StringBuilder sb, int t) {
        Postings p = postings(t);
        int prev = 0;
        for (int j = 0; j < p.df(); j++) {
            int d = p.doc(j);
            Vlq.append(sb, ((d - prev) << IndexFormat.LEVEL_BITS) | (scoring.impact(t, j) - 1));
            prev = d;
        }
    }

    /** Per posting: the number of positions, then the position deltas; nothing for a surface key. */
    void appendPositions(StringBuilder sb, int t) {
        if (SurfaceKeys.is(scoring.index(), t)) {
            return;
        }
        Postings p = postings(t);
        IntList pos = p.positions;
        int i = 0;
        for (int j = 0; j < p.df(); j++) {
            int count = pos.get(i++);
            Vlq.append(sb, count);
            int prev = 0;
            for (int c = 0; c < count; c++) {
                int v = pos.get(i++);
                Vlq.append(sb, v - prev);
                prev = v;
            }
        }
    }

    /** Per best posting, best first: its document id and impact. */
    void appendTopHits(StringBuilder sb, int t, int k) {
        for (int h : scoring.topHits(t, k)) {
            Vlq.append(sb, postings(t).doc(h));
            Vlq.append(sb, scoring.impact(t, h));
        }
    }

    /** Number of years, (year index, count)…, number of tags, (tag id delta, count)… for the top tags. */
    void appendFacets(StringBuilder sb, int t) {
        Postings p = postings(t);
        TreeMap<Integer, Integer> years = new TreeMap<>();
        int[] tags = new int[docs.tagKeys().size()];
        for (int j = 0; j < p.df(); j++) {
            int d = p.doc(j);
            years.merge(docs.yearIndex()[d], 1, Integer::sum);
            for (int tag : docs.docTags()[d]) {
                tags[tag]++;
            }
        }
        Vlq.append(sb, years.size());
        for (var e : years.entrySet()) {
            Vlq.append(sb, e.getKey());
            Vlq.append(sb, e.getValue());
        }
        int[] keep = topTags(tags);
        Vlq.append(sb, keep.length);
        int prev = 0;
        for (int i : keep) {
            Vlq.append(sb, i - prev);
            Vlq.append(sb, tags[i]);
            prev = i;
        }
    }

    /** The {@link IndexFormat#FACET_TAGS} most frequent tags (ties: lower id), in id order. */
    private static int[] topTags(int[] counts) {
        Integer[] order = new Integer[counts.length];
        for (int i = 0; i < counts.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> counts[b] != counts[a] ? Integer.compare(counts[b], counts[a]) : Integer.compare(a, b));
        int n = 0;
        while (n < Math.min(IndexFormat.FACET_TAGS, order.length) && counts[order[n]] > 0) {
            n++;
        }
        int[] keep = new int[n];
        for (int i = 0; i < n; i++) {
            keep[i] = order[i];
        }
        Arrays.sort(keep);
        return keep;
    }
}
