package org.arshif.search.index.internal;

import java.util.Arrays;

/** A growable int array. */
public final class IntList {
    private int[] a;
    private int n;

    public IntList(int capacity) {
        a = new int[Math.max(capacity, 2)];
    }

    /** A list of {@code values}' first {@code size} items, which it takes as they are (not copied). */
    IntList(int[] values, int size) {
        a = values;
        n = size;
    }

    /** The array the items are in (its first {@link #size} ints); not copied, so never to be written. */
    int[] array() {
        return a;
    }

    public void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, Math.max(2, a.length * 2));
        }
        a[n++] = v;
    }

    /** Appends {@code values[from..to)}. */
    public void addAll(int[] values, int from, int to) {
        int need = n + to - from;
        if (need > a.length) {
            a = Arrays.copyOf(a, Math.max(need, a.length + (a.length >> 1)));
        }
        System.arraycopy(values, from, a, n, to - from);
        n = need;
    }

    /** Appends {@code values}' items {@code from..to-1}. */
    public void addAll(IntList values, int from, int to) {
        addAll(values.a, from, to);
    }

    public int get(int i) {
        return a[i];
    }

    public int size() {
        return n;
    }
}
