package org.arshif.search.analysis;

import java.util.ArrayList;
import java.util.List;
import org.arshif.search.analysis.internal.Normalized;
import org.arshif.search.analysis.internal.ReadingMarks;
import org.arshif.search.analysis.internal.TextNormalizer;

/**
 * Turns Arabic and English text into index terms, the same way at build time (here) and at query
 * time in the browser ({@code analyzer.js}); the parity vectors prove the two agree.
 *
 * <pre>{@code
 * TextAnalyzer analyzer = TextAnalyzer.standard();
 * analyzer.terms("الدول الضامنة فى أستانا");      // [دول, ضامن, استانا]
 * analyzer.terms("The peaceful transitions");      // [peac, transit]
 * analyzer.normalize("مسؤولٌ ٢٠١٧");                // "مسءول 2017"
 * }</pre>
 *
 * <h2>What it does (spec: issue 3, "The analysis")</h2>
 * <ol>
 * <li><b>Normalize</b> the whole text: NFKC; delete invisible and bidi controls, tatweel and the
 *     Arabic marks; fold آ أ إ ٱ → ا, ى ی ے → ي, ة ۀ ہ → ه, ک → ك, ؤ ئ → ء; map Arabic-Indic and
 *     Persian digits to 0–9, ٫ to {@code .}, delete ٬; lowercase (root locale, one code point to
 *     one).</li>
 * <li><b>Tokenize</b> on {@code [^\p{L}\p{Nd}]+}.</li>
 * <li>Drop <b>stopwords</b>, both lists normalized like the text first.</li>
 * <li>Look the token up in the <b>dictionary</b> (protected words and the words of variant
 *     groups); an Arabic token also with one proclitic cut off (وبال، فبال، وال، بال، كال، فال، ولل،
 *     فلل، ال، لل، وب، ول، فب، فل، و، ف، ب، ل، ك, longest first), but only when what remains is a
 *     dictionary word: so وإيران → ايران and بسورية meets سورية, while an unknown بحث keeps its ب.</li>
 * <li>Otherwise <b>stem</b> by script, token by token: a token with an Arabic letter loses one
 *     proclitic ({@link Proclitics}: stacked ones too, never a bare و) and then the suffixes of
 *     Lucene's light stemmer ({@link ArabicLightStemmer}), a token with a Latin letter gets Porter2
 *     ({@link Porter2Stemmer}), anything else (numbers, other scripts) is kept as it is. One
 *     analyzer thus serves both languages and mixed text.</li>
 * <li>Map the stem through the <b>variant map</b>: each variant group's stems point to the stem of
 *     its canonical spelling, so أمريكي, الأمريكية, أمريكيون all meet أميركي.</li>
 * </ol>
 * Every departure from Lucene is listed, with its reason, in {@code generator/ANALYSIS.md}.
 *
 * <p>Immutable and thread-safe; build one and share it. {@link #standard()} is built once per JVM.
 */
public final class TextAnalyzer {

    /** Which rule produced a token's term: the vectors generator records it. */
    enum Rule {
        STOPWORD,
        PROTECTED,
        VARIANT,
        STEMMED,
        CLITIC,
        KEPT,
        TOO_LONG
    }

    /**
     * Longer "words" (after normalization, in UTF-16 units) get no term, like stopwords: no word of any language
     * is this long, but a pasted blob is, and one such term would swell the term shard every query near it
     * fetches (200,000 letters: 127 KB). Lucene's tokenizer draws the line at 255.
     */
    public static final int MAX_WORD_CHARS = 64;

    /** How a token is stemmed, decided by the letters it contains. */
    enum Script {
        ARABIC,
        LATIN,
        OTHER
    }

    private final AnalysisData data;
    private final Lexicon lexicon;

    private TextAnalyzer(AnalysisData data) {
        this.data = data;
        this.lexicon = Lexicon.of(data);
    }

