package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Which dictionary entries of the new index the changed documents touched: an entry whose postings are dirty may
 * have another document frequency, posting or impact than in the last build (so its term shard, top hits, facets
 * and tail change); one whose positions are dirty, other positions. Any other entry encodes as it did.
 */
final class Dirt {
    private final Scoring scoring;
    private final TermIds ids;
    private final String[] terms;
    private final boolean[] postings;
    private final boolean[] positions;

    Dirt(Scoring scoring, TermIds ids) {
        this.scoring = scoring;
        this.ids = ids;
        this.terms = scoring.index().terms();
        this.postings = new boolean[terms.length];
        this.positions = new boolean[terms.length];
    }

    /**
     * Marks what one document id changed: {@code before} and {@code after} are its analyses in the last build and
     * in this one (null: none); {@code sameAttrs}, whether its year and tags (the facets) are the same.
     */
    void compare(DocTerms before, DocTerms after, boolean sameAttrs) {
        Map<Integer, Integer> was = new HashMap<>();
        if (before != null) {
            for (int i = 0; i < before.size(); i++) {
                was.put(before.terms()[i], i);
            }
        }
        if (after != null) {
            for (int i = 0; i < after.size(); i++) {
                Integer j = was.remove(after.terms()[i]);
                if (j == null || !sameAttrs) {
                    mark(after.terms()[i], true, true);
                } else {
                    mark(after.terms()[i], level(before, j) != level(after, i), !samePositions(before, j, after, i));
                }
            }
        }
        for (int id : was.keySet()) {
            mark(id, true, true);
        }
    }

    private int level(DocTerms d, int i) {
        return scoring.level(d.titleTf()[i], d.bodyTf()[i], d.titleLength(), d.bodyLength());
    }

    private static boolean samePositions(DocTerms a, int i, DocTerms b, int j) {
        return Arrays.equals(
                a.positions(),
                a.positionStart()[i],
                a.positionStart()[i + 1],
                b.positions(),
                b.positionStart()[j],
                b.positionStart()[j + 1]);
    }

    /** A key not in the new dictionary (gone, or a pruned surface key) changes the term lists, which are compared. */
    private void mark(int id, boolean posting, boolean position) {
        int t = Arrays.binarySearch(terms, ids.key(id));
        if (t >= 0) {
            postings[t] |= posting;
            positions[t] |= position;
        }
    }

    /** Whether entries {@code from..to-1} all have the last build's postings. */
    boolean postingsClean(int from, int to) {
        for (int t = from; t < to; t++) {
            if (postings[t]) {
                return false;
            }
        }
        return true;
    }

    /** Whether entries {@code from..to-1} all have the last build's positions. */
    boolean positionsClean(int from, int to) {
        for (int t = from; t < to; t++) {
            if (positions[t]) {
                return false;
            }
        }
        return true;
    }
}
