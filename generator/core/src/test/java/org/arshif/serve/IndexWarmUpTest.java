package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.LiveLibrary;
import org.arshif.diag.Diagnostics;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up after a live server's first index runs an edit's write (the postings patched) on a copy, and changes
 * nothing: the files served stay, the scratch folder is left empty, and the next edits' indexes are a fresh
 * server's, byte for byte. A warm-up told that an edit is waiting stops, and changes nothing either.
 */
class IndexWarmUpTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final String EDITED = "content/en/2017-03-15-open-data.md";

    @TempDir
    Path tmp;

    // the copy of the fixture site that the tests edit
    private Path root;

    @Test
    void theWarmUpPatchesACopyAndChangesNothingServedOrKept() throws Exception {
        Arshif arshif = bilingual();
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        LiveLibrary live = LiveLibrary.load(arshif);
        try (PreviewRun run = new PreviewRun(arshif.sitemapLimit(), scratch)) {
            PreviewRun.Site first = run.plan(live.current(), new Diagnostics(), null);
            first.plan().searchManifests();
            SortedMap<String, byte[]> served = ServedIndexFiles.of(first);

            String warmed = run.warmIndex(() -> false);
            // every language, the one with fewer documents first: a first edit in either finds its path warm
            assertTrue(
                    warmed.matches("(ar|en) index patched, [0-9]+ file\\(s\\) encoded, (ar|en) index patched, [0-9]+"
                            + " file\\(s\\) encoded"),
                    warmed);
            assertTrue(warmed.contains("ar index") && warmed.contains("en index"), warmed);
            assertEquals(0, run.indexPostingsPatched(), "the warm-up is not counted as a write");
            ServedIndexFiles.assertSame(
                    served, ServedIndexFiles.of(first), "the first index's files, after the warm-up");
            assertEquals(List.of(), list(scratch), "the warm-up's scratch folder goes with it");
            assertEquals(warmed, run.warmIndex(() -> false), "a second round, the same");
            run.endWarmUp();
            assertEquals("no index patched", run.warmIndex(() -> false), "after the warm-up's end");

            for (String word : List.of("zeppelinoid", "quixotry")) {
                PreviewRun.Site edited = edit(live, run, word);
                ServedIndexFiles.assertSame(
                        freshIndex(), ServedIndexFiles.of(edited), "the index after the warm-up and an edit");
            }
            assertEquals(2, run.indexPostingsPatched(), "both edits patched the postings");
        }
    }

    @Test
    void aWarmUpStoppedForAnEditChangesNothing() throws Exception {
        Arshif arshif = bilingual();
        LiveLibrary live = LiveLibrary.load(arshif);
        try (PreviewRun run = new PreviewRun(arshif.sitemapLimit(), Files.createDirectories(tmp.resolve("s")))) {
            run.plan(live.current(), new Diagnostics(), null).plan().searchManifests();
            assertThrows(CancellationException.class, () -> run.warmIndex(() -> true));
            PreviewRun.Site edited = edit(live, run, "zeppelinoid");
            ServedIndexFiles.assertSame(
                    freshIndex(), ServedIndexFiles.of(edited), "the index after a stopped warm-up and an edit");
        }
    }

    /** Appends a paragraph with {@code word} to the edited dispatch, and writes the index of the new plan. */
    private PreviewRun.Site edit(LiveLibrary live, PreviewRun run, String word) throws Exception {
        Path file = root.resolve(EDITED);
        Files.writeString(file, Files.readString(file) + "\nA paragraph about " + word + ".\n");
        PreviewRun.Site site = run.plan(live.update(Set.of(EDITED), false).library(), new Diagnostics(), null);
        site.plan().searchManifests();
        return site;
    }

    /** The search index of a server started on the library's files as they are now. */
    private SortedMap<String, byte[]> freshIndex() {
        Arshif arshif = bilingual(root);
        try (PreviewRun fresh = new PreviewRun(arshif.sitemapLimit(), tmp)) {
            PreviewRun.Site site = fresh.plan(LiveLibrary.load(arshif).current(), new Diagnostics(), null);
            site.plan().searchManifests();
            return ServedIndexFiles.of(site);
        }
    }

    private static List<Path> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    /** A copy of the bilingual fixture site, as serve builds it. */
    private Arshif bilingual() {
        root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        return bilingual(root);
    }

    private static Arshif bilingual(Path root) {
        return Arshif.builder()
                .siteRoot(root)
                .clock(CLOCK)
                .baseUrl("http://127.0.0.1:8080/")
                .build();
    }
}
