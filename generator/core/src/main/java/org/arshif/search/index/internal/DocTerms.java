package org.arshif.search.index.internal;

import java.util.Arrays;

/**
 * One document, analyzed: its distinct dictionary keys ({@link TermIds} ids) with per-field frequencies
 * and positions (title first, then the body after a gap, so that a phrase never spans both fields). A surface key
 * has no positions: phrases match terms.
 *
 * @param terms         key ids, each once, in no particular order
 * @param positionStart where each key's positions begin in {@code positions}; one more entry, its end
 * @param positions     all positions, key by key, each key's in ascending order
 */
public record DocTerms(
        int titleLength,
        int bodyLength,
        int[] terms,
        int[] titleTf,
        int[] bodyTf,
        int[] positionStart,
        int[] positions) {

    public int size() {
        return terms.length;
    }

    /** The positions of key {@code i} (an index into {@link #terms}), as a copy. */
    public int[] positionsOf(int i) {
        return Arrays.copyOfRange(positions, positionStart[i], positionStart[i + 1]);
    }
}
