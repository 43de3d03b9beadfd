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
     * holds the form. Then (format 14) {@code ~} and, per 6 of those documents whose term's level is in the title half,
     * in order, one character whose bit says the title holds the form itself: the title tier of a form typed (issue
     * 13) is not its term's. A query that reads the key's complete list has its term's at hand, and the key's own
     * impacts never exceed the term's, so the rest of its levels is not needed (a frequent word's key cost ~3 KB,
     * its flags ~0.2 KB). Null when the key has a document its term lacks, so it keeps its postings.
     */
    String surfaceFlags(int key, int term) {
        int[] at = inTermPostings(key, term);
        int[] flags = new int[(postings(term).df() + 5) / 6];
        int[] titled = new int[(at.length + 5) / 6];
        int titleHalf = 0;
        for (int i = 0; i < at.length; i++) {
            int j = at[i];
            if (j < 0) {
                return null;
            }
            flags[j / 6] |= 1 << (j % 6);
            if (Scoring.inTitle(scoring.impact(term, j))) {
                titled[titleHalf / 6] |= Scoring.inTitle(scoring.impact(key, i)) ? 1 << (titleHalf % 6) : 0;
                titleHalf++;
            }
        }
        StringBuilder sb = new StringBuilder(flags.length + titleHalf / 6 + 3).append(SURFACE_FLAGS);
        for (int f : flags) {
            sb.append(Vlq.ALPHABET.charAt(f));
        }
        sb.append(SURFACE_FLAGS);
        for (int i = 0; i < (titleHalf + 5) / 6; i++) {
            sb.append(Vlq.ALPHABET.charAt(titled[i]));
        }
        return sb.toString();
    }

    /** Per posting of surface key {@code key}, the index of its document's posting in term {@code term}'s (-1: none). */
    private int[] inTermPostings(int key, int term) {
        Postings k = postings(key);
        Postings p = term >= 0 ? postings(term) : null;
        int[] at = new int[k.df()];
        int j = 0;
        for (int i = 0; i < at.length; i++) {
            int d = k.doc(i);
            while (p != null && j < p.df() && p.doc(j) < d) {
                j++;
            }
            at[i] = p != null && j < p.df() && p.doc(j) == d ? j : -1;
        }
        return at;
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
     * The best postings of surface key {@code key} (format 14): a submitted one-word query's first page, in the
     * order the client ranks the key's complete list and its term's (SEARCH-FORMAT §4): the documents whose title
     * holds the form, then those whose title holds another form of term {@code term} (-1: none), then the rest; by
     * the higher of the two levels, then newest. Each with that level, plus {@link IndexFormat#LEVELS} when the title
     * holds the term but not the form, so the client ranks the page from these alone as it would from the lists.
     */
    void appendKeyHits(StringBuilder sb, int key, int term, int k) {
        Postings kp = postings(key);
        int[] at = inTermPostings(key, term);
        int[] level = new int[at.length];
        int[] tier = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            int own = scoring.impact(key, i);
            level[i] = at[i] < 0 ? own : Math.max(own, scoring.impact(term, at[i]));
            tier[i] = Scoring.inTitle(own) ? 2 : Scoring.inTitle(level[i]) ? 1 : 0;
        }
        for (int h : Scoring.top(at.length, k, i -> tier[i] * (IndexFormat.LEVELS + 1) + level[i])) {
            Vlq.append(sb, kp.doc(h));
            Vlq.append(sb, tier[h] == 1 ? level[h] + IndexFormat.LEVELS : level[h]);
        }
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
