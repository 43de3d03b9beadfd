package org.arshif.search.analysis;

import java.util.Arrays;
import org.arshif.search.analysis.TextAnalyzer.Rule;
import org.arshif.search.analysis.TextAnalyzer.Script;
import org.arshif.search.analysis.internal.ArabicLightStemmer;
import org.arshif.search.analysis.internal.LatinFold;
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

    /**
     * The attached pronouns a dictionary word keeps its term before (سكانهم, طيرانها: سكان, طيران), longest first.
     * Not ه, which is also how ة is normalized (الرياضة "sport" would be الرياض "Riyadh" + ه), nor ي, which after a
     * noun is mostly the nisba adjective (قانوني "legal"), not "my".
     */
    private static final char[][] PRONOUNS = {
        "\u0647\u0645\u0627".toCharArray(), // هما
        "\u0643\u0645\u0627".toCharArray(), // كما
        "\u0647\u0627".toCharArray(), // ها
        "\u0647\u0645".toCharArray(), // هم
        "\u0647\u0646".toCharArray(), // هن
        "\u0643\u0645".toCharArray(), // كم
        "\u0643\u0646".toCharArray(), // كن
        "\u0646\u0627".toCharArray(), // نا
        "\u0643".toCharArray(), // ك
    };

    private final Lexicon lexicon;
    private char[] scratch = new char[32];
    /** A Latin word folded ({@link LatinFold}). */
    private char[] folded = new char[64];
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
        Script script = script(b, off, len);
        if (script == Script.LATIN && LatinFold.changes(b, off, len)) { // Erdoğan is erdogan, stopwords included
            if (folded.length < len * LatinFold.MAX_GROWTH) {
                folded = new char[len * LatinFold.MAX_GROWTH];
            }
            return termOf(folded, 0, LatinFold.fold(b, off, len, folded), script);
        }
        return termOf(b, off, len, script);
    }

    /** The term of the normalized (and, if Latin, folded) word {@code b[off..off+len)} of that script. */
    private String termOf(char[] b, int off, int len, Script script) {
        int hash = WordTable.hash(b, off, len);
        if (lexicon.stopwords().get(b, off, len, hash) != null) {
            rule = Rule.STOPWORD;
            return null;
        }
        String t = lexicon.dictionary().get(b, off, len, hash);
        if (t != null) {
            return dictionaryHit(t);
        }
        switch (script) {
            case ARABIC:
                t = withoutClitic(b, off, len);
                if (t == null) {
                    t = withoutPronoun(b, off, len);
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
     * The dictionary term of the word without its final attached pronoun ({@link #PRONOUNS}: سكانها "its
     * population", سكانهم "their population" are سكان's), with or without a proclitic, when 3 letters or more remain;
     * null when what remains is not a dictionary word.
     */
    private String withoutPronoun(char[] b, int off, int len) {
        for (char[] pronoun : PRONOUNS) {
            int rest = len - pronoun.length;
            if (rest >= 3 && endsWith(b, off, len, pronoun)) {
                String t = lexicon.dictionary().get(b, off, rest);
                t = t != null ? t : withoutClitic(b, off, rest);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }

    /**
     * The surface form of the normalized word {@code b[off..off+len)} from {@code from} on: as written, or folded for a
     * Latin word (café's form is cafe's: a reader types no marks).
     */
    String form(char[] b, int off, int len, int from) {
        String form = new String(b, off + from, len - from);
        return script(b, off, len) == Script.LATIN ? LatinFold.fold(form) : form;
    }

    /** The fewest letters a conjunction reading's term has (Arabic roots have three). */
    static final int MIN_CONJUNCTION_READING = 3;

    /** The term of the word's reading with its first letter as the conjunction و, or null if it has none. */
    String conjunctionReading(char[] b, int off, int len) {
        if ((rule != Rule.STEMMED && rule != Rule.CLITIC && rule != Rule.VARIANT)
                || !Proclitics.conjunctionReading(b, off, len)
                || lexicon.dictionary().get(b, off, len) != null
                || lexicon.rootWawStems().get(b, off, ArabicLightStemmer.stripSuffixes(b, off, len)) != null) {
            return null; // a root-و word (وزارة): زار would find the ministry
        }
        Rule kept = rule;
        String t = stemmed(b, off + 1, ArabicLightStemmer.stripSuffixes(b, off + 1, len - 1));
        rule = kept;
        // a reading that leaves fewer than three letters is not a word: وحدات is not و + حدات, so الحد (the limit)
        // does not find every وحدة (unit) and وحده (alone)
        return t == null || t.length() < MIN_CONJUNCTION_READING ? null : t;
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

    private static boolean endsWith(char[] b, int off, int len, char[] s) {
        return len >= s.length && startsWith(b, off + len - s.length, s.length, s);
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
            if ((c >= 'a' && c <= 'z') || LatinFold.isLatinBlock(c)) {
                latin = true;
            }
        }
        return latin ? Script.LATIN : Script.OTHER;
    }
}
