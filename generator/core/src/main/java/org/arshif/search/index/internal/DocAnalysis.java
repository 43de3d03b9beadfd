package org.arshif.search.index.internal;

import java.util.function.Supplier;

/** Analyzes one document's title and body (freshly, or from the analyses of earlier builds). Thread-safe. */
@FunctionalInterface
public interface DocAnalysis {
    DocTerms analyze(String title, String body);

    /**
     * The analysis of document {@code doc} (its id, in index order), whose body is {@code rawBody} as given and
     * {@code body} in NFC. An analysis that finds earlier ones by the text as given overrides it: the text need
     * not be normalized again to find it (the same text gives the same analysis).
     */
    default DocTerms analyze(int doc, String title, String rawBody, Supplier<String> body) {
        return analyze(title, body.get());
    }
}
