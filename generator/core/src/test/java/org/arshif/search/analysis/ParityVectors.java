package org.arshif.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parity vectors file ({@code vectors.tsv}) and the rules it is checked by. {@code
 * vectors.test.js} implements the same checks for the browser analyzer.
 *
 * <p>One line per input, four tab-separated columns: {@code id}, {@code input} (with {@code \\},
 * {@code \t}, {@code \n}, {@code \r} escaped), {@code terms} (Arshif's terms, space-separated) and
 * {@code tokens}: every token of the input, stopwords included, space-separated, each
 * {@code start,end,term} when Lucene agrees, or {@code start,end,term,lucene,codes} when it does
 * not. A term of {@code -} means a stopword was dropped. {@code codes} names the documented
 * departures that explain the difference, joined by {@code +}:
 * <ul>
 * <li>{@code N}: normalization; the token's text holds a character that Arshif's step 1 treats and
 *     Lucene's chain does not ({@link #departsFromLucene(int)}).</li>
 * <li>{@code S}: stopword order; Arshif drops the token because its normalized form is on the
 *     normalized list, while its written form is not on Lucene's list.</li>
 * <li>{@code P}: protected word; Arshif's term is a protected word.</li>
 * <li>{@code V}: variant map; Arshif's term is the term of a variant group's canonical word.</li>
 * <li>{@code C}: proclitics; the normalized token starts with the conjunction letter و or ف (Arshif keeps a bare
 *     و, and strips و/ف stacked before بال or لل).</li>
 * </ul>
 */
final class ParityVectors {
    private ParityVectors() {}

    static final String STOP = "-";

    /**
     * F holds for a token whose normalized text has a letter of the Latin blocks above ASCII (one that may carry a
     * mark or be a letter such as ø) and no Arabic letter: only a Latin word is folded.
     */
    static final String LATIN_TO_FOLD = "(?s)[^\u0600-\u06FF]*[\u00C0-\u024F\u1E00-\u1EFF\u2C60-\u2C7F\uA720-\uA7FF"
            + "\uAB30-\uAB6F][^\u0600-\u06FF]*";

    record Tok(int start, int end, String term, String lucene, String codes) {
        boolean agrees() {
            return codes.isEmpty();
        }

        String format() {
            return agrees()
                    ? start + "," + end + "," + term
                    : start + "," + end + "," + term + "," + lucene + "," + codes;
        }

        static Tok parse(String s) {
            String[] f = s.split(",", -1);
            if (f.length == 3) {
                return new Tok(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[2], "");
            }
            if (f.length == 5 && !f[4].isEmpty()) {
                return new Tok(Integer.parseInt(f[0]), Integer.parseInt(f[1]), f[2], f[3], f[4]);
            }
            throw new IllegalArgumentException("bad token record: " + s);
        }
    }

    record Vector(String id, String input, List<String> terms, List<Tok> tokens) {
        String format() {
            StringBuilder toks = new StringBuilder();
            for (Tok t : tokens) {
                toks.append(toks.length() == 0 ? "" : " ").append(t.format());
            }
            return id + "\t" + escape(input) + "\t" + String.join(" ", terms) + "\t" + toks;
        }
    }

    static List<Vector> read(Path file) {
        try {
            List<Vector> out = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 4) {
                    throw new IllegalArgumentException("expected 4 columns: " + line);
                }
                List<Tok> toks = new ArrayList<>();
                for (String t : f[3].isEmpty() ? new String[0] : f[3].split(" ")) {
                    toks.add(Tok.parse(t));
                }
                out.add(new Vector(f[0], unescape(f[1]), f[2].isEmpty() ? List.of() : List.of(f[2].split(" ")), toks));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(
                    switch (n) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        case '\\' -> '\\';
                        default -> throw new IllegalArgumentException("bad escape \\" + n);
                    });
        }
        return b.toString();
    }

    /** Problems where the analyzer's output differs from the file's terms and tokens. */
    static List<String> checkParity(List<Vector> vectors, TextAnalyzer analyzer) {
        List<String> problems = new ArrayList<>();
        for (Vector v : vectors) {
            List<String> expectedTerms = new ArrayList<>();
            List<Token> expectedTokens = new ArrayList<>();
            for (int i = 0; i < v.tokens().size(); i++) {
                Tok t = v.tokens().get(i);
                if (!t.term().equals(STOP)) {
                    expectedTerms.add(t.term());
                    expectedTokens.add(new Token(t.term(), t.start(), t.end(), i));
                }
            }
            if (!expectedTerms.equals(v.terms())) {
                problems.add(v.id() + ": terms column disagrees with tokens column");
            }
            List<String> terms = analyzer.terms(v.input());
            if (!terms.equals(v.terms())) {
                problems.add(v.id() + ": terms " + terms + " != " + v.terms());
            }
            List<Token> tokens = analyzer.tokens(v.input());
            if (!tokens.equals(expectedTokens)) {
                problems.add(v.id() + ": tokens " + tokens + " != " + expectedTokens);
            }
        }
        return problems;
    }

    /**
     * Problems with the departures recorded in the file: a difference from Lucene that no
     * documented departure explains, a code whose condition does not hold, or a code where there is
     * no difference. {@code rawStopwords} are the lists as written (Lucene's, verbatim).
     */
    static List<String> checkDepartures(List<Vector> vectors, TextAnalyzer analyzer) {
        AnalysisData data = analyzer.data();
        Set<String> rawStop = new HashSet<>(data.stopwordsAr());
        rawStop.addAll(data.stopwordsEn());
        Set<String> protectedTerms = new HashSet<>();
        for (String p : data.protectedWords()) {
            protectedTerms.add(analyzer.normalize(p));
        }
        Set<String> canonicalTerms = new HashSet<>();
        for (String group : data.variants()) {
            canonicalTerms.addAll(analyzer.terms(group.split("[ \t]+")[0]));
        }
        List<String> problems = new ArrayList<>();
        for (Vector v : vectors) {
            for (Tok t : v.tokens()) {
                String where = v.id() + " " + t.format() + " \"" + v.input().substring(t.start(), t.end()) + "\"";
                if (t.agrees()) {
                    continue;
                }
                if (t.term().equals(t.lucene())) {
                    problems.add(where + ": departure recorded where Lucene agrees");
                }
                String surface = v.input().substring(t.start(), t.end());
                for (String code : t.codes().split("\\+")) {
                    boolean holds = switch (code) {
                        case "N" -> surface.codePoints().anyMatch(ParityVectors::departsFromLucene);
                        case "S" ->
                            t.codes().equals("S")
                                    && t.term().equals(STOP)
                                    && !t.lucene().equals(STOP)
                                    && !rawStop.contains(surface.toLowerCase(Locale.ROOT));
                        case "P" -> protectedTerms.contains(t.term());
                        case "V" -> canonicalTerms.contains(t.term());
                        case "C" -> analyzer.normalize(surface).matches("[\u0648\u0641].*");
                        case "F" -> analyzer.normalize(surface).matches(LATIN_TO_FOLD);
                        case "L" ->
                            t.codes().equals("L")
                                    && t.term().equals(STOP)
                                    && analyzer.normalize(surface).length() > TextAnalyzer.MAX_WORD_CHARS;
                        default -> false;
                    };
                    if (!holds) {
                        problems.add(where + ": departure " + code + " does not hold");
                    }
                }
            }
        }
        return problems;
    }

    /** How many tokens carry each code, and how many agree with Lucene (key ""). */
    static Map<String, Integer> codeCounts(List<Vector> vectors) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Vector v : vectors) {
            for (Tok t : v.tokens()) {
                if (t.agrees()) {
                    counts.merge("", 1, Integer::sum);
                }
                for (String code :
                        t.codes().isEmpty() ? new String[0] : t.codes().split("\\+")) {
                    counts.merge(code, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Whether Arshif's step 1 treats this character where Lucene's chain (lowercase, decimal
     * digits, {@code ArabicNormalizer}) does not: what NFKC changes, marks other than the eight
     * harakat Lucene deletes and conjoining Hangul jamo (NFKC may compose either with what
     * precedes), the invisible and bidi controls, the extra letter folds, ٫ and ٬, and decimal
     * digits the spec does not map (Lucene's DecimalDigitFilter maps them all).
     */
    static boolean departsFromLucene(int c) {
        String s = Character.toString(c);
        if (!Normalizer.normalize(s, Normalizer.Form.NFKC).equals(s)) {
            return true;
        }
        int type = Character.getType(c);
        boolean mark = type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
        if (mark && !(c >= 0x064B && c <= 0x0652)) {
            return true;
        }
        if (c >= 0x1100 && c <= 0x11FF) {
            return true;
        }
        if (c == 0x00AD
                || c == 0x061C
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x2064)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF) {
            return true;
        }
        switch (c) {
            case 0x0671, 0x06CC, 0x06D2, 0x06A9, 0x06C0, 0x06C1, 0x0624, 0x0626, 0x066B, 0x066C:
                return true;
            default:
                break;
        }
        return type == Character.DECIMAL_DIGIT_NUMBER
                && c > '9'
                && !(c >= 0x0660 && c <= 0x0669)
                && !(c >= 0x06F0 && c <= 0x06F9);
    }
}
