package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build with a cache takes the plan of the archive with its drafts (the pages a link may point to tomorrow) from
 * the last build when only bodies changed, and plans it again when a dispatch's shape did (a draft's URL moved):
 * after each edit its findings are those of a build without a cache.
 */
class ArchivePlanBuildTest {
    private static final String PLANNED = "planned as the last build planned it";

    @TempDir
    Path dir;

    private final List<String> lines = new ArrayList<>();

    @Test
    void aCachedBuildSeesTheDraftsPagesAsACleanOneDoes() throws IOException {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\ndefaultLanguage: en\n");
        Trees.write(
                root.resolve("content/en/a.md"),
                "---\ntitle: A\ndate: 2017-05-01T10:00:00Z\n---\n\nSee [the draft](/en/2017/05/d1/).\n");
        Trees.write(root.resolve("content/en/c.md"), "---\ntitle: C\ndate: 2017-05-03T10:00:00Z\n---\n\nText.\n");
        Trees.write(
                root.resolve("content/en/d.md"),
                "---\ntitle: D\ndate: 2017-05-04T10:00:00Z\nslug: d1\ndraft: true\n---\n\nNot yet.\n");

        List<String> first = assertSameAsClean(root);
        assertTrue(first.stream().anyMatch(f -> f.contains("a.md") && f.contains("draft")), first::toString);
        assertFalse(logged(PLANNED), "nothing to take in the first build");

        append(root.resolve("content/en/c.md"), "\nMore text.\n");
        assertEquals(first, assertSameAsClean(root), "a body edit elsewhere: the same findings");
        assertTrue(logged(PLANNED), "and the archive's plan taken: " + lines);

        append(root.resolve("content/en/a.md"), "\nAnd [again](/en/2017/05/d1/), and [nowhere](/en/2017/05/x/).\n");
        List<String> links = assertSameAsClean(root);
        assertTrue(logged(PLANNED), lines::toString);
        assertTrue(links.stream().anyMatch(f -> f.contains("points to no page")), links::toString);

        // The draft's URL moves: a.md's links to it break, which only a new plan of the archive shows.
        Files.writeString(
                root.resolve("content/en/a.md"),
                "---\ntitle: A\ndate: 2017-05-01T10:00:00Z\n---\n\nSee [the draft](/en/2017/05/d1/).\n");
        assertEquals(first, assertSameAsClean(root));
        Files.writeString(
                root.resolve("content/en/d.md"),
                Files.readString(root.resolve("content/en/d.md")).replace("slug: d1", "slug: d2"));
        List<String> moved = assertSameAsClean(root);
        assertFalse(logged(PLANNED), "a shape changed: the archive planned again");
        assertTrue(
                moved.stream().anyMatch(f -> f.contains("a.md") && f.contains("points to no page")), moved::toString);

        // A damaged plan is discarded with a notice, and the archive planned.
        Path kept = dir.resolve("cache/check-memo-archive");
        byte[] bytes = Files.readAllBytes(kept);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(kept, bytes);
        append(root.resolve("content/en/c.md"), "\nAgain.\n");
        assertEquals(moved, assertSameAsClean(root));
        assertTrue(logged("discarded the archive's plan"), lines::toString);
        assertFalse(logged(PLANNED));
    }

    private boolean logged(String text) {
        return lines.stream().anyMatch(l -> l.contains(text));
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    /** Builds with the cache and without, and returns the findings, the same for both. */
    private List<String> assertSameAsClean(Path root) {
        lines.clear();
        List<String> cached =
                findings(root, dir.resolve("cache"), dir.resolve("out"), BuildLog.of(lines::add, lines::add));
        List<String> clean = findings(root, null, dir.resolve("clean"), BuildLog.SILENT);
        assertEquals(clean, cached);
        return cached;
    }

    private static List<String> findings(Path root, Path cache, Path out, BuildLog log) {
        return CheckMemoBuildTest.findings(root, cache, out, log);
    }
}
