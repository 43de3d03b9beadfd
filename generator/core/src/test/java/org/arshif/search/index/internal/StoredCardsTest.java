package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.arshif.internal.Fingerprint.Hash128;
import org.arshif.search.SearchDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cached build takes a card whose JSON the last build stored as it was stored, compresses the others, and stores
 * its cards with its postings; cards made by another deflater are not used.
 */
class StoredCardsTest {
    private static final long FILE_BYTES = 1 << 20;
    private static final int CHUNK_BYTES = 1 << 15;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aStoredCardIsTakenAsItWasAndAChangedOneIsCompressedAgain() {
        Documents docs = Documents.prepare("en", documents("Story 2"));
        Hash128[] keys = new Hash128[3];
        CardSlots first = CardSlots.packStored("en", docs, FILE_BYTES, CHUNK_BYTES, pool, null, keys);
        CardSlots plain = CardSlots.pack("en", docs, FILE_BYTES, CHUNK_BYTES, pool);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(plain.packed()[i], first.packed()[i], "without stored cards, the cards are the same");
            assertNotNull(keys[i]);
        }
        byte[][] stored = first.packed().clone();
        byte[] marked = {1, 2, 3};
        stored[1] = marked; // what only a card taken from the store could hold

        Documents edited = Documents.prepare("en", documents("Story 2, corrected"));
        Hash128[] now = new Hash128[3];
        CardSlots second = CardSlots.packStored(
                "en", edited, FILE_BYTES, CHUNK_BYTES, pool, new StoredCards(keys, stored, first.noLead()), now);

        assertSame(marked, second.packed()[1], "an unchanged card is the stored one, not compressed again");
        assertArrayEquals(first.packed()[0], second.packed()[0]);
        assertArrayEquals(
                CardSlots.pack("en", edited, FILE_BYTES, CHUNK_BYTES, pool).packed()[2],
                second.packed()[2],
                "a card whose JSON changed is compressed anew");
        assertEquals(keys[0], now[0]);
        assertEquals(false, keys[2].equals(now[2]), "a changed card has another key");
    }

    @Test
    void storedCardsComeBackOnlyForTheDeflaterThatMadeThem() throws Exception {
        Documents docs = Documents.prepare("en", documents("Story 2"));
        Hash128[] keys = new Hash128[3];
        CardSlots cards = CardSlots.packStored("en", docs, FILE_BYTES, CHUNK_BYTES, pool, null, keys);
        Path file = dir.resolve("search-index-en.postings");
        IndexSettings settings =
                new IndexSettings(10, 8000, 4000, 64000, 1 << 20, 1 << 15, true, 38, 2, "{}", Set.of());
        PatchBase base = new PatchBase(
                new Hash128[0],
                new InvertedIndex.ById(new Postings[0], new int[0], new int[0]),
                new InvertedIndex.Dictionary(new String[0], new Postings[0]),
                new TermIds());
        StoredPostings.write(
                file, "v1", "en", settings, base, null, new StoredCards(keys, cards.packed(), cards.noLead()));

        StoredCards back = StoredPostings.read(file, "v1").cards();
        assertNotNull(back, "this JVM's deflater made them");
        assertArrayEquals(keys, back.keys());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(cards.packed()[i], back.packed()[i]);
        }
        assertArrayEquals(cards.noLead(), back.noLead());

        StoredPostings other = StoredPostings.read(file, "v1", new Hash128(1, 2));
        assertNotNull(other, "the postings are still read");
        assertNull(other.cards(), "cards another deflater made are not used");

        StoredPostings.write(file, "v1", "en", settings, base, null, null);
        assertNull(StoredPostings.read(file, "v1").cards(), "no cards stored: none read");
    }

    private static List<SearchDocument> documents(String thirdTitle) {
        List<SearchDocument> out = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            out.add(new SearchDocument(
                    "/en/2024/01/0" + (i + 1) + "/story-" + i + "/",
                    i == 2 ? thirdTitle : "Story " + i,
                    "2024-01-0" + (i + 1),
                    (i + 1) + " January 2024",
                    List.of(),
                    "Body number " + i + " of the archive, on markets and energy.",
                    "en"));
        }
        return out;
    }
}
