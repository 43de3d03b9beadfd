package org.arshif.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps written files in memory: for the preview server, and for checks that must not write. Thread-safe. */
public final class MemorySink implements SiteSink {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    // Copied input files (photos) stay on disk, read when served: a check never reads them at all.
    private final Map<String, Path> copies = new ConcurrentHashMap<>();
    private final Set<String> paths = ConcurrentHashMap.newKeySet();

    @Override
    public void write(String relPath, byte[] content) {
        copies.remove(relPath);
        files.put(relPath, content);
        paths.add(relPath);
    }

    @Override
    public void copy(String relPath, Path source) {
        files.remove(relPath);
        copies.put(relPath, source);
        paths.add(relPath);
    }

    /** A file's bytes; a copied file is read from its source now, and is empty when that is gone. */
    public Optional<byte[]> read(String relPath) {
        byte[] written = files.get(relPath);
        if (written != null) {
            return Optional.of(written);
        }
        Path source = copies.get(relPath);
        try {
            return source == null ? Optional.empty() : Optional.of(Files.readAllBytes(source));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Relative paths of everything written so far. */
    public Set<String> paths() {
        return Collections.unmodifiableSet(paths);
    }
}
