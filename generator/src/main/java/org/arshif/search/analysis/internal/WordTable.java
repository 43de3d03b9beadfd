package org.arshif.search.analysis.internal;

import java.util.Map;

/**
 * An immutable string-to-string map that is looked up by a slice of a {@code char[]}, so the
 * analyzer can test stopwords and dictionary words without creating a string per token.
 * Open addressing, power-of-two table, at most half full.
 */
public final class WordTable {
    private final String[] keys;
    private final String[] values;
    private final int mask;
    private final int size;

    public WordTable(Map<String, String> map) {
        int cap = 4;
        while (cap < map.size() * 2) {
            cap <<= 1;
        }
        keys = new String[cap];
        values = new String[cap];
        mask = cap - 1;
        for (Map.Entry<String, String> e : map.entrySet()) {
            String k = e.getKey();
            int slot = spread(k.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            values[slot] = e.getValue();
        }
        size = map.size();
    }

    public int size() {
        return size;
    }

    /** The value for the word {@code b[off..off+len)}, or {@code null}. */
    public String get(char[] b, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + b[off + i]; // same as String.hashCode
        }
        int slot = spread(h) & mask;
        for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
            if (k.length() == len && regionEquals(k, b, off, len)) {
                return values[slot];
            }
        }
        return null;
    }

    public boolean contains(char[] b, int off, int len) {
        return get(b, off, len) != null;
    }

    private static boolean regionEquals(String k, char[] b, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (k.charAt(i) != b[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }
}
