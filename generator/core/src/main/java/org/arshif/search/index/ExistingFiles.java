package org.arshif.search.index;

import java.nio.file.Path;
import org.arshif.search.index.internal.KeptFiles;

/** The index builder's view of the files an earlier build left ({@link SearchIndexWriter.Existing}). */
final class ExistingFiles {
    private ExistingFiles() {}

    static KeptFiles of(SearchIndexWriter.Existing existing) {
        if (existing == null) {
            return KeptFiles.NONE;
        }
        return new KeptFiles() {
            @Override
            public long keep(String fileName) {
                return existing.keep(fileName);
            }

            @Override
            public Path where(String fileName) {
                return existing.where(fileName);
            }

            @Override
            public byte[] bytes(String fileName) {
                return existing.bytes(fileName);
            }

            @Override
            public boolean take(String fileName, byte[] bytes) {
                return existing.take(fileName, bytes);
            }
        };
    }
}
