package org.arshif.search.analysis;

/**
 * The index key of a word's surface form beside its term (issue 13: exact forms rank above forms that only share
 * the stem, as engines index a field twice). The key is {@code term + ' ' + form}, where the form is the normalized
 * word without the article and the prepositions stacked on it (الرياضة، للرياضة: رياضه), so a reader who drops
 * the article still types the form. The space sorts below every letter and digit, so a term's surface keys follow
 * it in the sorted dictionary and share its term shard. {@code search-index.js} builds the same key for a query
 * word ({@code analyzer.surface}).
 *
 * <pre>{@code
 * SurfaceKey.of("رياض", "رياضه")   // "رياض رياضه"
 * }</pre>
 */
public final class SurfaceKey {
    /** Between the term and the surface form; never inside a token. */
    public static final char SEPARATOR = ' ';

    private SurfaceKey() {}

    public static String of(String term, String surface) {
        return term + SEPARATOR + surface;
    }

    /** Whether a dictionary key is a surface key (not a term). */
    public static boolean is(String key) {
        return key.indexOf(SEPARATOR) >= 0;
    }

    /** Whether {@code key} is a surface key of {@code term}. */
    public static boolean belongsTo(String key, String term) {
        return key.length() > term.length() && key.charAt(term.length()) == SEPARATOR && key.startsWith(term);
    }
}
