package org.arshif.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search client's modules are named by the hash of them all, so a page never meets another client. */
class SearchClientFilesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final Pattern SCRIPT = Pattern.compile("<script type=\"module\" src=\"/(static/js/[^\"]+)\">");

    @TempDir
    Path tmp;

    @Test
    void theSearchPagesLoadTheClientFromAFolderNamedByItsHashAndItsModulesSitSideBySide() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Path out = tmp.resolve("site");
        build(root, out);

        for (String lang : List.of("ar", "en")) {
            Matcher m =
                    SCRIPT.matcher(Files.readString(out.resolve(lang + "/search/index.html"), StandardCharsets.UTF_8));
            assertTrue(m.find(), lang + " search page has no module script");
            assertEquals(SiteRun.searchClientEntry(), m.group(1));
            assertTrue(m.group(1).matches("static/js/[0-9a-f]{10}/search-page\\.js"), m.group(1));
        }
        Path dir = out.resolve(SearchStage.clientDir(SearchStage.clientScripts()));
        for (Map.Entry<String, byte[]> e : SearchStage.clientScripts().entrySet()) {
            assertArrayEquals(e.getValue(), Files.readAllBytes(dir.resolve(e.getKey())), e.getKey());
        }
        try (Stream<Path> s = Files.list(out.resolve("static/js"))) {
            assertEquals(List.of(dir), s.toList(), "the client's folder is the only thing in static/js");
        }
    }

    @Test
    void aSiteThatAsksForTheReadableClientServesTheModulesAsWrittenFromTheirOwnFolder() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Files.writeString(
                root.resolve("arshif.yml"),
                "\nsearch:\n  readableClient: true\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        Path out = tmp.resolve("site");
        build(root, out);

        String dir = SearchStage.readableClientDir();
        assertNotEquals(SearchStage.clientDir(), dir);
        Matcher m = SCRIPT.matcher(Files.readString(out.resolve("ar/search/index.html"), StandardCharsets.UTF_8));
        assertTrue(m.find());
        assertEquals(dir + SearchStage.CLIENT_SCRIPTS.get(0), m.group(1));
        for (String name : SearchStage.CLIENT_SCRIPTS) {
            byte[] written;
            try (var in = getClass().getResourceAsStream("/org/arshif/js/" + name)) {
                written = in.readAllBytes();
            }
            assertArrayEquals(written, Files.readAllBytes(out.resolve(dir + name)), name);
            assertTrue(new String(written, StandardCharsets.UTF_8).startsWith("// @ts-check"), name);
        }
        try (Stream<Path> s = Files.list(out.resolve("static/js"))) {
            assertEquals(List.of(out.resolve(dir)), s.toList(), "only the readable client's folder");
        }
    }

    @Test
    void anyChangeToAnyModuleMovesTheClientToAnotherFolder() {
        Map<String, byte[]> scripts = SearchStage.clientScripts();
        String dir = SearchStage.clientDir(scripts);
        for (String name : SearchStage.CLIENT_SCRIPTS) {
            Map<String, byte[]> changed = new LinkedHashMap<>(scripts);
            changed.put(
                    name,
                    (new String(scripts.get(name), StandardCharsets.UTF_8) + "\n").getBytes(StandardCharsets.UTF_8));
            assertNotEquals(dir, SearchStage.clientDir(changed), name);
        }
    }

    @Test
    void theStageOwnsTheHashedModulesAndTheIndexFilesOnly() {
        String entry = SiteRun.searchClientEntry();
        assertTrue(SiteRun.isSearchFile(entry));
        assertTrue(SiteRun.isSearchFile("static/js/0123456789/analyzer.js"));
        assertTrue(SiteRun.isSearchFile("ar/search/k.abcdefgh.3.bin"));
        assertEquals(false, SiteRun.isSearchFile("static/js/search-page.js"), "the unhashed name is not the client's");
        assertEquals(false, SiteRun.isSearchFile("static/js/a/b/search-page.js"));
        assertEquals(false, SiteRun.isSearchFile("static/js/0123456789/other.js"));
        assertEquals(false, SiteRun.isSearchFile("ar/search/index.html"));
    }

    private static void build(Path root, Path out) {
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(CLOCK)
                .baseUrl("https://news.example/")
                .build()
                .build();
    }
}
