package org.arshif.search.index.internal;

import java.util.Arrays;
import org.arshif.search.analysis.IndexKeys;
import org.arshif.search.analysis.SurfaceKey;

/**
 * The keys of each normalized word met so far, as ids, so that a word is analysed (clitics, stems, variants) once
 * per run and not once per occurrence: an archive of 10,000 dispatches has millions of words but only tens of
 * thousands of distinct ones. Looked up by a slice of the normalized text, without a string per word. Bounded:
 * once it holds its maximum of words, new ones are analysed each time (the frequent words came first). One per
 * thread; not thread-safe.
 */
final class WordMemo {
    /** About 15 MB at most per memo (chars, ids, table), more distinct words than a 30,000-article archive has. */
    static final int MAX_WORDS = 1 << 18;

    private final IndexKeys analyzer;
    private final TermIds ids;
    private final int maxWords;
    /** Per entry: its word's chars in {@link #chars}, its hash, and its keys in {@link #values}. */
    private char[] chars = new char[1 << 14];

    private int charsUsed;
    private int[] wordStart = new int[1 << 10];
    private int[] wordLength = new int[1 << 10];
    private int[] wordHash = new int[1 << 10];
    private int[] valueStart = new int[1 << 10];
    private int[] values = new int[1 << 12];
    private int valuesUsed;
    private int words;
    /** Open addressing: entry + 1, or 0 for an empty slot; at most half full. */
    private int[] table = new int[1 << 11];

    /** The keys of a word that is not kept, in {@link #values} past the kept ones. */
    private int spareStart;

    private int spareEnd;

    WordMemo(IndexKeys analyzer, TermIds ids, int maxWords) {
        this.analyzer = analyzer;
        this.ids = ids;
        this.maxWords = maxWords;
    }

    /** A key as a value: its id, shifted, and whether it is a surface key in the low bit. */
    static int id(int value) {
        return value >>> 1;
    }

    static boolean isSurface(int value) {
        return (value & 1) != 0;
    }

    /**
     * The keys of word {@code b[off..off+len)}: returns an entry whose values are {@link #values()} from {@link
     * #start} to {@link #end}. The entry is valid until the next call.
     */
    int lookup(char[] b, int off, int len) {
        int hash = hash(b, off, len);
        int mask = table.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        for (int e; (e = table[slot]) != 0; slot = (slot + 1) & mask) {
            int w = e - 1;
            if (wordHash[w] == hash && wordLength[w] == len && equal(w, b, off, len)) {
                return w;
            }
        }
        String[] keys = analyzer.of(b, off, len);
        if (words == maxWords) {
            spareStart = valuesUsed;
            spareEnd = valuesUsed;
            ensureValues(keys.length);
            for (String key : keys) {
                values[spareEnd++] = value(key);
            }
            return -1;
        }
        return add(b, off, len, hash, keys, slot);
    }

    /** Words kept. */
    int size() {
        return words;
    }

    int[] values() {
        return values;
    }

    int start(int entry) {
        return entry < 0 ? spareStart : valueStart[entry];
    }

    int end(int entry) {
        return entry < 0 ? spareEnd : entry + 1 < words ? valueStart[entry + 1] : valuesUsed;
    }

    private int value(String key) {
        return ids.id(key) << 1 | (SurfaceKey.is(key) ? 1 : 0);
    }

    private int add(char[] b, int off, int len, int hash, String[] keys, int slot) {
        int w = words;
        if (w == wordStart.length) {
            int n = w * 2;
            wordStart = Arrays.copyOf(wordStart, n);
            wordLength = Arrays.copyOf(wordLength, n);
            wordHash = Arrays.copyOf(wordHash, n);
            valueStart = Arrays.copyOf(valueStart, n);
        }
        if (charsUsed + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + len));
        }
        System.arraycopy(b, off, chars, charsUsed, len);
        wordStart[w] = charsUsed;
        wordLength[w] = len;
        wordHash[w] = hash;
        charsUsed += len;
        ensureValues(keys.length);
        valueStart[w] = valuesUsed;
        for (String key : keys) {
            values[valuesUsed++] = value(key);
        }
        words++;
        table[slot] = w + 1;
        if (words * 2 > table.length) {
            rehash();
        }
        return w;
    }

    private void ensureValues(int more) {
        if (valuesUsed + more > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valuesUsed + more));
        }
    }

    private void rehash() {
        int[] grown = new int[table.length * 2];
        int mask = grown.length - 1;
        for (int w = 0; w < words; w++) {
            int h = wordHash[w];
            int slot = (h ^ (h >>> 16)) & mask;
            while (grown[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            grown[slot] = w + 1;
        }
        table = grown;
    }

    private boolean equal(int w, char[] b, int off, int len) {
        int at = wordStart[w];
        for (int i = 0; i < len; i++) { // words are short: a plain loop beats Arrays.equals' setup
            if (chars[at + i] != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static int hash(char[] b, int off, int len) {
        int h = 0;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        return h;
    }
}
