package org.arshif.site.pages;

import java.util.Objects;

/**
 * Part of many pages' inputs (a dispatch's card is on every list that shows it): the same instance everywhere, so
 * a fingerprint may compute its share once.
 *
 * @param valueHash the value's hash code, computed once: a fingerprint looks each part up by its value, and the
 *                  record's own {@code hashCode} walked the whole card (eleven fields and its tags) on every
 *                  lookup, 40% of the page fingerprints' CPU in a 10,000-dispatch build
 */
public record SharedInput(Object value, int valueHash) {
    public SharedInput {
        if (valueHash != Objects.hashCode(value)) {
            throw new IllegalArgumentException("valueHash is not the value's hash code");
        }
    }

    public SharedInput(Object value) {
        this(value, Objects.hashCode(value));
    }

    @Override
    public boolean equals(Object o) {
        return o == this
                || o instanceof SharedInput other && valueHash == other.valueHash && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return valueHash;
    }
}
