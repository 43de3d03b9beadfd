package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arshif.search.analysis.SurfaceKey;

/**
 * Which surface keys ({@link SurfaceKey}) the index keeps. A surface key found in every document of its term
 * ranks nothing above anything (all the term's documents are equally exact), so it is dropped: that is most
 * keys, since most terms are seen in one form only. The client reads a missing key as "no document is exact".
 */
final class SurfaceKeys {
    private SurfaceKeys() {}

    /** {@code sorted} without the surface keys whose document frequency equals their term's. */
    static String[] prune(String[] sorted, Map<String, Postings> postings) {
        List<String> kept = new ArrayList<>(sorted.length);
        String term = null;
        int termDf = -1;
        for (String key : sorted) {
            int df = postings.get(key).df();
            if (!SurfaceKey.is(key)) {
                term = key;
                termDf = df;
                kept.add(key);
            } else if (term == null || !SurfaceKey.belongsTo(key, term) || df != termDf) {
                kept.add(key);
            }
        }
        return kept.toArray(new String[0]);
    }

    /** Whether dictionary entry {@code t} is a surface key: no positions, no facets, never first in a shard. */
    static boolean is(InvertedIndex index, int t) {
        return SurfaceKey.is(index.terms()[t]);
    }
}
