package org.arshif.search.index.internal;

import java.nio.file.Path;

/** Index files an earlier build left in place (their names carry content hashes). */
@FunctionalInterface
public interface KeptFiles {
    /** Nothing kept: every file is written. */
    KeptFiles NONE = fileName -> -1;

    /**
     * Keeps the earlier build's file of this name, if there is one.
     *
     * @return its size in bytes, or -1 when there is none and the file must be written
     */
    long keep(String fileName);

    /** Where a kept file is, when it is not in the index folder; null: in the folder. */
    default Path where(String fileName) {
        return null;
    }

    /** A kept file's bytes, when they are at hand in memory; null: read from {@link #where} or the folder. */
    default byte[] bytes(String fileName) {
        return null;
    }

    /**
     * Offers a file the writer made; true when the caller took it in memory, and it is then not written to the
     * folder (the writer still reads it back from the caller: shard and tail bundles are made of files).
     */
    default boolean take(String fileName, byte[] bytes) {
        return false;
    }
}
