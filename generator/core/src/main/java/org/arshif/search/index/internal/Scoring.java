package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The third phase, scoring: each posting quantized to an impact level (see {@link IndexFormat#LEVEL_BITS}). A
 * posting whose title holds the term is ranked by the share of the title the term takes, one that has it only in
 * its body by BM25's term-frequency part over the body. (Until session 21 a BM25F weight of the title, {@code
 * titleBoost}, was computed beside the share and never used: a posting with the term in its title never reached it.
 * BM25F in the title levels was measured and not kept: bench/RESULTS.md, w21-rank.)
 *
 * @param index   the inverted index scored
 * @param avgBody average body length in tokens, rounded to a whole token (at least 1)
 */
record Scoring(InvertedIndex index, double avgBody) {
    static final double K1 = 1.2;
    static final double B_BODY = 0.75;

    static Scoring of(InvertedIndex index) {
        int n = index.bodyLengths().length;
        long bodies = 0;
        for (int i = 0; i < n; i++) {
            bodies += index.bodyLengths()[i];
        }
        return new Scoring(index, average(bodies, n));
    }

    /**
     * The average, rounded to a whole token: one edited dispatch then rarely moves it, so that the postings of
     * terms it does not hold keep their impacts and their files (see {@link IndexReuse}).
     */
    static double average(long total, int n) {
        return n == 0 ? 1 : Math.max(1.0, Math.rint((double) total / n));
    }

    /**
     * The impact level, 1..{@link IndexFormat#LEVELS}, of posting {@code j} of term {@code t}. A posting whose title
     * holds the term takes the upper half of the levels, one that has it only in the body the lower half: so of
     * the documents that hold every query word, one whose title holds them all ranks above any that only repeat
     * them in the body (issue 13). Within the title half a short title made of the query's words comes first; within
     * the body half, BM25's term frequency, normalised by the body's length.
     */
    int impact(int t, int j) {
        Postings p = index.postings()[t];
        int d = p.doc(j);
        int packed = p.tf(j);
        return level(packed >>> 16, packed & 0xffff, index.titleLengths()[d], index.bodyLengths()[d]);
    }

    /** The impact level of a term {@code tfTitle} and {@code tfBody} times in a document of those lengths. */
    int level(int tfTitle, int tfBody, int titleLength, int bodyLength) {
        int half = IndexFormat.LEVELS / 2;
        if (tfTitle > 0) {
            // within the title half, the share of the title the term takes: a short title made of the query's
            // words comes first (BM25F's saturation left titles of every length on one or two levels)
            double share = (double) tfTitle / Math.max(1, titleLength);
            return half + (share >= 0.5 ? 4 : share >= 0.25 ? 3 : share >= 0.125 ? 2 : 1);
        }
        double w = tfBody / (1 - B_BODY + B_BODY * bodyLength / avgBody);
        double saturated = w * (K1 + 1) / (w + K1);
        return (int) Math.max(1, Math.min(half, Math.round(saturated / (K1 + 1) * half)));
    }

    /** Whether an impact level is one of the title half: the document's title holds the term (or form). */
    static boolean inTitle(int level) {
        return level > IndexFormat.LEVELS / 2;
    }

    /** The k best postings of term t by impact, then newest (highest id); returns posting indices in that order. */
    int[] topHits(int t, int k) {
        return top(index.postings()[t].df(), k, j -> impact(t, j));
    }

    /**
     * The {@code k} best of {@code n} postings by {@code value}, a later posting (newer: postings are in id order)
     * first among equals; posting indices, best first.
     */
    static int[] top(int n, int k, IntUnaryOperator value) {
        int[] best = new int[Math.min(n, k)];
        int[] bestValue = new int[best.length];
        int m = best.length;
        int size = 0;
        for (int j = 0; j < n; j++) {
            int v = value.applyAsInt(j);
            if (size == m && v < bestValue[m - 1]) {
                continue;
            }
            int pos = size == m ? m - 1 : size++;
            while (pos > 0 && bestValue[pos - 1] <= v) {
                best[pos] = best[pos - 1];
                bestValue[pos] = bestValue[pos - 1];
                pos--;
            }
            best[pos] = j;
            bestValue[pos] = v;
        }
        return size == m ? best : Arrays.copyOf(best, size);
    }
}
