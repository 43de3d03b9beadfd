package org.arshif.search.index.internal;

import java.util.List;
import java.util.function.Function;
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

    /** The tail file of the entries {@code group}: their postings (format 11: their positions are apart). */
    String tail(int[] group, Supplier<String> write) {
        if (reuse == null) {
            return write.get();
        }
        Fingerprint f = new Fingerprint().tag('l');
        boolean clean = dirt != null;
        for (int t : group) {
            f.text(index.terms()[t]);
            clean &= dirt != null && dirt.postingsClean(t, t + 1);
        }
        Hash128 key = f.finish();
        String kept = reuse.keep(key, clean, files, IndexFileKind.TAIL);
        if (kept == null) {
            return reuse.wrote(key, write.get());
        }
        LiveParts last = reuse.parts(true);
        if (last != null) {
            reuse.parts(false).carryTailMembers(last, index, group);
        }
        return kept;
    }

    /** The positions file of the tail of the entries {@code group}. */
    String tailPositions(int[] group, Supplier<String> write) {
        if (reuse == null) {
            return write.get();
        }
        Fingerprint f = new Fingerprint().tag('y');
        boolean clean = dirt != null;
        for (int t : group) {
            f.text(index.terms()[t]);
            clean &= dirt != null && dirt.positionsClean(t, t + 1);
        }
        Hash128 key = f.finish();
        String kept = reuse.keep(key, clean, files, IndexFileKind.TAIL_POSITIONS);
        if (kept == null) {
            return reuse.wrote(key, write.get());
        }
        LiveParts last = reuse.parts(true);
        if (last != null) {
            reuse.parts(false).carryTailPositions(last, index, group);
        }
        return kept;
    }

    /**
     * The shard file of the term shards {@code members}, which name the tail files of their long lists. Its key is
     * made of its term shards' keys: a live server's run that encodes it takes each clean term shard from the last
     * run ({@link ShardMembers}).
     */
    String shard(List<IdRange> members, List<String> tailHashes, Function<ShardMembers, String> write) {
        if (reuse == null) {
            return write.apply(null);
        }
        Hash128[] keys = new Hash128[members.size()];
        boolean[] clean = new boolean[keys.length];
        Fingerprint f = new Fingerprint().tag('t');
        boolean allClean = dirt != null;
        for (int i = 0; i < keys.length; i++) {
            IdRange range = members.get(i);
            keys[i] = memberKey(range, tailHashes);
            f.number(keys[i].high()).number(keys[i].low());
            clean[i] = dirt != null && dirt.postingsClean(range.from(), range.to());
            allClean &= clean[i];
        }
        LiveParts parts = reuse.parts(false);
        ShardMembers known = parts == null ? null : new ShardMembers(keys, clean, reuse.parts(true), parts);
        Hash128 key = f.finish();
        String kept = reuse.keep(key, allClean, files, IndexFileKind.TERM_SHARD);
        if (kept == null) {
            return reuse.wrote(key, write.apply(known));
        }
        if (known != null) {
            known.carry();
            for (IdRange range : members) {
                known.carryText(index, layout, range);
            }
        }
        return kept;
    }

    /** A term shard's key: its terms and their tail files; a live server's last run's when they are the same. */
    private Hash128 memberKey(IdRange range, List<String> tailHashes) {
        Supplier<Hash128> made = () -> {
            Fingerprint member = new Fingerprint().number(range.to() - range.from());
            terms(member, range, tailHashes);
            return member.finish();
        };
        LiveParts last = reuse.parts(true);
        if (last == null) {
            return made.get();
        }
        String[] tails = new String[range.to() - range.from()];
        for (int t = range.from(); t < range.to(); t++) {
            tails[t - range.from()] = layout.hasTail(t) ? tailHashes.get(layout.tailOf()[t]) : "";
        }
        return reuse.parts(false).shardKey(last, index, range, tails, made);
    }

    /**
     * The term shards of one shard file, for a live server's run: by their keys, the clean ones the last run
     * encoded ({@code last}), and this run's ({@code parts}), kept for the next run.
     */
    record ShardMembers(Hash128[] keys, boolean[] clean, LiveParts last, LiveParts parts) {
        /** Term shard {@code i} as the last run encoded it, when none of its terms changed; else null. */
        LiveParts.Member known(int i) {
            return clean[i] ? last.member(keys[i]) : null;
        }

        /**
         * Term shard {@code i} ({@code range}) apart from its tails, as the last run made it, when none of its terms
         * changed; else null.
         */
        LiveParts.ShardText text(int i, InvertedIndex index, ShardLayout layout, IdRange range) {
            return clean[i] ? last.text(index, layout, range) : null;
        }

        /** Keeps the last run's text of term shard {@code range}, when it is still this run's, for the next run. */
        void carryText(InvertedIndex index, ShardLayout layout, IdRange range) {
            LiveParts.ShardText text = last.text(index, layout, range);
            if (text != null) {
                parts.text(text);
            }
        }

        /** Keeps term shard {@code i}, as this run has it, for the next run. */
        void made(int i, LiveParts.Member member) {
            parts.member(keys[i], member);
        }

        /** The file is kept: so are its term shards, for the next run. */
        void carry() {
            for (int i = 0; i < keys.length; i++) {
                LiveParts.Member m = last.member(keys[i]);
                if (m != null) {
                    parts.member(keys[i], m);
                }
            }
        }
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
        Hash128 key = f.finish();
        String kept = reuse.keep(key, clean, files, IndexFileKind.POSITIONS);
        if (kept == null) {
            return reuse.wrote(key, write.get());
        }
        carryPositions(shards);
        return kept;
    }

    /** A kept pack's term shards keep their positions for a live server's next run, which may encode the pack. */
    private void carryPositions(List<IdRange> shards) {
        LiveParts last = reuse.parts(true);
        if (last == null) {
            return;
        }
        for (IdRange range : shards) {
            LiveParts.ShardPositions known = last.positions(index, layout, range);
            if (known != null) {
                reuse.parts(false).positions(known);
            }
        }
    }

    /** Each entry's key and whether it has a tail (with {@code tailHashes}: which one). */
    private void terms(Fingerprint f, IdRange range, List<String> tailHashes) {
        for (int t = range.from(); t < range.to(); t++) {
            f.text(index.terms()[t]);
            boolean tail = layout.hasTail(t);
            f.text(!tail ? "" : tailHashes == null ? "tail" : tailHashes.get(layout.tailOf()[t]));
        }
    }
}
