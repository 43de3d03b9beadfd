package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.arshif.search.index.IndexAnalyzer;

/**
 * One document, analyzed: its distinct terms in sorted order with per-field frequencies, the offset of the first
 * occurrence in the body (for snippets) and the positions (title first, then the body after a gap, so that a
 * phrase never spans both fields).
 */
public record DocTerms(int titleLength, int bodyLength, String[] terms, int[] titleTf, int[] bodyTf,
                       int[] firstBodyOffset, int[][] positions) {

    public static DocTerms analyze(IndexAnalyzer analyzer, String title, String body) {
        List<IndexAnalyzer.Token> t = analyzer.tokens(title);
        List<IndexAnalyzer.Token> b = analyzer.tokens(body);
        int bodyBase = 0;
        for (IndexAnalyzer.Token tok : t) {
            bodyBase = Math.max(bodyBase, tok.position() + 2);
        }
        TreeMap<String, Acc> map = new TreeMap<>();
        for (IndexAnalyzer.Token tok : t) {
            Acc acc = map.computeIfAbsent(tok.term(), k -> new Acc());
            acc.titleTf++;
            acc.positions.add(tok.position());
        }
        for (IndexAnalyzer.Token tok : b) {
            Acc acc = map.computeIfAbsent(tok.term(), k -> new Acc());
            acc.bodyTf++;
            if (acc.first < 0) {
                acc.first = tok.start();
            }
            acc.positions.add(bodyBase + tok.position());
        }
        int n = map.size();
        String[] terms = new String[n];
        int[] tt = new int[n];
        int[] bt = new int[n];
        int[] first = new int[n];
        int[][] pos = new int[n][];
        int i = 0;
        for (var e : map.entrySet()) {
            Acc acc = e.getValue();
            terms[i] = e.getKey();
            tt[i] = acc.titleTf;
            bt[i] = acc.bodyTf;
            first[i] = acc.first;
            int[] p = new int[acc.positions.size()];
            for (int j = 0; j < p.length; j++) {
                p[j] = acc.positions.get(j);
            }
            java.util.Arrays.sort(p);
            pos[i] = p;
            i++;
        }
        return new DocTerms(t.size(), b.size(), terms, tt, bt, first, pos);
    }

    private static final class Acc {
        int titleTf;
        int bodyTf;
        int first = -1;
        final List<Integer> positions = new ArrayList<>(4);
    }
}
