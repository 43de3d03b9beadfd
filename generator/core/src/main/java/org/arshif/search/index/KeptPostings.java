package org.arshif.search.index;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.internal.CheckedFile;
import org.arshif.search.index.internal.StoredPostings;

/**
 * The stored search postings a process running build after build (the warm build process) keeps in memory, as
 * the build that wrote them made them, so that the next build need not read them back (~58 MB decoded at 10,000
 * dispatches, kept to the index's end and copied by the collector into the old generation each time).
 *
 * <p>Kept by file, with the file's identity as written (path, file key, size, time: a file written again is
 * another); taken only when the file on disk is still that one, and taken once: a build that fails after taking
 * them leaves nothing kept, and the next reads the file. Only the last file written is kept (the language of the
 * last edit), and only by a rebuild (a first build keeping them through its render would raise its peak memory).
 * Held softly: a heap that runs short drops them.
 */
public final class KeptPostings {
    private final Map<Path, SoftReference<Kept>> kept = new ConcurrentHashMap<>();

    private record Kept(String identity, String version, StoredPostings postings) {}

    /** A file a first build wrote, to be read between builds (see {@link #readLater}); null: none. */
    private volatile Later later;

    private record Later(Path file, String version, int docs) {}

    public KeptPostings() {
        // nothing kept until a build writes postings
    }

    /** What was kept for {@code file}, when it is still the file written with them under {@code version}; or null. */
    StoredPostings take(Path file, String version) {
        SoftReference<Kept> ref = kept.remove(file);
        kept.clear(); // another language's, not needed by this build: let go before its index is written
        Kept k = ref == null ? null : ref.get();
        if (k == null || !k.version().equals(version)) {
            return null;
        }
        return k.identity().equals(CheckedFile.identity(file)) ? k.postings() : null;
    }

    /** Keeps {@code postings}, just written to {@code file} under {@code version} (null: nothing kept). */
    void put(Path file, String version, StoredPostings postings) {
        String identity = postings == null ? null : CheckedFile.identity(file);
        kept.clear(); // one language's: an edit's (both kept cost the idle process ~25 MB more at 10,000 dispatches)
        if (identity != null) {
            kept.put(file, new SoftReference<>(new Kept(identity, version, postings)));
        }
    }

    /**
     * Names the postings a first build just wrote (which keeps none: through its render they would raise its peak),
     * to be read by {@link #fill} once the build has answered. Of the languages, the one with the most documents is
     * read: the likeliest to be edited next, and the dearest to read.
     */
    public void readLater(Path file, String version, int docs) {
        Later l = later;
        if (l == null || docs > l.docs()) {
            later = new Later(file, version, docs);
        }
    }

    /**
     * Reads the postings {@link #readLater} named, when none is kept: between builds, so that the first edit after
     * a first build takes them as kept, as every later edit does.
     *
     * @return whether postings were read
     */
    public boolean fill() {
        Later l = later;
        later = null;
        if (l == null || !kept.isEmpty() || !Files.isRegularFile(l.file())) {
            return false;
        }
        try {
            put(l.file(), l.version(), StoredPostings.read(l.file(), l.version()));
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // the build that needs them reads the file, and says why it is discarded
        }
    }
}
