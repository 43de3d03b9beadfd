package org.arshif.search.analysis.internal;

/**
 * The proclitics Arshif strips before the light stemmer's suffixes, where it departs from Lucene's one prefix
 * (departure C in {@code ANALYSIS.md}, issue 13):
 * <ul>
 * <li><b>stacked</b>: a conjunction و or ف before ب or ل and the article, so وللاتفاق and فبالاتفاق reach اتفاق
 *     (Lucene strips only the و and keeps للاتفاق);</li>
 * <li><b>no bare و</b>: Lucene cuts any word-initial و from a word of 4 letters or more, and so splits وزير
 *     (minister) into زير while الوزير keeps its و; Arshif keeps the و and indexes the conjunction reading
 *     beside it ({@link #conjunctionReading}), so that قال still finds وقال.</li>
 * </ul>
 * Every other prefix is Lucene's (ال، وال، بال، كال، فال، لل), with Lucene's rule that at least two letters remain.
 */
public final class Proclitics {
    private Proclitics() {}

    static final char WAW = '\u0648';

    /** Longest first; none of them is a bare letter. */
    static final char[][] PREFIXES = {
        "\u0648\u0628\u0627\u0644".toCharArray(), // وبال
        "\u0641\u0628\u0627\u0644".toCharArray(), // فبال
        "\u0648\u0644\u0644".toCharArray(), // ولل
        "\u0641\u0644\u0644".toCharArray(), // فلل
        "\u0648\u0627\u0644".toCharArray(), // وال
        "\u0641\u0627\u0644".toCharArray(), // فال
        "\u0628\u0627\u0644".toCharArray(), // بال
        "\u0643\u0627\u0644".toCharArray(), // كال
        "\u0627\u0644".toCharArray(), // ال
        "\u0644\u0644".toCharArray(), // لل
    };

    /**
     * Length of the proclitic to strip from the normalized Arabic token {@code b[off..off+len)}, or 0.
     *
     * <pre>{@code
     * وللاتفاق → 3 (ولل)    الوزير → 2 (ال)    وزير → 0    والد → 0 (two letters must remain)
     * }</pre>
     */
    public static int length(char[] b, int off, int len) {
        for (char[] p : PREFIXES) {
            if (len >= p.length + 2 && regionMatches(b, off, p)) {
                return p.length;
            }
        }
        return 0;
    }

    /**
     * Whether the token also has a reading with its first letter as the conjunction و ("and"): it starts with و,
     * has no other proclitic, and is long enough for Lucene to cut the و (4 letters). The index holds both readings
     * at the same position; a query keeps the word whole.
     */
    public static boolean conjunctionReading(char[] b, int off, int len) {
        return len >= 4 && b[off] == WAW && length(b, off, len) == 0;
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
