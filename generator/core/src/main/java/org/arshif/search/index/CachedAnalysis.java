package org.arshif.search.index;

import java.util.function.Supplier;
import org.arshif.internal.Fingerprint;
import org.arshif.internal.Fingerprint.Hash128;
import org.arshif.search.index.internal.DocAnalysis;
import org.arshif.search.index.internal.DocTerms;
import org.arshif.search.index.internal.IndexReuse;

/** A document's analysis taken from an {@link AnalysisCache} when it holds the text, else made and kept there. */
final class CachedAnalysis {
    private CachedAnalysis() {}

    /** Analyses from the cache, keyed by the analyzer's lists too: a newly protected word changes the terms. */
    static DocAnalysis of(
            AnalysisCache analyses, DocAnalysis fresh, IndexAnalyzer analyzer, String lang, IndexReuse reuse) {
        String key = lang + "\u0000"
                + new Fingerprint().text(analyzer.clientDataJson()).finish().hex();
        return new DocAnalysis() {
            @Override
            public DocTerms analyze(String title, String body) {
                return analyses.analyze(key, title, body, fresh);
            }

            @Override
            public Hash128 textKey(String title, String rawBody) {
                // the body as given, whose analysis is that of its NFC form: a known text is not normalized again
                return AnalysisCache.key(key, title, rawBody);
            }

            @Override
            public DocTerms analyze(int doc, Hash128 textKey, String title, Supplier<String> body) {
                if (reuse != null) {
                    reuse.record(doc, textKey); // the index reuses files by what each document id holds
                }
                return analyses.analyze(textKey, title, body, fresh);
            }

            @Override
            public void kept(int doc, Hash128 textKey) {
                analyses.keep(textKey); // saved for the next build, as if this one had asked for it
            }
        };
    }
}
