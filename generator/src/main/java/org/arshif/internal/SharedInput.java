package org.arshif.internal;

/**
 * A part of many pages' inputs (a card is on many list pages): a page fingerprint computes the share of each
 * distinct value (by {@code equals}) once, then reuses it.
 */
public interface SharedInput {
    /** What the fingerprint covers: strings, numbers, lists, maps and records of them. */
    Object value();
}
