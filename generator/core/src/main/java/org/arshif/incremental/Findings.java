package org.arshif.incremental;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;

/** The findings kept with a parse-cache entry: a count, then each one's path, line, column, severity and message. */
final class Findings {
    private static final int MAX = 1 << 16;

    private Findings() {}

    /** @throws RecordCodec.Unsupported when a finding's text would not read back the same (a lone surrogate) */
    static void write(DataOutput out, List<Diagnostic> findings) throws IOException, RecordCodec.Unsupported {
        out.writeInt(findings.size());
        for (Diagnostic d : findings) {
            text(out, d.path());
            out.writeInt(d.line());
            out.writeInt(d.column());
            text(out, d.severity().name());
            text(out, d.message());
        }
    }

    static List<Diagnostic> read(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX) {
            throw new IOException("finding count " + n);
        }
        List<Diagnostic> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Diagnostic(text(in), in.readInt(), in.readInt(), Severity.valueOf(text(in)), text(in)));
        }
        return List.copyOf(out);
    }

    private static void text(DataOutput out, String s) throws IOException, RecordCodec.Unsupported {
        byte[] bytes = s == null ? null : s.getBytes(StandardCharsets.UTF_8);
        if (bytes == null || !new String(bytes, StandardCharsets.UTF_8).equals(s)) {
            throw new RecordCodec.Unsupported("a finding that UTF-8 cannot keep");
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > (1 << 24)) {
            throw new IOException("text length " + n);
        }
        byte[] bytes = new byte[n];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
