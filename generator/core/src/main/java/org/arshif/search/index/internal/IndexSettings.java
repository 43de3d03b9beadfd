package org.arshif.search.index.internal;

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
        double titleBoost,
        int threads,
        String analysisJson,
        java.util.Set<String> variantTerms) {
    public IndexSettings {
        variantTerms = java.util.Set.copyOf(variantTerms);
    }
}
