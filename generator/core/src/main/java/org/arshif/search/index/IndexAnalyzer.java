package org.arshif.search.index;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.arshif.search.analysis.IndexKeys;
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
     * The normalized words of {@code text}, stopwords included, with the positions of {@link #tokens}; the index
     * asks {@link #indexKeys()} what each word puts in it ({@link TextAnalyzer#forEachWord}), and asks once per
     * distinct word of a run.
     */
    void forEachWord(String text, TextAnalyzer.WordSink sink);

    /**
     * A reader of one normalized word's index keys, for one thread: its term, possibly a second reading at the
     * same position, and surface keys (see {@link TextAnalyzer#forEachIndexTerm}).
     */
    IndexKeys indexKeys();

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
            public void forEachWord(String text, TextAnalyzer.WordSink sink) {
                analyzer.forEachWord(text, sink);
            }

            @Override
            public IndexKeys indexKeys() {
                return analyzer.indexKeys();
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
