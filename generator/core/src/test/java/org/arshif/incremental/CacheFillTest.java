package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.internal.CheckedFile;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fill's files, made before its answer and written in place after it: a deleted folder is not made again, a
 * file not made before is not written, and another build's marker is not deleted.
 */
class CacheFillTest {
    @TempDir
    Path dir;

    @Test
    void aReservedFileIsEmptyUntilWrittenInPlaceAndThenReadsAsAnyCheckedFile() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path file = cache.resolve("pages.bin");
        CheckedFile.write(file, "old".getBytes(StandardCharsets.UTF_8));
        try (CacheFill fill = CacheFill.begin(cache)) {
            fill.reserve(file);
            assertEquals(0, Files.size(file), "made anew, empty: the old file's readers keep theirs");
            fill.writes().write(file, out -> out.writeUTF("new"));
            assertTrue(fill.finished());
        }
        assertArrayEquals(utf("new"), CheckedFile.read(file));
        assertFalse(Files.exists(cache.resolve(CacheFill.MARKER)));
    }

    @Test
    void afterTheFolderIsDeletedTheFillWritesWhereNoReaderLooksAndMakesNothingAgain() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("target/cache"));
        Path file = Files.createDirectories(cache.resolve("parsed")).resolve("pack.bin");
        try (CacheFill fill = CacheFill.begin(cache)) {
            fill.reserve(file);
            Trees.deleteTree(dir.resolve("target")); // mvn clean
            assertFalse(fill.stillHere());
            fill.writes().write(file, out -> out.writeUTF("entries"));
            fill.writes().delete(file);
            assertFalse(fill.finished(), "no marker of its own to delete");
        }
        assertEquals(List.of(), Trees.list(dir));
    }

    @Test
    void aFileNotMadeBeforeTheAnswerIsNeitherWrittenNorDeleted() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        Path other = Trees.write(cache.resolve("check-memo"), "another build's");
        try (CacheFill fill = CacheFill.begin(cache)) {
            CheckedFile.Writes writes = fill.writes();
            IOException written = assertThrows(
                    IOException.class, () -> writes.write(cache.resolve("pages.bin"), out -> out.writeInt(1)));
            assertTrue(written.getMessage().contains("did not make before the answer"), written.getMessage());
            assertThrows(IOException.class, () -> writes.delete(other));
            writes.delete(cache.resolve("none.bin")); // nothing there: nothing to refuse
        }
        assertFalse(Files.exists(cache.resolve("pages.bin")));
        assertEquals("another build's", Files.readString(other));
    }

    @Test
    void anotherBuildsMarkerMadeAfterACleanIsLeftInPlace() throws IOException {
        Path cache = Files.createDirectories(dir.resolve("cache"));
        try (CacheFill fill = CacheFill.begin(cache)) {
            Trees.deleteTree(cache);
            Files.createDirectories(cache);
            try (CacheFill other = CacheFill.begin(cache)) {
                assertFalse(fill.stillHere());
                assertFalse(fill.finished());
                assertTrue(Files.exists(cache.resolve(CacheFill.MARKER)), "the other fill's marker stays");
                assertTrue(other.stillHere());
                assertTrue(other.finished());
            }
        }
        assertFalse(Files.exists(cache.resolve(CacheFill.MARKER)));
    }

    private static byte[] utf(String text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new java.io.DataOutputStream(bytes).writeUTF(text);
        return bytes.toByteArray();
    }
}
