package org.arshif.search.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.arshif.internal.CheckedFile;
import org.arshif.search.index.internal.IndexReuse;
import org.arshif.search.index.internal.StoredPostings;

/**
 * What one language's search index was made of in the last build (per document id, what it held; per index file,
 * the terms it holds and its name), so that a build with a cache encodes again only the files whose terms the
 * changed documents touched. Tied to a version string (Arshif's own code), as {@link AnalysisCache} is.
 */
public final class IndexMemo {
    private final IndexReuse reuse;
    /** Whether the stored postings were taken as a process kept them (see {@link KeptPostings}). */
    private boolean postingsKept;

    private IndexMemo(IndexReuse reuse) {
        this.reuse = reuse;
    }

    /** Nothing known yet: every file is encoded, and remembered. */
    public static IndexMemo empty() {
        return new IndexMemo(IndexReuse.empty());
    }

    /**
     * Nothing known yet, for a process that writes the index again and again (a live server): each run keeps its
     * index in memory, and {@link #next} hands it on, so that the next run patches it by the documents that changed.
     * Its runs look for no conflations (their {@link SearchIndexWriter.IndexStats#conflations()} are empty): they are
     * a build's notice, which a live server does not show.
     */
    public static IndexMemo inMemory() {
        return new IndexMemo(IndexReuse.empty().keepingLive(null));
    }

    /** Reads the memo {@link #save} wrote; a missing, damaged or other-version file is discarded (one line). */
    public static IndexMemo open(Path file, String version, Consumer<String> log) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        try {
            byte[] content = CheckedFile.read(file);
            String tag = version + "\n";
            byte[] head = tag.getBytes(StandardCharsets.UTF_8);
            if (content.length < head.length || !Arrays.equals(content, 0, head.length, head, 0, head.length)) {
                return empty();
            }
            return new IndexMemo(IndexReuse.read(Arrays.copyOfRange(content, head.length, content.length)));
        } catch (IOException | RuntimeException e) {
            log.accept("Incremental build: discarded the search index memo " + file + ", since " + CheckedFile.why(e)
                    + "; every index file is encoded");
            return empty();
        }
    }

    /**
     * Like {@link #open(Path, String, Consumer)}, for a build whose postings are stored in {@code postings} too
     * (see {@code StoredPostings}), so that the next build patches them by the documents that changed instead of
     * inverting every document; a missing, damaged or other-version postings file is discarded (one line when
     * damaged), and the postings are then inverted.
     */
    public static IndexMemo open(Path file, Path postings, String version, Consumer<String> log) {
        return open(file, postings, version, log, null);
    }

    /**
     * Like {@link #open(Path, Path, String, Consumer)}; the postings are taken from {@code kept} (null: none) when
     * it holds them for the file as it is on disk.
     */
    public static IndexMemo open(Path file, Path postings, String version, Consumer<String> log, KeptPostings kept) {
        IndexMemo memo = open(file, version, log);
        StoredPostings stored = kept == null ? null : kept.take(postings, version);
        memo.postingsKept = stored != null;
        if (stored == null && Files.isRegularFile(postings)) {
            try {
                stored = StoredPostings.read(postings, version);
            } catch (IOException | RuntimeException e) {
                log.accept("Incremental build: discarded the stored search postings " + postings + ", since "
                        + CheckedFile.why(e) + "; every document's postings are inverted");
            }
        }
        memo.reuse.storingPostings(stored);
        return memo;
    }

    IndexReuse reuse() {
        return reuse;
    }

    /** Whether the stored postings were taken from what this process kept, not read from their file. */
    public boolean postingsKept() {
        return postingsKept;
    }

    /** Index files taken from the last build by the run that used this memo. */
    public int reused() {
        return reuse.reused();
    }

    /**
     * Whether the run that used this memo patched the postings of the last run's index kept in memory (see {@link
     * #inMemory}), rather than inverting every document's analysis.
     */
    public boolean patched() {
        return reuse.patched();
    }

    /**
     * Of the term shards in the shard files encoded by the run that used this memo (a memo {@link #inMemory}), how
     * many were taken as the last run encoded them: the others were encoded.
     */
    public int termShardsTaken() {
        return reuse.termShardsTaken();
    }

    /**
     * Of the same term shards, how many were written around their lists' text as the last run made it (their tails'
     * names or places changed, none of their lists): neither taken nor encoded.
     */
    public int termShardsTextKept() {
        return reuse.termShardsTextKept();
    }

    /** Term shards encoded by the run that used this memo (a memo {@link #inMemory}). */
    public int termShardsEncoded() {
        return reuse.termShardsEncoded();
    }

    /** Index files encoded by the run that used this memo. */
    public int encoded() {
        return reuse.encoded();
    }

    /**
     * What the run that used this memo made, as the memo of the next run in this process (a live server's): what
     * {@link #save} and {@link #open} would hand on, without a file.
     */
    public IndexMemo next() {
        return new IndexMemo(reuse.successor());
    }

    /**
     * Writes what the run that used this memo made, for the next build, and the postings it made to {@code
     * postings} (see {@link #open(Path, Path, String, Consumer)}).
     */
    public void save(Path file, Path postings, String version) {
        save(file, postings, version, null, false);
    }

    /**
     * Like {@link #save(Path, Path, String)}; with {@code kept}, the postings written are kept there too when
     * {@code keep} (else nothing is kept there).
     */
    public void save(Path file, Path postings, String version, KeptPostings kept, boolean keep) {
        save(file, version);
        try {
            StoredPostings written = reuse.storePostings(postings, version, kept != null && keep);
            if (kept != null) {
                kept.put(postings, version, written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the stored search postings " + postings, e);
        }
    }

    /** Writes what the run that used this memo made, for the next build. */
    public void save(Path file, String version) {
        try {
            CheckedFile.write(file, out -> {
                out.write((version + "\n").getBytes(StandardCharsets.UTF_8));
                reuse.writeTo(out);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the search index memo " + file, e);
        }
    }
}
