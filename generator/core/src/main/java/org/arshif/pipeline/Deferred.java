package org.arshif.pipeline;

import java.util.function.Supplier;

/** A value computed once, by whichever thread asks first; a failed computation is tried again on the next ask. */
final class Deferred<T> implements Supplier<T> {
    private Supplier<T> computation;
    private T value;

    Deferred(Supplier<T> computation) {
        this.computation = computation;
    }

    static <T> Deferred<T> of(T value) {
        Deferred<T> done = new Deferred<>(null);
        done.value = value;
        return done;
    }

    @Override
    public synchronized T get() {
        if (computation != null) {
            value = computation.get();
            computation = null;
        }
        return value;
    }
}
