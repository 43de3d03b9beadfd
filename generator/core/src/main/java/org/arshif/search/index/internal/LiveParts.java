package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
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
 * they are keyed by. Also each term shard's positions, as its position pack has them, and each card file's name,
 * both checked against what they are made of by identity (a live server's index patches only the lists and cards
 * an edit touched): an edit's pack encodes one term shard's positions, not 64, and its unchanged card files are
 * neither laid out nor hashed again. Thread-safe.
 */
final class LiveParts {
    /** A term shard as encoded: its JSON (for its file's hash) and its gzip member. */
    record Member(String json, byte[] gzip) {}

    /**
     * A term shard's positions in its pack: its JSON, made of its terms' postings (a list is never changed once an
     * index holds it: an edit makes a new one) and of which of them have a tail (their positions are there); and
     * its piece of a pack's gzip after a comma ({@link GzipPieces}), and its piece as a pack's first, once made.
     */
    record ShardPositions(
            String[] terms, Postings[] postings, boolean[] tails, String json, byte[] piece, GzipPieces.Once first) {
        /** Whether terms {@code shard} of {@code index} with these tails are what this was made of. */
        boolean madeOf(InvertedIndex index, ShardLayout layout, IdRange shard) {
            return sameTerms(terms, postings, tails, index, layout, shard);
        }
    }

    /**
     * A term shard's text apart from the names and places of its tail files: each inline list's postings (null: a
     * long list, in a tail) and its best postings and facets ({@code "h"} and {@code "f"} to the end), made of its
     * terms' postings and of which of them have a tail. An edit inside a body moves the positions of the frequent
     * terms after it, which renames their tail files (both files of a tail share a hash, SEARCH-FORMAT §3): the term
     * shards naming those take this instead of encoding their lists again (bench/RESULTS.md, w25-serve).
     */
    record ShardText(String[] terms, Postings[] postings, boolean[] tails, String[] inline, String best) {
        /** Whether terms {@code shard} of {@code index} with these tails are what this was made of. */
        boolean madeOf(InvertedIndex index, ShardLayout layout, IdRange shard) {
            return sameTerms(terms, postings, tails, index, layout, shard);
        }
    }

