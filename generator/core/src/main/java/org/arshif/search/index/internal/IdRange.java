package org.arshif.search.index.internal;

/** Ids {@code from..to-1}: terms of the sorted dictionary, documents, or term shards. */
record IdRange(int from, int to) {}
