package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.search.index.internal.DocTerms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCacheTest {
    private static final IndexAnalyzer ANALYZER = IndexAnalyzer.standard();

    @Test
    void keysTellLanguageTitleAndBodyApart() {
        List<Object> keys = List.of(
                AnalysisCache.key("ar", "ab", "c"),
                AnalysisCache.key("ar", "a", "bc"),
                AnalysisCache.key("en", "ab", "c"),
                AnalysisCache.key("ar", "", "abc"),
                AnalysisCache.key("ar", "abc", ""),
                AnalysisCache.key("ar", "c", "ab"));
        assertEquals(keys.size(), keys.stream().distinct().count(), keys.toString());
        assertEquals(AnalysisCache.key("ar", "عنوان", "نص"), AnalysisCache.key("ar", "عنوان", "نص"));
    }

    @Test
    void savedAnalysesAreReadBackAndOnlyChangedTextIsAnalysedAgain(@TempDir Path dir) {
        Path file = dir.resolve("analyses.bin");
        AnalysisCache first = AnalysisCache.open(file, "v1");
        DocTerms a = first.analyze(ANALYZER, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية");
        first.analyze(ANALYZER, "en", "Summit", "The presidents met in Sochi.");
        assertEquals(2, first.misses());
        first.save(file, "v1");

        AnalysisCache second = AnalysisCache.open(file, "v1");
        DocTerms again = second.analyze(ANALYZER, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية");
        second.analyze(ANALYZER, "en", "Summit", "The presidents met in Sochi, again.");
        assertEquals(List.of(1, 1), List.of(second.hits(), second.misses()));
        assertArrayEquals(a.terms(), again.terms());
        assertArrayEquals(a.positions(), again.positions());
        assertEquals(List.of(a.titleLength(), a.bodyLength()), List.of(again.titleLength(), again.bodyLength()));

        AnalysisCache otherVersion = AnalysisCache.open(file, "v2");
        otherVersion.analyze(ANALYZER, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية");
        assertEquals(List.of(0, 1), List.of(otherVersion.hits(), otherVersion.misses()), "another version: empty");
    }

    @Test
    void aFileOfTheOldFormatIsAnEmptyCache(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("analyses.bin");
        AnalysisCache cache = AnalysisCache.open(file, "v1");
        cache.analyze(ANALYZER, "en", "Title", "Body text.");
        cache.save(file, "v1");
        byte[] saved = Files.readAllBytes(file);
        assertEquals(3, saved[0], "format 3: the analyses hold surface keys");
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        old.write(2);
        old.write(saved, 1, saved.length - 1);
        Files.write(file, old.toByteArray());
        AnalysisCache reopened = AnalysisCache.open(file, "v1");
        reopened.analyze(ANALYZER, "en", "Title", "Body text.");
        assertEquals(List.of(0, 1), List.of(reopened.hits(), reopened.misses()));
    }
}
