package org.arshif.search.index.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * Writes a card file {@code k.<h>.bin}: documents {@code from..to-1} in fixed-size slots, so that the client
 * fetches a card with an HTTP range request at {@code (id - from) * slot}. A slot holds a 2-byte big-endian
 * length, then the card (see {@link CardSlots#cardJson}) compressed with raw deflate after the language's
 * {@link CardDictionary}, then zero padding. A card
 * longer than the slot gets a shorter lead. A file of more than one chunk is also written in slices of
 * {@code perChunk} slots, {@code k.<h>.<i>.bin}, for servers that ignore Range: their names carry the hash of
 * the whole file, which covers their bytes; unless {@code chunks} is off (a compact site, for hosts that honour
 * Range), where the manifest's {@code chunk} is 0. A live server's run ({@code last} and {@code parts} not null)
 * keeps a file whose cards are the last run's, in the same slots, as the last run named it.
 */
record CardWriter(Documents docs, CardSlots cards, boolean chunks, IndexFiles files, LiveParts last, LiveParts parts) {

    /** Writes the file of documents {@code from..to-1}; returns {@code [hash, slot]} as JSON. */
    String write(int from, int to) {
        LiveParts.CardFile known = last == null ? null : last.cardFile(from);
        if (known != null
                && known.madeOf(cards, from, to, chunks)
                && known.names().stream().allMatch(files::keep)) {
            parts.cardFile(from, known);
            return known.result();
        }
        int slot = cards.slot();
        byte[] out = new byte[(to - from) * slot];
        Deflater deflater = Blob.rawDeflater();
        try {
            for (int d = from; d < to; d++) {
                byte[] b = cards.packed()[d];
                String lead = docs.leads()[d];
                while (b.length + 2 > slot) {
                    lead = Excerpts.shorten(lead);
                    b = Blob.deflateRaw(deflater, CardSlots.cardJson(docs, d, lead), cards.dictionary());
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
        List<String> names = new ArrayList<>();
        names.add(IndexFileKind.CARDS.named(h));
        files.putRaw(names.get(0), out);
        int chunkBytes = cards.perChunk() * slot;
        if (chunks && out.length > chunkBytes) {
            for (int c = 0; c * chunkBytes < out.length; c++) {
                int at = c * chunkBytes;
                names.add(IndexFileKind.CARDS.chunk(h, c));
                files.putRaw(names.get(c + 1), Arrays.copyOfRange(out, at, Math.min(out.length, at + chunkBytes)));
            }
        }
        String result = "[\"" + h + "\"," + slot + "]";
        if (parts != null) {
            parts.cardFile(
                    from,
                    new LiveParts.CardFile(
                            Arrays.copyOfRange(cards.packed(), from, to),
                            slot,
                            cards.perChunk(),
                            chunks,
                            result,
                            List.copyOf(names)));
        }
        return result;
    }
}
