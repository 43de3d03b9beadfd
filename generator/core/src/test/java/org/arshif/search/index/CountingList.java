package org.arshif.search.index;

import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A list that counts how often an element is asked for, as the pipeline's list of search documents builds each one
 * (and its body) anew on every ask: a writer that asks for an unchanged document again does work it could keep.
 */
final class CountingList<T> extends AbstractList<T> {
    private final List<T> elements;
    private final AtomicInteger asks = new AtomicInteger();

    CountingList(List<T> elements) {
        this.elements = elements;
    }

    @Override
    public T get(int i) {
        asks.incrementAndGet();
        return elements.get(i);
    }

    @Override
    public int size() {
        return elements.size();
    }

    /** How many elements were asked for so far. */
    int asks() {
        return asks.get();
    }
}
