package org.arshif.site;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps written files in memory: for the preview server, and for checks that must not write. Thread-safe. */
public final class MemorySink implements SiteSink {
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();

    @Override
    public void write(String relPath, byte[] content) {
        files.put(relPath, content);
    }

    public Optional<byte[]> read(String relPath) {
        return Optional.ofNullable(files.get(relPath));
    }

    /** Relative paths of everything written so far. */
    public java.util.Set<String> paths() {
        return Collections.unmodifiableSet(files.keySet());
    }
}
