package org.arshif.search.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The members of the tail files of one build: a tail file {@code l.<h>.bin} is one gzip member per long list, so
 * that a query fetches one list by range, not the file's ~10 (format 5). A term shard names where its long lists'
 * members start and how long they are; those sizes are computed once per tail group and build, by the tail writer
 * or, for a tail an earlier build left in place, by the first shard that needs them (gzip is deterministic).
 * Thread-safe.
 */
final class TailMembers {
    private final PostingEncoder encoder;
    private final IndexSettings settings;
    private final Map<Integer, int[]> sizes = new ConcurrentHashMap<>();
    private final LiveParts parts;
    private final LiveParts lastParts;
    private final Dirt dirt;
    private final GzipPieces gzip;

    /**
     * @param reuse a live server's state, whose last run may have measured a kept tail's members; or null
     * @param dirt  the entries the changed documents touched (null: every member is encoded)
     * @param gzip  the run's deflater of positions pieces
     */
    TailMembers(PostingEncoder encoder, IndexSettings settings, IndexReuse reuse, Dirt dirt, GzipPieces gzip) {
        this.encoder = encoder;
        this.gzip = gzip;
        this.settings = settings;
        this.parts = reuse == null ? null : reuse.parts(false);
        this.lastParts = reuse == null ? null : reuse.parts(true);
        this.dirt = dirt;
    }

    /**
     * The gzip'd postings of term {@code t}: its member of the tail file {@code group}. A surface key whose term is
     * in the same group is its flags over the term's postings instead ({@link PostingEncoder#surfaceFlags}): the same
     * group, so that a cached build that keeps the tail keeps both or neither. A key in the tail only because its term
     * is ({@link ShardLayout}) keeps its postings: a one-word query past its first page, or while typing, ranks by
     * them, as it did when they were in the term shard.
     */
    byte[] member(int t, int[] group) {
        InvertedIndex index = encoder.scoring().index();
        int term = SurfaceKeys.termOf(index, t);
        boolean ownList = ShardLayout.forItsTerm(index, settings, t);
        boolean flagged = term >= 0 && !ownList && contains(group, term);
        Postings own = index.postings()[t];
        Postings its = term >= 0 ? index.postings()[term] : null;
        // a live server's last run encoded it of the same lists, with the same impacts: an edit that moved only
        // positions (inside a body) renames the tail but changes none of its members
        boolean clean =
                dirt != null && dirt.postingsClean(t, t + 1) && (term < 0 || dirt.postingsClean(term, term + 1));
        LiveParts.TailMember known = clean && lastParts != null ? lastParts.tailMember(own) : null;
        if (known != null && known.its() == its && known.flagged() == flagged) {
            parts.tailMember(known);
            return known.gzip();
        }
        StringBuilder sb = new StringBuilder();
        String flags = flagged ? encoder.surfaceFlags(t, term) : null;
        if (flags != null) {
            sb.append(flags);
        } else {
            encoder.appendPostings(sb, t);
        }
        byte[] gzip = Blob.gzip(sb.toString().getBytes(StandardCharsets.US_ASCII), IndexFormat.RARE_LEVEL);
        if (parts != null) {
            parts.tailMember(new LiveParts.TailMember(own, its, flagged, gzip));
        }
        return gzip;
    }

    /**
     * The positions of term {@code t}'s long list (VLQ), with their piece of the tail positions file's gzip after a
     * comma when {@code piece} (else maybe null): a live server's last run's when the list is the same.
     */
    LiveParts.TailPositions positions(int t, boolean piece) {
        Postings own = encoder.scoring().index().postings()[t];
        boolean clean = dirt != null && dirt.positionsClean(t, t + 1);
        LiveParts.TailPositions known = clean && lastParts != null ? lastParts.tailPositions(own) : null;
        String vlq = known == null ? null : known.vlq();
        if (vlq == null) {
            StringBuilder sb = new StringBuilder();
            encoder.appendPositions(sb, t);
            vlq = sb.toString();
        }
        if (known == null || (piece && known.piece() == null)) {
            GzipPieces.Once first = known == null ? new GzipPieces.Once() : known.first();
            known = new LiveParts.TailPositions(vlq, piece ? gzip.piece(",\"" + vlq + "\"") : null, first);
        }
        if (parts != null) {
            parts.tailPositions(own, known);
        }
        return known;
    }

    /** The run's deflater of positions pieces. */
    GzipPieces gzip() {
        return gzip;
    }

    private static boolean contains(int[] group, int t) {
        for (int g : group) {
            if (g == t) {
                return true;
            }
        }
        return false;
    }

    /** Records the member sizes of tail group {@code g}, written as the tail file {@code l.<hash>.bin}. */
    void written(int g, String hash, int[] memberSizes) {
        sizes.put(g, memberSizes);
        if (parts != null) {
            parts.sizes(name(hash), memberSizes);
        }
    }

    /**
     * The member sizes of tail group {@code g} with the terms {@code group}, in group order, its file named by
     * {@code hash}: of a kept tail, encoded again unless a live server's last run knew them.
     */
    int[] sizes(int g, int[] group, String hash) {
        return sizes.computeIfAbsent(
                g, k -> parts == null ? measure(group) : parts.sizes(name(hash), lastParts, () -> measure(group)));
    }

    private int[] measure(int[] group) {
        int[] out = new int[group.length];
        for (int i = 0; i < group.length; i++) {
            out[i] = member(group[i], group).length;
        }
        return out;
    }

    private static String name(String hash) {
        return IndexFileKind.TAIL.named(hash);
    }
}
