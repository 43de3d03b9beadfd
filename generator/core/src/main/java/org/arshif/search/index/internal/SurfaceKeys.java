package org.arshif.search.index.internal;

import java.util.Arrays;
import org.arshif.search.analysis.SurfaceKey;

/**
 * Which surface keys ({@link SurfaceKey}) the index keeps. A surface key found in every document of its term
 * ranks nothing above anything (all the term's documents are equally exact), so it is dropped: that is most
 * keys, since most terms are seen in one form only. The client reads a missing key as "no document is exact".
 */
final class SurfaceKeys {
    private SurfaceKeys() {}

    /** Per key of {@code sorted}, whether the index keeps it: not a surface key whose df equals its term's. */
    static boolean[] kept(String[] sorted, Postings[] postings) {
        boolean[] kept = new boolean[sorted.length];
        String term = null;
        int termDf = -1;
        for (int i = 0; i < sorted.length; i++) {
            String key = sorted[i];
            int df = postings[i].df();
            // a surface key of the term before it is known without a scan for the separator (most keys are one)
            if (term != null && SurfaceKey.belongsTo(key, term)) {
                kept[i] = df != termDf;
            } else if (!SurfaceKey.is(key)) {
                term = key;
                termDf = df;
                kept[i] = true;
            } else {
                kept[i] = true; // a surface key whose term is gone
            }
        }
        return kept;
    }

    /** The dictionary entry of surface key {@code t}'s term, or -1 when {@code t} is no surface key (or its term is gone). */
    static int termOf(InvertedIndex index, int t) {
        String key = index.terms()[t];
        int sep = key.indexOf(SurfaceKey.SEPARATOR);
        return sep > 0 ? Math.max(-1, Arrays.binarySearch(index.terms(), key.substring(0, sep))) : -1;
    }

    /** Whether dictionary entry {@code t} is a surface key: no positions, no facets, never first in a shard. */
    static boolean is(InvertedIndex index, int t) {
        return SurfaceKey.is(index.terms()[t]);
    }
}
