package org.arshif.site;

/**
 * Where the pages and files of a site go: a staged output folder ({@link OutputTree}), or memory for the
 * preview server and for checks that must not write.
 */
public interface SiteSink {
    /** Writes one file; {@code relPath} is {@code /}-separated and relative to the site root. */
    void write(String relPath, byte[] content);
}
