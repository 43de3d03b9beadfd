package org.arshif.search.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arshif.search.Conflation;
import org.arshif.search.SearchDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stems whose forms split into two large families are found at build time, and a protected word splits them. */
class ConflationsTest {

    /** Five dispatches about peace (السلام), four about road safety (السلامة): one stem, سلام. */
    static List<SearchDocument> peaceAndSafety() {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            docs.add(doc(
                    i,
                    "محادثات السلام في جنيف " + i,
                    "استؤنفت محادثات السلام بين الطرفين، وقال الوسيط إن السلام ممكن."));
        }
        for (int i = 5; i < 9; i++) {
            docs.add(doc(i, "حملة السلامة المرورية " + i, "أطلقت الشرطة حملة السلامة على الطرق للحد من الحوادث."));
        }
        return docs;
    }

    private static SearchDocument doc(int i, String title, String body) {
        String date = java.time.LocalDate.of(2020, 1, 1).plusDays(i).toString();
        return new SearchDocument("/ar/" + i + "/", title, date, date, List.of(), body, "ar");
    }

    @Test
    void aStemThatJoinsTwoLargeFamiliesIsReportedWithTheNameToProtect(@TempDir Path dir) throws Exception {
        SearchIndexWriter.IndexStats st = SearchIndexWriter.standard().write(dir, "ar", peaceAndSafety());
        assertEquals(List.of(new Conflation("سلام", "السلام", 5, "سلامه", 4)), st.conflations());
    }

    /**
     * A live server shows no notices, so its writes (a memo in memory) look for no conflations: they were 28% of an
     * Arabic edit's index there. Its files are a build's all the same.
     */
    @Test
    void aLiveServersWriteLooksForNoConflationsAndWritesTheSameFiles(@TempDir Path dir) throws Exception {
        Path built = dir.resolve("built");
        Path live = dir.resolve("live");
        SearchIndexWriter.IndexStats fresh = SearchIndexWriter.standard().write(built, "ar", peaceAndSafety());
        SearchIndexWriter.IndexStats served = SearchIndexWriter.standard()
                .write(live, "ar", peaceAndSafety(), AnalysisCache.empty(), null, IndexMemo.inMemory());
        assertEquals(1, fresh.conflations().size());
        assertEquals(List.of(), served.conflations());
        assertEquals(fresh.fileSizes(), served.fileSizes());
        for (String name : fresh.fileSizes().keySet()) {
            assertArrayEquals(Files.readAllBytes(built.resolve(name)), Files.readAllBytes(live.resolve(name)), name);
        }
    }

    @Test
    void aProtectedWordNoLongerMeetsTheOtherFamilyAndTheManifestCarriesIt(@TempDir Path dir) throws Exception {
        SearchIndexWriter.IndexStats st =
                SearchIndexWriter.protecting(List.of("السلام")).write(dir, "ar", peaceAndSafety());
        assertEquals(List.of(), st.conflations());
        Map<String, Object> m = SearchIndexWriterTest.json(dir.resolve(st.manifestFile()));
        List<Object> protectedWords = SearchIndexWriterTest.list(
                SearchIndexWriterTest.obj(m.get("analysis")).get("protected"));
        assertTrue(protectedWords.contains("السلام"), "the client analyzes queries with the site's list");
    }

    @Test
    void formsThatKeepCompanyOrThatTheVariantGroupsJoinAreNotReported(@TempDir Path dir) throws Exception {
        List<SearchDocument> docs = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // المدرسة and المدرسي in the same dispatches: forms of one word
            docs.add(doc(i, "افتتاح المدرسة " + i, "بدأ العام المدرسي في المدرسة الجديدة."));
        }
        for (int i = 6; i < 12; i++) { // سورية and سوريا apart, but one word by the variant groups
            docs.add(doc(i, (i % 2 == 0 ? "سورية " : "سوريا ") + i, "خبر عن " + (i % 2 == 0 ? "سورية" : "سوريا")));
        }
        for (int i = 12; i < 30; i++) {
            docs.add(doc(i, "خبر آخر " + i, "نص لا علاقة له بما سبق رقم " + i));
        }
        assertEquals(
                List.of(), SearchIndexWriter.standard().write(dir, "ar", docs).conflations());
    }

    @Test
    void aSmallSecondFamilyIsNotReported(@TempDir Path dir) throws Exception {
        List<SearchDocument> docs = new ArrayList<>(peaceAndSafety().subList(0, 5));
        docs.addAll(peaceAndSafety().subList(5, 7)); // two about safety: under the minimum of 3
        assertEquals(
                List.of(), SearchIndexWriter.standard().write(dir, "ar", docs).conflations());
    }
}
