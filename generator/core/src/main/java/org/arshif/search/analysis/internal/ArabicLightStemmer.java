package org.arshif.search.analysis.internal;

/**
 * Lucene's {@code ArabicStemmer} (Larkey et al.'s light10 family), rule for rule: strip at most one
 * prefix, the first that matches in the order ال، وال، بال، كال، فال، لل، و; then the suffixes ها،
 * ان، ات، ون، ين، يه، ية، ه، ة، ي in that order, each at most once, cascading. The one-letter
 * و needs a word of at least 4 letters; every other affix must leave at least 2.
 *
 * <p>The input is normalized text, where ة has already become ه: the suffixes ية and ة can then
 * never match and يه and ه do their work. They stay in the list so the rule table reads as Lucene's.
 *
 * <p>It works on slices of the caller's buffer and never copies: affixes only shorten a word at
 * its ends. Stateless and thread-safe.
 */
public final class ArabicLightStemmer {
    private ArabicLightStemmer() {}

    static final char[][] PREFIXES = {
        "\u0627\u0644".toCharArray(), // ال
        "\u0648\u0627\u0644".toCharArray(), // وال
        "\u0628\u0627\u0644".toCharArray(), // بال
        "\u0643\u0627\u0644".toCharArray(), // كال
        "\u0641\u0627\u0644".toCharArray(), // فال
        "\u0644\u0644".toCharArray(), // لل
        "\u0648".toCharArray(), // و
    };

    static final char[][] SUFFIXES = {
        "\u0647\u0627".toCharArray(), // ها
        "\u0627\u0646".toCharArray(), // ان
        "\u0627\u062A".toCharArray(), // ات
        "\u0648\u0646".toCharArray(), // ون
        "\u064A\u0646".toCharArray(), // ين
        "\u064A\u0647".toCharArray(), // يه
        "\u064A\u0629".toCharArray(), // ية
        "\u0647".toCharArray(), // ه
        "\u0629".toCharArray(), // ة
        "\u064A".toCharArray(), // ي
    };

    /**
     * Stems a whole word.
     *
     * <pre>{@code
     * ArabicLightStemmer.stem("الكتاب")  // "كتاب"
     * ArabicLightStemmer.stem("لبنان")   // "لبن"  (hence the protected list)
     * }</pre>
     */
    public static String stem(String word) {
        char[] b = word.toCharArray();
        int p = prefixLength(b, 0, b.length);
        int len = stripSuffixes(b, p, b.length - p);
        return new String(b, p, len);
    }

    /** Length of the one prefix to strip from {@code b[off..off+len)}, or 0. */
    public static int prefixLength(char[] b, int off, int len) {
        for (char[] p : PREFIXES) {
            boolean longEnough = p.length == 1 ? len >= 4 : len >= p.length + 2;
            if (longEnough && regionMatches(b, off, p)) {
                return p.length;
            }
        }
        return 0;
    }

    /** New length of {@code b[off..off+len)} after stripping suffixes. */
    public static int stripSuffixes(char[] b, int off, int len) {
        for (char[] s : SUFFIXES) {
            if (len >= s.length + 2 && regionMatches(b, off + len - s.length, s)) {
                len -= s.length;
            }
        }
        return len;
    }

    private static boolean regionMatches(char[] b, int off, char[] affix) {
        for (int i = 0; i < affix.length; i++) {
            if (b[off + i] != affix[i]) {
                return false;
            }
        }
        return true;
    }
}
