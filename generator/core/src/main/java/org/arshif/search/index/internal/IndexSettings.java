package org.arshif.search.index.internal;

import java.util.Set;
import org.arshif.internal.Fingerprint;

/**
 * The writer's tuning knobs as the phases read them (see {@code SearchIndexWriter.Options} for their meaning),
 * with the analyzer's client data already serialized for the manifest, and the terms its variant groups join (whose
 * forms the data already calls one word: never reported as conflations).
 */
public record IndexSettings(
        int hitsPerTerm,
        int shardTarget,
        int longPostings,
        int tailTarget,
        long cardFileBytes,
        int cardChunkBytes,
        boolean cardChunks,
        int filesPer1000Docs,
        int threads,
        String analysisJson,
        Set<String> variantTerms) {
    public IndexSettings {
        variantTerms = Set.copyOf(variantTerms);
    }

    /**
     * Adds to {@code f} every setting an index's bytes depend on: all but the threads, which change none. The card
     * chunks count only when they are off, so that the default's keys stay what they were before the setting.
     */
    public Fingerprint addTo(Fingerprint f) {
        f.number(hitsPerTerm)
                .number(shardTarget)
                .number(longPostings)
                .number(tailTarget)
                .number(cardFileBytes)
                .number(cardChunkBytes)
                .number(filesPer1000Docs)
                .text(analysisJson);
        if (!cardChunks) {
            f.text("without card chunks");
        }
        f.number(variantTerms.size());
        variantTerms.stream().sorted().forEach(f::text);
        return f;
    }
}
