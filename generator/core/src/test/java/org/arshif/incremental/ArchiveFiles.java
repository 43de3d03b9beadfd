package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a test archive, written and edited as an editor would: the incremental build tests' one way to
 * change a source between two builds.
 *
 * @param root the archive's folder
 */
record ArchiveFiles(Path root) {
    /** Writes {@code text} to {@code rel}, its folders made as needed. */
    void write(String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    /** Adds {@code text} at the end of {@code rel}. */
    void append(String rel, String text) throws IOException {
        write(rel, Files.readString(root.resolve(rel), StandardCharsets.UTF_8) + text);
    }

    /** Replaces {@code from}, which {@code rel} must hold, by {@code to}. */
    void replace(String rel, String from, String to) throws IOException {
        String s = Files.readString(root.resolve(rel), StandardCharsets.UTF_8);
        assertTrue(s.contains(from), rel + " contains " + from);
        write(rel, s.replace(from, to));
    }

    /** The bytes of one of the theme's own templates, as the core ships it. */
    static byte[] builtIn(String template) throws IOException {
        try (InputStream in = ArchiveFiles.class.getResourceAsStream("/org/arshif/theme/" + template)) {
            return in.readAllBytes();
        }
    }
}
