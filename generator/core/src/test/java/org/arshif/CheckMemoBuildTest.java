package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with a cache keeps each dispatch's check findings and checks again only what changed: after each edit
 * its findings are those of a build without a cache, kept findings of unchanged files included, and a change
 * elsewhere that breaks an unchanged dispatch's link (its target deleted) is found, and a damaged memo is ignored.
 */
class CheckMemoBuildTest {
    private static final String B = "---\ntitle: B\ndate: 2017-05-02T10:00:00Z\n---\n\nThe target.\n";

    @TempDir
    Path dir;

    @Test
    void aCachedBuildReportsWhatACleanOneDoesAfterEachChange() throws IOException {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\ndefaultLanguage: en\n");
        Trees.write(
                root.resolve("content/en/a.md"),
                "---\ntitle: A\ndate: 2017-05-01T10:00:00Z\nsumary: x\n---\n\nSee [b](/en/2017/05/b/).\n");
        Trees.write(root.resolve("content/en/b.md"), B);
        Trees.write(
                root.resolve("content/en/c.md"),
                "---\ntitle: C\ndate: 2017-05-03T10:00:00Z\ntilte: typo\n---\n\nText.\n");

        List<String> first = assertSameAsClean(root);
        assertTrue(first.stream().anyMatch(f -> f.contains("a.md") && f.contains("sumary")), first::toString);
        assertTrue(first.stream().anyMatch(f -> f.contains("c.md") && f.contains("tilte")), first::toString);

        Files.writeString(root.resolve("content/en/c.md"), "\nMore text.\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(first, assertSameAsClean(root), "an edit elsewhere keeps a.md's and c.md's findings");

        Files.delete(root.resolve("content/en/b.md"));
        List<String> broken = assertSameAsClean(root);
        assertTrue(
                broken.stream().anyMatch(f -> f.contains("a.md") && f.contains("points to no page")), broken::toString);

        Trees.write(root.resolve("content/en/b.md"), B);
        assertEquals(first, assertSameAsClean(root));

        // A damaged memo is no memo: everything is checked again.
        Path memo = dir.resolve("cache/check-memo");
        byte[] bytes = Files.readAllBytes(memo);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(memo, bytes);
        Files.writeString(root.resolve("content/en/c.md"), "\nAgain.\n", java.nio.file.StandardOpenOption.APPEND);
        assertEquals(first, assertSameAsClean(root));
    }

    /** Builds with the cache and without, and returns the findings, the same for both. */
    private List<String> assertSameAsClean(Path root) {
        List<String> cached = findings(root, dir.resolve("cache"), dir.resolve("out"));
        List<String> clean = findings(root, null, dir.resolve("clean"));
        assertEquals(clean, cached);
        return cached;
    }

    private static List<String> findings(Path root, Path cache, Path out) {
        return findings(root, cache, out, BuildLog.SILENT);
    }

    /** The findings of a build of {@code root} (with a cache, or none), formatted, whether it failed or not. */
    static List<String> findings(Path root, Path cache, Path out, BuildLog log) {
        List<Diagnostic> found;
        try {
            found = Arshif.builder()
                    .siteRoot(root)
                    .output(out)
                    .cache(cache)
                    .log(log)
                    .clock(InvalidSitesTest.CLOCK)
                    .build()
                    .build()
                    .findings();
        } catch (ContentException e) {
            found = e.diagnostics();
        }
        return found.stream().map(Diagnostic::format).toList();
    }
}
