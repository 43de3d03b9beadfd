package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.diag.ContentException;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search analyses are kept in one file per language, saved as soon as that language's index is written (so
 * they need not stay in memory while the pages are rendered).
 */
class SearchAnalysisFilesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void eachLanguagesAnalysesAreSavedBeforeThePagesEvenWhenTheBuildThenFails() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        // A link to no page: an error found after rendering, so the site and the page cache stay as they were.
        Trees.write(
                root.resolve("content/en/2017-05-10-broken.md"),
                "---\ntitle: Broken\ndate: 2017-05-10\n---\n\nSee [this](/en/2001/01/01/nothing/).\n");
        Path cache = tmp.resolve("cache");
        assertThrows(ContentException.class, () -> build(root, cache));

        assertFalse(Files.exists(cache.resolve("pages.bin")), "no page cache for a site that was not written");
        assertTrue(Files.isRegularFile(cache.resolve("search-analysis-ar.bin")), "the Arabic analyses");
        assertTrue(Files.isRegularFile(cache.resolve("search-analysis-en.bin")), "the English analyses");
    }

    @Test
    void theNextBuildReusesThemAndDropsTheOneFileOfEarlierVersions() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Path cache = tmp.resolve("cache");
        List<String> first = build(root, cache);
        Files.write(cache.resolve("search-analysis.bin"), new byte[] {1, 2, 3});
        Trees.write(root.resolve("content/en/2017-05-10-new.md"), "---\ntitle: New\ndate: 2017-05-10\n---\n\nText.\n");

        List<String> second = build(root, cache);

        // The English analyses are read again (one new); the Arabic index, made of the same documents, is kept whole.
        assertEquals(1, analysed(second));
        int reused = Integer.parseInt(second.stream()
                .filter(l -> l.contains("for search"))
                .findFirst()
                .orElseThrow()
                .replaceAll(".*reused (\\d+)$", "$1"));
        assertTrue(reused > 0 && reused < analysed(first), "the English documents' analyses only: " + reused);
        assertTrue(second.stream().anyMatch(l -> l.startsWith("Incremental build: kept the ar search index whole")));
        assertFalse(Files.exists(cache.resolve("search-analysis.bin")), "the old file is gone");
    }

    private static int analysed(List<String> lines) {
        String line =
                lines.stream().filter(l -> l.contains("for search")).findFirst().orElseThrow();
        return Integer.parseInt(line.replaceAll(".*analysed (\\d+) documents.*", "$1"));
    }

    private List<String> build(Path root, Path cache) {
        List<String> lines = new ArrayList<>();
        Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("site"))
                .cache(cache)
                .clock(CLOCK)
                .log(BuildLog.of(lines::add, lines::add))
                .build()
                .build();
        return lines;
    }
}
