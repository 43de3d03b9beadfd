package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.arshif.search.Conflation;
import org.arshif.search.analysis.SurfaceKey;

/**
 * The second phase, inversion: the sorted dictionary, each term's postings, and each document's field lengths.
 * Nothing is added to the postings after {@link #invert}.
 *
 * @param terms        the dictionary, sorted
 * @param postings     the postings of {@code terms[i]}, in document order
 * @param titleLengths per document, its title's token count
 * @param bodyLengths  per document, its body's token count
 * @param conflations  stems whose forms split into two large families (found before surface keys are pruned)
 */
record InvertedIndex(
        String[] terms, Postings[] postings, int[] titleLengths, int[] bodyLengths, List<Conflation> conflations) {

    InvertedIndex(String[] terms, Postings[] postings, int[] titleLengths, int[] bodyLengths) {
        this(terms, postings, titleLengths, bodyLengths, List.of());
    }

    /** Documents analyzed at a time, so that a large archive's analyses are never all in memory. */
    private static final int BATCH = 2048;

    private static final int[] NO_POSITIONS = {};

    int size() {
        return terms.length;
    }

    /** Analysis in parallel, a batch at a time; then each worker inverts the terms of its hash partition. */
    static InvertedIndex invert(Documents docs, DocAnalysis analysis, ExecutorService pool, IndexSettings settings) {
        int parts = settings.threads();
        int n = docs.size();
        int[] titleLengths = new int[n];
        int[] bodyLengths = new int[n];
        List<HashMap<String, Postings>> partitions = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            partitions.add(new HashMap<>());
        }
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            DocTerms[] analyzed = analyze(docs, analysis, pool, parts, from, to);
            List<Future<?>> fs = new ArrayList<>();
            for (HashMap<String, Postings> partition : partitions) {
                int part = fs.size();
                int base = from;
                fs.add(pool.submit(() -> add(partition, part, parts, base, analyzed)));
            }
            fs.forEach(Futures::get);
            for (int i = from; i < to; i++) {
                titleLengths[i] = analyzed[i - from].titleLength();
                bodyLengths[i] = analyzed[i - from].bodyLength();
            }
        }
        HashMap<String, Postings> all = new HashMap<>();
        partitions.forEach(all::putAll);
        String[] terms = all.keySet().toArray(new String[0]);
        Arrays.sort(terms);
        List<Conflation> conflations = Conflations.find(terms, all, n, settings.variantTerms());
        terms = SurfaceKeys.prune(terms, all);
        Postings[] postings = new Postings[terms.length];
        for (int i = 0; i < terms.length; i++) {
            postings[i] = all.get(terms[i]);
        }
        return new InvertedIndex(terms, postings, titleLengths, bodyLengths, conflations);
    }

    /** The analyses of documents {@code from..to-1}, in parallel chunks. */
    private static DocTerms[] analyze(
            Documents docs, DocAnalysis analysis, ExecutorService pool, int parts, int from, int to) {
        DocTerms[] analyzed = new DocTerms[to - from];
        List<Future<?>> fs = new ArrayList<>();
        int chunk = Math.max(1, (to - from + parts * 4 - 1) / (parts * 4));
        for (int c = from; c < to; c += chunk) {
            int c0 = c;
            int c1 = Math.min(to, c + chunk);
            fs.add(pool.submit(() -> {
                for (int i = c0; i < c1; i++) {
                    analyzed[i - from] = analysis.analyze(docs.docs().get(i).title(), docs.body(i));
                }
            }));
        }
        fs.forEach(Futures::get);
        return analyzed;
    }

    /** Adds the postings of the batch's terms that fall in hash partition {@code part}. */
    private static void add(HashMap<String, Postings> partition, int part, int parts, int base, DocTerms[] analyzed) {
        for (int i = 0; i < analyzed.length; i++) {
            DocTerms dt = analyzed[i];
            for (int j = 0; j < dt.terms().length; j++) {
                String term = dt.terms()[j];
                if ((term.hashCode() & 0x7fffffff) % parts == part) {
                    // phrases match terms: a surface key's positions would only cost bytes
                    boolean surface = SurfaceKey.is(term);
                    partition
                            .computeIfAbsent(term, k -> new Postings())
                            .add(base + i, dt.titleTf()[j], dt.bodyTf()[j], surface ? NO_POSITIONS : dt.positions()[j]);
                }
            }
        }
    }
}
