package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the tail bundles {@code u.<h>.bin} (format 8): every tail file {@code l.<h>.bin}, byte for byte, one after
 * the other in tail order, a new bundle whenever the next tail would take one past {@code maxBytes} (the host's
 * file size limit, as for card files). A query's long lists then share one file, and come in one multi-range
 * request where one tail file each took a request apiece (3 of a 3-word query's 5 at 30,000 documents). The tail
 * files stay, for servers that ignore Range. Made from the tail files as they are in the folder (written or kept).
 *
 * <p>Each tail file starts at a multiple of {@link #SLOT} bytes (zeros between). The term shards name where their
 * tails start, so a tail that grows or shrinks by a few bytes (an edit adds a posting to a long list) would move
 * every later tail and re-encode every term shard that names one: about half the term shards of a live server's
 * first edit (issue 14). In slots, the later tails stay put unless the tail crosses a slot's end.
 *
 * <p>The lexicon (format 12) follows the last tail, at the next slot, or in a bundle of its own when it would take
 * the last one past {@code maxBytes} (a lexicon larger than {@code maxBytes}, 24 MiB, is a bundle over the limit: it
 * is one piece): a misspelt word's candidates then come in the request that brings the query's
 * other words' long lists (SEARCH-FORMAT.md §4), and no tail moves when the lexicon changes. So the places come first
 * ({@link #place}), for the term shards, and the bundles once the lexicon is encoded ({@link #write}).
 */
record TailBundleWriter(IndexFiles files, long maxBytes) {
    /** Tail files start at multiples of this many bytes: on average half a slot per tail file is padding. */
    static final int SLOT = 1024;

    /**
     * Where each tail file is in the bundles.
     *
     * @param bundleOf per tail file, the index of its bundle
     * @param startOf  per tail file, the byte its copy starts at in its bundle
     * @param lengthOf per tail file, its length in bytes
     * @param ends     per bundle, where its last tail file ends
     */
    record Bundles(int[] bundleOf, int[] startOf, int[] lengthOf, long[] ends) {
        /**
         * The key a term shard's fingerprint takes for tail {@code g}: its hash, where it is bundled and its number
         * (where the manifest names its positions file).
         */
        String key(List<String> tailHashes, int g) {
            return tailHashes.get(g) + "@" + bundleOf[g] + ":" + startOf[g] + "#" + g;
        }
    }

    /**
     * The bundles as written: their hashes, in order, and where the lexicon is in them.
     *
     * @param hashes        the bundles' hashes
     * @param lexiconBundle the bundle the lexicon is in
     * @param lexiconStart  the byte the lexicon starts at in that bundle
     */
    record Written(List<String> hashes, int lexiconBundle, int lexiconStart) {}

    /** Where each tail file goes, by its length; {@link #write} reads the files. */
    Bundles place(List<String> tailHashes) {
        int n = tailHashes.size();
        int[] bundleOf = new int[n];
        int[] startOf = new int[n];
        int[] lengthOf = new int[n];
        List<Long> ends = new ArrayList<>();
        long size = 0;
        for (int g = 0; g < n; g++) {
            int length = files.length(IndexFileKind.TAIL.named(tailHashes.get(g)));
            lengthOf[g] = length;
            long slotStart = slot(size);
            if (size > 0 && slotStart + length > limit()) {
                ends.add(size);
                size = 0;
                slotStart = 0;
            }
            bundleOf[g] = ends.size();
            startOf[g] = (int) slotStart;
            size = slotStart + length;
        }
        if (size > 0) {
            ends.add(size);
        }
        return new Bundles(
                bundleOf,
                startOf,
                lengthOf,
                ends.stream().mapToLong(Long::longValue).toArray());
    }

    /** Writes the bundles of {@code places}, with {@code lexicon} after the last tail. */
    Written write(List<String> tailHashes, Bundles places, byte[] lexicon) {
        int count = places.ends().length;
        // a bundle of its own when the last one cannot take it: no bundle of tails goes past the limit
        boolean own = count == 0 || slot(places.ends()[count - 1]) + lexicon.length > limit();
        int lexiconBundle = own ? count : count - 1;
        int lexiconStart = own ? 0 : (int) slot(places.ends()[count - 1]);
        List<List<Integer>> tailsOf = tailsOf(places, count);
        List<String> hashes = new ArrayList<>();
        for (int b = 0; b < count || (b == lexiconBundle && lexicon.length > 0); b++) {
            ByteArrayOutputStream bundle = new ByteArrayOutputStream();
            for (int g : b < count ? tailsOf.get(b) : List.<Integer>of()) {
                bundle.writeBytes(new byte[places.startOf()[g] - bundle.size()]);
                bundle.writeBytes(files.read(IndexFileKind.TAIL.named(tailHashes.get(g))));
            }
            if (b == lexiconBundle) {
                bundle.writeBytes(new byte[lexiconStart - bundle.size()]);
                bundle.writeBytes(lexicon);
            }
            byte[] bytes = bundle.toByteArray();
            String hash = Blob.hash(bytes);
            files.putRaw(IndexFileKind.TAIL_BUNDLE.named(hash), bytes);
            hashes.add(hash);
        }
        for (int g = 0; g < tailHashes.size(); g++) {
            files.placed(
                    IndexFileKind.TAIL.named(tailHashes.get(g)),
                    IndexFileKind.TAIL_BUNDLE.named(hashes.get(places.bundleOf()[g])),
                    places.startOf()[g],
                    places.lengthOf()[g]);
        }
        return new Written(List.copyOf(hashes), lexiconBundle, lexiconStart);
    }

    /** Per bundle, its tail files in tail order: one pass over the tails, not one per bundle (10,000s of tails). */
    private static List<List<Integer>> tailsOf(Bundles places, int count) {
        List<List<Integer>> tailsOf = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            tailsOf.add(new ArrayList<>());
        }
        for (int g = 0; g < places.bundleOf().length; g++) {
            tailsOf.get(places.bundleOf()[g]).add(g);
        }
        return tailsOf;
    }

    private long limit() {
        return Math.min(maxBytes, Integer.MAX_VALUE / 2);
    }

    private static long slot(long size) {
        return (size + SLOT - 1L) / SLOT * SLOT;
    }
}
