package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.arshif.search.analysis.TextAnalyzer;
import org.arshif.search.index.internal.DocTerms;
import org.arshif.search.index.internal.FreshAnalysis;
import org.arshif.search.index.internal.TermSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisCacheTest {
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();

    /** What the index writer does: a miss is analysed with the cache's key ids. */
    private static DocTerms analyze(AnalysisCache cache, String lang, String title, String body) {
        TermSource words = TermSource.of(ANALYZER);
        return cache.analyze(lang, title, body, new FreshAnalysis(words, cache.ids()));
    }

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
        DocTerms a = analyze(first, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية");
        analyze(first, "en", "Summit", "The presidents met in Sochi.");
        assertEquals(2, first.misses());
        first.save(file, "v1");

        AnalysisCache second = AnalysisCache.open(file, "v1");
        DocTerms again = analyze(second, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية");
        analyze(second, "en", "Summit", "The presidents met in Sochi, again.");
        assertEquals(List.of(1, 1), List.of(second.hits(), second.misses()));
        assertArrayEquals(a.terms(), again.terms());
        assertArrayEquals(a.positionStart(), again.positionStart());
        assertArrayEquals(a.positions(), again.positions());
        assertEquals(List.of(a.titleLength(), a.bodyLength()), List.of(again.titleLength(), again.bodyLength()));

        AnalysisCache otherVersion = AnalysisCache.open(file, "v2");
        analyze(otherVersion, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية");
        assertEquals(List.of(0, 1), List.of(otherVersion.hits(), otherVersion.misses()), "another version: empty");
    }

    @Test
    void aFileOfTheOldFormatIsAnEmptyCache(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("analyses.bin");
        byte[] saved = savedWithOneAnalysis(file);
        assertEquals(4, saved[0], "format 4: each analysis is preceded by its length");
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        old.write(3);
        old.write(saved, 1, saved.length - 1);
        Files.write(file, old.toByteArray());
        AnalysisCache reopened = AnalysisCache.open(file, "v1");
        analyze(reopened, "en", "Title", "Body text.");
        assertEquals(List.of(0, 1), List.of(reopened.hits(), reopened.misses()));
    }

    @Test
    void aTextAnalysedTwiceInOneBuildComesBackTheSameFromItsEncoding() {
        AnalysisCache cache = AnalysisCache.empty();
        DocTerms first = analyze(cache, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية الرئيس");
        DocTerms second = analyze(cache, "ar", "قمة في سوتشي", "بحث الرئيس الروسي الوضع في سورية الرئيس");
        assertEquals(List.of(0, 1), List.of(cache.hits(), cache.misses()));
        assertEquals(canonical(first), canonical(second));
    }

    @Test
    void aCacheOfManyBuffersIsSavedWholeAndReadBack(@TempDir Path dir) {
        Path file = dir.resolve("analyses.bin");
        AnalysisCache first = AnalysisCache.open(file, "v1");
        List<DocTerms> analysed = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            analysed.add(analyze(first, "en", "Dispatch " + i, body(i)));
        }
        first.save(file, "v1");
        AnalysisCache second = AnalysisCache.open(file, "v1");
        for (int i = 0; i < 400; i++) {
            DocTerms again = analyze(second, "en", "Dispatch " + i, body(i));
            assertEquals(canonical(analysed.get(i)), canonical(again), "dispatch " + i);
        }
        assertEquals(List.of(400, 0), List.of(second.hits(), second.misses()));
    }

    @Test
    void analysesSetAsideInTheSpillFileAreSavedAsThoseHeldInTheHeap(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cache").resolve("analyses.bin");
        Path heapFile = dir.resolve("heap.bin");
        AnalysisCache spilled = AnalysisCache.open(file, "v1"); // a cache with a file: its analyses go to disk
        AnalysisCache held = AnalysisCache.empty(); // none: they stay in the heap
        List<DocTerms> analysed = new ArrayList<>();
        for (int i = 399; i >= 0; i--) { // not in key order: the save sorts
            analysed.add(analyze(spilled, "en", "Dispatch " + i, body(i)));
            analyze(held, "en", "Dispatch " + i, body(i));
        }
        // a text asked for again is read back from where it was set aside
        DocTerms again = analyze(spilled, "en", "Dispatch 7", body(7));
        assertEquals(canonical(analysed.get(399 - 7)), canonical(again));
        assertEquals(List.of(0, 400), List.of(spilled.hits(), spilled.misses()));
        spilled.save(file, "v1");
        held.save(heapFile, "v1");
        assertArrayEquals(Files.readAllBytes(heapFile), Files.readAllBytes(file), "the same file either way");
        try (Stream<Path> list = Files.list(file.getParent())) {
            assertEquals(
                    List.of("analyses.bin"),
                    list.map(p -> p.getFileName().toString()).toList(),
                    "no spill left");
        }
        AnalysisCache reopened = AnalysisCache.open(file, "v1");
        for (int i = 0; i < 400; i++) {
            assertEquals(
                    canonical(analysed.get(399 - i)), canonical(analyze(reopened, "en", "Dispatch " + i, body(i))));
        }
        assertEquals(List.of(400, 0), List.of(reopened.hits(), reopened.misses()));
    }

    @Test
    void aCacheClosedBeforeItsSaveLeavesTheFileItReadAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("analyses.bin");
        byte[] saved = savedWithOneAnalysis(file);
        try (AnalysisCache failed = AnalysisCache.open(file, "v1")) {
            analyze(failed, "en", "Another title", "Another body."); // set aside; the build then stops
        }
        try (Stream<Path> list = Files.list(dir)) {
            assertEquals(
                    List.of("analyses.bin"),
                    list.map(p -> p.getFileName().toString()).toList());
        }
        assertArrayEquals(saved, Files.readAllBytes(file));
    }

    /** A body of words of its own, so that the key dictionary and the entries outgrow one 64 KB buffer. */
    private static String body(int i) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < 60; w++) {
            b.append("word").append(Integer.toString(i * 60 + w, 26)).append(w % 7 == 0 ? ". " : " ");
        }
        return b.toString();
    }

    /** A document's analysis by key id (an entry read back lists its keys by id, a fresh one as they came). */
    private static String canonical(DocTerms d) {
        TreeMap<Integer, String> byId = new TreeMap<>();
        for (int i = 0; i < d.size(); i++) {
            byId.put(d.terms()[i], d.titleTf()[i] + "/" + d.bodyTf()[i] + " " + Arrays.toString(d.positionsOf(i)));
        }
        return d.titleLength() + " " + d.bodyLength() + " " + byId;
    }

    /** A cache file of one English analysis, written at {@code file}; its bytes. */
    private static byte[] savedWithOneAnalysis(Path file) throws Exception {
        AnalysisCache cache = AnalysisCache.open(file, "v1");
        analyze(cache, "en", "Title", "Body text.");
        cache.save(file, "v1");
        return Files.readAllBytes(file);
    }
}
