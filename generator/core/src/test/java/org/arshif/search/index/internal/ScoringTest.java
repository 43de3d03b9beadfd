package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.arshif.search.analysis.TextAnalyzer;
import org.junit.jupiter.api.Test;

/** Impacts (issue 13: titles weigh what readers expect) and the field lengths they are normalized by. */
class ScoringTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    @Test
    void aTitleHoldingTheWordOutranksAnyBodyThatOnlyRepeatsIt() {
        // doc 0: the word once, in a long title; doc 1: the word ten times in a short body, not in its title;
        // doc 2: the word once in the body
        Postings p = new Postings();
        p.add(0, 1, 0, new int[] {0});
        p.add(1, 0, 10, new int[] {0});
        p.add(2, 0, 1, new int[] {0});
        InvertedIndex index = new InvertedIndex(
                new String[] {"صور"}, new Postings[] {p}, new int[] {12, 3, 3}, new int[] {400, 40, 400});
        Scoring scoring = Scoring.of(index);
        int title = scoring.impact(0, 0);
        int repeated = scoring.impact(0, 1);
        int once = scoring.impact(0, 2);
        assertTrue(title > repeated, title + " > " + repeated);
        assertTrue(repeated > once, "BM25 still orders the bodies: " + repeated + " > " + once);
        assertTrue(title > IndexFormat.LEVELS / 2 && repeated <= IndexFormat.LEVELS / 2);
        assertEquals(0, scoring.topHits(0, 1)[0], "the best posting of a long list is the title's");
    }

    @Test
    void aShortTitleMadeOfTheQueryWordsOutranksALongTitleThatAlsoHoldsThem() {
        // «صور اقتصادية» against a 12-word title holding صور once (issue 13: ties went to the newest document)
        Postings p = new Postings();
        p.add(0, 1, 0, new int[] {0});
        p.add(1, 1, 3, new int[] {0});
        InvertedIndex index =
                new InvertedIndex(new String[] {"صور"}, new Postings[] {p}, new int[] {2, 12}, new int[] {100, 100});
        Scoring scoring = Scoring.of(index);
        assertTrue(scoring.impact(0, 0) > scoring.impact(0, 1), scoring.impact(0, 0) + " > " + scoring.impact(0, 1));
    }

    @Test
    void theConjunctionReadingOfAWordIsIndexedAtItsPositionWithoutLengtheningTheField() {
        TermIds ids = new TermIds();
        TermSource words = TermSource.of(ANALYZER);
        DocTerms d = new FreshAnalysis(words, ids).analyze("وقال الوزير", "وقود الخارجية وقال");
        assertEquals(2, d.titleLength(), "two words, not three terms");
        assertEquals(3, d.bodyLength());
        List<String> terms = Arrays.stream(d.terms()).mapToObj(ids::key).toList();
        assertTrue(terms.containsAll(List.of("وقال", "قال", "وقود", "قود")), terms.toString());
        int said = terms.indexOf("قال");
        int saidWithAnd = terms.indexOf("وقال");
        assertEquals(List.of(0, 5), Arrays.stream(d.positionsOf(said)).boxed().toList());
        assertArrayEquals(d.positionsOf(said), d.positionsOf(saidWithAnd), "both readings at the same positions");
        assertEquals(0, d.positionsOf(terms.indexOf("وقال وقال")).length, "a surface key keeps no positions");
    }
}
