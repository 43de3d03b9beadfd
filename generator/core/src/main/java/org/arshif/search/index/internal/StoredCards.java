package org.arshif.search.index.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Fingerprint.Hash128;

/**
 * The last cached build's cards, compressed, by the key of each card's JSON: a card whose JSON is the same is taken
 * as it was, not compressed again (deflating every card was most of an edit build's card work). Stored with the
 * postings ({@link StoredPostings}), under the {@link #deflaterKey} of the deflater that made them: another zlib
 * may compress the same JSON to other bytes, and then none is used. Never written after it is made.
 *
 * @param keys   per card, the key of its JSON with its full lead ({@link #key})
 * @param packed per card, that JSON raw deflated
 * @param noLead per card, the size of its card with no lead (plus 2) where it was needed, else 0
 */
record StoredCards(Hash128[] keys, byte[][] packed, int[] noLead) {
    /** A card JSON shaped like the real ones, in both scripts, whose compressed bytes tell one zlib from another. */
    private static final String PROBE =
            "[\"/ar/2012/03/19/n100166/\",\"وزير الخارجية يلتقي نظيره في الرياض\",\"2012-03-19\","
                    + "\"١٩ مارس ٢٠١٢\",[3,17,42],\"The minister met his counterpart in Riyadh on Monday, the ministry said,"
                    + " and the two discussed the region. قال بيان الوزارة إن الوزيرين بحثا الأوضاع في المنطقة.\"]";

    /** The key of a card's JSON. */
    static Hash128 key(byte[] json) {
        return new Fingerprint().bytes(json).finish();
    }

    /**
     * The key of this JVM's deflater: its Java version and what it makes of a probe card, alone and after each
     * card dictionary (a card's bytes depend on its language's).
     */
    static Hash128 deflaterKey() {
        Deflater d = Blob.rawDeflater();
        byte[] probe = PROBE.getBytes(StandardCharsets.UTF_8);
        try {
            return new Fingerprint()
                    .text(System.getProperty("java.runtime.version", ""))
                    .bytes(Blob.deflateRaw(d, probe))
                    .bytes(Blob.deflateRaw(d, probe, CardDictionary.of("ar")))
                    .bytes(Blob.deflateRaw(d, probe, CardDictionary.of("en")))
                    .finish();
        } finally {
            d.end();
        }
    }

    /** By card key, the index of its card here. */
    Map<Hash128, Integer> byKey() {
        Map<Hash128, Integer> out = new HashMap<>(keys.length * 2);
        for (int i = 0; i < keys.length; i++) {
            out.putIfAbsent(keys[i], i);
        }
        return out;
    }
}
