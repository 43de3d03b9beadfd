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
 */
record TailBundleWriter(IndexFiles files, long maxBytes) {
    /** Tail files start at multiples of this many bytes: on average half a slot per tail file is padding. */
    static final int SLOT = 1024;

    /**
     * Where each tail file is in the bundles.
     *
     * @param hashes   the bundles' hashes, in order
     * @param bundleOf per tail file, the index of its bundle
     * @param startOf  per tail file, the byte its copy starts at in its bundle
     */
    record Bundles(List<String> hashes, int[] bundleOf, int[] startOf) {
        /**
         * The key a term shard's fingerprint takes for tail {@code g}: its hash, where it is bundled and its number
         * (where the manifest names its positions file).
         */
        String key(List<String> tailHashes, int g) {
            return tailHashes.get(g) + "@" + bundleOf[g] + ":" + startOf[g] + "#" + g;
        }
    }

    Bundles write(List<String> tailHashes) {
        int n = tailHashes.size();
        int[] bundleOf = new int[n];
        int[] startOf = new int[n];
        List<String> hashes = new ArrayList<>();
        int[] lengthOf = new int[n];
        ByteArrayOutputStream bundle = new ByteArrayOutputStream();
        for (int g = 0; g < n; g++) {
            byte[] tail = files.read(IndexFileKind.TAIL.named(tailHashes.get(g)));
            lengthOf[g] = tail.length;
            long slotStart = (bundle.size() + SLOT - 1L) / SLOT * SLOT;
            if (bundle.size() > 0 && slotStart + tail.length > Math.min(maxBytes, Integer.MAX_VALUE / 2)) {
                hashes.add(flush(bundle));
            }
            bundle.writeBytes(new byte[(SLOT - bundle.size() % SLOT) % SLOT]);
            bundleOf[g] = hashes.size();
            startOf[g] = bundle.size();
            bundle.writeBytes(tail);
        }
        if (bundle.size() > 0) {
            hashes.add(flush(bundle));
        }
        for (int g = 0; g < n; g++) {
            files.placed(
                    IndexFileKind.TAIL.named(tailHashes.get(g)),
                    IndexFileKind.TAIL_BUNDLE.named(hashes.get(bundleOf[g])),
                    startOf[g],
                    lengthOf[g]);
        }
        return new Bundles(List.copyOf(hashes), bundleOf, startOf);
    }

    private String flush(ByteArrayOutputStream bundle) {
        byte[] bytes = bundle.toByteArray();
        bundle.reset();
        String hash = Blob.hash(bytes);
        files.putRaw(IndexFileKind.TAIL_BUNDLE.named(hash), bytes);
        return hash;
    }
}
