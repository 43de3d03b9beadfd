package org.arshif.search.index.internal;

/** Analyzes one document's title and body (freshly, or from the analyses of earlier builds). Thread-safe. */
@FunctionalInterface
public interface DocAnalysis {
    DocTerms analyze(String title, String body);
}
