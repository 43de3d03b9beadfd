package org.arshif.search.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arshif.search.analysis.TextAnalyzer;

/**
 * What the index writer needs from the text analyzer: analyzed tokens with their offsets in the original text,
 * and the analyzer's data, serialized for the browser, so that queries are analyzed exactly like the index.
 *
 * <p>The production implementation adapts {@code org.arshif.search.analysis.TextAnalyzer}; tests may use a stand-in.
 */
public interface IndexAnalyzer {

    /**
     * Analyzed tokens of {@code text}, in text order, stopwords already dropped.
     *
     * @return tokens whose {@code position} counts every token of the text (stopwords included), so that a
     *     phrase with a stopword in the middle still matches in order
     */
    List<Token> tokens(String text);

    /**
     * The terms of {@code text} with their positions, as {@link #tokens} gives them; implementations may skip
     * computing offsets, which the index does not store, and may give a second term at the same position (the
     * analyzer's second reading of a word, see {@link TextAnalyzer#forEachIndexTerm}).
     */
    default void forEachTerm(String text, TextAnalyzer.TermSink sink) {
        for (Token t : tokens(text)) {
            sink.term(t.term(), t.position());
        }
    }

    /** The analyzer's data (stopwords, protected list, variant map) as one JSON value for the JS analyzer. */
    String clientDataJson();

    /**
     * The terms the analyzer's lists already decided about: those of its variant groups (their forms are one word
     * by design) and of its protected words. The build never reports them as conflations.
     */
    default Set<String> variantTerms() {
        return Set.of();
    }

    /** Arshif's analyzer, {@link TextAnalyzer#standard()}: what the site build uses. */
    static IndexAnalyzer standard() {
        return of(TextAnalyzer.standard());
    }

    /** Adapts a {@link TextAnalyzer}: its tokens, and its {@code clientData()} for {@code createAnalyzer(data)}. */
    static IndexAnalyzer of(TextAnalyzer analyzer) {
        return new IndexAnalyzer() {
            @Override
            public List<Token> tokens(String text) {
                return analyzer.tokens(text).stream()
                        .map(t -> new Token(t.term(), t.start(), t.end(), t.position()))
                        .toList();
            }

            @Override
            public void forEachTerm(String text, TextAnalyzer.TermSink sink) {
                analyzer.forEachIndexTerm(text, sink);
            }

            @Override
            public String clientDataJson() {
                return analyzer.clientData();
            }

            @Override
            public Set<String> variantTerms() {
                Set<String> terms = new HashSet<>();
                for (String group : analyzer.data().variants()) {
                    terms.addAll(analyzer.terms(group));
                }
                analyzer.data().protectedWords().forEach(w -> terms.addAll(analyzer.terms(w)));
                return terms;
            }
        };
    }

    /**
     * One analyzed token.
     *
     * @param term     the index term (normalized, stemmed)
     * @param start    UTF-16 offset of the token's first char in the original text
     * @param end      UTF-16 offset after the token's last char
     * @param position ordinal of the token among all tokens of the text
     */
    record Token(String term, int start, int end, int position) {}
}