    /** The analyzer over the data files shipped with Arshif; loaded once, then shared. */
    public static TextAnalyzer standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final TextAnalyzer INSTANCE = new TextAnalyzer(AnalysisData.standard());
    }

    /**
     * An analyzer over other word lists (tests, experiments). The index and the browser must use
     * the same lists: ship {@link #clientData()} with the index.
     *
     * @throws IllegalArgumentException if an entry is not exactly one word after normalization, a
     *                                  protected or variant word is a stopword, or variant groups
     *                                  conflict or chain
     */
    public static TextAnalyzer of(AnalysisData data) {
        return new TextAnalyzer(data);
    }

    /** The lists this analyzer was built from, as given. */
    public AnalysisData data() {
        return data;
    }

    /**
     * Step 1 alone: the whole text normalized, separators included.
     *
     * <pre>{@code
     * analyzer.normalize("الميدانيـة")  // "الميدانيه"
     * analyzer.normalize("İSTANBUL")    // "istanbul"
     * }</pre>
     */
    public String normalize(String text) {
        return TextNormalizer.normalize(text, false).toString();
    }

    /**
     * The index terms of {@code text}, in order, stopwords dropped.
     *
     * <pre>{@code
     * analyzer.terms("سورية السورية بسورية وسورية سوريا")  // [سور, سور, سور, سور, سور]
     * analyzer.terms("على علي")                           // []  (both are the stopword على)
     * }</pre>
     */
    public List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        WordTerms run = new WordTerms(lexicon);
        forEachToken(TextNormalizer.normalize(text, false), (b, off, len, ignored) -> {
            String t = run.term(b, off, len);
            if (t != null) {
                out.add(t);
            }
        });
        return out;
    }

    /**
     * The tokens of {@code text} with their place in it, for highlighting and phrase positions.
     * Stopwords are not returned but still count as positions.
     *
     * <pre>{@code
     * analyzer.tokens("وإيران")  // [Token[term=ايران, start=0, end=6, position=0]]
     * }</pre>
     */
    public List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        WordTerms run = new WordTerms(lexicon);
        Normalized nt = TextNormalizer.normalize(text, true);
        forEachToken(nt, (b, off, len, position) -> {
            String t = run.term(b, off, len);
            if (t != null) {
                out.add(new Token(t, nt.start(off), nt.end(off + len - 1), position));
            }
        });
        return out;
    }

    /** Receives index terms with their positions. */
    @FunctionalInterface
    public interface TermSink {
        void term(String term, int position);
    }

    /**
     * The terms of {@code text} with their positions, as {@link #tokens} gives them, without the offsets: what
     * an index needs, at less cost (no offset map, no token objects).
     */
    public void forEachTerm(String text, TermSink sink) {
        WordTerms run = new WordTerms(lexicon);
        forEachToken(TextNormalizer.normalize(text, false), (b, off, len, position) -> {
            String t = run.term(b, off, len);
            if (t != null) {
                sink.term(t, position);
            }
        });
    }

    /**
     * What the index holds for {@code text}: the terms of {@link #forEachTerm}, and after the term of a word that
     * starts with a و the analyzer keeps (وزير, وقال), at the same position, the term of its reading with that و
     * as the conjunction (زير, قال). So وزير meets الوزير, and قال still finds وقال. Then the word's surface key
     * ({@link SurfaceKey}: term and normalized word without its article), so the form typed ranks first.
     * A word written with a mark that normalization drops has a second reading, with its surface key
     * ({@link ReadingMarks}): ألعاب also as الألعاب (العاب), عاماً also as عام.
     * Queries are analyzed with {@link #terms}, one reading per word; the browser adds a written word's marked
     * readings ({@code analyzer.readings}).
     */
    public void forEachIndexTerm(String text, TermSink sink) {
        IndexKeys keys = indexKeys();
        forEachWord(text, (b, off, len, position) -> keys.forEach(b, off, len, position, sink));
    }

    /** Receives the normalized words of a text. */
    @FunctionalInterface
    public interface WordSink {
        /** The word {@code b[off..off+len)} (valid during the call only) at {@code position}. */
        void word(char[] b, int off, int len, int position);
    }

    /**
     * Steps 1 and 2 alone: the normalized words of {@code text}, stopwords included, with the positions that
     * {@link #forEachIndexTerm} gives their keys ({@link #indexKeys()}). A word with two readings comes in its
     * marked form ({@link ReadingMarks}: ألعاب as أل + عاب, عاماً as عاما + ً), which {@link IndexKeys} reads.
     */
    public void forEachWord(String text, WordSink sink) {
        Normalized nt = TextNormalizer.normalize(text, false);
        if (!nt.hasMarks()) {
            forEachToken(nt, sink);
            return;
        }
        char[][] marked = {new char[32]};
        forEachToken(nt, (b, off, len, position) -> {
            if (marked[0].length <= len) {
                marked[0] = new char[len + 16];
            }
            int n = ReadingMarks.marked(nt, off, len, marked[0]);
            if (n < 0) {
                sink.word(b, off, len, position);
            } else {
                sink.word(marked[0], 0, n, position);
            }
        });
    }

    /** A reader of one word's index keys at a time, for one thread. */
    public IndexKeys indexKeys() {
        return new IndexKeys(new WordTerms(lexicon));
    }

    /**
     * The marked readings of the first word of {@code written} (term, form, term, form…), empty for most words:
     * what {@code analyzer.readings} gives in the browser (the vectors generator writes them down).
     */
    List<String> readings(String written) {
        List<String> out = new ArrayList<>();
        IndexKeys keys = indexKeys();
        forEachWord(written, (b, off, len, position) -> {
            if (position == 0) {
                out.addAll(keys.readingsOf(b, off, len));
            }
        });
        return out;
    }

    /** One token as the vectors generator and tests see it: stopwords included, with its rule. */
    record Analyzed(String normalized, String term, int start, int end, int position, Rule rule) {}

    /** Every token, stopwords included ({@code term == null}), with the rule that decided it. */
    List<Analyzed> analyze(String text) {
        List<Analyzed> out = new ArrayList<>();
        WordTerms run = new WordTerms(lexicon);
        Normalized nt = TextNormalizer.normalize(text, true);
        forEachToken(nt, (b, off, len, position) -> {
            String t = run.term(b, off, len);
            out.add(new Analyzed(new String(b, off, len), t, nt.start(off), nt.end(off + len - 1), position, run.rule));
        });
        return out;
    }

    /**
     * The word lists for the browser, normalized, deduplicated and sorted (variant groups keep
     * their order, canonical first), as one JSON object:
     * <pre>{@code
     * {"protected":["ايران",…],"variants":["اميركي امريكي",…],"stopwordsAr":[…],"stopwordsEn":[…],"rootWaw":[…]}
     * }</pre>
     * It is exactly the {@code data} argument of {@code createAnalyzer(data)} in {@code analyzer.js};
     * the index writer ships it inside the search manifest. Normalizing is idempotent, so the
     * browser, which normalizes the lists again, builds the same analyzer.
     */
    public String clientData() {
        return lexicon.clientData();
    }

    // ------------------------------------------------------------------------------------------

    private static void forEachToken(Normalized nt, WordSink sink) {
        char[] b = nt.chars();
        int n = nt.length();
        int position = 0;
        int i = 0;
        while (i < n) {
            int cp = Character.codePointAt(b, i, n);
            if (!TextNormalizer.isTokenChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            do {
                i += Character.charCount(cp);
            } while (i < n && TextNormalizer.isTokenChar(cp = Character.codePointAt(b, i, n)));
            sink.word(b, start, i - start, position++);
        }
    }

    /** The script of a normalized token (for tests and the vectors generator). */
    static Script script(String token) {
        return WordTerms.script(token.toCharArray(), 0, token.length());
    }
}
