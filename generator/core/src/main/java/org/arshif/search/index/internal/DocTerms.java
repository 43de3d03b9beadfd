package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.HashMap;

/**
 * One document, analyzed: its distinct terms in sorted order with per-field frequencies and positions (title
 * first, then the body after a gap, so that a phrase never spans both fields).
 */
public record DocTerms(
        int titleLength, int bodyLength, String[] terms, int[] titleTf, int[] bodyTf, int[][] positions) {

    public static DocTerms analyze(TermSource analyzer, String title, String body) {
        HashMap<String, Acc> map = new HashMap<>(64);
        // title tokens, body tokens, first body position, last position seen (a second reading of a word comes
        // at the same position and does not make the field longer)
        int[] counts = {0, 0, 0, -1};
        analyzer.forEachTerm(title, (term, position) -> {
            map.computeIfAbsent(term, k -> new Acc()).add(position, true);
            counts[0] += position == counts[3] ? 0 : 1;
            counts[3] = position;
            counts[2] = Math.max(counts[2], position + 2);
        });
        int bodyBase = counts[2];
        counts[3] = -1;
        analyzer.forEachTerm(body, (term, position) -> {
            map.computeIfAbsent(term, k -> new Acc()).add(bodyBase + position, false);
            counts[1] += position == counts[3] ? 0 : 1;
            counts[3] = position;
        });
        String[] terms = map.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        int n = terms.length;
        int[] tt = new int[n];
        int[] bt = new int[n];
        int[][] pos = new int[n][];
        for (int i = 0; i < n; i++) {
            Acc acc = map.get(terms[i]);
            tt[i] = acc.titleTf;
            bt[i] = acc.bodyTf;
            pos[i] = Arrays.copyOf(acc.positions, acc.n); // title positions come first, each field in order
        }
        return new DocTerms(counts[0], counts[1], terms, tt, bt, pos);
    }

    private static final class Acc {
        int titleTf;
        int bodyTf;
        int[] positions = new int[2];
        int n;

        void add(int position, boolean title) {
            if (title) {
                titleTf++;
            } else {
                bodyTf++;
            }
            if (n == positions.length) {
                positions = Arrays.copyOf(positions, n * 2);
            }
            positions[n++] = position;
        }
    }
}
