package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.arshif.search.index.IndexAnalyzer;

/**
 * One document, analyzed: its distinct terms in sorted order with per-field frequencies and positions (title
 * first, then the body after a gap, so that a phrase never spans both fields).
 */
public record DocTerms(int titleLength, int bodyLength, String[] terms, int[] titleTf, int[] bodyTf,
                       int[][] positions) {

    public static DocTerms analyze(IndexAnalyzer analyzer, String title, String body) {
        List<IndexAnalyzer.Token> t = analyzer.tokens(title);
        List<IndexAnalyzer.Token> b = analyzer.tokens(body);
        int bodyBase = 0;
        for (IndexAnalyzer.Token tok : t) {
            bodyBase = Math.max(bodyBase, tok.position() + 2);
        }
        HashMap<String, Acc> map = new HashMap<>(Math.max(16, (t.size() + b.size()) * 2));
        for (IndexAnalyzer.Token tok : t) {
            map.computeIfAbsent(tok.term(), k -> new Acc()).add(tok.position(), true);
        }
        for (IndexAnalyzer.Token tok : b) {
            map.computeIfAbsent(tok.term(), k -> new Acc()).add(bodyBase + tok.position(), false);
        }
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
        return new DocTerms(t.size(), b.size(), terms, tt, bt, pos);
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
