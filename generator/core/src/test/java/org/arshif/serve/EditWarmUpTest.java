package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.LiveLibrary;
import org.arshif.diag.Diagnostics;
import org.arshif.incremental.ModelHash;
import org.arshif.site.pages.PageJob;
import org.arshif.site.pages.PageKind;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-up of an edit's whole path after the first index (read and model on a trial copy of the live library, the
 * plan, the page's render, the index's edit on a copy, a young collection) changes nothing: the live library still
 * has the file as it is on disk, the served index stays, and the next edits' pages and indexes are a fresh
 * server's, byte for byte, whether the warm-up ran to its end or was stopped at any of its steps. A real server runs
 * it once after its first index.
 */
class EditWarmUpTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final String EDITED = "content/en/2017-03-15-open-data.md";
    private static final String WARMED = "content/ar/2017-03-20-weather.md";

    @TempDir
    Path tmp;

    // the copy of the fixture site that the tests edit
    private Path root;

    @Test
    void theWarmUpRunsTheWholePathAndChangesNothingServedOrKept() throws Exception {
        Arshif arshif = bilingual(tmp.resolve("archive"));
        LiveLibrary live = LiveLibrary.load(arshif);
        try (PreviewRun run = new PreviewRun(arshif.sitemapLimit(), Files.createDirectories(tmp.resolve("s")))) {
            PreviewRun.Site first = run.plan(live.current(), new Diagnostics(), null);
            first.plan().searchManifests();
            SortedMap<String, byte[]> served = ServedIndexFiles.of(first);

            String warmed = new EditWarmUp(live::trial, run, new ModelHash(), null, () -> 0L, () -> false).run();
            assertTrue(
                    warmed.matches(
                            WARMED + " read, planned, its page rendered; (ar|en) index patched, [0-9]+ file\\(s\\)"
                                    + " encoded, (ar|en) index patched, [0-9]+ file\\(s\\) encoded; (young collection (done|not seen) after [0-9]+ MB|no collection needed \\([0-9]+ MB free\\)); CPU by step \\(ms\\): read\\+model"
                                    + " [0-9]+, plan [0-9]+, page [0-9]+, index [0-9]+, collection [0-9]+"),
                    warmed);
            assertEquals(0, run.indexPostingsPatched(), "the warm-up is not counted as a write");
            ServedIndexFiles.assertSame(
                    served, ServedIndexFiles.of(first), "the first index's files, after the warm-up");
            assertFalse(
                    live.current().dispatches().stream()
                            .filter(d -> d.path().equals(WARMED))
                            .anyMatch(d -> d.plainText().contains("talks would continue")),
                    "the live library still has the file as it is");
            assertEquals("no index patched", run.warmIndex(() -> false), "the warm-up is over");

            for (String word : List.of("zeppelinoid", "quixotry")) {
                edit(live, run, word);
            }
        }
    }

    @Test
    void aWarmUpStoppedAtAnyStepChangesNothing() throws Exception {
        for (int steps = 0; steps < 12; steps++) {
            Arshif arshif = bilingual(tmp.resolve("archive" + steps));
            LiveLibrary live = LiveLibrary.load(arshif);
            Path scratch = Files.createDirectories(tmp.resolve("s" + steps));
            try (PreviewRun run = new PreviewRun(arshif.sitemapLimit(), scratch)) {
                run.plan(live.current(), new Diagnostics(), null).plan().searchManifests();
                AtomicInteger asked = new AtomicInteger();
                int stopAt = steps;
                boolean stopped = false;
                try {
                    new EditWarmUp(
                                    live::trial,
                                    run,
                                    new ModelHash(),
                                    null,
                                    () -> 0L,
                                    () -> asked.getAndIncrement() >= stopAt)
                            .run();
                } catch (CancellationException e) {
                    stopped = true;
                }
                assertTrue(stopped || steps > 4, "stopped at step " + steps);
                assertEquals("no index patched", run.warmIndex(() -> false), "stopped or not, it is over");
                edit(live, run, "zeppelinoid");
            }
        }
    }

    @Test
    void aServerWarmsTheEditPathAfterItsFirstIndex() throws Exception {
        bilingual(tmp.resolve("served"));
        List<String> log = new CopyOnWriteArrayList<>();
        BuildLog collect = BuildLog.of(log::add, log::add); // an error is a warning there
        try (PreviewServer server = PreviewServer.start(Arshif.builder().siteRoot(root), 0, collect)) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (log.stream().noneMatch(l -> l.startsWith("Edit path warm")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            String line = log.stream()
                    .filter(l -> l.startsWith("Edit path warm"))
                    .findFirst()
                    .orElse(String.join("\n", log));
            assertTrue(
                    line.matches("Edit path warmed in [0-9.]+ ms \\([0-9.]+ ms CPU\\): " + WARMED
                            + " read, planned, its page rendered; (ar|en) index patched, .*"),
                    line);
        }
    }

    /**
     * Appends a paragraph with {@code word} to the edited dispatch, as the watcher hands it over; its page and the
     * index are then a fresh server's.
     */
    private void edit(LiveLibrary live, PreviewRun run, String word) throws Exception {
        Path file = root.resolve(EDITED);
        Files.writeString(file, Files.readString(file) + "\nA paragraph about " + word + ".\n");
        PreviewRun.Site site = run.plan(live.update(Set.of(EDITED), false).library(), new Diagnostics(), null);
        site.plan().searchManifests();
        PreviewRun.Site fresh = fresh();
        ServedIndexFiles.assertSame(
                ServedIndexFiles.of(fresh), ServedIndexFiles.of(site), "the index after the warm-up and an edit");
        assertArrayEquals(page(fresh), page(site), "the edited page after the warm-up");
        assertTrue(new String(page(site), java.nio.charset.StandardCharsets.UTF_8).contains(word));
    }

    private static byte[] page(PreviewRun.Site site) throws Exception {
        for (PageJob job : site.plan().jobs()) {
            if (job.kind() == PageKind.ARTICLE && job.owner().equals(EDITED)) {
                return site.plan().render(job.template(), job.model().get());
            }
        }
        throw new AssertionError("no page for " + EDITED);
    }

    /** The site of a server started on the library's files as they are now, its index written. */
    private PreviewRun.Site fresh() throws Exception {
        Arshif arshif = bilingual(root);
        try (PreviewRun fresh = new PreviewRun(arshif.sitemapLimit(), Files.createTempDirectory(tmp, "fresh"))) {
            PreviewRun.Site site = fresh.plan(LiveLibrary.load(arshif).current(), new Diagnostics(), null);
            site.plan().searchManifests();
            return site;
        }
    }

    /** A copy of the bilingual fixture site at {@code to}, as serve builds it; {@link #root} from now on. */
    private Arshif bilingual(Path to) {
        if (!Files.exists(to)) {
            root = Trees.copy(Trees.site("bilingual"), to);
        }
        return Arshif.builder()
                .siteRoot(root)
                .clock(CLOCK)
                .baseUrl("http://127.0.0.1:8080/")
                .build();
    }
}
