package org.arshif.search.analysis;

/**
 * The index key of a word's surface form beside its term (issue 13: exact forms rank above forms that only share
 * the stem, as engines index a field twice). The key is {@code term + ' ' + normalized word}: the space sorts
 * below every letter and digit, so a term's surface keys follow it in the sorted dictionary and share its term
 * shard. {@code analyzer.js} builds the same key for a query word.
 *
 * <pre>{@code
 * SurfaceKey.of("رياض", "الرياضه")   // "رياض الرياضه"
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
