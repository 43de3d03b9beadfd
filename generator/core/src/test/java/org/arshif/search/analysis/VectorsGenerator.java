package org.arshif.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.arshif.search.analysis.ParityVectors.Tok;
import org.arshif.search.analysis.ParityVectors.Vector;
import org.arshif.search.analysis.TextAnalyzer.Analyzed;
import org.arshif.search.analysis.TextAnalyzer.Rule;
import org.arshif.search.analysis.TextAnalyzer.Script;
import org.arshif.search.analysis.internal.LatinFold;
import org.arshif.search.analysis.internal.Porter2Stemmer;
import org.arshif.search.analysis.internal.TextNormalizer;

/**
 * Writes the generated test data: {@code vectors.tsv}, {@code porter2.tsv}, {@code chartable.tsv}
 * and {@code client-data.json}, into the directory that holds the sources ({@code sana-sample.txt},
 * {@code ud-arabic-pud-parallel.tsv}).
 *
 * <p>Run it after changing the analyzer or a data file, from {@code generator/}:
 * <pre>
 * mvn -B -q test -Dtest=ParityVectorsTest -Darshif.regenerateVectors=true
 * </pre>
 * The output is deterministic; a rerun without changes gives identical files.
 *
 * <p>For every token it records Lucene's term ({@link LuceneReference}) next to Arshif's and,
 * where they differ, names the departure that explains it. A difference it cannot explain stops it:
 * that is a bug, or a departure that is not written down.
 */
public final class VectorsGenerator {
    private VectorsGenerator() {}

    static final Path DIR = Path.of("src/test/resources/org/arshif/search/analysis");

