package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The staged output: built beside the site, swapped in only on success, unchanged files keep their times. */
class OutputTreeTest {
    static final FileTime LONG_AGO = FileTime.from(Instant.parse("2017-01-01T00:00:00Z"));

    @TempDir
    Path tmp;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void commitSwapsTheNewSiteInAndKeepsTimesOfUnchangedFiles() throws IOException {
        Path out = tmp.resolve("site");
        try (OutputTree tree = OutputTree.open(out)) {
            tree.write("same.html", bytes("same"));
            tree.write("changed.html", bytes("old"));
            tree.write("gone/index.html", bytes("gone"));
            tree.commit();
        }
        Files.setLastModifiedTime(out.resolve("same.html"), LONG_AGO);
        Files.setLastModifiedTime(out.resolve("changed.html"), LONG_AGO);

        try (OutputTree tree = OutputTree.open(out)) {
            tree.write("same.html", bytes("same"));
            tree.write("changed.html", bytes("new"));
            tree.write("ar/خبر/index.html", bytes("عربي"));
            assertEquals(3, tree.filesWritten());
            assertEquals(4 + 3 + "عربي".getBytes(StandardCharsets.UTF_8).length, tree.bytesWritten());
            tree.commit();
        }
        assertEquals(
                List.of(OutputGuard.MARKER, "ar/خبر/index.html", "changed.html", "same.html"),
                List.copyOf(Trees.read(out).keySet()));
        assertEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("same.html")));
        assertNotEquals(LONG_AGO, Files.getLastModifiedTime(out.resolve("changed.html")));
        assertArrayEquals(bytes("new"), Files.readAllBytes(out.resolve("changed.html")));
        assertEquals(List.of("site"), Trees.list(tmp), "no staging or old folder left beside the site");
    }

    @Test
    void closingWithoutCommitDropsTheStagingFolderAndKeepsTheSite() throws IOException {
        Path out = tmp.resolve("site");
        Trees.write(out.resolve("index.html"), "previous");
        Trees.write(out.resolve(OutputGuard.MARKER), "an earlier build's");
        try (OutputTree tree = OutputTree.open(out)) {
            tree.write("index.html", bytes("half-built"));
            assertTrue(Files.isDirectory(tree.stagingDir()));
            assertTrue(tree.stagingDir().getFileName().toString().startsWith(".site.staging-"));
        }
        assertEquals("previous", Files.readString(out.resolve("index.html")));
        assertEquals(List.of("site"), Trees.list(tmp));
    }

    @Test
    void refusesToWriteOutsideTheSite() {
        try (OutputTree tree = OutputTree.open(tmp.resolve("site"))) {
            assertThrows(IllegalArgumentException.class, () -> tree.write("../escape.html", bytes("x")));
            assertThrows(IllegalArgumentException.class, () -> tree.resolve("a/../../escape.html"));
            assertThrows(IllegalArgumentException.class, () -> tree.resolve("/etc/passwd"));
            assertFalse(Files.exists(tmp.resolve("escape.html")));
        }
    }

    /** What the umask lets a new folder or file have, learnt from a folder and a file made the ordinary way. */
    private Set<PosixFilePermission> usual(boolean folder) throws IOException {
        Path probe = tmp.resolve(folder ? "probe-folder" : "probe-file");
        Set<PosixFilePermission> modes =
                Files.getPosixFilePermissions(folder ? Files.createDirectory(probe) : Files.createFile(probe));
        Files.delete(probe);
        return modes;
    }

    @Test
    void theSiteHasTheUsualModesSoThatAServerRunningAsAnotherUserCanReadIt() throws IOException {
        Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Set<PosixFilePermission> folders = usual(true);
        Set<PosixFilePermission> files = usual(false);
        assertTrue(folders.contains(PosixFilePermission.OTHERS_READ), "a umask that shuts others out: " + folders);
        Path out = tmp.resolve("site");
        Arshif.builder()
                .siteRoot(Trees.copy(Trees.site("bilingual"), tmp.resolve("src")))
                .output(out)
                .build()
                .build();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.toList()) {
                assertEquals(
                        PosixFilePermissions.toString(Files.isDirectory(p) ? folders : files),
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p)),
                        out.relativize(p).toString());
            }
        }
    }

    @Test
    void openingDeletesWhatKilledBuildsLeftBesideThisOutputAndNothingElse() throws IOException {
        Path out = tmp.resolve("site");
        Trees.write(out.resolve(OutputGuard.MARKER), "an earlier build's");
        Trees.write(out.resolve("index.html"), "the site");
        // Names of this version and of the last one (Files.createTempDirectory's numbers).
        Trees.write(tmp.resolve(".site.staging-k3j5x9/index.html"), "half a site");
        Trees.write(tmp.resolve(".site.staging-8123456789012345678/ar/index.html"), "half a site");
        Trees.write(tmp.resolve(".site.old-2jd8s1/index.html"), "half deleted");
        Trees.write(tmp.resolve(".site2.staging-k3j5x9/index.html"), "another output's");
        Trees.write(tmp.resolve(".site.staging-1.staging-k3j5x9/index.html"), "the output site.staging-1's");
        Trees.write(tmp.resolve("notes.txt"), "mine");
        try (OutputTree tree = OutputTree.open(out)) {
            tree.write("index.html", bytes("the new site"));
            tree.commit();
        }
        assertEquals(
                List.of(".site.staging-1.staging-k3j5x9", ".site2.staging-k3j5x9", "notes.txt", "site"),
                Trees.list(tmp));
        assertEquals("the new site", Files.readString(out.resolve("index.html")));
    }

    @Test
    void aBuildStoppedBetweenTheTwoMovesOfItsSwapIsCompletedByTheNextOne() throws IOException {
        Path out = tmp.resolve("site");
        // The old site was moved aside, the complete new one (marked last) was not moved in yet.
        Trees.write(tmp.resolve(".site.old-a1/index.html"), "old");
        Trees.write(tmp.resolve(".site.old-a1/" + OutputGuard.MARKER), "marked");
        Trees.write(tmp.resolve(".site.staging-b2/index.html"), "new");
        Trees.write(tmp.resolve(".site.staging-b2/" + OutputGuard.MARKER), "marked");
        List<String> log = new ArrayList<>();
        OutputTree.open(out, log::add).close();
        assertEquals(List.of("site"), Trees.list(tmp));
        assertEquals("new", Files.readString(out.resolve("index.html")));
        assertEquals(1, log.size(), log::toString);

        // Stopped while the new site was being written (no marker): the old one comes back.
        Files.move(out, tmp.resolve(".site.old-c3"));
        Trees.write(tmp.resolve(".site.staging-d4/index.html"), "half of a new site");
        OutputTree.open(out).close();
        assertEquals(List.of("site"), Trees.list(tmp));
        assertEquals("new", Files.readString(out.resolve("index.html")));

        // An old site whose deletion was cut short lost its marker first: it is never put back.
        Files.delete(out.resolve(OutputGuard.MARKER));
        Files.move(out, tmp.resolve(".site.old-e5"));
        OutputTree.open(out).close();
        assertEquals(List.of(), Trees.list(tmp));
    }
}
