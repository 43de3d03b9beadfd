package org.arshif.search.index.internal;

import java.util.Arrays;

/** The VLQ strings of a term's postings, positions and facets, shared by the term shard and tail writers. */
record PostingEncoder(Documents docs, Scoring scoring) {
    /** Starts a surface key's tail member that is flags over its term's postings, not postings. */
    static final char SURFACE_FLAGS = '~';

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

    /**
     * A surface key's documents as flags over its term's postings (format 7): {@code ~}, then per 6 postings of
     * term {@code term}, in order, one base64 character whose bit {@code j % 6} says that posting {@code j}'s document
     * holds the form. A query that reads the key's complete list has its term's at hand, and the key's own impacts
     * never rank above the term's, so flags are all it needs (issue 13: a frequent word's key cost ~3 KB, its flags
     * ~0.2 KB). Null when the key has a document its term lacks, so it keeps its postings.
     */
    String surfaceFlags(int key, int term) {
        Postings k = postings(key);
        Postings p = postings(term);
        int[] flags = new int[(p.df() + 5) / 6];
        int j = 0;
        for (int i = 0; i < k.df(); i++) {
            int d = k.doc(i);
            while (j < p.df() && p.doc(j) < d) {
                j++;
            }
            if (j == p.df() || p.doc(j) != d) {
                return null;
            }
            flags[j / 6] |= 1 << (j % 6);
        }
        StringBuilder sb = new StringBuilder(flags.length + 1).append(SURFACE_FLAGS);
        for (int f : flags) {
            sb.append(Vlq.ALPHABET.charAt(f));
        }
        return sb.toString();
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

    /**
     * The best postings of surface key {@code key} for a one-word query, when the key is in a tail file only because
     * its term is ({@link ShardLayout}): the key's documents among the term's {@code k} best ({@code termDocs}, from
     * {@link #bestDocs}), then the
     * key's {@code k} best others (impact, then newest), each with the key's impact. The client ranks a one-word
     * query's first page from these and the term's best postings as it would from the key's complete list: a key
     * document outside both ranks below the first {@code k} of the form's tier either way.
     */
    void appendSurfaceHits(StringBuilder sb, int key, int[] termDocs, int k) {
        Postings kp = postings(key);
        for (int j = 0; j < kp.df(); j++) {
            if (Arrays.binarySearch(termDocs, kp.doc(j)) >= 0) {
                Vlq.append(sb, kp.doc(j));
                Vlq.append(sb, scoring.impact(key, j));
            }
        }
        for (int j : scoring.topHits(key, k, j -> Arrays.binarySearch(termDocs, kp.doc(j)) >= 0)) {
            Vlq.append(sb, kp.doc(j));
            Vlq.append(sb, scoring.impact(key, j));
        }
    }

    /** The documents of term t's k best postings, sorted by id. */
    int[] bestDocs(int t, int k) {
        int[] best = scoring.topHits(t, k);
        int[] docs = new int[best.length];
        for (int i = 0; i < best.length; i++) {
            docs[i] = postings(t).doc(best[i]);
        }
        Arrays.sort(docs);
        return docs;
    }

    /** Number of years, (year index, count)…, number of tags, (tag id delta, count)… for the top tags. */
    void appendFacets(StringBuilder sb, int t) {
        Postings p = postings(t);
        int[] yearIndex = docs.yearIndex();
        int[] years = new int[yearIndex.length == 0 ? 0 : yearIndex[yearIndex.length - 1] + 1];
        int[] tags = new int[docs.tagKeys().size()];
        for (int j = 0; j < p.df(); j++) {
            int d = p.doc(j);
            years[yearIndex[d]]++;
            for (int tag : docs.docTags()[d]) {
                tags[tag]++;
            }
        }
        int yearCount = 0;
        for (int y : years) {
            yearCount += y > 0 ? 1 : 0;
        }
        Vlq.append(sb, yearCount);
        for (int y = 0; y < years.length; y++) {
            if (years[y] > 0) {
                Vlq.append(sb, y);
                Vlq.append(sb, years[y]);
            }
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
        boolean[] taken = new boolean[counts.length];
        int[] keep = new int[Math.min(IndexFormat.FACET_TAGS, counts.length)];
        int n = 0;
        while (n < keep.length) {
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (!taken[i] && counts[i] > 0 && (best < 0 || counts[i] > counts[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            keep[n++] = best;
        }
        keep = Arrays.copyOf(keep, n);
        Arrays.sort(keep);
        return keep;
    }
}
