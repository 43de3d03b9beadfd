package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.arshif.testing.Trees;
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
        assertEquals(List.of(OutputGuard.MARKER, "ar/خبر/index.html", "changed.html", "same.html"),
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
}
