package org.arshif.search.index.internal;

/** Analyzes one document's title and body (freshly, or from the analyses of earlier builds). Thread-safe. */
@FunctionalInterface
public interface DocAnalysis {
    DocTerms analyze(String title, String body);

    /** The analysis of document {@code doc} (its id, in index order); an analysis that records ids overrides it. */
    default DocTerms analyze(int doc, String title, String body) {
        return analyze(title, body);
    }
}
