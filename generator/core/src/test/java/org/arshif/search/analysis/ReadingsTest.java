package org.arshif.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Words with two readings (issue 13, {@code ReadingMarks}): the index holds both at the word's position, a query
 * keeps the spelling's own term, and the spelling without the mark is analyzed as it always was.
 */
class ReadingsTest {
    private static final TextAnalyzer A = TextAnalyzer.standard();

    private static List<String> keys(String text) {
        List<String> keys = new ArrayList<>();
        A.forEachIndexTerm(text, (t, p) -> keys.add(t + "@" + p));
        return keys;
    }

    @Test
    void aWordInitialHamzaAlifBeforeLamAlsoReadsAsTheWordBehindTheArticle() {
        assertEquals(List.of("عاب@0", "عاب عاب@0", "العاب@0", "العاب العاب@0"), keys("ألعاب"));
        assertTrue(keys("الألعاب").contains("العاب@0"), "so ألعاب meets الألعاب");
        for (String[] pair : new String[][] {
            {"إلغاء", "الإلغاء"}, {"آلاف", "الآلاف"}, {"لآلاف", "الآلاف"}, {"وألعاب", "الألعاب"}, {"ألبوم", "الألبوم"}
        }) {
            String articleTerm = A.terms(pair[1]).get(0);
            assertTrue(keys(pair[0]).contains(articleTerm + "@0"), pair[0] + " holds " + articleTerm);
        }
    }

    @Test
    void withoutTheHamzaAWordKeepsItsOneReadingAndARealArticleKeepsIt() {
        assertEquals(List.of("عاب@0", "عاب عاب@0"), keys("العاب"), "العاب is ambiguous: as it always was");
        assertEquals(List.of("عاب"), A.terms("ألعاب"), "a query's term is the spelling's own");
        for (String w : List.of("الاقتصاد", "الأمن", "الأول", "الأمم", "الإمارات", "الآلات")) {
            List<String> k = keys(w);
            assertEquals(2, k.size(), w + " has no second reading: the hamza follows the article " + k);
        }
        assertEquals(2, keys("ألف").size(), "three letters: no article to read");
        assertEquals(List.of("يه@0", "يه يه@0"), keys("إليه"), "إلى + a pronoun: its reading would be ال");
        assertEquals(2, keys("سألعب").size(), "س is not a proclitic before a hamza");
    }

    @Test
    void theTanweenAlifAlsoReadsAsTheWordWithoutIt() {
        for (String w : List.of("عاماً", "عامًا", "عاماً,", "عامًّا")) {
            assertEquals(List.of("عاما@0", "عاما عاما@0", "عام@0", "عام عام@0"), keys(w), w);
        }
        assertEquals(List.of("عاما@0", "عاما عاما@0"), keys("عاما"), "typed without the mark: one reading");
        assertEquals(List.of("اقتصاديا@0", "اقتصاديا اقتصاديا@0", "اقتصاد@0", "اقتصاد اقتصادي@0"), keys("اقتصادياً"));
        assertEquals(
                List.of("جدا@0", "جدا جدا@0", "حسنا@1", "حسنا حسنا@1", "معا@2", "معا معا@2"),
                keys("جداً حسناً معاً"),
                "جد (Jeddah, grandfather) and the name حسن are other words; مع is a stopword");
        assertEquals(List.of(), keys("أيضاً"), "a stopword has no reading");
        assertEquals(
                List.of("خطا@0", "خطا خطا@0"), keys("خطأً"), "the alif of خطأً is the hamza's seat: not خط (line)");
        assertTrue(keys("جزءاً").contains("جزء@0"), "after a hamza on the line, the alif is the tanween's");
        assertEquals(List.of("عام", "عام"), A.readings("عاماً"));
    }

    @Test
    void bothMarksOnOneWordGiveBothReadingsAndPositionsStay() {
        assertEquals(
                List.of(
                        "عابا@0",
                        "عابا عابا@0",
                        "العابا@0",
                        "العابا العابا@0",
                        "عاب@0",
                        "عاب عاب@0",
                        "قال@1",
                        "قال قال@1"),
                keys("ألعاباً قال"));
        List<Token> tokens = A.tokens("قبل عاماً");
        assertEquals(List.of(new Token("عاما", 4, 9, 1)), tokens, "the offsets cover the mark");
    }

    @Test
    void theMarksDoNotChangeNormalizationOrTerms() {
        assertEquals("العاب عاما", A.normalize("ألعاب عاماً"));
        assertEquals(A.terms("العاب عاما"), A.terms("ألعاب عاماً"));
        assertFalse(keys("ألعاب").equals(keys("العاب")), "but the index reads them apart");
    }
}
