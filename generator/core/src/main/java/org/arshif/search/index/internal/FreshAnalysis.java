package org.arshif.search.index.internal;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Analyses documents from their text, each distinct word once per run ({@link WordMemo}). Thread-safe: a call
 * borrows an idle builder (its memo and scratch arrays), so there are as many as there are threads at once.
 */
public final class FreshAnalysis implements DocAnalysis {
    private final TermSource source;
    private final TermIds ids;
    private final int memoWords;
    private final ConcurrentLinkedQueue<DocTermsBuilder> idle = new ConcurrentLinkedQueue<>();

    /** @param ids where the keys of words get their ids (the run's, or the analysis cache's) */
    public FreshAnalysis(TermSource source, TermIds ids) {
        this(source, ids, WordMemo.MAX_WORDS);
    }

    /** With memos of at most {@code memoWords} words each (tests). */
    FreshAnalysis(TermSource source, TermIds ids, int memoWords) {
        this.source = source;
        this.ids = ids;
        this.memoWords = memoWords;
    }

    @Override
    public DocTerms analyze(String title, String body) {
        DocTermsBuilder builder = idle.poll();
        if (builder == null) {
            builder = new DocTermsBuilder(new WordMemo(source.indexKeys(), ids, memoWords));
        }
        try {
            return builder.analyze(source, title, body);
        } finally {
            idle.add(builder);
        }
    }
}
