package org.arshif.search.index.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The JSON of the term shards that hold a frequent term alone ({@code terms.alone}), encoded once per build: each is
 * both its member of a shard file and its lexicon member (format 13), written by two tasks that run side by side. The
 * first to ask encodes it; the other waits for it and takes the same string. Other shards pass through unkept.
 */
final class FrequentShardJson {
    private final Set<IdRange> alone = new HashSet<>();
    private final Map<IdRange, String> made = new ConcurrentHashMap<>();

    FrequentShardJson(ShardLayout layout) {
        List<IdRange> shards = layout.shards();
        for (int i : layout.alone()) {
            alone.add(shards.get(i));
        }
    }

    /** The JSON of {@code range}: kept (or taken as kept) when the shard holds a frequent term alone. */
    String json(IdRange range, Function<IdRange, String> encode) {
        return alone.contains(range) ? made.computeIfAbsent(range, encode) : encode.apply(range);
    }
}
