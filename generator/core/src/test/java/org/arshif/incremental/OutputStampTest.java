package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output's digest after an in-place commit, made from the stats walked before the build and those of the
 * files the commit touched, is the digest a walk of the whole output gives: the next build's no-op check, which
 * walks it all, then trusts it. Anything changed that the commit did not report makes the two differ, so that
 * build is a real one.
 */
class OutputStampTest {
    @TempDir
    Path dir;

    private Path site;
    private ExecutorService pool;

    @BeforeEach
    void site() throws IOException {
        site = dir.resolve("site");
        pool = Executors.newFixedThreadPool(2);
        write("index.html", "home");
        write("sitemap.xml", "<urlset/>");
        write("en/index.html", "en home");
        write("en/2024/12/31-a/index.html", "a");
        write("en/2024/12/31-b/index.html", "b");
        write("en/-first/index.html", "sorts before the folder's own line");
        write("ar/2024/12/خبر/index.html", "خبر");
        write("ar/search/terms-0.json", "[]");
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void anInPlaceCommitsFilesGiveTheDigestOfAWholeWalk() throws Exception {
        OutputStamp before = OutputStamp.take(site, pool);

        replace("en/2024/12/31-a/index.html", "a, edited and longer");
        Files.delete(site.resolve("en/2024/12/31-b/index.html"));
        Files.delete(site.resolve("en/2024/12/31-b"));
        write("en/2025/01/01-c/index.html", "c, in folders that were not there");
        write("fr/index.html", "a top-level folder that was not there");
        Files.delete(site.resolve("sitemap.xml"));
        replace("ar/2024/12/خبر/index.html", "خبر معدل");
        Set<String> touched = Set.of(
                "en/2024/12/31-a/index.html",
                "en/2024/12/31-b/index.html",
                "en/2025/01/01-c/index.html",
                "fr/index.html",
                "sitemap.xml",
                "ar/2024/12/خبر/index.html");

        OutputStamp whole = OutputStamp.take(site, pool);
        String walked = whole.digest();
        assertNotEquals(before.digest(), walked, "the commit changed the output");
        OutputStamp updated = before.updated(site, touched);
        assertEquals(walked, updated.digest());
        // What the next build checks its output against: the same files and stat lines as a walk's.
        assertEquals(whole.files(), updated.files());
        assertEquals(whole.root(), updated.root());
        assertEquals(
                List.copyOf(whole.entries().keySet()),
                List.copyOf(updated.entries().keySet()));
        whole.entries().forEach((entry, lines) -> {
            assertEquals(lines.line(), updated.entries().get(entry).line(), entry.toString());
            assertArrayEquals(lines.stats(), updated.entries().get(entry).stats(), entry.toString());
        });
    }

    @Test
    void aTopLevelFolderEmptiedAndDeletedIsDroppedFromTheDigest() throws Exception {
        OutputStamp before = OutputStamp.take(site, pool);
        Files.delete(site.resolve("ar/search/terms-0.json"));
        Files.delete(site.resolve("ar/search"));
        Files.delete(site.resolve("ar/2024/12/خبر/index.html"));
        Files.delete(site.resolve("ar/2024/12/خبر"));
        Files.delete(site.resolve("ar/2024/12"));
        Files.delete(site.resolve("ar/2024"));
        Files.delete(site.resolve("ar"));

        assertEquals(
                OutputStamp.take(site, pool).digest(),
                before.updated(site, Set.of("ar/search/terms-0.json", "ar/2024/12/خبر/index.html"))
                        .digest());
    }

    @Test
    void aFileTheCommitDidNotReportMakesTheDigestDiffer() throws Exception {
        OutputStamp before = OutputStamp.take(site, pool);
        replace("en/2024/12/31-a/index.html", "a, edited");
        write("en/by-hand.html", "added by hand while the build ran");

        assertNotEquals(
                OutputStamp.take(site, pool).digest(),
                before.updated(site, Set.of("en/2024/12/31-a/index.html")).digest(),
                "the next build must not take this output for the one the build left");
    }

    @Test
    void aFolderThatBecameAFileCannotBeUpdated() throws Exception {
        OutputStamp before = OutputStamp.take(site, pool);
        Files.delete(site.resolve("en/2024/12/31-b/index.html"));
        Files.delete(site.resolve("en/2024/12/31-b"));
        write("en/2024/12/31-b", "a file where a folder was");

        assertNull(before.updated(site, Set.of("en/2024/12/31-b/index.html", "en/2024/12/31-b")));
    }

    @Test
    void theDigestAloneIsTheWalksDigest() throws IOException, ExecutionException, InterruptedException {
        String before = OutputStamp.digest(site);
        assertEquals(OutputStamp.take(site, pool).digest(), before);
        // The digest alone skips the files' list and the stat lines, not the stats: an edit still changes it.
        replace("ar/search/terms-0.json", "[1]");
        assertNotEquals(before, OutputStamp.digest(site));
        assertEquals(OutputStamp.take(site, pool).digest(), OutputStamp.digest(site));
    }

    @Test
    void theWalkAfterACommitGivesTheDigestAndEveryFilesStats() throws IOException {
        OutputStamp.Walked walked = OutputStamp.walk(site);
        assertEquals(OutputStamp.digest(site), walked.digest());
        assertEquals(
                Set.of(
                        "index.html",
                        "sitemap.xml",
                        "en/index.html",
                        "en/2024/12/31-a/index.html",
                        "en/2024/12/31-b/index.html",
                        "en/-first/index.html",
                        "ar/2024/12/خبر/index.html",
                        "ar/search/terms-0.json"),
                walked.files().keySet());
        BasicFileAttributes read = Files.readAttributes(
                site.resolve("ar/2024/12/خبر/index.html"), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes seen = walked.files().get("ar/2024/12/خبر/index.html");
        assertEquals(read.size(), seen.size());
        assertEquals(read.lastModifiedTime(), seen.lastModifiedTime());
        assertEquals(read.fileKey(), seen.fileKey());
    }

    @Test
    void aSiteWalkedWhileStagedIsStampedAsAWalkAfterItsCommit() throws Exception {
        Path output = dir.resolve("out");
        StagedWalk staged = StagedWalk.start(site, output);
        staged.finish(); // as the commit does before it renames the staged folder
        Files.move(site, output, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(output.resolve(".marker"), "written by the commit", StandardCharsets.UTF_8);
        OutputStamp.Walked early = OutputStamp.walk(output, staged);
        OutputStamp.Walked after = OutputStamp.walk(output);
        assertEquals(after.digest(), early.digest());
        assertEquals(after.stamp().files(), early.stamp().files());
        assertEquals(after.stamp().entries().keySet(), early.stamp().entries().keySet());
        after.stamp().entries().forEach((entry, walked) -> {
            assertEquals(walked.line(), early.stamp().entries().get(entry).line());
            assertArrayEquals(walked.stats(), early.stamp().entries().get(entry).stats());
        });
        assertEquals(after.files().keySet(), early.files().keySet());
        after.files()
                .forEach((file, a) ->
                        assertEquals(a.fileKey(), early.files().get(file).fileKey()));
        // Stats read before the commit: the next check treats what changed shortly before the walk as racy.
        assertEquals(true, !early.stamp().readAt().isAfter(after.stamp().readAt()));
    }

    @Test
    void aStagedEntryChangedAfterItsWalkMakesTheStampDiffer() throws Exception {
        Path output = dir.resolve("out");
        StagedWalk staged = StagedWalk.start(site, output);
        staged.finish();
        Files.move(site, output, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(output.resolve("en/index.html"), "edited after the walk", StandardCharsets.UTF_8);
        assertNotEquals(
                OutputStamp.walk(output).digest(),
                OutputStamp.walk(output, staged).digest());
    }

    private void write(String rel, String text) throws IOException {
        Path p = site.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** As the commit replaces a file: a new one renamed over it (a new inode, the folder's time changes). */
    private void replace(String rel, String text) throws IOException {
        Path staged = dir.resolve("staged");
        Files.writeString(staged, text, StandardCharsets.UTF_8);
        Files.move(staged, site.resolve(rel), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