    /**
     * A term shard's member of the lexicon ({@link LexiconWriter}), made of its terms and their lists (a list's document
     * frequency is all it reads of it).
     */
    record LexiconMember(String[] terms, Postings[] postings, byte[] member) {
        /** Whether terms {@code shard} of {@code index} are what this was made of. */
        boolean madeOf(InvertedIndex index, IdRange shard) {
            if (shard.to() - shard.from() != terms.length) {
                return false;
            }
            for (int i = 0; i < terms.length; i++) {
                int t = shard.from() + i;
                if (index.terms()[t] != terms[i] || index.postings()[t] != postings[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A long list's member of its tail file, gzip'd: made of its postings ({@code own}) and, for a surface key's
     * flags, its term's ({@code its}, null for a term).
     */
    record TailMember(Postings own, Postings its, boolean flagged, byte[] gzip) {}

    private static boolean sameTerms(
            String[] terms,
            Postings[] postings,
            boolean[] tails,
            InvertedIndex index,
            ShardLayout layout,
            IdRange shard) {
        if (shard.to() - shard.from() != terms.length) {
            return false;
        }
        for (int i = 0; i < terms.length; i++) {
            int t = shard.from() + i;
            if (index.terms()[t] != terms[i] || index.postings()[t] != postings[i] || layout.hasTail(t) != tails[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A card file as written: the cards it holds (each card's bytes are never changed once made: an edited card is a
     * new array), their slot and chunks, what the writer returned and the names of its files.
     */
    record CardFile(byte[][] cards, int slot, int perChunk, boolean chunks, String result, List<String> names) {
        /** Whether cards {@code from..to-1} of {@code slots}, chunked so or not, make this file. */
        boolean madeOf(CardSlots slots, int from, int to, boolean chunked) {
            if (slots.slot() != slot
                    || slots.perChunk() != perChunk
                    || chunked != chunks
                    || to - from != cards.length) {
                return false;
            }
            for (int i = 0; i < cards.length; i++) {
                if (slots.packed()[from + i] != cards[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A term shard's key ({@link FileReuse#shard}), made of its terms and the names of their tail files ("": none). */
    record ShardKey(String[] terms, String[] tails, Hash128 key) {
        /** Whether terms {@code range} of {@code index}, with these tails, are what this key was made of. */
        boolean madeOf(InvertedIndex index, IdRange range, String[] now) {
            if (range.to() - range.from() != terms.length) {
                return false;
            }
            for (int i = 0; i < terms.length; i++) {
                if (index.terms()[range.from() + i] != terms[i] || !tails[i].equals(now[i])) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A long list's positions (VLQ), and its piece of its tail positions file's gzip after a comma ({@link
     * GzipPieces}), or null when it was the file's first list; and its piece as a file's first, once made.
     */
    record TailPositions(String vlq, byte[] piece, GzipPieces.Once first) {}

    // handed on to the next run as they are (handedOn): not final
    private Map<Hash128, Member> members = new ConcurrentHashMap<>();
    // by the shard's first term (the instance), checked by ShardKey.madeOf
    private Map<String, ShardKey> shardKeys = Collections.synchronizedMap(new IdentityHashMap<>());
    // by the postings of the shard's first term, checked by ShardPositions.madeOf
    private Map<Postings, ShardPositions> positions = Collections.synchronizedMap(new IdentityHashMap<>());
    // a long list's positions in its tail positions file, by its postings (a list is never changed once an index
    // holds it)
    private Map<Postings, TailPositions> tailPositions = Collections.synchronizedMap(new IdentityHashMap<>());
    // by the list's postings, checked against its term's
    private Map<Postings, TailMember> tailMembers = Collections.synchronizedMap(new IdentityHashMap<>());
    // by the postings of the shard's first term, checked by ShardText.madeOf
    private Map<Postings, ShardText> texts = Collections.synchronizedMap(new IdentityHashMap<>());
    // by the postings of the shard's first term, checked by LexiconMember.madeOf
    private Map<Postings, LexiconMember> lexicon = Collections.synchronizedMap(new IdentityHashMap<>());
    // by the id of the file's first card, checked by CardFile.madeOf
    private Map<Integer, CardFile> cardFiles = new ConcurrentHashMap<>();
    private final Map<String, int[]> sizes = new ConcurrentHashMap<>();
    private final AtomicInteger taken = new AtomicInteger();
    private final AtomicInteger encoded = new AtomicInteger();
    private final AtomicInteger textKept = new AtomicInteger();

    /** The term shard of this key, or null. */
    Member member(Hash128 key) {
        return members.get(key);
    }

    /** Keeps the term shard of this key for the next run. */
    void member(Hash128 key, Member member) {
        members.put(key, member);
    }

    /** The positions of term shard {@code shard} as this run has it, when the last run made them of the same; or null. */
    ShardPositions positions(InvertedIndex index, ShardLayout layout, IdRange shard) {
        if (shard.to() <= shard.from()) {
            return null;
        }
        ShardPositions known = positions.get(index.postings()[shard.from()]);
        return known != null && known.madeOf(index, layout, shard) ? known : null;
    }

    /** The text of term shard {@code shard} as this run has it, when the last run made it of the same; or null. */
    ShardText text(InvertedIndex index, ShardLayout layout, IdRange shard) {
        ShardText known = shard.to() > shard.from() ? texts.get(index.postings()[shard.from()]) : null;
        return known != null && known.madeOf(index, layout, shard) ? known : null;
    }

    /** The tail member the last run made of the list {@code own}, or null. */
    TailMember tailMember(Postings own) {
        return tailMembers.get(own);
    }

    /** A kept tail file: the members of its long lists {@code group} stay known for the next run. */
    void carryTailMembers(LiveParts last, InvertedIndex index, int[] group) {
        for (int t : group) {
            Postings own = index.postings()[t];
            TailMember member = last.tailMembers.get(own);
            if (member != null) {
                tailMembers.put(own, member);
            }
        }
    }

    /** A kept tail positions file: its lists' positions stay known for the next run. */
    void carryTailPositions(LiveParts last, InvertedIndex index, int[] group) {
        for (int t : group) {
            Postings own = index.postings()[t];
            TailPositions positions = last.tailPositions.get(own);
            if (positions != null) {
                tailPositions.put(own, positions);
            }
        }
    }

    /** The positions the last run encoded of the long list {@code own}, or null. */
    TailPositions tailPositions(Postings own) {
        return tailPositions.get(own);
    }

    /** Keeps a long list's positions for the next run. */
    void tailPositions(Postings own, TailPositions positions) {
        tailPositions.put(own, positions);
    }

    /** Keeps a tail member for the next run. */
    void tailMember(TailMember made) {
        tailMembers.put(made.own(), made);
    }

    /** Keeps a term shard's text for the next run. */
    void text(ShardText made) {
        if (made.postings().length > 0) {
            texts.put(made.postings()[0], made);
        }
    }

    /** The lexicon member of term shard {@code shard} as this run has it, when the last run made it; or null. */
    LexiconMember lexiconMember(InvertedIndex index, IdRange shard) {
        LexiconMember known = shard.to() > shard.from() ? lexicon.get(index.postings()[shard.from()]) : null;
        return known != null && known.madeOf(index, shard) ? known : null;
    }

    /** Keeps a term shard's lexicon member for the next run. */
    void lexiconMember(LexiconMember made) {
        if (made.postings().length > 0) {
            lexicon.put(made.postings()[0], made);
        }
    }

    /** Keeps a term shard's positions for the next run. */
    void positions(ShardPositions made) {
        if (made.postings().length > 0) {
            positions.put(made.postings()[0], made);
        }
    }

    /**
     * The key of term shard {@code range} whose terms have the tail files {@code tails}: the last run's when it was
     * made of the same terms (the instances: a live server's dictionary keeps them) and tails, else {@code made};
     * kept for the next run.
     */
    Hash128 shardKey(LiveParts last, InvertedIndex index, IdRange range, String[] tails, Supplier<Hash128> made) {
        ShardKey known = range.to() > range.from() ? last.shardKeys.get(index.terms()[range.from()]) : null;
        if (known == null || !known.madeOf(index, range, tails)) {
            known = new ShardKey(Arrays.copyOfRange(index.terms(), range.from(), range.to()), tails, made.get());
        }
        if (range.to() > range.from()) {
            shardKeys.put(index.terms()[range.from()], known);
        }
        return known.key();
    }

    /** The card file whose first card is {@code from}, as the last run wrote it; or null. */
    CardFile cardFile(int from) {
        return cardFiles.get(from);
    }

    /** Keeps a card file for the next run. */
    void cardFile(int from, CardFile file) {
        cardFiles.put(from, file);
    }

    /**
     * Counts a term shard of an encoded shard file: taken whole from the last run, written anew around the lists'
     * text the last run made ({@code textKept}: only its tails' names and places are new), or encoded.
     */
    void counted(boolean wasTaken, boolean wasTextKept) {
        (wasTaken ? taken : wasTextKept ? textKept : encoded).incrementAndGet();
    }

    /** Term shards of the encoded shard files whose lists' text this run took from the last run. */
    int textKept() {
        return textKept.get();
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
        // handed on, not copied (~5,000 entries at 10k): nothing but a warm-up on a copy of this run's state adds
        // to them after this, and what it adds is checked as any other entry is
        next.members = members;
        next.positions = positions;
        next.texts = texts;
        next.tailMembers = tailMembers;
        next.tailPositions = tailPositions;
        next.shardKeys = shardKeys;
        next.cardFiles = cardFiles;
        next.lexicon = lexicon;
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
