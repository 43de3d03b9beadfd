package org.arshif.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.arshif.search.analysis.ParityVectors.Tok;
import org.arshif.search.analysis.ParityVectors.Vector;
import org.arshif.search.analysis.TextAnalyzer.Analyzed;
import org.arshif.search.analysis.internal.ArabicLightStemmer;
import org.arshif.search.analysis.internal.Porter2Stemmer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared parity vectors, Java side: the analyzer reproduces every vector, the Lucene column is
 * what Lucene really says, and every departure from Lucene is one of the documented ones.
 * {@code src/test/js/vectors.test.js} runs the same file through {@code analyzer.js}.
 *
 * <p>With {@code -Darshif.regenerateVectors=true} it first regenerates the file (see
 * {@link VectorsGenerator}).
 */
class ParityVectorsTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();
    private static List<Vector> vectors;

    static Path dir() {
        Path here = VectorsGenerator.DIR;
        return Files.isDirectory(here) ? here : Path.of("generator").resolve(here);
    }

    @BeforeAll
    static void load() {
        if (Boolean.getBoolean("arshif.regenerateVectors")) {
            VectorsGenerator.generate(dir());
        }
        vectors = ParityVectors.read(dir().resolve("vectors.tsv"));
    }

    @Test
    void vectorsAreManyAndDrawnFromRealTextInBothLanguages() {
        assertTrue(vectors.size() >= 1000, "at least 1,000 vectors");
        long ar = vectors.stream()
                .filter(v -> v.id().startsWith("ud-") && v.id().endsWith("-ar"))
                .count();
        long en = vectors.stream()
                .filter(v -> v.id().startsWith("ud-") && v.id().endsWith("-en"))
                .count();
        long sana = vectors.stream().filter(v -> v.id().startsWith("sana-")).count();
        assertEquals(1000, ar);
        assertEquals(1000, en);
        assertTrue(sana >= 20, "every line of the SANA sample");
        assertEquals(vectors.size(), vectors.stream().map(Vector::id).distinct().count(), "ids are unique");
    }

    @Test
    void javaAnalyzerGivesEveryWordItsReadingsAsTheFileHoldsThem() throws IOException {
        List<String> problems = ReadingVectors.check(dir(), ANALYZER);
        assertTrue(problems.isEmpty(), () -> problems.size() + " words differ:\n" + head(problems));
        List<String> lines = Files.readAllLines(dir().resolve(ReadingVectors.FILE), StandardCharsets.UTF_8);
        long hamza = lines.stream()
                .filter(l -> l.matches("^[^#]*[\u0622\u0623\u0625]\u0644.*\t.+"))
                .count();
        long tanween =
                lines.stream().filter(l -> l.matches("^[^#]*\u064B.*\t.+")).count();
        assertTrue(hamza >= 20 && tanween >= 100, "both marks have readings: " + hamza + ", " + tanween);
        assertTrue(
                lines.contains("ألعاب\tالعاب العاب") && lines.contains("عاماً\tعام عام") && lines.contains("العاب\t"));
    }

    @Test
    void javaAnalyzerReproducesEveryVector() {
        List<String> problems = ParityVectors.checkParity(vectors, ANALYZER);
        assertTrue(problems.isEmpty(), () -> problems.size() + " vectors differ:\n" + head(problems));
    }

    @Test
    void everyDepartureFromLuceneIsADocumentedOne() {
        List<String> problems = ParityVectors.checkDepartures(vectors, ANALYZER);
        assertTrue(problems.isEmpty(), () -> head(problems));
        Map<String, Integer> counts = ParityVectors.codeCounts(vectors);
        for (String code : List.of("N", "S", "P", "V", "C", "L", "F")) {
            assertTrue(counts.getOrDefault(code, 0) > 0, "the vectors exercise departure " + code);
        }
        int agree = counts.get("");
        int all = vectors.stream().mapToInt(v -> v.tokens().size()).sum();
        assertTrue(
                agree > all * 0.95, // C (و kept, issue 13) adds about 2 %, V and P (names, countries) about 1 %
                "nearly all tokens agree with Lucene: " + agree + " of " + all);
    }

    @Test
    void luceneColumnIsWhatLuceneSays() {
        try (LuceneReference lucene = new LuceneReference()) {
            List<String> problems = new ArrayList<>();
            for (Vector v : vectors) {
                for (Tok t : v.tokens()) {
                    String surface = v.input().substring(t.start(), t.end());
                    String normalized = ANALYZER.normalize(surface);
                    String luc = lucene.term(surface, TextAnalyzer.script(normalized));
                    if (!t.lucene().equals(luc == null ? ParityVectors.STOP : luc)) {
                        problems.add(v.id() + " " + t.format() + ": Lucene says " + luc);
                    }
                }
            }
            assertTrue(problems.isEmpty(), () -> head(problems));
        }
    }

    /** Departure (a): with the lists out of the way, the stemmers are Lucene's, token by token. */
    @Test
    void stemmersEqualLuceneOnEveryVectorToken() {
        int arabic = 0;
        int latin = 0;
        for (Vector v : vectors) {
            for (Analyzed a : ANALYZER.analyze(v.input())) {
                String w = a.normalized();
                switch (TextAnalyzer.script(w)) {
                    case ARABIC -> {
                        assertEquals(LuceneReference.arabicStem(w), ArabicLightStemmer.stem(w), w);
                        arabic++;
                    }
                    case LATIN -> {
                        assertEquals(LuceneReference.porter2(w), Porter2Stemmer.stem(w), w);
                        latin++;
                    }
                    case OTHER -> assertEquals(w, a.term() == null ? w : a.term(), "other scripts are kept");
                }
            }
        }
        assertTrue(arabic > 10_000 && latin > 10_000, arabic + " Arabic, " + latin + " Latin tokens");
    }

    @Test
    void stopwordListsAreLucenesVerbatim() {
        AnalysisData data = ANALYZER.data();
        assertEquals(new TreeSet<>(data.stopwordsAr()), luceneSet(ArabicAnalyzer.getDefaultStopSet()));
        assertEquals(
                data.stopwordsAr().size(), ArabicAnalyzer.getDefaultStopSet().size(), "no duplicates");
        assertEquals(new TreeSet<>(data.stopwordsEn()), luceneSet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    }

    private static Set<String> luceneSet(org.apache.lucene.analysis.CharArraySet set) {
        Set<String> out = new TreeSet<>();
        for (Object o : set) {
            out.add(new String((char[]) o));
        }
        return out;
    }

    // --- The checks can fail: feed them vectors with an undocumented departure. -------------------

    @Test
    void checkerRejectsADifferenceWithoutACode() {
        Vector v = ParityVectors.read(dir().resolve("vectors.tsv")).stream()
                .filter(x -> x.id().equals("case-tatweel"))
                .findFirst()
                .orElseThrow();
        Tok t = v.tokens().get(0);
        // Claim Lucene says something else, with a code that does not apply: tatweel is not a departure.
        Vector tampered = new Vector(
                v.id(), v.input(), v.terms(), List.of(new Tok(t.start(), t.end(), t.term(), "ميدانيه", "N")));
        assertFalse(ParityVectors.checkDepartures(List.of(tampered), ANALYZER).isEmpty());
    }

    /** The checker's findings on the protected-لبنان vector with every departing token's code set to {@code code}. */
    private List<String> departuresWithCode(String code) {
        Vector v = vectors.stream()
                .filter(x -> x.id().equals("case-protected-lebanon"))
                .findFirst()
                .orElseThrow();
        List<Tok> toks = new ArrayList<>();
        for (Tok t : v.tokens()) {
            toks.add(t.agrees() ? t : new Tok(t.start(), t.end(), t.term(), t.lucene(), code));
        }
        return ParityVectors.checkDepartures(List.of(new Vector(v.id(), v.input(), v.terms(), toks)), ANALYZER);
    }

    @Test
    void checkerRejectsAWrongCode() {
        assertFalse(departuresWithCode("V").isEmpty(), "لبنان is protected, not a variant");
    }

    @Test
    void checkerRejectsAProcliticCodeOnAWordWithoutAConjunction() {
        assertFalse(departuresWithCode("C").isEmpty(), "لبنان and اللبنانية start with no و or ف");
    }

    @Test
    void checkerRejectsAFoldCodeOnAnArabicWord() {
        assertFalse(departuresWithCode("F").isEmpty(), "لبنان has no Latin letter to fold");
    }

    @Test
    void checkerRejectsACodeWhereLuceneAgrees() {
        Vector v = vectors.stream()
                .filter(x -> x.id().equals("case-fi-yeh"))
                .findFirst()
                .orElseThrow();
        Tok t = v.tokens().get(1);
        Vector tampered = new Vector(
                v.id(),
                v.input(),
                v.terms(),
                List.of(v.tokens().get(0), new Tok(t.start(), t.end(), t.term(), t.term(), "N")));
        assertFalse(ParityVectors.checkDepartures(List.of(tampered), ANALYZER).isEmpty());
    }

    @Test
    void checkerRejectsAStopwordCodeForAWordOnLucenesList() {
        // في is on Lucene's list as written, so Lucene keeping it cannot be the stopword-order departure.
        Vector tampered = new Vector("t", "في", List.of(), List.of(new Tok(0, 2, "-", "في", "S")));
        assertFalse(ParityVectors.checkDepartures(List.of(tampered), ANALYZER).isEmpty());
    }

    @Test
    void generatorRefusesAnUndocumentedDeparture() {
        // Without the Arabic stopwords, Arshif would keep في where Lucene drops it: not documented.
        AnalysisData d = ANALYZER.data();
        TextAnalyzer noArabicStopwords =
                TextAnalyzer.of(new AnalysisData(d.protectedWords(), d.variants(), List.of(), d.stopwordsEn()));
        try (LuceneReference lucene = new LuceneReference()) {
            assertThrows(
                    IllegalStateException.class,
                    () -> VectorsGenerator.vector("odd", "في سورية", noArabicStopwords, lucene));
        }
    }

    @Test
    void parityCheckCatchesAnAnalyzerThatDiffers() {
        AnalysisData d = ANALYZER.data();
        TextAnalyzer unprotected =
                TextAnalyzer.of(new AnalysisData(List.of(), d.variants(), d.stopwordsAr(), d.stopwordsEn()));
        assertFalse(ParityVectors.checkParity(vectors, unprotected).isEmpty());
    }

    // --- The generated companions are current. ----------------------------------------------------

    @Test
    void clientDataFileIsCurrent() throws IOException {
        assertEquals(
                ANALYZER.clientData() + "\n",
                Files.readString(dir().resolve("client-data.json"), StandardCharsets.UTF_8));
    }

    @Test
    void porter2FileIsSnowballsAndOurs() throws IOException {
        int n = 0;
        for (String line : Files.readAllLines(dir().resolve("porter2.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertEquals(LuceneReference.porter2(f[0]), f[1], f[0]);
            assertEquals(f[1], Porter2Stemmer.stem(f[0]), f[0]);
            n++;
        }
        assertTrue(n > 10_000, n + " words");
    }

    @Test
    void vectorsFileIsWhatTheGeneratorWrites() {
        // The committed file matches a fresh generation (so nobody edited it by hand).
        List<String[]> inputs = VectorsGenerator.inputs(dir());
        assertEquals(inputs.size(), vectors.size());
        try (LuceneReference lucene = new LuceneReference()) {
            for (int i = 0; i < inputs.size(); i++) {
                Vector fresh = VectorsGenerator.vector(inputs.get(i)[0], inputs.get(i)[1], ANALYZER, lucene);
                assertEquals(fresh.format(), vectors.get(i).format());
            }
        }
    }

    private static String head(List<String> problems) {
        return String.join("\n", problems.subList(0, Math.min(20, problems.size())));
    }
}
