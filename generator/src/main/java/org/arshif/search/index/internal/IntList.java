package org.arshif.search.index.internal;

import java.util.Arrays;

/** A growable int array. */
public final class IntList {
    private int[] a;
    private int n;

    public IntList(int capacity) {
        a = new int[Math.max(capacity, 2)];
    }

    public void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, a.length + (a.length >> 1) + 2);
        }
        a[n++] = v;
    }

    public int get(int i) {
        return a[i];
    }

    public int size() {
        return n;
    }
}
