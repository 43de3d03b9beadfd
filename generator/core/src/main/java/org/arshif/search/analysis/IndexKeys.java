package org.arshif.search.analysis;

import java.util.ArrayList;
import java.util.List;
import org.arshif.search.analysis.internal.Proclitics;
import org.arshif.search.analysis.internal.ReadingMarks;

/**
 * What the index holds for one normalized word ({@link TextAnalyzer#forEachWord}), one word at a time: the keys
 * {@link TextAnalyzer#forEachIndexTerm} gives it. An index writer that meets the same word again can keep its keys
 * instead of analysing it again. Not thread-safe: one per thread ({@link TextAnalyzer#indexKeys()}).
 */
public final class IndexKeys {
    private static final String[] NONE = {};

    private final WordTerms run;
    private char[] plain = new char[32];

    IndexKeys(WordTerms run) {
        this.run = run;
    }

    /**
     * The keys of the word {@code b[off..off+len)}: its term; after the term of a word that starts with a و the
     * analyzer keeps (وزير, وقال), the term of its reading with that و as the conjunction (زير, قال) and that
     * reading's surface key; then the word's surface key ({@link SurfaceKey}). A word in its marked form
     * ({@link ReadingMarks}) has the keys of its normalized spelling, then those of its marked readings that
     * differ from them. None for a stopword.
     */
    public void forEach(char[] b, int off, int len, int position, TextAnalyzer.TermSink sink) {
        int hamza = ReadingMarks.hamzaAt(b, off, len);
        boolean tanween = ReadingMarks.tanween(b, off, len);
        if (hamza < 0 && !tanween) {
            plainKeys(b, off, len, position, sink);
            return;
        }
        int n = unmark(b, off, len, hamza, tanween);
        List<String> keys = new ArrayList<>(8);
        plainKeys(plain, 0, n, position, (key, ignored) -> keys.add(key));
        if (keys.isEmpty()) {
            return; // a stopword has no reading
        }
        List<String> readings = readings(plain, n, hamza, tanween);
        for (int r = 0; r < readings.size(); r += 2) {
            String term = readings.get(r);
            for (String key : List.of(term, SurfaceKey.of(term, readings.get(r + 1)))) {
                if (!keys.contains(key)) {
                    keys.add(key);
                }
            }
        }
        for (String key : keys) {
            sink.term(key, position);
        }
    }

    /**
     * The marked readings of the word {@code b[off..off+len)} in its marked form ({@link #readings(char[], int, int,
     * boolean)}); empty for a word without marks, and for a stopword.
     */
    List<String> readingsOf(char[] b, int off, int len) {
        int hamza = ReadingMarks.hamzaAt(b, off, len);
        boolean tanween = ReadingMarks.tanween(b, off, len);
        if (hamza < 0 && !tanween) {
            return List.of();
        }
        int n = unmark(b, off, len, hamza, tanween);
        return run.term(plain, 0, n) == null ? List.of() : readings(plain, n, hamza, tanween);
    }

    /** Writes the normalized spelling of a marked word into {@link #plain}; its length. */
    private int unmark(char[] b, int off, int len, int hamza, boolean tanween) {
        int n = tanween ? len - 1 : len;
        if (plain.length < n) {
            plain = new char[n + 16];
        }
        System.arraycopy(b, off, plain, 0, n);
        if (hamza >= 0) {
            plain[hamza] = '\u0627';
        }
        return n;
    }

    /**
     * The marked readings of the normalized word {@code plain[0..n)}, as term, form, term, form…: with its hamza
     * alif at {@code hamza} (or -1), the term it has behind the article (ألعاب as الألعاب: العاب) and the word from
     * that alif; with the {@code tanween}, the term and surface form of the word without its final alif (عام). The
     * browser's {@code analyzer.readings} gives the same pairs.
     */
    List<String> readings(char[] plain, int n, int hamza, boolean tanween) {
        List<String> out = new ArrayList<>(4);
        if (hamza >= 0) { // the alif and lam as the word's own
            String form = new String(plain, hamza, n - hamza);
            String t = run.articleReading(form);
            if (t != null) {
                out.add(t);
                out.add(form);
            }
        }
        if (tanween) { // without the accusative's alif
            String t = run.tanweenReading(plain, 0, n);
            int p = Proclitics.length(plain, 0, n - 1);
            if (t != null) {
                out.add(t);
                out.add(new String(plain, p, n - 1 - p));
            }
        }
        return out;
    }

    private void plainKeys(char[] b, int off, int len, int position, TextAnalyzer.TermSink sink) {
        String t = run.term(b, off, len);
        if (t == null) {
            return;
        }
        sink.term(t, position);
        String conjunction = run.conjunctionReading(b, off, len);
        if (conjunction != null && !conjunction.equals(t)) {
            sink.term(conjunction, position);
        }
        if (conjunction != null) { // the form without the conjunction: قال in وقال, كنيسه in وكنيسة
            sink.term(SurfaceKey.of(conjunction, new String(b, off + 1, len - 1)), position);
        }
        int p = Proclitics.length(b, off, len); // the form is the word's own: للرئيس is رئيس, as typed
        sink.term(SurfaceKey.of(t, run.form(b, off, len, p)), position);
    }

    /** {@link #forEach}'s keys as an array, empty for a stopword. */
    public String[] of(char[] b, int off, int len) {
        List<String> keys = new ArrayList<>(4);
        forEach(b, off, len, 0, (key, ignored) -> keys.add(key));
        return keys.isEmpty() ? NONE : keys.toArray(NONE);
    }
}
