package org.arshif.search.index.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.zip.Deflater;
import org.arshif.search.analysis.SurfaceKey;

/**
 * Encodes the lexicon (format 11; in the last tail bundle since format 12): for each term shard, in shard order, one
 * gzip member of the JSON {@code {"t":[terms],"n":[df,…]}} of its terms, surface keys left out. A misspelt word's
 * candidates need only which terms the index holds and how common they are: the client reads them here for the term
 * shards likeliest to hold the word meant, tens of bytes each, and then fetches the chosen candidate's term shard
 * alone (SEARCH-FORMAT.md §4, "Corrections"), where it fetched every one of those term shards whole (issue 13: 22–30
 * KB warm at 10,000 documents). In the tail bundle, the members come in the request that brings the query's other
 * words' long lists (format 12). Each member is padded to a multiple of {@link IndexFormat#LEXICON_UNIT} bytes (a
 * gzip comment), so that the manifest sizes it in one character. Encoded whole on every run, with one deflater: a
 * member is made of the shard's terms and their document frequencies alone, tens of microseconds. A live server's
 * run ({@code last} and {@code parts} not null) takes a term shard's member the last run made of the same terms and
 * lists (7–19 ms of an edit's CPU, w27-serve). A term shard that holds one frequent term alone ({@code alone},
 * {@code terms.alone}) has its whole JSON as its member, {@code wholeShard} (format 13): a correction that finds the
 * frequent term there has its term shard at hand, and with it the place of its long list, without a request for the
 * term shard (issue 13: 5 index requests for a misspelt word beside a frequent one, now 4). Encoded on every run: it
 * names the tails' places, which an edit moves. A plain build encodes that JSON once, for both
 * ({@link FrequentShardJson}).
 *
 * @param alone      the term shards that hold a frequent term alone, in order
 * @param wholeShard the JSON of such a term shard, as in its shard file
 */
record LexiconWriter(
        InvertedIndex index, LiveParts last, LiveParts parts, int[] alone, Function<IdRange, String> wholeShard) {
    /** The gzip header's flag FCOMMENT (RFC 1952): a zero-terminated comment follows the header (the padding). */
    private static final byte FCOMMENT = 0x10;

    /** The lexicon's bytes, and the length of each term shard's member in it, in units (VLQ, in shard order). */
    record Lexicon(byte[] bytes, String sizes) {}

    Lexicon encode(List<IdRange> shards) {
        ByteArrayOutputStream all = new ByteArrayOutputStream(shards.size() * 96);
        StringBuilder sizes = new StringBuilder(shards.size());
        Deflater deflater = new Deflater(IndexFormat.LEVEL, true);
        try {
            for (int i = 0; i < shards.size(); i++) {
                IdRange range = shards.get(i);
                byte[] member = Arrays.binarySearch(alone, i) >= 0
                        ? member(deflater, wholeShard.apply(range).getBytes(StandardCharsets.UTF_8))
                        : member(range, deflater);
                all.writeBytes(member);
                Vlq.append(sizes, member.length / IndexFormat.LEXICON_UNIT);
            }
        } finally {
            deflater.end();
        }
        return new Lexicon(all.toByteArray(), sizes.toString());
    }

    /** The member of term shard {@code range}: the last run's when it was made of the same terms and lists. */
    private byte[] member(IdRange range, Deflater deflater) {
        LiveParts.LexiconMember known = last == null ? null : last.lexiconMember(index, range);
        if (known == null) {
            byte[] member = member(deflater, json(range).getBytes(StandardCharsets.UTF_8));
            known = new LiveParts.LexiconMember(
                    Arrays.copyOfRange(index.terms(), range.from(), range.to()),
                    Arrays.copyOfRange(index.postings(), range.from(), range.to()),
                    member);
        }
        if (parts != null) {
            parts.lexiconMember(known);
        }
        return known.member();
    }

    /** {@code {"t":[...],"n":[...]}}: the terms of {@code range} that are not surface keys, and their df. */
    private String json(IdRange range) {
        Json j = new Json(256);
        j.ch('{').key("t").ch('[');
        String sep = "";
        for (int t = range.from(); t < range.to(); t++) {
            if (!SurfaceKey.is(index.terms()[t])) {
                j.raw(sep).str(index.terms()[t]);
                sep = ",";
            }
        }
        j.ch(']').ch(',').key("n").ch('[');
        sep = "";
        for (int t = range.from(); t < range.to(); t++) {
            if (!SurfaceKey.is(index.terms()[t])) {
                j.raw(sep).num(index.postings()[t].df());
                sep = ",";
            }
        }
        return j.ch(']').ch('}').toString();
    }

    /**
     * A gzip member of {@code data}: {@link GzipPieces#HEADER}, raw deflate by {@code deflater} (reset first) and
     * {@link GzipPieces#trailer}; padded to a multiple of {@link IndexFormat#LEXICON_UNIT} bytes by a comment in the
     * header (spaces, then its zero).
     */
    private static byte[] member(Deflater deflater, byte[] data) {
        byte[] deflated = Blob.deflateRaw(deflater, data);
        byte[] trailer = GzipPieces.trailer(data);
        int bare = GzipPieces.HEADER.length + deflated.length + trailer.length;
        int pad = (IndexFormat.LEXICON_UNIT - bare % IndexFormat.LEXICON_UNIT) % IndexFormat.LEXICON_UNIT;
        byte[] out = new byte[bare + pad];
        System.arraycopy(GzipPieces.HEADER, 0, out, 0, GzipPieces.HEADER.length);
        int at = GzipPieces.HEADER.length;
        if (pad > 0) {
            out[3] = FCOMMENT;
            Arrays.fill(out, at, at + pad - 1, (byte) ' ');
            at += pad; // the comment's last byte is its terminating zero
        }
        System.arraycopy(deflated, 0, out, at, deflated.length);
        System.arraycopy(trailer, 0, out, at + deflated.length, trailer.length);
        return out;
    }
}
