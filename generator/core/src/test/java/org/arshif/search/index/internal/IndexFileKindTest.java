package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexFileKindTest {
    private static final byte[] CONTENT = "a term shard's bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void eachKindIsReadBackFromItsName() {
        String hash = Blob.hash(CONTENT);
        for (IndexFileKind kind : IndexFileKind.values()) {
            assertEquals(Optional.of(kind), IndexFileKind.of(kind.named(hash)), kind.named(hash));
        }
    }

    @Test
    void namesAreTheFormatsSpelling() {
        assertEquals("t.abc.bin", IndexFileKind.TERM_SHARD.named("abc"));
        assertEquals("y.abc.json.gz", IndexFileKind.TAIL_POSITIONS.named("abc"));
        assertEquals("k.abc.3.bin", IndexFileKind.CARDS.chunk("abc", 3));
    }

    @Test
    void chunksAndOtherFilesAreNoWholeFileOfAKind() {
        assertEquals(Optional.empty(), IndexFileKind.of("k.abc.3.bin"));
        assertEquals(Optional.empty(), IndexFileKind.of("manifest.abc.json.gz"));
        assertEquals(Optional.empty(), IndexFileKind.of("t.abc.json.gz"));
        assertTrue(IndexFileKind.CARDS.names("k.abc.3.bin"));
        assertFalse(IndexFileKind.TAIL.names("t.abc.bin"));
    }

    @Test
    void aFileMatchesOnlyTheNameOfItsOwnBytesAndKind() {
        String name = IndexFileKind.SHARD_BUNDLE.named(Blob.hash(CONTENT));
        assertTrue(IndexFileKind.SHARD_BUNDLE.matches(name, CONTENT));
        byte[] damaged = CONTENT.clone();
        damaged[3] ^= 1;
        assertFalse(IndexFileKind.SHARD_BUNDLE.matches(name, damaged));
        assertFalse(IndexFileKind.TAIL_BUNDLE.matches(name, CONTENT));
    }
}
