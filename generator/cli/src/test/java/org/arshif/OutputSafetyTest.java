package org.arshif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.CliProcess;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build replaces its whole output folder, so it refuses an output that is or holds the archive, its content,
 * templates or a git repository, a file, or a folder it did not write, with one finding that says what to do,
 * and changes nothing. Its own output, an empty folder and a site of an earlier version are replaced.
 */
class OutputSafetyTest {
    private static final String MARKER = ".arshif-site";

    @TempDir
    Path tmp;

    private Path root;
    private SortedMap<String, byte[]> before;

    @BeforeEach
    void anArchiveInGit() throws IOException {
        root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive")).toRealPath();
        Trees.write(root.resolve("templates/robots.txt"), "User-agent: *\n");
        GitRepo.init(root).commitAll("the archive", "2017-05-01T10:00:00Z");
        before = Trees.read(tmp);
    }

    private Arshif arshif(Path output) {
        return Arshif.builder()
                .siteRoot(root)
                .output(output)
                .clock(InvalidSitesTest.CLOCK)
                .build();
    }

    /** Builds into {@code output}, expects exactly one error, and checks that nothing changed on disk. */
    private String refused(Path output) {
        ContentException e =
                assertThrows(ContentException.class, () -> arshif(output).build());
        assertEquals(1, e.errors().size(), e::getMessage);
        assertSameTree(before, Trees.read(tmp));
        return e.errors().get(0).format();
    }

    private static void assertSameTree(SortedMap<String, byte[]> expected, SortedMap<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet(), "the files around the archive");
        expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
    }

    private static void assertStarts(String expectedStart, String line, String... keywords) {
        assertTrue(line.startsWith(expectedStart), () -> "expected\n  " + expectedStart + "…\nbut got\n  " + line);
        for (String k : keywords) {
            assertTrue(line.contains(k), () -> "'" + k + "' missing from: " + line);
        }
    }

    @Test
    void theArchiveItselfIsRefusedAndKeepsItsConfigurationContentAndGit() {
        assertStarts(
                root + ": error: the output folder is the site folder itself, and a build replaces the whole"
                        + " output folder: it would delete arshif.yml, content/",
                refused(root),
                "; build into a folder of its own (output=DIR), such as site/ in the archive");
        assertTrue(Files.isDirectory(root.resolve(".git")) && Files.isRegularFile(root.resolve("arshif.yml")));
    }

    @Test
    void aFolderHoldingTheArchiveIsRefused() {
        assertStarts(
                tmp.toAbsolutePath() + ": error: the output folder contains the site folder " + root, refused(tmp));
    }

    @Test
    void contentTemplatesAndFoldersInsideThemAreRefused() {
        assertStarts(
                "content: error: the output folder is content/ itself",
                refused(root.resolve("content")),
                "the dispatches");
        assertStarts(
                "templates: error: the output folder is the templates folder itself",
                refused(root.resolve("templates")));
        assertStarts(
                "content/en/site: error: the output folder is inside content/ " + root.resolve("content"),
                refused(root.resolve("content/en/site")),
                "read back as input");
        assertStarts(
                ".git/site: error: the output folder is inside the git repository's own folder",
                refused(root.resolve(".git/site")));
    }

    @Test
    void aFileIsRefused() {
        Path file = Trees.write(tmp.resolve("notes.txt"), "my notes\n");
        before = Trees.read(tmp);
        assertStarts(
                file + ": error: the output is a file, not a folder",
                refused(file),
                "choose another output folder (output=DIR)");
    }

    @Test
    void aFolderArshifDidNotWriteIsRefused() {
        Path photos = tmp.resolve("photos");
        Trees.write(photos.resolve("holiday.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        before = Trees.read(tmp);
        assertStarts(
                photos + ": error: the output folder is not empty and was not written by Arshif (it has no " + MARKER
                        + " file)",
                refused(photos),
                "delete the folder",
                "choose another output folder (output=DIR)");
    }

    @Test
    void aSiteFolderHoldingAGitRepositoryIsRefused() {
        Path pages = tmp.resolve("pages");
        arshif(pages).build();
        GitRepo.init(pages); // e.g. to push the site to a gh-pages branch
        before = Trees.read(tmp);
        assertStarts(
                pages + ": error: the output folder holds a git repository (.git), which a build would delete",
                refused(pages));
    }

    @Test
    void aCacheInsideTheOutputIsRefused() {
        Path site = root.resolve("site");
        ContentException e = assertThrows(
                ContentException.class,
                () -> Arshif.builder()
                        .siteRoot(root)
                        .output(site)
                        .cache(site.resolve("cache"))
                        .clock(InvalidSitesTest.CLOCK)
                        .build()
                        .build());
        assertEquals(
                List.of("site: error: the output folder holds the build cache " + site.resolve("cache")
                        + ", and every build replaces the whole output folder; keep the cache elsewhere, e.g. target/"),
                e.errors().stream().map(Diagnostic::format).toList());
    }

    @Test
    void theRefusalComesWithTheArchivesOwnFindings() {
        Trees.write(root.resolve("content/en/2017-05-09-bad.md"), "---\ntitle: Bad\ndraft: maybe\n---\n\nText.\n");
        ContentException e =
                assertThrows(ContentException.class, () -> arshif(root).build());
        List<String> errors = e.errors().stream().map(Diagnostic::format).toList();
        assertEquals(2, errors.size(), errors::toString);
        assertStarts(root + ": error: the output folder is the site folder itself", errors.get(0));
        assertStarts("content/en/2017-05-09-bad.md:3:8: error: 'draft' must be true or false", errors.get(1));
    }

    @Test
    void itsOwnOutputAnEmptyFolderAndASiteOfAnEarlierVersionAreReplaced() throws IOException {
        Path site = root.resolve("site");
        arshif(site).build();
        assertTrue(Files.isRegularFile(site.resolve(MARKER)), "the output is marked as Arshif's");
        SortedMap<String, byte[]> first = Trees.read(site);
        arshif(site).build();
        assertSameTree(first, Trees.read(site));

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        arshif(empty).build();
        assertSameTree(first, Trees.read(empty));

        // Arshif 0.1 wrote no marker: a folder with the files every such site has is taken as one.
        Files.delete(site.resolve(MARKER));
        Trees.write(site.resolve("en/2001/01/gone/index.html"), "an old page");
        // 0.1 kept its search client under fixed names; today's folder is named by the client's hash.
        Trees.write(site.resolve("static/js/search-page.js"), "// 0.1");
        Trees.write(site.resolve("static/js/analyzer.js"), "// 0.1");
        arshif(site).build();
        assertSameTree(first, Trees.read(site));
    }

    /** The command line, in a JVM of its own: the finding on standard error, exit 1, no stack trace. */
    @Test
    void theCommandLineGivesTheFindingAndNoStackTrace() {
        // Absolute: a relative --output is resolved against the test's own working folder.
        CliProcess.Result r =
                CliProcess.run(tmp.resolve("logs"), "build", "--source", root.toString(), "--output", root.toString());
        assertEquals(1, r.exit(), r.all());
        assertTrue(
                r.err().startsWith(root + ": error: the output folder is the site folder itself")
                        || r.err().contains("\n" + root + ": error: the output folder is the site folder itself"),
                r.all());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.all());
        // The fix in this front end's words, and only its: no Maven property for a CLI user.
        assertTrue(r.err().contains("build into a folder of its own (--output DIR)"), r.all());
        assertFalse(r.err().contains("arshif.output"), r.all());
        Trees.deleteTree(tmp.resolve("logs"));
        assertSameTree(before, Trees.read(tmp));
    }
}
