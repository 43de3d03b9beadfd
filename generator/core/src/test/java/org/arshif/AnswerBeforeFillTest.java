package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.arshif.diag.ContentException;
import org.arshif.incremental.CacheFill;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first build that answers before it fills its cache (the warm process's) leaves the parse cache, the check memo,
 * and the archive's plan until after its answer (the search analyses' files stay inline), writes them all before it returns, and
 * the builds after it read them as a build that wrote them inline would; a first build that fails writes them as
 * one without an early answer does.
 */
class AnswerBeforeFillTest {
    /** The cache files a first build left until after its answer (before this change, only pages.bin was). */
    private static final List<String> AFTER_ANSWER = List.of(
            "parsed/pack.bin", "parsed/files.bin", "check-memo", "check-memo-archive", "pages.bin", "noop-stamp.bin");

    @TempDir
    Path dir;

    @Test
    void aFirstBuildWritesItsCacheAfterItsAnswerAndTheNextBuildsReadIt() throws IOException {
        Path root = site();
        Map<String, Long> atAnswer = new TreeMap<>();
        List<String> firstLog = new ArrayList<>();
        boolean[] markedAtAnswer = {false};
        build(root, firstLog, report -> {
            AFTER_ANSWER.forEach(f -> atAnswer.put(f, size(f)));
            markedAtAnswer[0] = exists(CacheFill.MARKER);
        });

        // Made before the answer, under the marker, so that the fill after it makes no name (a clean meanwhile).
        assertEquals(empties(), atAnswer, "each is there, empty, when the build answers: its content comes after");
        assertTrue(markedAtAnswer[0], "under the fill's marker");
        assertTrue(exists("search-analysis-en.bin"), "the analyses' file is written with the index, before");
        AFTER_ANSWER.forEach(f -> assertTrue(size(f) > 0, f + " is written before the build returns"));
        assertFalse(exists(CacheFill.MARKER));
        assertTrue(
                firstLog.stream().anyMatch(l -> l.startsWith("Incremental build: the cache filled after the answer")));
        Path clean = dir.resolve("clean");
        Arshif.builder()
                .siteRoot(root)
                .output(clean)
                .clock(InvalidSitesTest.CLOCK)
                .build()
                .build();
        assertEquals(java.util.Optional.empty(), Trees.firstDifference(clean, dir.resolve("out")));

        List<String> noop = new ArrayList<>();
        build(root, noop, report -> {});
        assertTrue(noop.stream().anyMatch(l -> l.contains("nothing changed since the last build")), noop::toString);

        Files.writeString(root.resolve("content/en/c.md"), "\nMore.\n", java.nio.file.StandardOpenOption.APPEND);
        List<String> edit = new ArrayList<>();
        build(root, edit, report -> {});
        assertTrue(edit.contains("Incremental build: parsed 1 files, reused 2"), edit::toString);
        assertTrue(
                edit.stream()
                        .anyMatch(l -> l.startsWith("Incremental build: analysed 1 documents for search, reused 2")),
                edit::toString);
    }

    @Test
    void aFirstBuildThatFailsWritesItsParseCacheAsAnInlineOneDoes() throws IOException {
        Path root = site();
        Files.writeString(
                root.resolve("content/en/b.md"),
                "---\ntitle: B\ndate: 2017-05-02T10:00:00Z\n---\n\n[x](/en/nowhere/)\n");
        List<String> answered = new ArrayList<>();
        assertThrows(ContentException.class, () -> build(root, new ArrayList<>(), report -> answered.add("answered")));
        assertEquals(List.of(), answered, "a failed build does not answer early");
        assertTrue(exists("parsed/pack.bin"), "the parse cache is written all the same");
        assertTrue(exists("check-memo"), "and the check memo");

        Files.writeString(
                root.resolve("content/en/b.md"), "---\ntitle: B\ndate: 2017-05-02T10:00:00Z\n---\n\nFixed.\n");
        List<String> next = new ArrayList<>();
        build(root, next, report -> {});
        assertTrue(next.contains("Incremental build: parsed 1 files, reused 2"), next::toString);
    }

    private Path site() throws IOException {
        Path root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\ndefaultLanguage: en\n");
        Trees.write(root.resolve("content/en/a.md"), "---\ntitle: A\ndate: 2017-05-01T10:00:00Z\n---\n\nAlpha.\n");
        Trees.write(root.resolve("content/en/b.md"), "---\ntitle: B\ndate: 2017-05-02T10:00:00Z\n---\n\nBeta.\n");
        Trees.write(root.resolve("content/en/c.md"), "---\ntitle: C\ndate: 2017-05-03T10:00:00Z\n---\n\nGamma.\n");
        // An hour old: the no-op stamp does not trust inputs changed within two seconds of a build.
        try (var files = Files.walk(root)) {
            for (Path p : files.toList()) {
                Files.setLastModifiedTime(
                        p, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
            }
        }
        return root;
    }

    private void build(Path root, List<String> log, Consumer<BuildReport> answer) {
        Arshif.builder()
                .siteRoot(root)
                .output(dir.resolve("out"))
                .cache(dir.resolve("cache"))
                .log(BuildLog.of(log::add, log::add))
                .clock(InvalidSitesTest.CLOCK)
                .answerBeforeFill(answer)
                .build()
                .build();
    }

    private boolean exists(String file) {
        return Files.exists(dir.resolve("cache").resolve(file));
    }

    /** The file's size; -1 when it is not there. */
    private long size(String file) {
        try {
            return Files.size(dir.resolve("cache").resolve(file));
        } catch (IOException e) {
            return -1;
        }
    }

    private static Map<String, Long> empties() {
        Map<String, Long> none = new TreeMap<>();
        AFTER_ANSWER.forEach(f -> none.put(f, 0L));
        return none;
    }
}
