package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.arshif.incremental.SeenFiles.Seen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load that saw a few source files change writes those beside the list of what it saw, which stays as it was;
 * read back, the two are exactly what that load saw.
 */
class SeenFilesTest {
    private static final String GLOBAL = "0123abcd";

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private SeenFiles open() {
        return new SeenFiles(dir, GLOBAL, log::add);
    }

    private static Map<String, Seen> files(int count) {
        Map<String, Seen> files = new HashMap<>();
        for (int i = 0; i < count; i++) {
            files.put("content/en/" + i + ".md", seen(i, "key" + i));
        }
        return files;
    }

    private static Seen seen(long size, String key) {
        return new Seen(size, 1_000_000_000L * size, "(dev=1,ino=" + size + ")", "- - -", key);
    }

    private byte[] list() throws IOException {
        return Files.readAllBytes(dir.resolve(ParseCache.FILES));
    }

    private void assertSeen(Map<String, Seen> expected, SeenFiles actual, String... gone) {
        expected.forEach((path, seen) -> assertEquals(seen, actual.get(path), path));
        for (String path : gone) {
            assertNull(actual.get(path), path + " is gone");
        }
        assertTrue(actual.at() > 0);
    }

    @Test
    void aFewChangesAreWrittenBesideTheListAndReadBackExactly() throws IOException {
        Map<String, Seen> first = files(1000);
        open().save(first);
        byte[] list = list();
        assertFalse(Files.exists(dir.resolve(SeenFiles.ADDED)), "a first list is written whole");

        Map<String, Seen> second = new HashMap<>(first);
        second.put("content/en/5.md", seen(5, "edited"));
        second.remove("content/en/6.md");
        second.put("content/en/new.md", seen(2000, "new"));
        open().save(second);

        assertArrayEquals(list, list(), "the list is not written again");
        assertTrue(Files.size(dir.resolve(SeenFiles.ADDED)) < 300, "the changes alone");
        assertSeen(second, open(), "content/en/6.md");

        Map<String, Seen> third = new HashMap<>(second);
        third.put("content/en/7.md", seen(7, "edited too"));
        open().save(third);
        assertArrayEquals(list, list());
        assertSeen(third, open(), "content/en/6.md");
        assertEquals(List.of(), log);
    }

    @Test
    void nothingChangedWritesNothingAndManyChangesAListAgain() throws IOException {
        Map<String, Seen> first = files(1000);
        open().save(first);
        Map<String, Seen> second = new HashMap<>(first);
        second.put("content/en/5.md", seen(5, "edited"));
        open().save(second);
        byte[] changes = Files.readAllBytes(dir.resolve(SeenFiles.ADDED));

        open().save(second);
        assertArrayEquals(changes, Files.readAllBytes(dir.resolve(SeenFiles.ADDED)), "nothing new: not written");

        Map<String, Seen> many = files(1000);
        for (int i = 0; i < 200; i++) {
            many.put("content/en/" + i + ".md", seen(i, "edited " + i));
        }
        open().save(many);
        assertFalse(Files.exists(dir.resolve(SeenFiles.ADDED)), "200 of 1,000 changed: one list again");
        assertSeen(many, open());
    }

    @Test
    void damagedChangesMeanEveryFileIsReadWithOneLine() throws IOException {
        Map<String, Seen> first = files(1000);
        open().save(first);
        Map<String, Seen> second = new HashMap<>(first);
        second.put("content/en/5.md", seen(5, "edited"));
        open().save(second);
        Path changes = dir.resolve(SeenFiles.ADDED);
        byte[] bytes = Files.readAllBytes(changes);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(changes, bytes);

        SeenFiles damaged = open();
        assertNull(damaged.get("content/en/5.md"));
        assertNull(damaged.get("content/en/1.md"), "not the list's either: what changed is unknown");
        assertEquals(1, log.size(), "one line: " + log);
        assertTrue(log.get(0).contains(changes.toString()), log.get(0));

        damaged.save(second);
        log.clear();
        assertSeen(second, open());
        assertEquals(List.of(), log, "sound again");
    }
}
