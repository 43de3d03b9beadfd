package org.arshif.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean …?" for a key that is not known: the known key closest to it by the optimal-string-alignment
 * distance (Damerau-Levenshtein with adjacent transpositions: {@code tgas} is one edit from {@code tags}), compared
 * without case. Only near misses count, so that a key of its own is not taken for a typo.
 */
public final class Suggestions {
    /** Keys this short or shorter may differ by one edit; longer ones by two. */
    private static final int SHORT_KEY = 4;

    private Suggestions() {}

    /**
     * The known key {@code key} most likely meant, or empty when none is close enough. Ties go to the key that sorts
     * first, so the answer never depends on the collection's order.
     */
    public static Optional<String> closest(String key, Collection<String> known) {
        String typed = key.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) { // not sorted first: a tie is settled below, without a copy per key
            String lower = candidate.toLowerCase(Locale.ROOT);
            int limit = Math.min(typed.length(), lower.length()) <= SHORT_KEY ? 1 : 2;
            if (Math.abs(typed.length() - lower.length()) > limit) {
                continue; // too far apart in length alone; also keeps a huge key from costing a huge table
            }
            int d = distance(typed, lower);
            if (d <= limit && (d < bestDistance || d == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The optimal-string-alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
