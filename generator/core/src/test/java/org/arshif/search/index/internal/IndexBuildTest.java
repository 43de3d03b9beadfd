package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IndexBuildTest {

    @Test
    void separatorIsTheShortestPrefixAfterThePreviousTerm() {
        assertEquals("sc", ManifestWriter.separator("saw", "school"));
        assertEquals("abcd", ManifestWriter.separator("abc", "abcd"));
        assertEquals("ب", ManifestWriter.separator("اخير", "بيت"));
        String prev = "x";
        String next = "x\uD83D\uDE00a"; // a surrogate pair is never split
        assertEquals("x\uD83D\uDE00", ManifestWriter.separator(prev, next));
    }

    /**
     * The budget's size of a shard file on its grid: never smaller than the budget's, at most a step (4.4 %) larger,
     * rising with it, and the same for the sizes the bench's one-edit rebuild gave before and after its edit (12,271
     * and 12,272: as the budget gave them, they moved every shard's end).
     */
    @Test
    void theShardTargetStaysOnItsGrid() {
        assertEquals(ShardLayout.onGrid(12_271), ShardLayout.onGrid(12_272));
        assertEquals(8192, ShardLayout.onGrid(8192), "a power of two is on the grid");
        assertEquals(1, ShardLayout.onGrid(1));
        long last = 0;
        int values = 0;
        for (long size = 1000; size <= 40_000; size++) {
            long on = ShardLayout.onGrid(size);
            assertTrue(on >= size && on <= size * 1.045 + 1, size + " → " + on);
            assertTrue(on >= last, "rising: " + size);
            values += on != last ? 1 : 0;
            last = on;
        }
        assertTrue(values <= 16 * 6, "16 values an octave, over 5.3 octaves: " + values);
    }

    @Test
    void vlqRoundTrip() {
        StringBuilder sb = new StringBuilder();
        int[] values = {0, 1, 31, 32, 1023, 1024, 123456789, Integer.MAX_VALUE};
        for (int v : values) {
            Vlq.append(sb, v);
        }
        assertArrayEquals(values, Vlq.decode(sb.toString()));
        assertEquals(1, sb.indexOf("B"), "1 takes one character");
    }

    @Test
    void jsonEscapesWhatItMust() {
        StringBuilder sb = new StringBuilder();
        Json.quote(sb, "a\"b\\c\n\u0001\u2028</script>\uD800");
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\\u2028</script>\\ufffd\"", sb.toString());
    }

    @Test
    void leadsAndShortening() {
        String body = "word ".repeat(100);
        String lead = Excerpts.lead(body);
        assertTrue(lead.length() <= IndexFormat.LEAD + 2, lead);
        assertTrue(lead.endsWith(" …"));
        String shorter = Excerpts.shorten(lead);
        assertTrue(shorter.length() < lead.length() && shorter.endsWith(" …"), shorter);
        assertEquals("", Excerpts.shorten("short …"));
        assertEquals("one two", Excerpts.lead("one\n\n two"));
    }
}
