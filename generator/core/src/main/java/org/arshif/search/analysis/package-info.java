/**
 * Text analysis for the search index: the same terms at build time (Java, here) and at query time
 * (the browser, {@code src/main/js/analyzer.js}).
 *
 * <pre>{@code
 * TextAnalyzer analyzer = TextAnalyzer.standard();
 * List<String> terms = analyzer.terms(dispatch.body());          // for the index
 * List<Token> tokens = analyzer.tokens(excerpt);                  // for highlighting
 * String forTheBrowser = analyzer.clientData();                   // into the search manifest
 * }</pre>
 *
 * <p>{@link org.arshif.search.analysis.TextAnalyzer} is the whole public surface, with its value
 * types {@link org.arshif.search.analysis.Token} and {@link org.arshif.search.analysis.AnalysisData}.
 * The rules, every departure from Lucene and the parity vectors that hold Java and JS together are
 * described in {@code generator/ANALYSIS.md}. The {@code internal} package holds the machinery
 * (normalizer, stemmers) and is not an API.
 */
package org.arshif.search.analysis;
