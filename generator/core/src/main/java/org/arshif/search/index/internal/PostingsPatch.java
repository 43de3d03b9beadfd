package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.arshif.internal.Fingerprint.Hash128;

/**
 * The postings of the last index (a live server's, or a cached build's stored ones) patched by the documents whose
 * text changed, instead of every
 * document's analysis inverted again: a changed document's old postings are taken out and its new ones put in,
 * copying only the lists of the keys it holds (the last index's lists are left as they are). The result is what
 * {@link InvertedIndex#byId} and {@link InvertedIndex.Dictionary#of} would make of the same documents.
 */
final class PostingsPatch {
    /** Beyond this many changed document ids the index is inverted anew (one added in the middle shifts all after). */
    static final int MAX_CHANGED = 64;

    private PostingsPatch() {}

    /** The patched postings and dictionary. */
    record Patched(InvertedIndex.ById inverted, InvertedIndex.Dictionary dictionary) {}

    /**
     * Patches {@code last} to {@code docs}; null when it cannot (too many changes, a text with no key, an old
     * analysis not {@code known}). Analyses the changed documents with {@code analysis}, which records their keys.
     */
    static Patched patch(PatchBase last, Documents docs, DocAnalysis analysis, Function<Hash128, DocTerms> known) {
        int n = docs.size();
        int m = last.textKeys().length;
        List<Integer> changed = new ArrayList<>();
        for (int d = 0; d < Math.max(n, m); d++) {
            Hash128 now = d < n ? docs.textKeys()[d] : null;
            Hash128 was = d < m ? last.textKeys()[d] : null;
            if ((d < n && now == null) || (d < m && was == null)) {
                return null;
            }
            if (now == null || !now.equals(was)) {
                changed.add(d);
                if (changed.size() > MAX_CHANGED) {
                    return null;
                }
            }
        }
        Map<Integer, DocTerms> before = new HashMap<>();
        Map<Integer, DocTerms> after = new HashMap<>();
        for (int d : changed) {
            if (d < m) {
                DocTerms old = known.apply(last.textKeys()[d]);
                if (old == null) {
                    return null;
                }
                before.put(d, old);
            }
            if (d < n) {
                int doc = d;
                after.put(
                        d,
                        analysis.analyze(
                                d, docs.textKeys()[d], docs.docs().get(d).title(), () -> docs.body(doc)));
            }
        }
        InvertedIndex.ById was = last.inverted();
        Postings[] byId =
                Arrays.copyOf(was.byId(), Math.max(was.byId().length, last.ids().size()));
        int[] titleLengths = Arrays.copyOf(was.titleLengths(), n);
        int[] bodyLengths = Arrays.copyOf(was.bodyLengths(), n);
        TreeSet<Integer> touched = new TreeSet<>();
        for (int d : changed) {
            replace(byId, d, before.get(d), after.get(d), touched);
            if (d < n) {
                titleLengths[d] = after.get(d).titleLength();
                bodyLengths[d] = after.get(d).bodyLength();
            }
        }
        InvertedIndex.ById inverted = new InvertedIndex.ById(byId, titleLengths, bodyLengths);
        return new Patched(inverted, dictionary(last, byId, touched));
    }

    /** Document {@code d}'s postings: those of {@code before} out, those of {@code after} in (either may be null). */
    private static void replace(Postings[] byId, int d, DocTerms before, DocTerms after, TreeSet<Integer> touched) {
        Map<Integer, Integer> now = new HashMap<>();
        if (after != null) {
            for (int j = 0; j < after.size(); j++) {
                int id = after.terms()[j];
                now.put(id, j);
                Postings list = byId[id] == null ? new Postings() : byId[id];
                int tf = Postings.tf(after.titleTf()[j], after.bodyTf()[j]);
                byId[id] = list.with(d, tf, after.positions(), after.positionStart()[j], after.positionStart()[j + 1]);
                touched.add(id);
            }
        }
        if (before != null) {
            for (int id : before.terms()) {
                if (!now.containsKey(id)) {
                    byId[id] = byId[id].with(d, 0, null, 0, 0);
                    touched.add(id);
                }
            }
        }
    }

    /** The last dictionary with the keys that came and went, and the new lists of the keys touched. */
    private static InvertedIndex.Dictionary dictionary(PatchBase last, Postings[] byId, TreeSet<Integer> touched) {
        Postings[] old = last.inverted().byId();
        TermIds ids = last.ids();
        List<String> came = new ArrayList<>();
        TreeSet<String> went = new TreeSet<>();
        for (int id : touched) {
            boolean was = id < old.length && old[id] != null;
            if (!was && byId[id] != null) {
                came.add(ids.key(id));
            } else if (was && byId[id] == null) {
                went.add(ids.key(id));
            }
        }
        came.sort(null);
        String[] terms = last.dictionary().terms();
        Postings[] postings = last.dictionary().postings();
        int size = terms.length + came.size() - went.size();
        String[] newTerms = new String[size];
        Postings[] newPostings = new Postings[size];
        // the runs between the keys that came and went are copied whole: an edit moves a few of ~50,000 entries
        int[] goneAt = went.stream()
                .mapToInt(w -> Arrays.binarySearch(terms, w))
                .sorted()
                .toArray();
        int i = 0;
        int k = 0;
        int c = 0;
        int g = 0;
        while (i < terms.length || c < came.size()) {
            int nextCame = c < came.size() ? -Arrays.binarySearch(terms, came.get(c)) - 1 : terms.length;
            int nextGone = g < goneAt.length ? goneAt[g] : terms.length;
            int run = Math.min(nextCame, nextGone) - i;
            System.arraycopy(terms, i, newTerms, k, run);
            System.arraycopy(postings, i, newPostings, k, run);
            i += run;
            k += run;
            if (c < came.size() && nextCame == i) {
                newTerms[k] = came.get(c++);
                newPostings[k++] = null; // set below, with the touched
            } else if (g < goneAt.length && nextGone == i) {
                i++;
                g++;
            }
        }
        for (int id : touched) {
            if (byId[id] != null) {
                newPostings[Arrays.binarySearch(newTerms, ids.key(id))] = byId[id];
            }
        }
        return new InvertedIndex.Dictionary(newTerms, newPostings);
    }
}
