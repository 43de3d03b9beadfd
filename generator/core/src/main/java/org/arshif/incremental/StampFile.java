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
 * The no-op stamp's file: what {@link NoopStamp} compares the next build's inputs, output and clock with, and what
 * that build reports when nothing changed. The output's stat lines are in a file of their own
 * ({@link OutputRecheck#save}), read beside the inputs' walk: read here, their 7 MB held up the walk.
 *
 * @param inputs the digest of the inputs' stats ("racy": never matches)
 * @param output the digest of the output's stats
 */
record StampFile(String inputs, String output, Instant builtAt, Instant nextChange, NoopStamp.Summary summary) {
    private static final int VERSION = 1;

    /** The stamp in {@code file}; null when there is none, or it is damaged or of another version. */
    static StampFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(CheckedFile.read(file)))) {
            return read(in);
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
    }

    private static StampFile read(DataInputStream in) throws IOException {
        if (in.readInt() != VERSION) {
            throw new IOException("another stamp version");
        }
        String inputs = LongText.read(in);
        String outputDigest = LongText.read(in);
        Instant builtAt = Instant.ofEpochSecond(in.readLong(), in.readInt());
        Instant nextChange = Instant.ofEpochSecond(in.readLong(), in.readInt());
        return new StampFile(inputs, outputDigest, builtAt, nextChange, readSummary(in));
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
}
