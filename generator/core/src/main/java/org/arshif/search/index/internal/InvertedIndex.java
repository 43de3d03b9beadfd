package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.arshif.search.Conflation;

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
    static final int BATCH = 2048;

    int size() {
        return terms.length;
    }

    /**
     * Analysis in parallel, a batch at a time; then each worker inverts the keys of its id partition. Postings are
     * kept by key id until the end, when the dictionary is sorted by key.
     */
    static InvertedIndex invert(
            Documents docs, DocAnalysis analysis, TermIds ids, ExecutorService pool, IndexSettings settings) {
        return invert(docs, analysis, ids, pool, settings, BATCH);
    }

    /** {@link #invert} with {@code batch} documents analysed at a time (tests). */
    static InvertedIndex invert(
            Documents docs,
            DocAnalysis analysis,
            TermIds ids,
            ExecutorService pool,
            IndexSettings settings,
            int batch) {
        ById inverted = byId(docs, analysis, ids, pool, settings, batch);
        return of(Dictionary.of(inverted.byId(), ids), inverted, settings, true);
    }

    /**
     * Every key's postings by key id (null: no document has it) and each document's field lengths: what a live
     * server keeps between writes, and patches by the documents that changed. Never written after it is made.
     */
    record ById(Postings[] byId, int[] titleLengths, int[] bodyLengths) {}

    /** The dictionary with every key, sorted, before surface keys are pruned; never written after it is made. */
    record Dictionary(String[] terms, Postings[] postings) {
        static Dictionary of(Postings[] byId, TermIds ids) {
            List<String> used = new ArrayList<>();
            for (int id = 0; id < byId.length; id++) {
                if (byId[id] != null) {
                    used.add(ids.key(id));
                }
            }
            String[] terms = used.toArray(new String[0]);
            Arrays.sort(terms);
            Postings[] postings = new Postings[terms.length];
            for (int i = 0; i < terms.length; i++) {
                postings[i] = byId[ids.find(terms[i])];
            }
            return new Dictionary(terms, postings);
        }
    }

    /** The postings of every document, by key id, a batch of documents at a time. */
    static ById byId(
            Documents docs,
            DocAnalysis analysis,
            TermIds ids,
            ExecutorService pool,
            IndexSettings settings,
            int batch) {
        int parts = settings.threads();
        int n = docs.size();
        int[] titleLengths = new int[n];
        int[] bodyLengths = new int[n];
        Postings[] byId = new Postings[0];
        for (int from = 0; from < n; from += batch) {
            int to = Math.min(n, from + batch);
            DocTerms[] analyzed = analyze(docs, analysis, pool, parts, from, to);
            // the batch's new keys got ids while it was analysed; workers only fill their own slots
            byId = Arrays.copyOf(byId, Math.max(byId.length, ids.size()));
            Postings[] postings = byId;
            List<Future<?>> fs = new ArrayList<>();
            for (int p = 0; p < parts; p++) {
                int part = p;
                int base = from;
                fs.add(pool.submit(() -> add(postings, part, parts, base, analyzed)));
            }
            fs.forEach(Futures::get);
            for (int i = from; i < to; i++) {
                titleLengths[i] = analyzed[i - from].titleLength();
                bodyLengths[i] = analyzed[i - from].bodyLength();
            }
        }
        return new ById(byId, titleLengths, bodyLengths);
    }

    /**
     * The index of {@code dictionary}: conflations found (unless {@code conflations} is false: none are looked
     * for), surface keys pruned (the dictionary is left as it is).
     */
    static InvertedIndex of(Dictionary dictionary, ById inverted, IndexSettings settings, boolean conflations) {
        String[] all = dictionary.terms();
        Postings[] allPostings = dictionary.postings();
        int n = inverted.titleLengths().length;
        List<Conflation> found =
                conflations ? Conflations.find(all, allPostings, n, settings.variantTerms()) : List.of();
        boolean[] kept = SurfaceKeys.kept(all, allPostings);
        String[] terms = new String[all.length];
        Postings[] postings = new Postings[all.length];
        int k = 0;
        for (int i = 0; i < all.length; i++) {
            if (kept[i]) {
                terms[k] = all[i];
                postings[k++] = allPostings[i];
            }
        }
        return new InvertedIndex(
                Arrays.copyOf(terms, k),
                Arrays.copyOf(postings, k),
                inverted.titleLengths(),
                inverted.bodyLengths(),
                found);
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
                    int doc = i;
                    analyzed[i - from] = analysis.analyze(
                            i, docs.textKeys()[i], docs.docs().get(i).title(), () -> docs.body(doc));
                }
            }));
        }
        fs.forEach(Futures::get);
        return analyzed;
    }

    /**
     * Adds the postings of the batch's keys whose id falls in partition {@code part}, gathered by key first (a
     * counting sort), so that each key's lists grow once per batch: appending document by document touched a
     * different list at every posting, and the build waited on memory.
     */
    private static void add(Postings[] byId, int part, int parts, int base, DocTerms[] analyzed) {
        int slots = byId.length / parts + 1; // key id = slot * parts + part
        int[] postingStart = new int[slots + 1];
        int[] positionStart = new int[slots + 1];
        for (DocTerms dt : analyzed) {
            for (int j = 0; j < dt.terms().length; j++) {
                int id = dt.terms()[j];
                if (id % parts == part) {
                    postingStart[id / parts + 1]++;
                    positionStart[id / parts + 1] += 1 + dt.positionStart()[j + 1] - dt.positionStart()[j];
                }
            }
        }
        for (int s = 0; s < slots; s++) {
            postingStart[s + 1] += postingStart[s];
            positionStart[s + 1] += positionStart[s];
        }
        int[] docTf = new int[2 * postingStart[slots]];
        int[] positions = new int[positionStart[slots]];
        int[] nextPosting = Arrays.copyOf(postingStart, slots);
        int[] nextPosition = Arrays.copyOf(positionStart, slots);
        for (int i = 0; i < analyzed.length; i++) {
            DocTerms dt = analyzed[i];
            for (int j = 0; j < dt.terms().length; j++) {
                int id = dt.terms()[j];
                if (id % parts == part) {
                    int s = id / parts;
                    int at = 2 * nextPosting[s]++;
                    docTf[at] = base + i;
                    docTf[at + 1] = Postings.tf(dt.titleTf()[j], dt.bodyTf()[j]);
                    int from = dt.positionStart()[j];
                    int count = dt.positionStart()[j + 1] - from;
                    positions[nextPosition[s]] = count;
                    System.arraycopy(dt.positions(), from, positions, nextPosition[s] + 1, count);
                    nextPosition[s] += 1 + count;
                }
            }
        }
        for (int s = 0; s < slots; s++) {
            if (postingStart[s + 1] > postingStart[s]) {
                int id = s * parts + part;
                if (byId[id] == null) {
                    byId[id] = new Postings();
                }
                byId[id].append(
                        docTf,
                        2 * postingStart[s],
                        2 * postingStart[s + 1],
                        positions,
                        positionStart[s],
                        positionStart[s + 1]);
            }
        }
    }
}
