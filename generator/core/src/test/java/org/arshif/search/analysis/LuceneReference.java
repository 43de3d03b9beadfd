package org.arshif.search.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Lucene's analysis of one token, the reference for the parity vectors.
 *
 * <p>The chain is {@code ArabicAnalyzer}'s minus its tokenizer (the spec defines its own):
 * {@code LowerCaseFilter → DecimalDigitFilter → StopFilter → ArabicNormalizationFilter}, then the
 * stemmer of the token's script, as Arshif dispatches: {@code ArabicStemFilter} for Arabic,
 * {@code SnowballFilter(EnglishStemmer)} for Latin, none otherwise. The stop set is Lucene's own
 * default Arabic list plus {@code EnglishAnalyzer.ENGLISH_STOP_WORDS_SET}, applied before
 * normalization, as Lucene does.
 */
final class LuceneReference implements AutoCloseable {
    private final Analyzer arabic;
    private final Analyzer english;
    private final Analyzer other;
    private final Analyzer normalizeOnly;

    LuceneReference() {
        CharArraySet stop = new CharArraySet(ArabicAnalyzer.getDefaultStopSet(), false);
        stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        arabic = chain(stop, ArabicStemFilter::new);
        english = chain(stop, ts -> new SnowballFilter(ts, new EnglishStemmer()));
        other = chain(stop, ts -> ts);
        normalizeOnly = chain(CharArraySet.EMPTY_SET, ts -> ts);
    }

    private static Analyzer chain(CharArraySet stop, Function<TokenStream, TokenStream> stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new KeywordTokenizer();
                TokenStream ts = new LowerCaseFilter(source);
                ts = new DecimalDigitFilter(ts);
                ts = new StopFilter(ts, stop);
                ts = new ArabicNormalizationFilter(ts);
                return new TokenStreamComponents(source, stemmer.apply(ts));
            }
        };
    }

    /**
     * Lucene's term for {@code surface} (one token as it stands in the text), stemmed as a token
     * of {@code script}; {@code null} if Lucene drops it as a stopword.
     */
    String term(String surface, TextAnalyzer.Script script) {
        Analyzer a = switch (script) {
            case ARABIC -> arabic;
            case LATIN -> english;
            case OTHER -> other;
        };
        return run(a, surface);
    }

    private static String run(Analyzer a, String surface) {
        try (TokenStream ts = a.tokenStream("f", surface)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            String out = ts.incrementToken() ? term.toString() : null;
            if (ts.incrementToken()) {
                throw new IllegalStateException("keyword chain gave two tokens for " + surface);
            }
            ts.end();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lucene's normalization alone (lowercase, decimal digits, {@code ArabicNormalizer}). */
    String normalize(String surface) {
        return run(normalizeOnly, surface);
    }

    /** Lucene's {@code ArabicStemmer} alone, on a normalized word. */
    static String arabicStem(String word) {
        char[] b = word.toCharArray();
        int len = new org.apache.lucene.analysis.ar.ArabicStemmer().stem(b, b.length);
        return new String(b, 0, len);
    }

    /** The stemmer Lucene's chain applies to a token of {@code script}, alone. */
    static String stem(String word, TextAnalyzer.Script script) {
        return switch (script) {
            case ARABIC -> arabicStem(word);
            case LATIN -> porter2(word);
            case OTHER -> word;
        };
    }

    /** Snowball's {@code EnglishStemmer} alone, on a lowercased word. */
    static String porter2(String word) {
        EnglishStemmer s = new EnglishStemmer();
        s.setCurrent(word);
        s.stem();
        return s.getCurrent();
    }

    @Override
    public void close() {
        arabic.close();
        english.close();
        other.close();
        normalizeOnly.close();
    }
}
