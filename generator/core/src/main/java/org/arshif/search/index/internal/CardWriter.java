package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.zip.Deflater;

/**
 * Writes a card file {@code k.<h>.bin}: documents {@code from..to-1} in fixed-size slots, so that the client
 * fetches a card with an HTTP range request at {@code (id - from) * slot}. A slot holds a 2-byte big-endian
 * length, then the card (see {@link CardSlots#cardJson}) compressed with raw deflate, then zero padding. A card
 * longer than the slot gets a shorter lead. A file of more than one chunk is also written in slices of
 * {@code perChunk} slots, {@code k.<h>.<i>.bin}, for servers that ignore Range: their names carry the hash of
 * the whole file, which covers their bytes.
 */
record CardWriter(Documents docs, CardSlots cards, IndexFiles files, LiveIndex last, IndexReuse reuse) {

    /**
     * Writes the file of documents {@code from..to-1}; returns {@code [hash, slot]} as JSON. A live server's run
     * ({@code reuse} keeps {@link LiveParts}) keeps the last run's file when every card in it is the last one's.
     */
    String write(int from, int to) {
        LiveParts parts = reuse == null ? null : reuse.parts(false);
        if (parts == null) {
            return encode(from, to);
        }
        String key = from + ":" + to + ":" + cards.slot() + ":" + cards.perChunk();
        String known = sameCards(from, to) ? reuse.parts(true).cardFile(key) : null;
        String written = known != null && keep(known, to - from) ? known : encode(from, to);
        parts.cardFile(key, written);
        return written;
    }

    /** Whether documents {@code from..to-1} have the last run's cards and leads (the same instances) and slot. */
    private boolean sameCards(int from, int to) {
        CardSlots was = last == null ? null : last.cards();
        if (was == null || was.slot() != cards.slot() || to > was.packed().length) {
            return false;
        }
        for (int d = from; d < to; d++) {
            if (cards.packed()[d] != was.packed()[d]
                    || docs.leads()[d] != last.docs().leads()[d]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps the last run's card file {@code written} ({@link #write}'s answer) of {@code count} cards, if in place. */
    private boolean keep(String written, int count) {
        String h = written.substring(2, written.indexOf('"', 2));
        boolean kept = files.keep("k." + h + ".bin");
        int chunkBytes = cards.perChunk() * cards.slot();
        int length = count * cards.slot();
        for (int c = 0; length > chunkBytes && c * chunkBytes < length; c++) {
            kept &= files.keep("k." + h + "." + c + ".bin");
        }
        return kept;
    }

    private String encode(int from, int to) {
        int slot = cards.slot();
        byte[] out = new byte[(to - from) * slot];
        Deflater deflater = Blob.rawDeflater();
        try {
            for (int d = from; d < to; d++) {
                byte[] b = cards.packed()[d];
                String lead = docs.leads()[d];
                while (b.length + 2 > slot) {
                    lead = Excerpts.shorten(lead);
                    b = Blob.deflateRaw(deflater, CardSlots.cardJson(docs, d, lead));
                }
                int at = (d - from) * slot;
                out[at] = (byte) (b.length >>> 8);
                out[at + 1] = (byte) b.length;
                System.arraycopy(b, 0, out, at + 2, b.length);
            }
        } finally {
            deflater.end();
        }
        String h = Blob.hash(out);
        files.putRaw("k." + h + ".bin", out);
        int chunkBytes = cards.perChunk() * slot;
        if (out.length > chunkBytes) {
            for (int c = 0; c * chunkBytes < out.length; c++) {
                int at = c * chunkBytes;
                files.putRaw(
                        "k." + h + "." + c + ".bin",
                        Arrays.copyOfRange(out, at, Math.min(out.length, at + chunkBytes)));
            }
        }
        return "[\"" + h + "\"," + slot + "]";
    }
}
