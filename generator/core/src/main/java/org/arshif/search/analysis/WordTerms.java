package org.arshif.search.analysis;

import java.util.Arrays;
import org.arshif.search.analysis.TextAnalyzer.Rule;
import org.arshif.search.analysis.TextAnalyzer.Script;
import org.arshif.search.analysis.internal.ArabicLightStemmer;
import org.arshif.search.analysis.internal.Porter2Stemmer;
import org.arshif.search.analysis.internal.Proclitics;
import org.arshif.search.analysis.internal.ReadingMarks;
import org.arshif.search.analysis.internal.WordTable;

/**
 * Steps 3 to 6 of {@link TextAnalyzer} for one normalized word: stopwords, dictionary, stemming, variant map. One
 * per call or per thread: it keeps Porter2's buffer and the rule of the last term.
 */
final class WordTerms {

    /** Proclitics tried before dictionary lookups, longest first. */
    private static final String[] CLITICS = {
        "وبال", "فبال", "وال", "بال", "كال", "فال", "ولل", "فلل", "ال", "لل", "وب", "ول", "فب", "فل", "و", "ف", "ب",
        "ل", "ك"
    };

    /** {@link #CLITICS} grouped by first letter (order kept), so a token only tries its own. */
    private static final char[][][] CLITICS_BY_FIRST = new char[0x100][][];

    static {
        for (String c : CLITICS) {
            char[][] old = CLITICS_BY_FIRST[c.charAt(0) - 0x600];
            char[][] grown = old == null ? new char[1][] : Arrays.copyOf(old, old.length + 1);
            grown[grown.length - 1] = c.toCharArray();
            CLITICS_BY_FIRST[c.charAt(0) - 0x600] = grown;
        }
    }

    private final Lexicon lexicon;
    private char[] scratch = new char[32];
    /** The rule that decided the last term. */
    Rule rule;

