package org.arshif.search.index.internal;

import java.util.Optional;

/**
 * The index's content-addressed files and how each is named: a letter, the hash of the file's content, a suffix
 * ({@code t.<hash>.bin}; SEARCH-FORMAT.md §3). One place spells the scheme, so that the writers, the reuse of the
 * last build's files and the check that a kept bundle still matches its name cannot disagree.
 */
enum IndexFileKind {
    /** A term shard (kept as a file, and as a member of a shard bundle). */
    TERM_SHARD("t", ".bin"),
    /** A shard bundle: term shards byte for byte. */
    SHARD_BUNDLE("s", ".bin"),
    /** A tail: the complete lists of long postings, one gzip member each. */
    TAIL("l", ".bin"),
    /** A tail's positions. */
    TAIL_POSITIONS("y", ".json.gz"),
    /** A tail bundle: tails byte for byte. */
    TAIL_BUNDLE("u", ".bin"),
    /** The result cards (and their chunks, for a server without Range). */
    CARDS("k", ".bin"),
    /** The documents' attributes (dates, tags, sections). */
    ATTRIBUTES("a", ".json.gz"),
    /** The positions of a shard file's terms. */
    POSITIONS("x", ".json.gz");

    private final String letter;
    private final String suffix;

    IndexFileKind(String letter, String suffix) {
        this.letter = letter;
        this.suffix = suffix;
    }

    /** The file's name for content hashed as {@code hash}. */
    String named(String hash) {
        return letter + "." + hash + suffix;
    }

    /** The name of chunk {@code chunk} of the file named for {@code hash} (cards: {@code k.<hash>.<chunk>.bin}). */
    String chunk(String hash, int chunk) {
        return letter + "." + hash + "." + chunk + suffix;
    }

    /** Whether {@code name} is a file of this kind (a whole file or a chunk). */
    boolean names(String name) {
        return name.startsWith(letter + ".") && name.endsWith(suffix);
    }

    /** Whether {@code name} is this kind's name for exactly {@code bytes}: a file not damaged since it was written. */
    boolean matches(String name, byte[] bytes) {
        return name.equals(named(Blob.hash(bytes)));
    }

    /** The kind of a whole file named {@code name}; empty for another file (the manifest, a chunk). */
    static Optional<IndexFileKind> of(String name) {
        for (IndexFileKind kind : values()) {
            if (kind.names(name)
                    && name.indexOf('.', kind.letter.length() + 1) == name.length() - kind.suffix.length()) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
