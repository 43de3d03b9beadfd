package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.arshif.search.analysis.SurfaceKey;

/**
 * The fourth phase, shard layout: which long postings lists move to which tail file, and which consecutive terms
 * share a term shard, sized so that all files stay within the file budget.
 *
 * @param tails  tail files: the term indices of each, in dictionary order (arrays never written after {@link #plan})
 * @param tailOf per term, the index of its tail file, or -1 when its postings stay in its term shard
 * @param shards term shards, consecutive ranges of the dictionary; {@link IndexFormat#SHARD_MEMBERS} consecutive ones
 *               share a file
 * @param alone  the term shards that hold one frequent term (a term with a long list) and its surface keys alone, in
 *               order ({@code terms.alone} in the manifest)
 */
record ShardLayout(List<int[]> tails, int[] tailOf, List<IdRange> shards, int[] alone) {
    /** A term shard's estimated size is at most this many times the target (about 15 KB gzip'd at the default). */
    static final int MAX_TARGET_FACTOR = 4;

    boolean hasTail(int t) {
        return tailOf[t] >= 0;
    }

    /** The term shards of each shard file, in order. */
    List<List<IdRange>> files() {
        List<List<IdRange>> out = new ArrayList<>();
        for (int i = 0; i < shards.size(); i += IndexFormat.SHARD_MEMBERS) {
            out.add(shards.subList(i, Math.min(shards.size(), i + IndexFormat.SHARD_MEMBERS)));
        }
        return out;
    }

    /**
     * @param docs      documents indexed
     * @param cardFiles card files that will be written (they count against the file budget)
     */
    static ShardLayout plan(InvertedIndex index, IndexSettings settings, int docs, int cardFiles) {
        int[] tailOf = new int[index.size()];
        // asked of each entry 2-4 times below: a scan of its key each time (12% of an Arabic edit's index in serve)
        boolean[] keys = new boolean[index.size()];
        for (int t = 0; t < keys.length; t++) {
            keys[t] = SurfaceKeys.is(index, t);
        }
        boolean[] longs = longLists(index, settings, keys);
        List<int[]> tails = groupTails(index, settings, longs, keys, tailOf);
        int attrFiles = (docs + IndexFormat.ATTR_SHARD - 1) / IndexFormat.ATTR_SHARD;
        long total = 0;
        long[] estimates = new long[index.size()];
        for (int t = 0; t < index.size(); t++) {
            estimates[t] = estimate(index, settings, longs, keys[t], t);
            total += estimates[t];
        }
        long budget = (long) docs * settings.filesPer1000Docs() / 1000 - 2L * tails.size() - cardFiles - attrFiles - 1;
        int filesPerPack = IndexFormat.POSITION_PACK / IndexFormat.SHARD_MEMBERS;
        long shardBudget = budget * filesPerPack / (filesPerPack + 1);
        // The file budget sizes the shards, up to a bound: long texts give so many tails (two files each) that the
        // budget would leave a handful of shards of ~200 KB each, and every query would fetch one. A reader's bytes
        // come first; an archive of long texts then has more files than the budget.
        long fileTarget = Math.min(
                MAX_TARGET_FACTOR * settings.shardTarget(),
                Math.max(
                        settings.shardTarget(),
                        shardBudget > 0 ? onGrid(total / shardBudget + 1) : settings.shardTarget()));
        // a file holds SHARD_MEMBERS term shards: a query's words cost an eighth of a file each (issue 13, warm)
        long target = Math.max(1, fileTarget / IndexFormat.SHARD_MEMBERS);
        IntList alone = new IntList(16);
        List<IdRange> shards = cut(index, estimates, longs, keys, target, alone);
        return new ShardLayout(
                List.copyOf(tails), tailOf, List.copyOf(shards), Arrays.copyOf(alone.array(), alone.size()));
    }

    /**
     * The term shards: consecutive terms up to the target size, a term with its surface keys, and a frequent term
     * with its keys alone (their indices added to {@code alone}).
     */
    private static List<IdRange> cut(
            InvertedIndex index, long[] estimates, boolean[] longs, boolean[] keys, long target, IntList alone) {
        List<IdRange> shards = new ArrayList<>();
        int from = 0;
        long size = 0;
        for (int t = 0; t < index.size(); t++) {
            // A frequent term gets a term shard of its own (with its keys): a query of several words reads its list
            // whole from the tail, and took the ~1.2 KB of its neighbours' postings with the term's ~0.3 KB entry
            // (issue 13, warm; bench/RESULTS.md, w31-warm)
            boolean frequentTerm = longs[t] && !keys[t];
            if (frequentTerm && t > from) {
                shards.add(new IdRange(from, t));
                from = t;
                size = 0;
            }
            if (frequentTerm) {
                alone.add(shards.size());
            }
            size += estimates[t];
            boolean ownShard = longs[from] && !keys[from];
            // a term and its surface keys share a shard: the client finds both in the one it fetches
            if ((size >= target || ownShard) && (t + 1 == index.size() || !keys[t + 1])) {
                shards.add(new IdRange(from, t + 1));
                from = t + 1;
                size = 0;
            }
        }
        if (from < index.size() || shards.isEmpty()) {
            shards.add(new IdRange(from, index.size()));
        }
        return shards;
    }