    WordTerms(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** The term of the normalized word {@code b[off..off+len)}, or null for a stopword. */
    String term(char[] b, int off, int len) {
        if (len > TextAnalyzer.MAX_WORD_CHARS) {
            rule = Rule.TOO_LONG;
            return null;
        }
        int hash = WordTable.hash(b, off, len);
        if (lexicon.stopwords().get(b, off, len, hash) != null) {
            rule = Rule.STOPWORD;
            return null;
        }
        String t = lexicon.dictionary().get(b, off, len, hash);
        if (t != null) {
            return dictionaryHit(t);
        }
        switch (script(b, off, len)) {
            case ARABIC:
                t = withoutClitic(b, off, len);
                if (t == null) {
                    t = withoutPronounHa(b, off, len);
                }
                if (t != null) {
                    return dictionaryHit(t);
                }
                int p = Proclitics.length(b, off, len);
                int l = ArabicLightStemmer.stripSuffixes(b, off + p, len - p);
                t = stemmed(b, off + p, l);
                if (rule == Rule.STEMMED && p != ArabicLightStemmer.prefixLength(b, off, len)) {
                    rule = Rule.CLITIC;
                }
                return t;
            case LATIN:
                if (scratch.length < len + 1) {
                    scratch = new char[len + 16];
                }
                System.arraycopy(b, off, scratch, 0, len);
                return stemmed(scratch, 0, Porter2Stemmer.stem(scratch, len));
            default:
                rule = Rule.KEPT;
                return new String(b, off, len);
        }
    }

    /** The dictionary term of the word with one proclitic cut off, or null when what remains is not one. */
    private String withoutClitic(char[] b, int off, int len) {
        char first = b[off];
        char[][] clitics = first >= 0x600 && first < 0x700 ? CLITICS_BY_FIRST[first - 0x600] : null;
        for (int k = 0; clitics != null && k < clitics.length; k++) {
            char[] clitic = clitics[k];
            int rest = len - clitic.length;
            if (rest >= 2 && startsWith(b, off, len, clitic)) {
                String t = lexicon.dictionary().get(b, off + clitic.length, rest);
                if (t == null && endsWithLamLam(clitic)) {
                    char[] withArticle = ("\u0627\u0644" + new String(b, off + clitic.length, rest)).toCharArray();
                    t = lexicon.dictionary().get(withArticle, 0, withArticle.length);
                }
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * The dictionary term of the word without its final pronoun ها ("her, its": سكانها, the population of a city,
     * is سكان's), with or without a proclitic; null when what remains is not a dictionary word. Only ها: a final ه
     * is also how ة is normalized.
     */
    private String withoutPronounHa(char[] b, int off, int len) {
        if (len < 5 || b[off + len - 2] != '\u0647' || b[off + len - 1] != '\u0627') {
            return null;
        }
        String t = lexicon.dictionary().get(b, off, len - 2);
        return t != null ? t : withoutClitic(b, off, len - 2);
    }

    /** The term of the word's reading with its first letter as the conjunction و, or null if it has none. */
    String conjunctionReading(char[] b, int off, int len) {
        if ((rule != Rule.STEMMED && rule != Rule.CLITIC && rule != Rule.VARIANT)
                || !Proclitics.conjunctionReading(b, off, len)
                || lexicon.dictionary().get(b, off, len) != null) {
            return null;
        }
        Rule kept = rule;
        String t = stemmed(b, off + 1, ArabicLightStemmer.stripSuffixes(b, off + 1, len - 1));
        rule = kept;
        return t;
    }

    /**
     * The term of a word whose alif and lam are its own (ألعاب, إلغاء, {@code form} from that alif on): the term
     * it has behind the article, as الألعاب; null when that is shorter than 3 letters (إليه, إلى + a pronoun, would
     * be ال) or a stopword.
     */
    String articleReading(String form) {
        char[] withArticle = ("\u0627\u0644" + form).toCharArray();
        String t = readingTerm(withArticle, 0, withArticle.length);
        return t == null || t.length() < 3 ? null : t;
    }

    /**
     * The term of the word {@code b[off..off+len)} without its final alif (عاماً as عام), or null: for a stopword,
     * and for the adverbs whose alif-less form is another common word (جداً "very": جد, جدة; حسناً "well": حسن).
     */
    String tanweenReading(char[] b, int off, int len) {
        return ReadingMarks.tanweenKept(b, off, len) ? null : readingTerm(b, off, len - 1);
    }

    /** The term of a word's second reading, keeping {@link #rule} as the word itself left it. */
    private String readingTerm(char[] b, int off, int len) {
        Rule kept = rule;
        String t = term(b, off, len);
        rule = kept;
        return t;
    }

    private String dictionaryHit(String t) {
        rule = lexicon.protectedWords().contains(t) ? Rule.PROTECTED : Rule.VARIANT;
        return t;
    }

    private String stemmed(char[] b, int off, int len) {
        String v = lexicon.variantStems().get(b, off, len);
        if (v != null) {
            rule = Rule.VARIANT;
            return v;
        }
        rule = Rule.STEMMED;
        return new String(b, off, len);
    }

    /** لل is ل + ال: للرياض is ل + الرياض, a name protected with its article. */
    private static boolean endsWithLamLam(char[] clitic) {
        int n = clitic.length;
        return n >= 2 && clitic[n - 1] == '\u0644' && clitic[n - 2] == '\u0644';
    }

    private static boolean startsWith(char[] b, int off, int len, char[] p) {
        if (len < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b[off + i] != p[i]) {
                return false;
            }
        }
        return true;
    }

    /** Arabic if any Arabic-block letter, else Latin if any Latin letter, else neither. */
    static Script script(char[] b, int off, int len) {
        boolean latin = false;
        for (int i = off; i < off + len; i++) {
            char c = b[i];
            if ((c >= 0x0600 && c <= 0x06FF)
                    || (c >= 0x0750 && c <= 0x077F)
                    || (c >= 0x0870 && c <= 0x08FF)
                    || (c >= 0xFB50 && c <= 0xFDFF)
                    || (c >= 0xFE70 && c <= 0xFEFF)) {
                return Script.ARABIC;
            }
            if ((c >= 'a' && c <= 'z')
                    || (c >= 0x00C0 && c <= 0x024F)
                    || (c >= 0x1E00 && c <= 0x1EFF)
                    || (c >= 0x2C60 && c <= 0x2C7F)
                    || (c >= 0xA720 && c <= 0xA7FF)
                    || (c >= 0xAB30 && c <= 0xAB6F)) {
                latin = true;
            }
        }
        return latin ? Script.LATIN : Script.OTHER;
    }
}
