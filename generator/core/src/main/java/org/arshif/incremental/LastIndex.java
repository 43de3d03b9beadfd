package org.arshif.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.arshif.internal.CheckedFile;
import org.arshif.search.Conflation;
import org.arshif.search.index.SearchIndexWriter.IndexStats;

/**
 * One language's search index as the last build wrote it: the fingerprint of what it was made of (see {@code
 * SearchStage}), what the writer returned, and every file's name and size. A build whose index would be made of
 * the same inputs takes it as it is, when its files are still in place: an edit in one language then leaves the
 * other's index unread (10,000 Arabic documents were decoded, inverted and laid out again for an English edit).
 * The files' names carry their content hashes, as everywhere in the index.
 */
final class LastIndex {
    private static final String FORMAT = "arshif-last-index 1";

    private LastIndex() {}

    /**
     * The index saved in {@code file} when it was made of {@code inputs} and each of its files is in {@code
     * folder} with the size it had; else empty. A damaged file is discarded with one line to {@code log}.
     */
    static Optional<IndexStats> find(Path file, String version, String inputs, Path folder, Consumer<String> log) {
        if (inputs == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        IndexStats stats;
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(CheckedFile.read(file)));
            if (!in.readUTF().equals(FORMAT)
                    || !in.readUTF().equals(version)
                    || !in.readUTF().equals(inputs)) {
                return Optional.empty();
            }
            stats = read(in);
        } catch (IOException | RuntimeException e) {
            log.accept("Incremental build: discarded the last search index " + file + ", since " + CheckedFile.why(e)
                    + "; the index is written");
            return Optional.empty();
        }
        for (Map.Entry<String, Long> f : stats.fileSizes().entrySet()) {
            if (size(folder.resolve(f.getKey())) != f.getValue()) {
                return Optional.empty();
            }
        }
        return Optional.of(stats);
    }

    /** Remembers {@code stats}, the index made of {@code inputs}; without inputs, forgets the last one. */
    static void save(Path file, String version, String inputs, IndexStats stats) {
        try {
            if (inputs == null) {
                Files.deleteIfExists(file);
                return;
            }
            CheckedFile.write(file, out -> {
                out.writeUTF(FORMAT);
                out.writeUTF(version);
                out.writeUTF(inputs);
                write(out, stats);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the last search index " + file, e);
        }
    }

    /** Forgets the last index (before another is written over it). */
    static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the last search index " + file, e);
        }
    }

    private static long size(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() ? a.size() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static void write(DataOutputStream out, IndexStats s) throws IOException {
        LongText.write(out, s.manifestFile());
        LongText.write(out, s.manifestJson());
        out.writeInt(s.files());
        out.writeLong(s.bytes());
        out.writeInt(s.terms());
        out.writeInt(s.docs());
        out.writeInt(s.conflations().size());
        for (Conflation c : s.conflations()) {
            LongText.write(out, c.term());
            LongText.write(out, c.word());
            out.writeInt(c.docs());
            LongText.write(out, c.other());
            out.writeInt(c.otherDocs());
        }
        out.writeInt(s.fileSizes().size());
        for (Map.Entry<String, Long> f : s.fileSizes().entrySet()) {
            LongText.write(out, f.getKey());
            out.writeLong(f.getValue());
        }
    }

    private static IndexStats read(DataInputStream in) throws IOException {
        String manifestFile = LongText.read(in);
        String manifestJson = LongText.read(in);
        int files = in.readInt();
        long bytes = in.readLong();
        int terms = in.readInt();
        int docs = in.readInt();
        int n = in.readInt();
        List<Conflation> conflations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            conflations.add(new Conflation(
                    LongText.read(in), LongText.read(in), in.readInt(), LongText.read(in), in.readInt()));
        }
        int m = in.readInt();
        TreeMap<String, Long> sizes = new TreeMap<>();
        for (int i = 0; i < m; i++) {
            sizes.put(LongText.read(in), in.readLong());
        }
        if (in.available() != 0 || sizes.size() != files || !sizes.containsKey(manifestFile)) {
            throw new IOException("a last search index that does not add up");
        }
        return new IndexStats(manifestFile, manifestJson, files, bytes, terms, docs, conflations, sizes);
    }
}
