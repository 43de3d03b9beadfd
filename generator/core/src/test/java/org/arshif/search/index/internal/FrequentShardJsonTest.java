package org.arshif.search.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FrequentShardJsonTest {
    private static final List<IdRange> SHARDS = List.of(new IdRange(0, 40), new IdRange(40, 41), new IdRange(41, 90));

    @Test
    void aFrequentTermsShardIsEncodedOnceForItsFileAndTheLexicon() {
        FrequentShardJson frequent =
                new FrequentShardJson(new ShardLayout(List.of(), new int[0], SHARDS, new int[] {1}));
        AtomicInteger encoded = new AtomicInteger();
        String forFile = frequent.json(SHARDS.get(1), r -> "{\"t\":" + encoded.incrementAndGet() + "}");
        String forLexicon = frequent.json(SHARDS.get(1), r -> "{\"t\":" + encoded.incrementAndGet() + "}");
        assertEquals("{\"t\":1}", forFile);
        assertEquals(forFile, forLexicon);
        assertEquals(1, encoded.get());
    }

    @Test
    void otherShardsAreEncodedEachTimeAndNotKept() {
        FrequentShardJson frequent =
                new FrequentShardJson(new ShardLayout(List.of(), new int[0], SHARDS, new int[] {1}));
        AtomicInteger encoded = new AtomicInteger();
        frequent.json(SHARDS.get(0), r -> "a" + encoded.incrementAndGet());
        assertEquals("a2", frequent.json(SHARDS.get(0), r -> "a" + encoded.incrementAndGet()));
    }
}
