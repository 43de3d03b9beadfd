package org.arshif.search.index.internal;

import java.util.function.Supplier;
import org.arshif.internal.Fingerprint.Hash128;

/** Analyzes one document's title and body (freshly, or from the analyses of earlier builds). Thread-safe. */
@FunctionalInterface
public interface DocAnalysis {
    DocTerms analyze(String title, String body);

    /**
     * The key of a document's text as given (its body not normalized), by which this analysis finds the analyses
     * of earlier builds; null when it keeps none. Asked once per document, while its body is at hand.
     */
    default Hash128 textKey(String title, String rawBody) {
        return null;
    }

    /**
     * The analysis of document {@code doc} (its id, in index order), whose text has {@code textKey}; {@code body}
     * gives its NFC body, asked for only when the text must be analysed (the same text gives the same analysis).
     */
    default DocTerms analyze(int doc, Hash128 textKey, String title, Supplier<String> body) {
        return analyze(title, body.get());
    }

    /**
     * Document {@code doc}, whose text has {@code textKey}, is in the index without its analysis being asked for
     * (its postings were patched, not inverted): an analysis kept for later builds is kept as if it had been.
     */
    default void kept(int doc, Hash128 textKey) {}
}