    /**
     * The budget's size of a shard file, rounded up to the next of 16 steps an octave (4.4 % apart). The budget's own
     * size is the index's estimated size over the files left to shards, so nearly every edit moves it a little, and
     * each move of the shards' target moves their ends all through the dictionary: the bench's one-edit rebuild at
     * 10,000 Arabic documents (a paragraph appended, 36 estimated characters more in 3.25 million) moved it from
     * 12,271 to 12,272 and re-encoded 165 of the 171 shard files and all 22 position packs (bench/RESULTS.md,
     * w22-edit). On the grid an edit moves it only when the estimate crosses a step (about 140,000 characters apart
     * there) or when the count of tail or card files changes. Rounded up, the files stay within the budget.
     */
    static long onGrid(long size) {
        long step = (long) Math.ceil(16 * StrictMath.log(size) / StrictMath.log(2) - 1e-9);
        return Math.max(size, (long) Math.ceil(StrictMath.pow(2, step / 16.0)));
    }

    /** Long postings lists, grouped in dictionary order into tail files of about the target size. */
    private static List<int[]> groupTails(
            InvertedIndex index, IndexSettings settings, boolean[] longs, boolean[] keys, int[] tailOf) {
        List<int[]> tails = new ArrayList<>();
        Arrays.fill(tailOf, -1);
        List<Integer> group = new ArrayList<>();
        long size = 0;
        for (int t = 0; t < index.size(); t++) {
            if (!longs[t]) {
                continue;
            }
            group.add(t);
            tailOf[t] = tails.size();
            size += 4L * index.postings()[t].df();
            // a term's long list and its surface keys' share a tail file: a query of it makes one range request
            if (size >= settings.tailTarget() && (t + 1 == index.size() || !keys[t + 1])) {
                tails.add(group.stream().mapToInt(Integer::intValue).toArray());
                group.clear();
                size = 0;
            }
        }
        if (!group.isEmpty()) {
            tails.add(group.stream().mapToInt(Integer::intValue).toArray());
        }
        return tails;
    }

    /** Whether entry t's postings alone are long enough for a tail file. */
    static boolean longByItself(InvertedIndex index, IndexSettings settings, int t) {
        return 4L * index.postings()[t].df() > settings.longPostings();
    }

    /**
     * Whether entry t, when in a tail file, is there only because its term's list is: a surface key with a short list
     * of its own (see {@link #longLists}). Such a key keeps its own postings in the tail, its reference says so, and
     * its term shard holds the best postings a one-word query's first page needs.
     */
    static boolean forItsTerm(InvertedIndex index, IndexSettings settings, int t) {
        return SurfaceKeys.is(index, t) && !longByItself(index, settings, t);
    }

    /**
     * Per dictionary entry, whether its list goes to a tail file: a long list, and every surface key of a term
     * with a long list, however short the key's own. A query of several words over a frequent term reads its
     * typed form's key from the tail, as flags beside the term's list, and no other key: inline, a frequent
     * term's keys made its term shard 3 KB gzip'd instead of ~1 KB at 30,000 Arabic documents, fetched by every
     * query of the term (issue 13, warm). A one-word query takes such a key's best postings from the shard.
     */
    private static boolean[] longLists(InvertedIndex index, IndexSettings settings, boolean[] keys) {
        boolean[] longs = new boolean[index.size()];
        String[] terms = index.terms();
        int last = -1; // the last entry that is no surface key: the term of the keys that follow it (they sort so)
        for (int t = 0; t < index.size(); t++) {
            int term = -1;
            if (!keys[t]) {
                last = t;
            } else {
                // looked up only when the last term is not the key's (its term is gone from the dictionary)
                term = last >= 0 && SurfaceKey.belongsTo(terms[t], terms[last]) ? last : SurfaceKeys.termOf(index, t);
            }
            longs[t] = longByItself(index, settings, t) || (term >= 0 && term < t && longs[term]);
        }
        return longs;
    }

    /** The estimated uncompressed characters of term t in its term shard. */
    private static long estimate(InvertedIndex index, IndexSettings settings, boolean[] longs, boolean key, int t) {
        int df = index.postings()[t].df();
        long chars = index.terms()[t].length() + 12;
        // best postings: hitsPerTerm (PostingEncoder.appendTopHits, appendKeyHits)
        chars += longs[t] ? settings.hitsPerTerm() * 7L : 3L * df;
        if (df > settings.hitsPerTerm() && !key) {
            chars += 40;
        }
        return chars;
    }
}
