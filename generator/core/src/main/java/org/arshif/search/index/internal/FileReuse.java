package org.arshif.search.index.internal;

import java.util.List;
import java.util.function.Supplier;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Fingerprint.Hash128;

/**
 * The index files of a run that an earlier build may have written already (see {@link IndexReuse}): each is
 * named by a fingerprint of its terms; a clean one is kept, any other encoded by {@code write}.
 *
 * @param reuse  what the last build left, or null: every file is encoded and nothing remembered
 * @param dirt   the entries the changed documents touched, or null: every file is encoded
 */
record FileReuse(IndexReuse reuse, Dirt dirt, InvertedIndex index, ShardLayout layout, IndexFiles files) {

    /** The tail file of the entries {@code group} (postings and positions). */
    String tail(int[] group, Supplier<String> write) {
        if (reuse == null) {
            return write.get();
        }
        Fingerprint f = new Fingerprint().tag('l');
        boolean clean = dirt != null;
        for (int t : group) {
            f.text(index.terms()[t]);
            clean &= dirt != null && dirt.postingsClean(t, t + 1) && dirt.positionsClean(t, t + 1);
        }
        return keepOrWrite(f.finish(), clean, write, "l.#.bin", "y.#.json.gz");
    }

    /** The shard file of the term shards {@code members}, which name the tail files of their long lists. */
    String shard(List<IdRange> members, List<String> tailHashes, Supplier<String> write) {
        if (reuse == null) {
            return write.get();
        }
        Fingerprint f = new Fingerprint().tag('t');
        boolean clean = dirt != null;
        for (IdRange range : members) {
            f.number(range.to() - range.from());
            terms(f, range, tailHashes);
            clean &= dirt != null && dirt.postingsClean(range.from(), range.to());
        }
        return keepOrWrite(f.finish(), clean, write, "t.#.bin");
    }

    /** The position pack of the term shards {@code shards}. */
    String pack(List<IdRange> shards, Supplier<String> write) {
        if (reuse == null) {
            return write.get();
        }
        Fingerprint f = new Fingerprint().tag('x');
        boolean clean = dirt != null;
        for (IdRange range : shards) {
            f.number(range.to() - range.from());
            terms(f, range, null);
            clean &= dirt != null && dirt.positionsClean(range.from(), range.to());
        }
        return keepOrWrite(f.finish(), clean, write, "x.#.json.gz");
    }

    /** Each entry's key and whether it has a tail (with {@code tailHashes}: which one). */
    private void terms(Fingerprint f, IdRange range, List<String> tailHashes) {
        for (int t = range.from(); t < range.to(); t++) {
            f.text(index.terms()[t]);
            boolean tail = layout.hasTail(t);
            f.text(!tail ? "" : tailHashes == null ? "tail" : tailHashes.get(layout.tailOf()[t]));
        }
    }

    private String keepOrWrite(Hash128 key, boolean clean, Supplier<String> write, String... names) {
        String kept = reuse.keep(key, clean, files, names);
        return kept != null ? kept : reuse.wrote(key, write.get());
    }
}
