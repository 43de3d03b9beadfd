package org.arshif.search.analysis.internal;

/**
 * The suffixes Arshif strips from an Arabic word, where it departs from Lucene's light stemmer (departure E in
 * {@code ANALYSIS.md}, issue 13): one final ا first, then Lucene's suffixes. Light10 keeps that alif, so the
 * accusative عاماً never met عام, the adverb شخصياً never met الشخصي, and a name ending in ا or يا never met
 * its adjective, which drops it: روسيا the Russian الروسية, بريطانيا البريطاني, فرنسا الفرنسية.
 * A word of at least 4 letters keeps at least 3; a final ها is left to Lucene's rules. Stateless.
 */
public final class ArabicEndings {
    private ArabicEndings() {}

    static final char ALIF = '\u0627';
    static final char HEH = '\u0647';

    /**
     * New length of {@code b[off..off+len)} without its final alif and Lucene's suffixes.
     *
     * <pre>{@code
     * stripSuffixes("روسيا")  // روس, as الروسية
     * stripSuffixes("عاما")   // عام
     * }</pre>
     */
    public static int stripSuffixes(char[] b, int off, int len) {
        // ها is Lucene's own suffix, which it strips before the others (سكانها: سكان, then سك)
        boolean alif = len >= 4 && b[off + len - 1] == ALIF && b[off + len - 2] != HEH;
        int l = alif ? len - 1 : len;
        return ArabicLightStemmer.stripSuffixes(b, off, l);
    }
}
