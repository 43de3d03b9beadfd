package org.arshif.incremental;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;
import org.arshif.internal.CheckedFile;

/**
 * The no-op stamp's file: what {@link NoopStamp} compares the next build's inputs, output and clock with, what
 * that build reports when nothing changed, and every stat line of the output as the build left it, by which the
 * next build checks its output without walking it ({@link OutputRecheck}).
 *
 * @param inputs   the digest of the inputs' stats ("racy": never matches)
 * @param output   the digest of the output's stats
 * @param recorded the output's stamp with its files and stat lines; null when it was not recorded
 */
record StampFile(
        String inputs,
        String output,
        Instant builtAt,
        Instant nextChange,
        NoopStamp.Summary summary,
        OutputStamp recorded) {
    /** 2: the output's stat lines recorded. */
    private static final int VERSION = 2;
    /** More than any entry's stat lines (about 4 MB for the larger language of 10,000 dispatches). */
    private static final int MAX_STATS = 1 << 28;

    /** The stamp in {@code file}; null when there is none, or it is damaged or of another version. */
    static StampFile read(Path file, Path output) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(CheckedFile.read(file)))) {
            return read(in, output);
        } catch (IOException | RuntimeException e) {
            return null; // the normal build decides
        }
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(VERSION);
        LongText.write(out, inputs);
        LongText.write(out, output);
        out.writeLong(builtAt.getEpochSecond());
        out.writeInt(builtAt.getNano());
        out.writeLong(nextChange.getEpochSecond());
        out.writeInt(nextChange.getNano());
        writeSummary(out, summary);
        out.writeBoolean(recorded != null && recorded.digest().equals(output));
        if (recorded != null && recorded.digest().equals(output)) {
            writeRecorded(out, recorded);
        }
    }

    private static StampFile read(DataInputStream in, Path output) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException("another stamp version");
        }
        String inputs = LongText.read(in);
        String outputDigest = LongText.read(in);
        Instant builtAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        Instant nextChange = Instant.ofEpochSecond(in.readLong(), in.readInt());
        NoopStamp.Summary summary = readSummary(in);
        OutputStamp recorded = in.readBoolean() ? readRecorded(in, output, outputDigest) : null;
        return new StampFile(inputs, outputDigest, builtAt, nextChange, summary, recorded);
    }

    private static void writeSummary(DataOutputStream out, NoopStamp.Summary m) throws IOException {
        out.writeInt(m.pagesPerLanguage().size());
        for (Map.Entry<String, Integer> e : m.pagesPerLanguage().entrySet()) {
            LongText.write(out, e.getKey());
            out.writeInt(e.getValue());
        }
        out.writeInt(m.tags());
        out.writeLong(m.files());
        out.writeLong(m.bytes());
        out.writeInt(m.pages());
        out.writeInt(m.sources());
        out.writeInt(m.findings().size());
        for (Diagnostic d : m.findings()) {
            LongText.write(out, d.path());
            out.writeInt(d.line());
            out.writeInt(d.column());
            LongText.write(out, d.severity().name());
            LongText.write(out, d.message());
        }
    }

    private static NoopStamp.Summary readSummary(DataInputStream in) throws IOException {
        Map<String, Integer> pages = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            pages.put(LongText.read(in), in.readInt());
        }
        int tags = in.readInt();
        long files = in.readLong();
        long bytes = in.readLong();
        int pageCount = in.readInt();
        int sources = in.readInt();
        List<Diagnostic> findings = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            findings.add(new Diagnostic(
                    LongText.read(in),
                    in.readInt(),
                    in.readInt(),
                    Severity.valueOf(LongText.read(in)),
                    LongText.read(in)));
        }
        return new NoopStamp.Summary(pages, tags, files, bytes, pageCount, sources, List.copyOf(findings));
    }

    /** The output's files and each top-level entry's name, digest line and stat lines (see {@link OutputStamp}). */
    private static void writeRecorded(DataOutputStream out, OutputStamp stamp) throws IOException {
        LongText.write(out, stamp.root());
        out.writeLong(stamp.readAt().getEpochSecond());
        out.writeInt(stamp.readAt().getNano());
        out.writeInt(stamp.files().size());
        for (String file : stamp.files()) {
            LongText.write(out, file);
        }
        out.writeInt(stamp.entries().size());
        for (Map.Entry<Path, OutputStamp.Entry> e : stamp.entries().entrySet()) {
            LongText.write(out, e.getKey().getFileName().toString());
            LongText.write(out, e.getValue().line());
            byte[] stats = e.getValue().stats();
            out.writeInt(stats == null ? -1 : stats.length);
            if (stats != null) {
                out.write(stats);
            }
        }
    }

    private static OutputStamp readRecorded(DataInputStream in, Path output, String digest) throws IOException {
        String root = LongText.read(in);
        Instant readAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        int fileCount = in.readInt();
        List<String> files = new ArrayList<>(Math.min(Math.max(fileCount, 0), 1 << 20));
        for (int i = fileCount; i > 0; i--) {
            files.add(LongText.read(in));
        }
        Map<Path, OutputStamp.Entry> entries = new LinkedHashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            Path entry = output.resolve(LongText.read(in));
            String line = LongText.read(in);
            int length = in.readInt();
            if (length > MAX_STATS) {
                throw new IOException("stat lines of " + length + " bytes");
            }
            byte[] stats = length < 0 ? null : in.readNBytes(length);
            if (stats != null && stats.length != length) {
                throw new IOException("stat lines that run past the end");
            }
            entries.put(entry, new OutputStamp.Entry(line, stats));
        }
        return new OutputStamp(digest, List.copyOf(files), entries, root, readAt);
    }
}
