package org.arshif.search.analysis.internal;

import java.util.Map;

/**
 * An immutable string-to-string map that is looked up by a slice of a {@code char[]}, so the
 * analyzer can test stopwords and dictionary words without creating a string per token.
 * Open addressing, power-of-two table, at most a quarter full; a slot's full hash is compared
 * before its chars.
 */
public final class WordTable {
    private final String[] keys;
    private final int[] hashes;
    private final String[] values;
    private final int mask;
    private final int size;

    public WordTable(Map<String, String> map) {
        int cap = 4;
        while (cap < map.size() * 4) {
            cap <<= 1;
        }
        keys = new String[cap];
        hashes = new int[cap];
        values = new String[cap];
        mask = cap - 1;
        for (Map.Entry<String, String> e : map.entrySet()) {
            String k = e.getKey();
            int slot = spread(k.hashCode()) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = k;
            hashes[slot] = k.hashCode();
            values[slot] = e.getValue();
        }
        size = map.size();
    }

    public int size() {
        return size;
    }

    /** The value for the word {@code b[off..off+len)}, or {@code null}. */
    public String get(char[] b, int off, int len) {
        return get(b, off, len, hash(b, off, len));
    }

    /** {@link #get(char[], int, int)} with the slice's {@link #hash} already computed. */
    public String get(char[] b, int off, int len, int hash) {
        int slot = spread(hash) & mask;
        for (String k; (k = keys[slot]) != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash && k.length() == len && regionEquals(k, b, off, len)) {
                return values[slot];
            }
        }
        return null;
    }

    public boolean contains(char[] b, int off, int len) {
        return get(b, off, len) != null;
    }

    /** The hash of a slice, equal to {@code String.hashCode} of the same chars. */
    public static int hash(char[] b, int off, int len) {
        int h = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + b[off + i];
        }
        return h;
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
