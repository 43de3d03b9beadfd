package org.arshif.search.index.internal;

import org.arshif.search.analysis.IndexKeys;
import org.arshif.search.analysis.TextAnalyzer;

/** The analyzer as the index needs it: the normalized words of a text, and what each word puts in the index. */
public interface TermSource {
    /** The normalized words of {@code text}, stopwords included, with their positions. */
    void forEachWord(String text, TextAnalyzer.WordSink sink);

    /** A reader of one word's keys, for one thread. */
    IndexKeys indexKeys();
}
