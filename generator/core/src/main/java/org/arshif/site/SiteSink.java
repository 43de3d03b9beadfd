package org.arshif.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the pages and files of a site go: a staged output folder ({@link OutputTree}), or memory for the
 * preview server and for checks that must not write.
 */
public interface SiteSink {
    /** Writes one file; {@code relPath} is {@code /}-separated and relative to the site root. */
    void write(String relPath, byte[] content);

    /**
     * Publishes an input file as it is (a photo): byte for byte, and only read when it must be.
     *
     * @param source the file, already checked to be inside the site
     */
    default void copy(String relPath, Path source) {
        try {
            write(relPath, Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }
}
