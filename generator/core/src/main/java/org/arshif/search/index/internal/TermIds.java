package org.arshif.search.index.internal;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dictionary keys (terms and surface keys) met by a run, each with a dense id: analyses hold ids, and a key is
 * turned into a string once, not once per document. Ids are handed out in the order keys are first met, which
 * depends on thread timing; the index never depends on it (its dictionary is sorted by key). Append-only and
 * thread-safe; lookups of known keys take no lock.
 */
public final class TermIds {
    private final ConcurrentHashMap<String, Integer> ids;
    private String[] keys;
    private int size;

    public TermIds() {
        this(new String[0]);
    }

    /** Ids 0.. for {@code initial} (distinct), in that order; new keys get the next ids. */
    public TermIds(String[] initial) {
        ids = new ConcurrentHashMap<>(Math.max(16, initial.length * 2));
        keys = Arrays.copyOf(initial, Math.max(16, initial.length));
        size = initial.length;
        for (int i = 0; i < initial.length; i++) {
            if (ids.putIfAbsent(initial[i], i) != null) {
                throw new IllegalArgumentException("a key twice: " + initial[i]);
            }
        }
    }

    /** The id of {@code key}, a new one if it has none yet. */
    public int id(String key) {
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        synchronized (this) {
            id = ids.get(key);
            if (id != null) {
                return id;
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            keys[size] = key;
            ids.put(key, size);
            return size++;
        }
    }

    /** The id of {@code key}, or -1 if it has none. */
    public int find(String key) {
        Integer id = ids.get(key);
        return id == null ? -1 : id;
    }

    public synchronized String key(int id) {
        if (id >= size) {
            throw new IndexOutOfBoundsException(id);
        }
        return keys[id];
    }

    public synchronized int size() {
        return size;
    }

    /** Every key, by id. */
    public synchronized String[] keys() {
        return Arrays.copyOf(keys, size);
    }
}
