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
}
