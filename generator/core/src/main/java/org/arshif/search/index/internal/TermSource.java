package org.arshif.search.index.internal;

import org.arshif.search.analysis.TextAnalyzer;

/** The analyzer as {@link DocTerms} needs it: the terms of a text with their positions, in text order. */
@FunctionalInterface
public interface TermSource {
    void forEachTerm(String text, TextAnalyzer.TermSink sink);
}
