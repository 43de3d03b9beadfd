package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.arshif.search.Conflation;
import org.arshif.search.analysis.SurfaceKey;

/**
 * Finds Arabic stems whose forms split into two large families (issue 13): a family is the forms that are the
 * same word once the article and its prepositions are cut off (الرياض، بالرياض، للرياض: رياض; الرياضة، للرياضة:
 * رياضه). A stem is flagged when its second family holds at least {@link #SHARE} of the first's documents and at
 * least {@code max(3, docs / 1000)} documents, and the two meet in no more documents than {@link #LIFT} times
 * chance: forms of one word (إيران, الإيراني) keep company, different words (السلام "peace", السلامة "safety") need
 * not. Terms of the analyzer's variant groups and protected words are skipped: its lists already decided. Which pairs are
 * different words only a reader knows, so the build reports them and the site decides.
 */
final class Conflations {
    /** The second family must hold this share of the first's documents. */
    static final double SHARE = 0.2;
    /** At most this many are reported, the largest second families first. */
    static final int MAX = 20;
    /** Two families that share more documents than this many times chance are taken for forms of one word. */
    static final double LIFT = 2.0;

    /** The article with the prepositions that stack on it, longest first: what makes forms of one word differ. */
    private static final String[] ARTICLES = {"وبال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال"};

    private Conflations() {}

    /**
     * @param sorted   the dictionary with every surface key (before any is pruned)
     * @param postings the postings of each key of {@code sorted}
     */
    static List<Conflation> find(String[] sorted, Postings[] postings, int docs, Set<String> variants) {
        int min = Math.max(3, docs / 1000);
        List<Conflation> out = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            String term = sorted[i];
            // the first letter first: a surface key is found by a scan of the whole key, for each of ~10^5 keys
            if (!arabic(term) || postings[i].df() < 2 * min || SurfaceKey.is(term) || variants.contains(term)) {
                continue;
            }
            if (!mayHaveTwoLargeFamilies(sorted, postings, i, min)) {
                continue;
            }
            Map<String, Family> families = new TreeMap<>();
            for (int k = i + 1; k < sorted.length && SurfaceKey.belongsTo(sorted[k], term); k++) {
                String word = sorted[k].substring(term.length() + 1);
                families.computeIfAbsent(base(word), b -> new Family()).add(word, postings[k]);
            }
            List<Family> bySize = new ArrayList<>(families.values());
            bySize.sort(Comparator.comparingInt(Family::size).reversed());
            if (bySize.size() >= 2 && split(bySize.get(0), bySize.get(1), min, docs)) {
                Family a = bySize.get(0);
                Family b = bySize.get(1);
                // protect the name, not its derivative: the family whose base is shorter (رياض, not رياضه)
                boolean aFirst = base(a.word()).length() <= base(b.word()).length();
                Family keep = aFirst ? a : b;
                Family other = aFirst ? b : a;
                out.add(new Conflation(term, withArticle(keep.word()), keep.size(), other.word(), other.size()));
            }
        }
        out.sort(Comparator.comparingInt((Conflation c) -> -Math.min(c.docs(), c.otherDocs()))
                .thenComparing(Conflation::term));
        return List.copyOf(out.subList(0, Math.min(MAX, out.size())));
    }

    /**
     * Whether the second largest family of the term at {@code i} can be large enough for {@link #split}, judged by
     * each family's bounds from its forms' document counts alone: a family holds at most the sum of its forms'
     * counts and at least the largest of them. Most terms have one family of any size and are passed over without
     * building their families' document sets (the second largest family holds at most the second largest sum, the
     * largest at least the largest single count), so what is found is the same.
     */
    private static boolean mayHaveTwoLargeFamilies(String[] sorted, Postings[] postings, int i, int min) {
        String term = sorted[i];
        Map<String, long[]> bounds = new HashMap<>(); // base → {at most, at least}
        for (int k = i + 1; k < sorted.length && SurfaceKey.belongsTo(sorted[k], term); k++) {
            long[] b = bounds.computeIfAbsent(base(sorted[k].substring(term.length() + 1)), x -> new long[2]);
            b[0] += postings[k].df();
            b[1] = Math.max(b[1], postings[k].df());
        }
        long least = 0;
        long first = 0;
        long second = 0;
        for (long[] b : bounds.values()) {
            least = Math.max(least, b[1]);
            if (b[0] > first) {
                second = first;
                first = b[0];
            } else if (b[0] > second) {
                second = b[0];
            }
        }
        return second >= min && second >= SHARE * least;
    }

    /** Whether the second family is large enough and does not keep the first one's company. */
    private static boolean split(Family a, Family b, int min, int docs) {
        if (b.size() < min || b.size() < SHARE * a.size()) {
            return false;
        }
        BitSet both = (BitSet) a.docs.clone();
        both.and(b.docs);
        return (double) both.cardinality() * docs <= LIFT * a.size() * b.size();
    }

    /** The form without its article (and the prepositions before it), if two letters or more remain. */
    static String base(String word) {
        for (String a : ARTICLES) {
            if (word.length() >= a.length() + 2 && word.startsWith(a)) {
                return word.substring(a.length());
            }
        }
        return word;
    }

    /**
     * The form with the article, as a site protects it: a protected الرياض keeps الرياض, للرياض and بالرياض whole,
     * where a protected رياض would be the stem of الرياضة again. Surface forms come without their article.
     */
    static String withArticle(String form) {
        return form.startsWith("\u0627\u0644") ? form : "\u0627\u0644" + form;
    }

    private static boolean arabic(String term) {
        char c = term.charAt(0);
        return c >= 0x0600 && c <= 0x06FF;
    }

    /** One family: the documents of its forms, and its most frequent form. */
    private static final class Family {
        private final BitSet docs = new BitSet();
        private String word;
        private int wordDf = -1;

        void add(String form, Postings p) {
            for (int j = 0; j < p.df(); j++) {
                docs.set(p.doc(j));
            }
            if (p.df() > wordDf) {
                word = form;
                wordDf = p.df();
            }
        }

        int size() {
            return docs.cardinality();
        }

        String word() {
            return word;
        }
    }
}
