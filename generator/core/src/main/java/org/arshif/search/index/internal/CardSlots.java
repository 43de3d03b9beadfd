package org.arshif.search.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import org.arshif.internal.Fingerprint.Hash128;

/**
 * The card layout: every card compressed with its full lead, one slot size for all cards (the 90th percentile
 * of their sizes, big enough for any card without its lead), as many cards per file as the file size limit
 * allows, and as many per chunk (a slice of a card file that a client without HTTP Range fetches whole) as the
 * chunk size allows. {@code packed} is never written after {@link #pack}.
 *
 * @param packed   per document, its card with the full lead, raw deflated
 * @param noLead   per document whose card is above the slot, the size of its card with no lead (plus 2); else 0
 * @param slot     bytes per card slot (a multiple of 16)
 * @param perFile  cards per card file
 * @param perChunk cards per chunk (at most perFile)
 * @param dictionary the preset dictionary the cards are deflated with ({@link CardDictionary})
 */
record CardSlots(byte[][] packed, int[] noLead, int slot, int perFile, int perChunk, byte[] dictionary) {
    /** Documents deflated per task. */
    private static final int CHUNK = 1024;

    /** Card files needed for {@code docs} documents. */
    int fileCount(int docs) {
        return (docs + perFile - 1) / perFile;
    }

    static CardSlots pack(String lang, Documents docs, long cardFileBytes, int chunkBytes, ExecutorService pool) {
        return pack(lang, docs, cardFileBytes, chunkBytes, pool, null, null);
    }

    /**
     * Like {@link #pack(String, Documents, long, int, ExecutorService)}; a document whose card is the same as document
     * {@code lastDocs}'s of its id (same document, tag ids and lead) takes {@code last}'s card, not compressed again.
     * Either may be null.
     */
    static CardSlots pack(
            String lang,
            Documents docs,
            long cardFileBytes,
            int chunkBytes,
            ExecutorService pool,
            Documents lastDocs,
            CardSlots last) {
        return pack(CardDictionary.of(lang), docs, cardFileBytes, chunkBytes, pool, lastDocs, last, null, null);
    }

    /**
     * Like {@link #pack(String, Documents, long, int, ExecutorService)}; a card whose JSON's key is in {@code stored} (a
     * cached build's, made by this deflater) is taken from it, not compressed again. Each card's key goes into
     * {@code keys}.
     */
    static CardSlots packStored(
            String lang,
            Documents docs,
            long cardFileBytes,
            int chunkBytes,
            ExecutorService pool,
            StoredCards stored,
            Hash128[] keys) {
        return pack(CardDictionary.of(lang), docs, cardFileBytes, chunkBytes, pool, null, null, stored, keys);
    }

    private static CardSlots pack(
            byte[] dictionary,
            Documents docs,
            long cardFileBytes,
            int chunkBytes,
            ExecutorService pool,
            Documents lastDocs,
            CardSlots last,
            StoredCards stored,
            Hash128[] keys) {
        int n = docs.size();
        Map<Hash128, Integer> storedAt = stored == null ? Map.of() : stored.byKey();
        byte[][] packed = new byte[n][];
        int[] noLead = new int[n];
        boolean sameTags = last != null && lastDocs != null && docs.tagKeys().equals(lastDocs.tagKeys());
        for (int i = 0; sameTags && i < Math.min(n, lastDocs.size()); i++) {
            if (sameCard(docs, lastDocs, i)) {
                packed[i] = last.packed()[i];
                noLead[i] = last.noLead()[i];
            }
        }
        List<Future<?>> fs = new ArrayList<>();
        for (int from = 0; from < n; from += CHUNK) {
            int f0 = from;
            int f1 = Math.min(n, from + CHUNK);
            fs.add(pool.submit(() -> {
                Deflater d = Blob.rawDeflater();
                try {
                    for (int i = f0; i < f1; i++) {
                        if (packed[i] != null) {
                            continue;
                        }
                        byte[] json = cardJson(docs, i, docs.leads()[i]);
                        Integer at = keys == null ? null : storedAt.get(keys[i] = StoredCards.key(json));
                        if (at != null) {
                            packed[i] = stored.packed()[at];
                            noLead[i] = stored.noLead()[at];
                        } else {
                            packed[i] = Blob.deflateRaw(d, json, dictionary);
                        }
                    }
                } finally {
                    d.end();
                }
            }));
        }
        fs.forEach(Futures::get);
        int slot = n == 0 ? 16 : slot(docs, packed, noLead, dictionary);
        int perFile = (int) Math.max(1, Math.min(Integer.MAX_VALUE, cardFileBytes / slot));
        return new CardSlots(
                packed, noLead, slot, perFile, Math.max(1, Math.min(perFile, chunkBytes / slot)), dictionary);
    }

    /** Whether document {@code id}'s card is the same in {@code docs} as in {@code last} (whose tag ids are the same). */
    private static boolean sameCard(Documents docs, Documents last, int id) {
        Documents.Doc a = docs.docs().get(id);
        Documents.Doc b = last.docs().get(id);
        if (a == b && docs.docTags()[id] == last.docTags()[id] && docs.leads()[id] == last.leads()[id]) {
            return true; // prepared from the same inputs, with the same tag ids (a live server's unchanged dispatch)
        }
        return a.url().equals(b.url())
                && a.title().equals(b.title())
                && a.date().equals(b.date())
                && a.dateLabel().equals(b.dateLabel())
                && Arrays.equals(docs.docTags()[id], last.docTags()[id])
                && docs.leads()[id].equals(last.leads()[id]);
    }

    /** The 90th percentile of the cards' sizes, raised to hold any card with no lead at all. */
    private static int slot(Documents docs, byte[][] packed, int[] noLead, byte[] dictionary) {
        int n = packed.length;
        int[] sorted = new int[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = packed[i].length + 2;
        }
        Arrays.sort(sorted);
        int slot = sorted[(int) Math.floor(0.9 * (n - 1))];
        // a card above the slot loses lead text; the slot must hold it with no lead at all
        Deflater d = Blob.rawDeflater();
        try {
            for (int i = 0; i < n; i++) {
                if (packed[i].length + 2 > slot) {
                    if (noLead[i] == 0) {
                        noLead[i] = Blob.deflateRaw(d, cardJson(docs, i, ""), dictionary).length + 2;
                    }
                    slot = Math.max(slot, noLead[i]);
                }
            }
        } finally {
            d.end();
        }
        return (slot + 15) / 16 * 16;
    }

    /** A card: {@code [url,title,date,dateLabel,[tagIds],lead]} in UTF-8 JSON. */
    static byte[] cardJson(Documents docs, int id, String lead) {
        Documents.Doc doc = docs.docs().get(id);
        int[] tags = docs.docTags()[id];
        Json j = new Json(512);
        j.ch('[')
                .str(doc.url())
                .ch(',')
                .str(doc.title())
                .ch(',')
                .str(doc.date())
                .ch(',')
                .str(doc.dateLabel())
                .ch(',')
                .ints(tags, 0, tags.length)
                .ch(',')
                .str(lead)
                .ch(']');
        return j.toString().getBytes(StandardCharsets.UTF_8);
    }
}
