package org.arshif.search.index.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.arshif.internal.Fingerprint.Hash128;

/**
 * What a live server keeps of its last index's files besides their bytes, so that an edit's run encodes only the
 * term shards its documents touched, not the files around them: each term shard's JSON and gzip member, by the key
 * of its terms (a file is made of four: one dirty term shard re-encoded its three clean neighbours), and the member
 * sizes of the shard and tail files, by file name (the shard bundle and the term shards that name a tail need
 * them, and a kept file's were measured by inflating it or encoding its lists again). Both are functions of what
 * they are keyed by. Thread-safe.
 */
final class LiveParts {
    /** A term shard as encoded: its JSON (for its file's hash) and its gzip member. */
    record Member(String json, byte[] gzip) {}

    private final Map<Hash128, Member> members = new ConcurrentHashMap<>();
    private final Map<String, int[]> sizes = new ConcurrentHashMap<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger encoded = new AtomicInteger();

    /** The term shard of this key, or null. */
    Member member(Hash128 key) {
        return members.get(key);
    }

    /** Keeps the term shard of this key for the next run. */
    void member(Hash128 key, Member member) {
        members.put(key, member);
    }

    /** Counts a term shard of an encoded shard file: taken from the last run, or encoded. */
    void counted(boolean wasTaken) {
        (wasTaken ? taken : encoded).incrementAndGet();
    }

    /** Term shards of the encoded shard files taken from the last run, by this run. */
    int taken() {
        return taken.get();
    }

    /** Term shards encoded by this run. */
    int encoded() {
        return encoded.get();
    }

    /**
     * The member sizes of the file {@code name}: this run's, else {@code last}'s, else measured; kept for the next
     * run.
     */
    int[] sizes(String name, LiveParts last, Supplier<int[]> measure) {
        return sizes.computeIfAbsent(name, n -> {
            int[] known = last.sizes.get(n);
            return known != null ? known : measure.get();
        });
    }

    /** Records the member sizes of the file {@code name}, as written. */
    void sizes(String name, int[] memberSizes) {
        sizes.put(name, memberSizes);
    }

    /**
     * This run's parts for the next run: its term shards (a kept file's carried from {@code last} when it was
     * kept), and the member sizes of the files still in the index ({@code hashes}: the hashes they are named by)
     * from both runs.
     */
    LiveParts handedOn(LiveParts last, Collection<String> hashes) {
        LiveParts next = new LiveParts();
        next.members.putAll(members);
        Set<String> live = new HashSet<>(hashes);
        for (Map<String, int[]> from : List.of(last.sizes, sizes)) {
            from.forEach((name, s) -> {
                if (live.contains(name.substring(2, name.indexOf('.', 2)))) {
                    next.sizes.put(name, s);
                }
            });
        }
        return next;
    }
}
