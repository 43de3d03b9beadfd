package org.arshif.search.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists that keep issue 13's false friends apart: {@code waw-root.txt} and the ة pairs of protected.txt. */
class FalseFriendsTest {
    private static final TextAnalyzer A = TextAnalyzer.standard();
    private static final AnalysisData STANDARD = AnalysisData.standard();
    /** The standard lists without the root-و words: what the index held before them. */
    private static final TextAnalyzer WITHOUT_LIST = TextAnalyzer.of(new AnalysisData(
            STANDARD.protectedWords(), STANDARD.variants(), STANDARD.stopwordsAr(), STANDARD.stopwordsEn()));

    /** The index terms of one word, surface keys left out. */
    private static List<String> indexTerms(TextAnalyzer analyzer, String word) {
        List<String> terms = new ArrayList<>();
        analyzer.forEachIndexTerm(word, (t, p) -> terms.add(t));
        terms.removeIf(SurfaceKey::is);
        return terms;
    }

    @Test
    void aRootWawWordHasNoConjunctionReading() {
        assertEquals(List.of("وزار"), indexTerms(A, "وزارة"), "زار (visited) must not find the ministry");
        assertEquals(List.of("وزار"), indexTerms(A, "وزارات"), "an entry stands for its light stem");
        assertEquals(List.of("وجود"), indexTerms(A, "وجود"), "جود is الجودة's (quality) stem");
        assertEquals(List.of("جود"), A.terms("الجودة"));
        assertEquals(List.of("وزار", "زار"), indexTerms(WITHOUT_LIST, "وزارة"), "what the list takes away");
    }

    @Test
    void theCliticsAroundARootWawWordStillStrip() {
        for (String w : List.of("الوزارة", "والوزارة", "بالوزارة", "للوزارة")) {
            assertEquals(List.of("وزار"), indexTerms(A, w), w);
        }
        // و + وزارة ("and the ministry") keeps its reading: the listed word is the reading, not the token
        assertEquals(List.of("ووزار", "وزار"), indexTerms(A, "ووزارة"));
    }

    @Test
    void theVerbsNewsWritesAfterAndKeepTheirReading() {
        for (String w : List.of("وقال", "واشار", "وأشار", "وشهدت", "واكدت", "وأكدت", "ولفت", "وأضاف")) {
            List<String> terms = indexTerms(A, w);
            assertEquals(2, terms.size(), w + ": " + terms);
            assertEquals(A.terms(w.substring(1)).get(0), terms.get(1), w + ": a search for it without و finds it");
        }
    }

    @Test
    void everyListedWordHasAReadingToSuppressAndLosesIt() {
        assertTrue(STANDARD.rootWaw().size() >= 10, "the list is loaded: " + STANDARD.rootWaw());
        for (String w : STANDARD.rootWaw()) {
            assertEquals(2, indexTerms(WITHOUT_LIST, w).size(), w + " had a conjunction reading");
            assertEquals(1, indexTerms(A, w).size(), w + " has none now");
        }
    }

    @Test
    void theTaPairsThatAreTwoWordsStayApart() {
        String[][] pairs = {
            {"جامع", "جامعة"},
            {"جامع", "الجامعات"},
            {"عاد", "عادة"},
            {"مقابل", "المقابلة"},
            {"أشار", "إشارة"},
            {"كتاب", "الكتابة"},
            {"عمل", "العملة"}
        };
        for (String[] pair : pairs) {
            assertNotEquals(A.terms(pair[0]), A.terms(pair[1]), pair[0] + " / " + pair[1]);
        }
        // each joins its own inflections and clitics
        assertEquals(A.terms("جامعة"), A.terms("بالجامعات"));
        assertEquals(A.terms("الكتابة"), A.terms("للكتابة"));
        assertEquals(A.terms("العملة"), A.terms("العملات"));
        // one word in two genders is left alone, and كتابه "his book" stays the book's
        assertEquals(A.terms("كبير"), A.terms("كبيرة"));
        assertEquals(A.terms("كتاب"), A.terms("كتابه"));
    }

    @Test
    void aRootWawEntryMustBeABareWawWord() {
        for (String bad : List.of("الوزارة", "زيارة", "وعد")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class,
                    () -> TextAnalyzer.of(new AnalysisData(List.of(), List.of(), List.of(), List.of(), List.of(bad))));
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().contains("root-"), e.getMessage());
        }
    }

    @Test
    void theClientDataCarriesTheList() {
        assertTrue(A.clientData().contains(",\"rootWaw\":[\"واجهه\","), A.clientData());
    }
}
