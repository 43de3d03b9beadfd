package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.LiveLibrary;
import org.arshif.diag.Diagnostics;
import org.arshif.pipeline.SiteRun;
import org.arshif.site.SearchManifests;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview's run writes the theme's files when it plans, and the search index only when it is first asked
 * for (by the search page, or by a request for one of its files), so that an edit is not held up by it.
 */
class PreviewRunTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void theSearchIndexIsWrittenWhenOneOfItsFilesIsFirstAskedFor() {
        Arshif arshif = bilingual();
        try (PreviewRun run = new PreviewRun(arshif.sitemapLimit())) {
            check(run.plan(LiveLibrary.load(arshif).current(), new Diagnostics(), null));
        }
    }

    @Test
    void theIndexIsWrittenThroughTheScratchRootItIsGivenAndLeavesNothingThere() throws Exception {
        Arshif arshif = bilingual();
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        try (PreviewRun run = new PreviewRun(arshif.sitemapLimit(), scratch)) {
            check(run.plan(LiveLibrary.load(arshif).current(), new Diagnostics(), null));
        }
        try (Stream<Path> left = Files.list(scratch)) {
            assertEquals(List.of(), left.toList(), "each write's scratch folder goes with it");
        }

        Path notAFolder = Files.writeString(tmp.resolve("not-a-folder"), "x");
        try (PreviewRun run = new PreviewRun(arshif.sitemapLimit(), notAFolder)) {
            PreviewRun.Site site = run.plan(LiveLibrary.load(arshif).current(), new Diagnostics(), null);
            assertThrows(RuntimeException.class, () -> site.plan().searchManifests(), "the root given is the one used");
        }
    }

    @Test
    void twoDispatchesAtOneUrlAreAnErrorAndTheRestOfTheSearchStillWorks() {
        // Same day, same URL: the search documents sort side by side, where the index once refused them both.
        Arshif arshif = Arshif.builder()
                .siteRoot(Trees.copy(Trees.site("invalid/same-url-same-day"), tmp.resolve("archive")))
                .clock(CLOCK)
                .baseUrl("http://127.0.0.1:8080/")
                .build();
        try (PreviewRun run = new PreviewRun(arshif.sitemapLimit())) {
            Diagnostics diagnostics = new Diagnostics();
            PreviewRun.Site site = run.plan(LiveLibrary.load(arshif).current(), diagnostics, null);
            assertTrue(diagnostics.hasErrors(), diagnostics.sorted()::toString);
            String manifest =
                    site.plan().searchManifests().byLanguage().get("en").substring(1);
            assertTrue(site.read(manifest).isPresent(), manifest);
        }
    }

    private static void check(PreviewRun.Site site) {

        assertTrue(
                site.sink().paths().stream().anyMatch(p -> p.matches("static/style\\.[0-9a-f]{10}\\.css")),
                site.sink().paths()::toString);
        assertFalse(site.sink().paths().stream().anyMatch(PreviewRunTest::isSearchFile), "nothing of search yet");

        Optional<byte[]> entry = site.read(SiteRun.searchClientEntry());
        assertTrue(entry.isPresent(), "asking for the client's entry module writes the search stage's files");
        SearchManifests manifests = site.plan().searchManifests();
        assertEquals(List.of("ar", "en"), List.copyOf(manifests.byLanguage().keySet()));
        String arManifest = manifests.byLanguage().get("ar").substring(1);
        assertTrue(site.sink().read(arManifest).isPresent(), arManifest);
        assertArrayEquals(
                site.sink().read(arManifest).orElseThrow(),
                site.read(arManifest).orElseThrow());
        assertEquals(Optional.empty(), site.read("ar/search/manifest.0000000000.json.gz"), "an unknown name stays 404");
        assertEquals(Optional.empty(), site.read("static/js/search-page.js"), "the client lives under its hash only");
    }

    private static boolean isSearchFile(String path) {
        return path.startsWith("static/js/") || path.contains("/search/");
    }

    /** A copy of the bilingual fixture site, as serve builds it. */
    private Arshif bilingual() {
        return Arshif.builder()
                .siteRoot(Trees.copy(Trees.site("bilingual"), tmp.resolve("archive")))
                .clock(CLOCK)
                .baseUrl("http://127.0.0.1:8080/")
                .build();
    }
}
