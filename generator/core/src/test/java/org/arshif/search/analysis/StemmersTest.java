package org.arshif.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.TreeSet;
import org.arshif.search.analysis.internal.ArabicLightStemmer;
import org.arshif.search.analysis.internal.Porter2Stemmer;
import org.junit.jupiter.api.Test;

/** Both stemmers against Lucene's, live, on real vocabulary and on generated affix combinations. */
class StemmersTest {

    private static final String[] SUFFIXES = {
        "", "s", "es", "ed", "ing", "ly", "ness", "ful", "ation", "ational", "izer", "ies", "ied", "eed", "eedly",
        "ingly", "edly", "ement", "ive", "ous", "li", "y", "e", "al", "ent", "ism", "ible", "ance", "'s", "s'",
        "iveness", "fulness", "ousli", "biliti", "logi", "alli", "ator", "icate", "alize"
    };

    @Test
    void porter2IsSnowballEnglishOnTheUdVocabularyWithSuffixes() throws IOException {
        TreeSet<String> words = new TreeSet<>();
        for (String line : Files.readAllLines(
                ParityVectorsTest.dir().resolve("ud-arabic-pud-parallel.tsv"), StandardCharsets.UTF_8)) {
            for (String w : line.split("\t")[3].toLowerCase(Locale.ROOT).split("[^a-z']+")) {
                if (!w.isEmpty()) {
                    for (String s : SUFFIXES) {
                        words.add(w + s);
                    }
                }
            }
        }
        int n = 0;
        for (String w : words) {
            assertEquals(LuceneReference.porter2(w), Porter2Stemmer.stem(w), w);
            n++;
        }
        assertTrue(n > 200_000, n + " forms");
    }

    @Test
    void porter2ExceptionalForms() {
        String[][] cases = {
            {"skis", "ski"},
            {"skies", "sky"},
            {"dying", "die"},
            {"lying", "lie"},
            {"tying", "tie"},
            {"idly", "idl"},
            {"gently", "gentl"},
            {"ugly", "ugli"},
            {"early", "earli"},
            {"only", "onli"},
            {"singly", "singl"},
            {"sky", "sky"},
            {"news", "news"},
            {"howe", "howe"},
            {"atlas", "atlas"},
            {"cosmos", "cosmos"},
            {"bias", "bias"},
            {"andes", "andes"},
            {"innings", "inning"},
            {"outings", "outing"},
            {"cannings", "canning"},
            {"proceed", "proceed"},
            {"succeeding", "succeed"},
            {"generously", "generous"},
            {"communism", "communism"},
            {"arsenal", "arsenal"}
        };
        for (String[] c : cases) {
            assertEquals(c[1], Porter2Stemmer.stem(c[0]), c[0]);
            assertEquals(LuceneReference.porter2(c[0]), c[1], c[0]);
        }
    }

    private static final String[] PREFIXES = {"", "ال", "وال", "بال", "كال", "فال", "لل", "و", "ب", "ف", "وب"};
    private static final String[] AR_SUFFIXES = {
        "", "ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي", "يها", "تان", "يين", "اتها", "هما"
    };
    private static final String[] ROOTS = {
        "", "ك", "كت", "كتب", "مكتب", "مكتبه", "استقبال", "ان", "ين", "ها", "ي", "و", "ال"
    };

    @Test
    void arabicLightStemmerIsLucenesOnEveryAffixCombination() {
        int n = 0;
        for (String p : PREFIXES) {
            for (String r : ROOTS) {
                for (String s : AR_SUFFIXES) {
                    String w = p + r + s;
                    assertEquals(LuceneReference.arabicStem(w), ArabicLightStemmer.stem(w), w);
                    n++;
                }
            }
        }
        assertEquals(PREFIXES.length * ROOTS.length * AR_SUFFIXES.length, n);
    }

    @Test
    void arabicLightStemmerExamples() {
        assertEquals("كتاب", ArabicLightStemmer.stem("الكتاب"));
        assertEquals("لبن", ArabicLightStemmer.stem("لبنان"), "why لبنان is protected");
        assertEquals("ولد", ArabicLightStemmer.stem("ولد"), "و needs four letters");
        assertEquals("الد", ArabicLightStemmer.stem("والد"), "وال needs five letters, so only و goes");
        assertEquals("معلم", ArabicLightStemmer.stem("والمعلمون"));
        for (String w : new String[] {"الكتاب", "لبنان", "ولد", "والد", "والمعلمون"}) {
            assertEquals(LuceneReference.arabicStem(w), ArabicLightStemmer.stem(w), w);
        }
    }
}
