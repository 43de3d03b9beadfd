package org.arshif.search.analysis.internal;

import java.util.Set;

/**
 * The accusative tanween's final ا, which step 1 deletes (departure T in {@code ANALYSIS.md}): عاماً and عامًا
 * meet عام. {@link TextNormalizer.Normalized} tracks the pair as it emits; these are its pure parts. Stateless.
 */
final class AccusativeTanween {
    private AccusativeTanween() {}

    static final char ALIF = '\u0627';
    static final char FATHATAN = '\u064B';

    /** What أيضاً, معاً ("also", "together") and جداً ("very") would become: أي, مع (stopwords), جد ("grandfather"). */
    private static final Set<String> KEPT = Set.of("\u0627\u064A\u0636", "\u0645\u0639", "\u062C\u062F");

    /** Whether two NFKC code points in a row are ا and ً, in either order. */
    static boolean pair(int previous, int cp) {
        return (cp == FATHATAN && previous == ALIF) || (cp == ALIF && previous == FATHATAN);
    }

    /** Whether {@code chars[0..length)} ends in an ا after an Arabic letter. */
    static boolean alifAfterLetter(char[] chars, int length) {
        return length >= 2 && chars[length - 1] == ALIF && chars[length - 2] >= 0x0621 && chars[length - 2] <= 0x064A;
    }

    /** Whether the word that ends {@code chars[0..length)} in its accusative ا keeps it. */
    static boolean keepsAlif(char[] chars, int length) {
        int k = length - 1;
        while (k > 0 && TextNormalizer.isTokenChar(chars[k - 1])) {
            k--;
        }
        return keepsAlif(new String(chars, k, length - 1 - k));
    }

    /** Whether a word (normalized, before its accusative ا) keeps that ا: one of three adverbs, maybe after و or ف. */
    static boolean keepsAlif(String word) {
        boolean conjunction = word.length() > 2 && (word.charAt(0) == '\u0648' || word.charAt(0) == '\u0641');
        return KEPT.contains(word) || (conjunction && KEPT.contains(word.substring(1)));
    }
}
