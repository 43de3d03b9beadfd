package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.LiveLibrary;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page asked for again while the same plan is served is answered without building its view model again (a
 * plan is immutable); after an edit every page is checked again, and the edited one served anew.
 */
class AnsweredPagesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final String A = "/en/2021/03/alpha/";
    private static final String B = "/en/2021/03/beta/";

    @TempDir
    Path root;

    @Test
    void aPageIsBuiltOncePerPlanAndAnEditedOneAnew() throws IOException {
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\ndefaultLanguage: en\n");
        write("content/en/alpha.md", "Alpha", "Text of alpha.");
        write("content/en/beta.md", "Beta", "Text of beta.");
        Arshif arshif =
                Arshif.builder().siteRoot(root).clock(CLOCK).drafts(true).build();
        try (LiveSite live = new LiveSite(
                LiveLibrary.load(arshif), new PreviewRun(arshif.sitemapLimit()), BuildLog.SILENT, new ReloadEvents())) {
            byte[] alpha = live.answer(A).body();
            byte[] beta = live.answer(B).body();
            long built = live.viewModelsBuilt();
            assertEquals(2, built);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(alpha, live.answer(A).body());
                assertArrayEquals(beta, live.answer(B).body());
            }
            assertEquals(built, live.viewModelsBuilt(), "the same plan's pages are not built again");

            write("content/en/alpha.md", "Alpha", "Text of alpha, with zeppelins.");
            live.changed(Set.of("content/en/alpha.md"), false, false);
            String edited = new String(live.answer(A).body(), StandardCharsets.UTF_8);
            assertTrue(edited.contains("zeppelins"), edited);
            assertFalse(new String(alpha, StandardCharsets.UTF_8).contains("zeppelins"));
            assertArrayEquals(beta, live.answer(B).body());
            assertEquals(built + 2, live.viewModelsBuilt(), "each page is checked against the new plan once");
            live.answer(A);
            live.answer(B);
            assertEquals(built + 2, live.viewModelsBuilt(), "and then answered as it was");
        }
    }

    private void write(String path, String title, String body) throws IOException {
        Trees.write(
                root.resolve(path),
                "---\ntitle: \"" + title + "\"\ndate: 2021-03-01T09:00:00+03:00\n---\n\n" + body + "\n");
    }
}
