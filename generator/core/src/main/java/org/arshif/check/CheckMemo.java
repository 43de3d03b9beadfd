package org.arshif.check;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.CheckedFile;
import org.arshif.internal.KeptReads;

/**
 * Each dispatch's own findings from the last check of a build with a cache, so that a build after one edit checks
 * only the dispatches whose file changed. A finding is reused when the dispatch's identity (a fingerprint of its
 * file, the configuration, the vocabulary, its media and the code), whether it is published, and the site's link
 * context (every file the site publishes or will publish, every source file, the media) are all as they were: a
 * link into or out of a changed page, a URL that moved, a new or deleted dispatch changes the context, and then
 * every dispatch is checked again. The site-wide checks (URL clashes, translation slots) always run. A damaged or
 * missing file is an empty memo.
 */
final class CheckMemo {
    private static final String VERSION = "arshif-check-memo 1";

    private final Path file;
    private final String context;
    private final Map<String, Entry> last;
    private final Map<String, Entry> now = new ConcurrentHashMap<>();

    /** A dispatch's findings, and what they were found from. */
    private record Entry(String key, List<Diagnostic> findings) {}

    private CheckMemo(Path file, String context, Map<String, Entry> last) {
        this.file = file;
        this.context = context;
        this.last = last;
    }

    /**
     * The memo in {@code file} for a check whose link context is {@code context}; empty when it differs, and when
     * the file is damaged, which one line to {@code log} says. With {@code reads}, the entries as a warm process kept
     * them decoded from the same bytes ({@link KeptReads}); null: none.
     */
    static CheckMemo open(Path file, String context, Consumer<String> log, KeptReads reads) {
        Map<String, Entry> last = new HashMap<>();
        try {
            last = KeptReads.open(reads, file, context, Entries.class, new Entries(last), b -> decode(b, context))
                    .entries();
        } catch (IOException | IllegalArgumentException e) {
            last = new HashMap<>(); // a damaged memo is no memo: everything is checked
            log.accept("Incremental build: discarded the check memo " + file + ", since " + CheckedFile.why(e)
                    + "; every dispatch is checked");
        }
        return new CheckMemo(file, context, last);
    }

    /** A memo's entries by path, as a file holds them. */
    private record Entries(Map<String, Entry> entries) {}

    /** The entries {@code content} holds for {@code context}; none when it is another context's. */
    private static Entries decode(byte[] content, String context) throws IOException {
        Map<String, Entry> last = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(content))) {
            if (in.readUTF().equals(VERSION) && in.readUTF().equals(context)) {
                for (int n = in.readInt(); n > 0; n--) {
                    String path = in.readUTF();
                    String key = in.readUTF();
                    List<Diagnostic> findings = new ArrayList<>();
                    for (int f = in.readInt(); f > 0; f--) {
                        findings.add(ArchivePlan.readDiagnostic(in));
                    }
                    last.put(path, new Entry(key, List.copyOf(findings)));
                }
            }
        }
        return new Entries(last);
    }

    /**
     * The findings of the dispatch at {@code path}: the last check's when its identity and publication are the
     * same, else {@code check}'s, remembered. A dispatch without an identity is always checked.
     */
    List<Diagnostic> recall(String path, String identity, boolean published, Supplier<List<Diagnostic>> check) {
        if (identity == null) {
            return check.get();
        }
        String key = identity + (published ? " published" : " unpublished");
        Entry e = last.get(path);
        if (e != null && e.key().equals(key)) {
            now.put(path, e);
            return e.findings();
        }
        List<Diagnostic> findings = check.get();
        // A finding without a path or message cannot be written: then it is checked again next time.
        if (findings.stream().allMatch(d -> d.path() != null && d.message() != null)) {
            now.put(path, new Entry(key, List.copyOf(findings)));
        }
        return findings;
    }

    /**
     * Writes this run's entries in the order of {@code paths} (sorted), unless they are the last run's; a memo that
     * cannot be written is only a slower next check.
     */
    void save(List<String> paths, CheckedFile.Writes writes) {
        boolean same = now.size() == last.size()
                && now.entrySet().stream().allMatch(e -> last.get(e.getKey()) == e.getValue());
        if (same) {
            return;
        }
        try {
            writes.write(file, out -> write(out, paths));
        } catch (IOException e) {
            // the next build checks everything
        }
    }

    /** The memo's file. */
    Path file() {
        return file;
    }

    private void write(DataOutputStream out, List<String> paths) throws IOException {
        out.writeUTF(VERSION);
        out.writeUTF(context);
        List<String> kept = paths.stream().filter(now::containsKey).toList();
        out.writeInt(kept.size());
        for (String path : kept) {
            Entry entry = now.get(path);
            out.writeUTF(path);
            out.writeUTF(entry.key());
            out.writeInt(entry.findings().size());
            for (Diagnostic d : entry.findings()) {
                ArchivePlan.writeDiagnostic(out, d);
            }
        }
    }
}
