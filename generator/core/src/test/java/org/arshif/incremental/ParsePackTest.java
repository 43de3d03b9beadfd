package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few new entries go to the additions beside the pack, which stays as it was; past their share, the pack is
 * written whole again. A damaged additions file costs only its own entries.
 */
class ParsePackTest {
    private static final String GLOBAL = "0123abcd";

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private ParsePack open() {
        return new ParsePack(dir, GLOBAL, log::add, 0);
    }

    private static byte[] entry(char c, int length) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) c);
        return b;
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private byte[] file(String name) throws IOException {
        return Files.readAllBytes(dir.resolve(name));
    }

    /** A pack of a and b (1,000 bytes each), then c (100 bytes) added. */
    private void packThenAddition() throws IOException {
        ParsePack first = open();
        first.add("a", entry('a', 1000));
        first.add("b", entry('b', 1000));
        first.save(Set.of("a", "b"));
        ParsePack second = open();
        second.add("c", entry('c', 100));
        second.save(Set.of("a", "b", "c"));
    }

    /** {@link #packThenAddition}, then one byte of the additions file flipped; returns that file. */
    private Path packThenDamagedAddition() throws IOException {
        packThenAddition();
        Path added = dir.resolve(ParsePack.ADDED);
        byte[] bytes = Files.readAllBytes(added);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(added, bytes);
        return added;
    }

    @Test
    void aFewNewEntriesAreAddedBesideThePackWhichIsNotWrittenAgain() throws IOException {
        ParsePack first = open();
        first.add("a", entry('a', 1000));
        first.add("b", entry('b', 1000));
        first.save(Set.of("a", "b"));
        byte[] pack = file(ParsePack.FILE);
        assertFalse(Files.exists(dir.resolve(ParsePack.ADDED)), "a first pack is written whole");

        ParsePack second = open();
        second.add("c", entry('c', 100));
        second.save(Set.of("a", "b", "c"));
        assertArrayEquals(pack, file(ParsePack.FILE), "the pack is not written again");
        assertTrue(Files.size(dir.resolve(ParsePack.ADDED)) < 300, "the additions hold the new entry only");

        ParsePack third = open();
        assertArrayEquals(entry('a', 1000), bytes(third.packed("a")));
        assertArrayEquals(entry('c', 100), bytes(third.packed("c")));
        assertEquals(List.of(), log);
    }

    @Test
    void fewUnusedEntriesStayInThePackAndManyAreDropped() throws IOException {
        ParsePack first = open();
        first.add("a", entry('a', 1000));
        first.add("b", entry('b', 1000));
        first.add("e", entry('e', 100));
        first.save(Set.of("a", "b", "e"));
        byte[] pack = file(ParsePack.FILE);

        open().save(Set.of("a", "b")); // e unused: 100 of 2,100 bytes
        assertArrayEquals(pack, file(ParsePack.FILE), "a few unused bytes: nothing written");
        assertFalse(Files.exists(dir.resolve(ParsePack.ADDED)));

        open().save(Set.of("a")); // b and e unused: more than a quarter
        ParsePack compacted = open();
        assertNull(compacted.packed("b"), "many unused bytes: the pack is written again without them");
        assertNull(compacted.packed("e"));
        assertArrayEquals(entry('a', 1000), bytes(compacted.packed("a")));
    }

    @Test
    void anAdditionNoLongerUsedLeavesTheAdditions() throws IOException {
        packThenAddition();
        byte[] pack = file(ParsePack.FILE);
        open().save(Set.of("a", "b"));
        assertArrayEquals(pack, file(ParsePack.FILE));
        assertNull(open().packed("c"));
        assertTrue(Files.size(dir.resolve(ParsePack.ADDED)) < 100, "the additions hold nothing");
    }

    @Test
    void additionsPastTheirShareAreCompactedIntoOnePack() throws IOException {
        packThenAddition();
        ParsePack full = open();
        full.add("d", entry('d', 200)); // with c: 300 bytes, more than a sixteenth of 2,000
        full.save(Set.of("a", "b", "c", "d"));

        assertFalse(Files.exists(dir.resolve(ParsePack.ADDED)));
        ParsePack compacted = open();
        for (char c : "abcd".toCharArray()) {
            assertTrue(compacted.packed(String.valueOf(c)) != null, c + " kept");
        }
        assertTrue(Files.size(dir.resolve(ParsePack.FILE)) > 2300);
    }

    @Test
    void damagedAdditionsCostTheirOwnEntriesWithOneLine() throws IOException {
        Path added = packThenDamagedAddition();

        ParsePack reopened = open();
        assertNull(reopened.packed("c"), "the damaged additions' entry is a miss");
        assertArrayEquals(entry('a', 1000), bytes(reopened.packed("a")), "the pack's are not");
        assertEquals(1, log.size(), "one line: " + log);
        assertTrue(log.get(0).contains(added.toString()) && log.get(0).contains("its files are parsed"), log.get(0));

        reopened.add("c", entry('c', 100)); // parsed again
        reopened.save(Set.of("a", "b", "c"));
        log.clear();
        assertArrayEquals(entry('c', 100), bytes(open().packed("c")));
        assertEquals(List.of(), log, "sound again");
    }

    @Test
    void damagedAdditionsWhoseFilesAreGoneAreWrittenAgainAnyway() throws IOException {
        // The file of the addition was deleted before the damage was found: nothing is parsed again, yet the
        // damaged file must not stay, or every later build discards it again (a clean clone's CI found this).
        packThenDamagedAddition();
        open().save(Set.of("a", "b"));
        log.clear();
        ParsePack next = open();
        assertEquals(List.of(), log, "sound again");
        assertArrayEquals(entry('a', 1000), bytes(next.packed("a")));
        assertNull(next.packed("c"));
    }

    @Test
    void additionsWithoutTheirPackAreNotRead() throws IOException {
        packThenAddition();
        Files.delete(dir.resolve(ParsePack.FILE));
        ParsePack reopened = open();
        assertNull(reopened.packed("c"));
        assertNull(reopened.packed("a"));
    }

    @Test
    void spilledEntriesOfEverySizeComeBackWholeAndOnlyTheirOwnLength() throws IOException {
        // Entries pass through one reused array on their way from the spill file to the pack: a small one after a
        // large one must not carry the large one's tail, and one past the array's size must grow it.
        ParsePack first = open();
        byte[] scratch = entry('z', 300_000);
        System.arraycopy(entry('s', 10), 0, scratch, 0, 10);
        first.add("a-large", entry('l', 200_000));
        first.add("b-small", scratch, 10); // only the first ten bytes of the array are the entry
        first.add("c-medium", entry('m', 70_000));
        first.add("d-empty", new byte[0]);
        first.save(Set.of("a-large", "b-small", "c-medium", "d-empty"));
        ParsePack reopened = open();
        assertArrayEquals(entry('l', 200_000), bytes(reopened.packed("a-large")));
        assertArrayEquals(entry('s', 10), bytes(reopened.packed("b-small")));
        assertArrayEquals(entry('m', 70_000), bytes(reopened.packed("c-medium")));
        assertArrayEquals(new byte[0], bytes(reopened.packed("d-empty")));
        assertEquals(List.of(), log);
    }
}
