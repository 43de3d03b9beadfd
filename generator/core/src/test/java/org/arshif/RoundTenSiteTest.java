package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input, round ten, through a whole build: what a build says and writes for a migrated archive. */
class RoundTenSiteTest {
    @TempDir
    Path tmp;

    private Arshif site(Path root) {
        return Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .build();
    }

    @Test
    void aBuildNamesTheExpiredDispatchesItLeftOut() {
        Path root = tmp.resolve("site");
        for (String name : List.of("a", "b", "c", "d", "e")) {
            Trees.write(
                    root.resolve("content/en/" + name + ".md"),
                    "---\ntitle: Old\ndate: 2017-05-04\nexpiryDate: 2017-06-01\n---\nText.\n");
        }
        Trees.write(root.resolve("content/en/kept.md"), "---\ntitle: Kept\ndate: 2017-05-04\n---\nText.\n");
        List<String> said = site(root).build().findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains("expired"))
                .toList();
        assertEquals(
                List.of("content/en/a.md:4:1: notice: expired: 5 dispatches were left out (this one; content/en/b.md,"
                        + " content/en/c.md, content/en/d.md, and 1 more) because its expiryDate (here"
                        + " 2017-06-01T00:00Z) has passed, as Hugo does; drafts=true builds expired dispatches; delete"
                        + " expiryDate to keep one in the archive (check names each)"),
                said);
        assertFalse(Files.exists(tmp.resolve("out/en/2017/05/a")));
        // With drafts, they are built, and nothing is said.
        Arshif withDrafts = Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .drafts(true)
                .build();
        assertEquals(
                List.of(),
                withDrafts.build().findings().stream()
                        .filter(f -> f.format().contains("expired"))
                        .toList());
        assertTrue(Files.exists(tmp.resolve("out/en/2017/05/a")));
    }

    @Test
    void aRelativeAliasOfAOneLanguageSiteKeepsTheAddressWithoutALanguage() {
        // Hugo 0.111, a site of one language: content/news/world/story.md with [old-url] wrote /news/world/old-url/.
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "languages: [en]\n");
        Trees.write(
                root.resolve("content/en/news/world/story.md"),
                "---\ntitle: A\ndate: 2017-05-04\naliases: [old-url, ../elsewhere/x]\n---\nText.\n");
        site(root).build();
        assertTrue(Files.exists(tmp.resolve("out/news/world/old-url/index.html")));
        assertTrue(Files.exists(tmp.resolve("out/news/elsewhere/x/index.html")));
        assertFalse(Files.exists(tmp.resolve("out/en/news/world/old-url")));
    }
}