    /** Hand-written inputs for what real text rarely shows; ids say what each one is for. */
    static final String[][] CASES = {
        {"case-fi-alef-maqsura", "فى سورية"},
        {"case-fi-yeh", "في سورية"},
        {"case-ala-stopword", "على"},
        {"case-ali-stopword", "علي"},
        {"case-astana-hamza", "أستانا"},
        {"case-astana-bare", "استانا"},
        {"case-tatweel", "الميدانيـة"},
        {"case-tatweel-none", "الميدانية"},
        {"case-ahamiyya-bare", "باهمية"},
        {"case-ahamiyya-hamza", "بأهمية"},
        {"case-syria-forms", "سورية السورية بسورية وسورية سوريا بسوريا"},
        {"case-masul-waw", "مسؤول"},
        {"case-masul-yeh", "مسئول"},
        {"case-digits-arabic-indic", "٢٠١٧"},
        {"case-digits-ascii", "2017"},
        {"case-digits-persian", "۲۰۱۷"},
        {"case-tashkeel", "بَحَثَ الرَّئِيسُ الرُّوسِيُّ فِي سُورِيَّةَ"},
        {"case-tashkeel-none", "بحث الرئيس الروسي في سورية"},
        {"case-quranic-marks", "ٱلْحَمْدُ لِلَّهِ رَبِّ ٱلْعَٰلَمِينَ"},
        {"case-protected-lebanon", "لبنان لبناني اللبنانية للبنان ولبنان"},
        {"case-protected-iran", "إيران وإيران الإيراني بإيران"},
        {"case-protected-places", "فلسطين واشنطن البحرين للبحرين الكرملين عمان"},
        {"case-protected-months", "كانون الثاني تشرين الأول نيسان حزيران يونيه"},
        {
            "case-clitics",
            "وبالبحرين والبحرين بالبحرين كالبحرين فالبحرين وللبحرين البحرين للبحرين "
                    + "وبلبنان ولايران فبايران فلايران وايران فايران بايران لايران كايران"
        },
        {"case-clitic-waw-of-the-word", "وزير الوزير وظائف الوظائف وقود الوقود وقال قال والد"},
        {"case-clitic-stacked", "وللاتفاق للاتفاق فللاتفاق وبالاتفاق فبالاتفاق والاتفاق الاتفاق"},
        // a word whose ان is its own keeps it, also before the pronoun ها; a final ه (also a normalized ة) does not
        {"case-protected-common", "السكان للسكان سكانها لسكانها السكة الطيران طيرانها شعبان الشعب الأمين جنينة"},
        // and before the other attached pronouns, a proclitic too; a dictionary word, not only a protected one
        {
            "case-protected-pronouns",
            "سكانهم سكانهما سكانهن سكاننا سكانكم سكانكما سكانكن سكانك لسكانهم وسكانهم طيرانهم مليونكم رمضاننا"
                    + " حسينهم حزبهم أرضنا لأرضهم أراضيهم"
        },
        // not before ه (also a normalized ة: الرياضة is no الرياض + ه) nor ي (the nisba: قانوني, "legal")
        {"case-protected-pronouns-not", "سكانه سكاني الرياضة الرياض قانوني قانون وطيرانه"},
        {"case-variant-american", "أمريكي أميركي الأمريكية الأميركية الأمريكيون"},
        {"case-variant-europe", "أوروبا أوربا الأوروبي الأوربي"},
        {"case-variant-telegram", "تلغرام تيلغرام تليغرام"},
        {"case-variant-broken-plurals", "المرأة امرأة النساء للنساء الوزير الوزراء البنوك الملوك الجنود"},
        // a listed word's و is its own (وسيلة), as an indexed word's is: not و + سيلة "flood"
        {"case-variant-waw-of-the-word", "وسيلة الوسيلة وسائل بوسائل السيول سيل"},
        {"case-presentation-forms", "ﻻ ﷲ ﺍﻟﻌﺮﺑﻴﺔ ﻣﺴﺆﻭﻝ"},
        {"case-decomposed-hamza", "ا\u0654ن مسو\u0654ول ي\u0654ن"},
        {"case-persian-letters", "یک ی ک ۀ ہ ے کتاب"},
        {"case-bidi-controls", "\u200Fسانا\u200F \u202Bدمشق\u202C \u2066حلب\u2069"},
        {"case-zero-width", "می\u200Cخواهم foo\u200Bbar \uFEFFbom"},
        {"case-arabic-letter-mark", "\u061Cسانا"},
        {"case-soft-hyphen", "infor\u00ADmation ma\u00ADnagement"},
        {"case-separators", "٣٫٥ ١٬٠٠٠ 3.5 1,000"},
        {"case-fullwidth", "ＳＡＮＡ １２３ ａｇｅｎｃｙ"},
        {"case-ligatures", "ﬁnancial ﬂights ﬀ"},
        {"case-turkish-i", "İstanbul ISTANBUL ıstanbul"},
        {"case-greek-sigma", "ΟΔΟΣ οδος ΣΊΣΥΦΟΣ"},
        {"case-latin-combining", "cafe\u0301 café naïve"},
        // Latin letters folded to their base letters, before stopwords and Porter2: a reader types no marks
        {
            "case-latin-fold",
            "Erdoğan Erdogan São Paulo Kılıçdaroğlu Zürich Ægypt Straße Øresund Łódź Đorđević Þór Œuvre Ħal Smørrebrød"
        },
        {"case-latin-fold-stopword", "à la carte, où était-il"},
        // a token with an Arabic letter keeps its Latin marks: only Latin tokens are folded
        {"case-latin-fold-not-arabic", "Erdoğanأردوغان Москва́ café"},
        {"case-mixed-script", "قال مسؤول في Reuters إن SANA نقلت"},
        {"case-mixed-token", "SANAسانا abc١٢٣"},
        {"case-english-forms", "The generously communicated agreements weren't skies' news"},
        {
            "case-english-exceptions",
            "skis skies dying lying tying idly gently ugly early only singly sky news howe atlas cosmos bias andes"
        },
        {"case-english-exception2", "inning innings outing outings canning herring earring proceed exceed succeed"},
        {"case-other-scripts", "Москва 北京 한국어 東京"},
        {"case-devanagari-digits", "१२३ ๑๒๓"},
        {"case-emoji", "😀 سانا 👍🏽 test"},
        {"case-url", "https://telegram.me/SyrianArabNewsAgency"},
        {"case-hangul-jamo", "\u1100\u1161\u11A8 \u3131\u314F"},
        {"case-superscript-fraction", "x² ½ ℃ №5"},
        {"case-empty", ""},
        {"case-punctuation-only", " ،؛؟ - … “”"},
        // 64 letters get a term, 65 none (TextAnalyzer.MAX_WORD_CHARS): a pasted blob, not a word
        {"case-word-64-letters", "a".repeat(60) + "bcde" + " دمشق"},
        {"case-word-65-letters", "a".repeat(60) + "bcdef" + " دمشق " + "ب".repeat(65)},
        // words with a second reading (readings.tsv holds it): their one term here is the spelling's without the mark
        {"case-reading-hamza-alif", "ألعاب الألعاب العاب وألعاب إلغاء آلاف لآلاف الأمن"},
        {"case-reading-tanween", "عاماً عامًا عاما جسراً جداً أيضاً"},
        // issue 13's false friends: ة pairs of two words kept apart (protected.txt), one word's genders joined, and
        // root-و words (waw-root.txt: their one term here; the reading they lose is FalseFriendsTest's)
        {"case-ta-pair-university", "جامع جامعة الجامعة بجامعة الجامعات جامعته كبير كبيرة"},
        {"case-ta-pair-article", "كتاب كتابه الكتابة للكتابة عمل عمله العملة بالعملة العملات"},
        {"case-waw-root", "وزارة الوزارة ووزارة وزارات وجود الجودة وقال وشهدت"},
    };

