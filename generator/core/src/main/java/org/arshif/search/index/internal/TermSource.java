package org.arshif.search.index.internal;

import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.arshif.search.analysis.IndexKeys;
import org.arshif.search.analysis.TextAnalyzer;

/** The analyzer as the index needs it: the normalized words of a text, and what each word puts in the index. */
public interface TermSource {
    /** The normalized words of {@code text}, stopwords included, with their positions. */
    void forEachWord(String text, TextAnalyzer.WordSink sink);

    /** A reader of one word's keys, for one thread. */
    IndexKeys indexKeys();

    /** The words and keys of {@code analyzer}. */
    static TermSource of(TextAnalyzer analyzer) {
        return of(analyzer::forEachWord, analyzer::indexKeys);
    }

    /** A source that reads words with {@code words} and makes each thread's key reader with {@code keys}. */
    static TermSource of(BiConsumer<String, TextAnalyzer.WordSink> words, Supplier<IndexKeys> keys) {
        return new TermSource() {
            @Override
            public void forEachWord(String text, TextAnalyzer.WordSink sink) {
                words.accept(text, sink);
            }

            @Override
            public IndexKeys indexKeys() {
                return keys.get();
            }
        };
    }
}