    public static void main(String[] args) {
        generate(args.length > 0 ? Path.of(args[0]) : DIR);
    }

    static void generate(Path dir) {
        TextAnalyzer analyzer = TextAnalyzer.standard();
        List<String[]> inputs = inputs(dir);
        List<Vector> vectors = new ArrayList<>();
        try (LuceneReference lucene = new LuceneReference()) {
            for (String[] in : inputs) {
                vectors.add(vector(in[0], in[1], analyzer, lucene));
            }
        }
        write(
                dir.resolve("vectors.tsv"),
                vectorsHeader(vectors),
                vectors.stream().map(Vector::format).toList());
        write(
                dir.resolve("porter2.tsv"),
                List.of(
                        "# word<TAB>stem, as Lucene's Snowball EnglishStemmer gives it. Generated by VectorsGenerator;",
                        "# do not edit. Words: every Latin token of vectors.tsv, two suffixed forms of each, and the",
                        "# algorithm's exceptional forms."),
                porter2Lines(vectors, analyzer));
        write(dir.resolve("chartable.tsv"), chartableHeader(), chartableLines());
        write(dir.resolve("client-data.json"), List.of(), List.of(analyzer.clientData()));
        ReadingVectors.write(dir, inputs, analyzer);
    }

    static List<String[]> inputs(Path dir) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String[] c : CASES) {
                out.add(c);
            }
            List<String> sample = Files.readAllLines(dir.resolve("sana-sample.txt"), StandardCharsets.UTF_8);
            for (int i = 0; i < sample.size(); i++) {
                if (!sample.get(i).isBlank()) {
                    out.add(new String[] {"sana-000-line" + (i + 1), sample.get(i)});
                }
            }
            List<String> ud = Files.readAllLines(dir.resolve("ud-arabic-pud-parallel.tsv"), StandardCharsets.UTF_8);
            for (String line : ud.subList(1, ud.size())) {
                String[] f = line.split("\t", -1);
                out.add(new String[] {"ud-" + f[1] + "-ar", f[2]});
                out.add(new String[] {"ud-" + f[1] + "-en", f[3]});
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Vector vector(String id, String input, TextAnalyzer analyzer, LuceneReference lucene) {
        List<Tok> toks = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        for (Analyzed a : analyzer.analyze(input)) {
            String surface = input.substring(a.start(), a.end());
            Script script = TextAnalyzer.script(a.normalized());
            String ours = a.term();
            String luc = lucene.term(surface, script);
            if (ours != null) {
                terms.add(ours);
            }
            // a Latin word is folded first (F), so its term is the stem of the folded word
            String folded = script == Script.LATIN ? LatinFold.fold(a.normalized()) : a.normalized();
            boolean folds = !folded.equals(a.normalized());
            String codes = explain(
                    id, surface, a, ours, luc, lucene.normalize(surface), LuceneReference.stem(folded, script), folds);
            toks.add(new Tok(a.start(), a.end(), display(ours), codes.isEmpty() ? display(ours) : display(luc), codes));
        }
        if (!terms.equals(analyzer.terms(input))) {
            throw new IllegalStateException(id + ": analyze() and terms() disagree");
        }
        return new Vector(id, input, terms, toks);
    }

    /**
     * The departures that explain why Arshif's term differs from Lucene's ("" if it does not).
     * If Lucene's normalization of the token's text differs from Arshif's normalized token,
     * normalization is (part of) the cause: N. If Arshif's term differs from Lucene's stemmer run on
     * Arshif's normalized token, the stemming step is, and only the protected list (P) and the
     * variant map (V) and the proclitics (C) may cause that; anything else is an error.
     */
    private static String explain(
            String id,
            String surface,
            Analyzed a,
            String ours,
            String luc,
            String lucNormalized,
            String lucStemOfOurs,
            boolean folds) {
        if (Objects.equals(ours, luc)) {
            return "";
        }
        if (ours == null || luc == null) {
            if (ours == null) {
                return a.rule() == Rule.TOO_LONG ? "L" : folds ? "F" : "S";
            }
            throw new IllegalStateException(
                    id + ": Lucene drops \"" + surface + "\" as a stopword and Arshif keeps it");
        }
        List<String> codes = new ArrayList<>();
        if (!a.normalized().equals(lucNormalized)) {
            codes.add("N");
        }
        if (folds) {
            codes.add("F");
        }
        if (!ours.equals(lucStemOfOurs)) {
            switch (a.rule()) {
                case PROTECTED -> codes.add("P");
                case VARIANT -> codes.add("V");
                case CLITIC -> codes.add("C");
                default ->
                    throw new IllegalStateException(id + ": unexplained difference from Lucene for \""
                            + surface + "\": ours " + ours + ", Lucene " + luc + " (Lucene stems "
                            + a.normalized() + " to " + lucStemOfOurs + ")");
            }
        }
        if (codes.isEmpty()) {
            throw new IllegalStateException(id + ": no departure found for \"" + surface + "\"");
        }
        return String.join("+", codes);
    }

    private static String display(String term) {
        return term == null ? ParityVectors.STOP : term;
    }

    private static List<String> vectorsHeader(List<Vector> vectors) {
        return List.of(
                "# Arshif analyzer parity vectors: Java (TextAnalyzer) and JS (analyzer.js) must both give these",
                "# terms and tokens; Lucene's reference term sits next to every token that departs from it.",
                "# Generated by VectorsGenerator from sana-sample.txt, ud-arabic-pud-parallel.tsv (UD Arabic-PUD,",
                "# CC BY-SA 3.0) and hand-written cases; do not edit. See generator/ANALYSIS.md.",
                "# Columns: id <TAB> input (\\\\ \\t \\n \\r escaped) <TAB> terms <TAB> tokens.",
                "# tokens: start,end,term (Lucene agrees) or start,end,term,lucene,codes; term '-' is a stopword;",
                "# codes: N normalization, S stopword order, P protected word, V variant map, C proclitics, L a word over 64 letters (no term),",
                "# F a Latin word folded (Erdoğan: erdogan).",
                "# Counts: " + vectors.size() + " vectors; tokens per code "
                        + ParityVectors.codeCounts(vectors).toString().replace("{=", "{agree=") + ".");
    }

    private static final String[] SUFFIXES = {
        "s", "es", "ed", "ing", "ly", "ness", "ful", "ation", "ational", "izer", "ies", "ied", "eed", "eedly", "ingly",
        "edly", "ement", "ive", "ous", "li", "y", "e", "al", "ent", "ism", "ible", "ance"
    };

    private static final String[] PORTER2_EXTRA = {
        "skis",
        "skies",
        "dying",
        "lying",
        "tying",
        "idly",
        "gently",
        "ugly",
        "early",
        "only",
        "singly",
        "sky",
        "news",
        "howe",
        "atlas",
        "cosmos",
        "bias",
        "andes",
        "inning",
        "innings",
        "outing",
        "outings",
        "canning",
        "cannings",
        "herring",
        "herrings",
        "earring",
        "earrings",
        "proceed",
        "proceeds",
        "exceed",
        "exceeding",
        "succeed",
        "succeeded",
        "generous",
        "generously",
        "generate",
        "communism",
        "communication",
        "arsenal",
        "arsenic",
        "'quote'",
        "'s",
        "dog's",
        "dogs'",
        "y",
        "yy",
        "ay",
        "ayy",
        "say",
        "sayyid",
        "youth",
        "boy",
        "boys",
        "cry",
        "cries",
        "ties",
        "tied",
        "hoping",
        "hopping",
        "bleed",
        "feed",
        "agreed",
        "ab",
        "abs",
        "a",
        "is",
        "as",
        "us",
        "gas",
        "gaps",
        "kiwis",
        "caress",
        "consign",
        "consigned",
        "knack",
        "knightly",
        "phraseology",
        "fluently",
        "hopeful",
        "happily",
        "luxuriating",
        "controll",
        "rolled",
        "troubled",
        "sized",
        "fizzed",
        "failing",
        "filing",
        "agreement",
        "national",
        "rational",
        "emotional",
        "abatement",
        "adjustable",
        "allowance",
        "hinderingly",
        "yearly",
        "crying",
        "yelling",
        "eyes"
    };

    private static List<String> porter2Lines(List<Vector> vectors, TextAnalyzer analyzer) {
        TreeSet<String> base = new TreeSet<>();
        for (Vector v : vectors) {
            for (Analyzed a : analyzer.analyze(v.input())) {
                if (TextAnalyzer.script(a.normalized()) == Script.LATIN) {
                    base.add(a.normalized());
                }
            }
        }
        TreeSet<String> words = new TreeSet<>(base);
        for (String w : base) {
            int h = Math.floorMod(w.hashCode(), SUFFIXES.length);
            words.add(w + SUFFIXES[h]);
            words.add(w + SUFFIXES[(h + 7) % SUFFIXES.length]);
        }
        words.addAll(List.of(PORTER2_EXTRA));
        List<String> lines = new ArrayList<>();
        for (String w : words) {
            String stem = LuceneReference.porter2(w);
            if (!stem.equals(Porter2Stemmer.stem(w))) {
                throw new IllegalStateException("Porter2 differs from Snowball for " + w);
            }
            lines.add(w + "\t" + stem);
        }
        return lines;
    }

    private static List<String> chartableHeader() {
        return List.of(
                "# What Java's analyzer does with each BMP code point alone. Generated by VectorsGenerator; do not edit.",
                "# U from-to: unassigned in Java 17 (Unicode 13); the JS test skips these, newer Unicode may differ.",
                "# T from-to: token characters [\\p{L}\\p{Nd}].   B from-to: NFKC segment boundaries.",
                "# M cp<TAB>hex code points: normalize(cp) when it is not cp itself (empty: deleted).",
                "# F cp<TAB>hex code points: the Latin fold of cp (LatinFold, analyzer.js foldLatin) when it changes cp.");
    }

    private static List<String> chartableLines() {
        List<String> lines = new ArrayList<>();
        TreeMap<Integer, String> mapped = new TreeMap<>();
        ranges(lines, "U", cp -> !Character.isDefined(cp));
        ranges(lines, "T", TextNormalizer::isTokenChar);
        ranges(lines, "B", TextNormalizer::isBoundary);
        TextAnalyzer analyzer = TextAnalyzer.standard();
        for (int cp = 0; cp < 0x10000; cp++) {
            if (Character.isSurrogate((char) cp)) {
                continue;
            }
            String s = Character.toString(cp);
            String n = analyzer.normalize(s);
            if (!n.equals(s)) {
                StringBuilder hex = new StringBuilder();
                n.codePoints()
                        .forEach(c -> hex.append(hex.length() == 0 ? "" : " ").append(hex(c)));
                mapped.put(cp, hex.toString());
            }
        }
        mapped.forEach((cp, hex) -> lines.add("M\t" + hex(cp) + "\t" + hex));
        for (int cp = 0; cp < 0x10000; cp++) {
            String s = Character.toString(cp);
            String f = Character.isSurrogate((char) cp) ? s : LatinFold.fold(s);
            if (!f.equals(s)) {
                StringBuilder hex = new StringBuilder();
                f.codePoints()
                        .forEach(c -> hex.append(hex.length() == 0 ? "" : " ").append(hex(c)));
                lines.add("F\t" + hex(cp) + "\t" + hex);
            }
        }
        return lines;
    }

    private static void ranges(List<String> lines, String tag, java.util.function.IntPredicate p) {
        int from = -1;
        for (int cp = 0; cp <= 0x10000; cp++) {
            boolean in = cp < 0x10000 && !Character.isSurrogate((char) cp) && p.test(cp);
            if (in && from < 0) {
                from = cp;
            } else if (!in && from >= 0) {
                lines.add(tag + "\t" + hex(from) + "-" + hex(cp - 1));
                from = -1;
            }
        }
    }

    private static String hex(int cp) {
        return String.format(java.util.Locale.ROOT, "%04X", cp);
    }

    private static void write(Path file, List<String> header, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        header.forEach(h -> sb.append(h).append('\n'));
        lines.forEach(l -> sb.append(l).append('\n'));
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
