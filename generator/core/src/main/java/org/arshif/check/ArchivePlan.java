package org.arshif.check;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.Severity;
import org.arshif.internal.CheckedFile;
import org.arshif.pipeline.SitePlan;
import org.arshif.pipeline.SiteRun;
import org.arshif.site.Library;
import org.arshif.site.Routes;
import org.arshif.site.SiteModel;

/**
 * The pages of the whole archive with its drafts and scheduled dispatches beyond those the build publishes (a link
 * into one is broken today, a URL clash with one tomorrow), and what building and planning that archive found.
 * They depend only on the archive's structure: every dispatch but its body, the configuration, the vocabulary,
 * the theme's words and the code. A build with a cache names that structure by a key (see {@code
 * IncrementalBuild.archiveKey}); when it is the key the last build saved here, the archive is neither modelled nor
 * planned again (a second site model and a plan of 24,000 pages at 10,000 dispatches, for a body edit).
 */
final class ArchivePlan {
    private static final String VERSION = "arshif-check-archive 1";

    /**
     * @param everything the archive's model; null when the plan was the last build's (it is needed only for the
     *                   translation notices of {@code check}, which keeps no cache)
     * @param extraPages the files the archive plans that the published site does not
     * @param findings   what building and planning the archive found
     */
    record Planned(SiteModel everything, List<String> extraPages, List<Diagnostic> findings) {}

    private ArchivePlan() {}

    /**
     * The archive's plan: the one saved in {@code file} under {@code key}, or a new one (saved under it).
     *
     * @param publishedPages the page files the build publishes
     * @param file           where the last plan is kept; null: none, always planned
     * @param key            the archive's structure; null: unknown, always planned (and nothing saved)
     * @param writes         runs the plan's save, at once or later
     */
    static Planned of(
            Library library,
            SiteRun run,
            Set<String> publishedPages,
            Instant now,
            Path file,
            String key,
            Consumer<String> log,
            Consumer<CheckedFile.Later> writes) {
        if (file != null && key != null) {
            Optional<Planned> last = read(file, key, log);
            if (last.isPresent()) {
                log.accept("Incremental build: the archive with its drafts is planned as the last build planned it");
                return last.get();
            }
        }
        Diagnostics planning = new Diagnostics();
        // When the build published every dispatch read, its model is the whole archive's: not built again.
        SiteModel everything = library.model().size() == library.dispatches().size()
                ? library.model()
                : SiteModel.build(
                        library.config(), library.vocabulary(), library.dispatches(), true, true, now, planning);
        List<String> extra = new ArrayList<>();
        for (String page : run.plannedFiles(everything, planning)) {
            if (!publishedPages.contains(page)) {
                extra.add(page);
            }
        }
        extra.sort(null);
        Planned planned = new Planned(everything, List.copyOf(extra), planning.sorted());
        if (file != null) {
            Planned kept = new Planned(null, planned.extraPages(), planned.findings()); // not the model, if later
            writes.accept(new CheckedFile.Later(file, w -> save(file, key, kept, w)));
        }
        return planned;
    }

    private static Optional<Planned> read(Path file, String key, Consumer<String> log) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(CheckedFile.read(file)))) {
            if (!in.readUTF().equals(VERSION) || !in.readUTF().equals(key)) {
                return Optional.empty();
            }
            List<String> extra = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                extra.add(in.readUTF());
            }
            List<Diagnostic> findings = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                findings.add(readDiagnostic(in));
            }
            if (in.available() != 0) {
                throw new IOException("bytes after the end");
            }
            return Optional.of(new Planned(null, List.copyOf(extra), List.copyOf(findings)));
        } catch (IOException | IllegalArgumentException e) {
            log.accept("Incremental build: discarded the archive's plan " + file + ", since " + CheckedFile.why(e)
                    + "; the archive is planned");
            return Optional.empty();
        }
    }

    /** Keeps the plan under {@code key}; without a key, or with a finding that cannot be written, forgets it. */
    private static void save(Path file, String key, Planned planned, CheckedFile.Writes writes) {
        try {
            boolean writable = planned.findings().stream().allMatch(d -> d.path() != null && d.message() != null);
            if (key == null || !writable) {
                writes.delete(file);
                return;
            }
            writes.write(file, out -> {
                out.writeUTF(VERSION);
                out.writeUTF(key);
                out.writeInt(planned.extraPages().size());
                for (String page : planned.extraPages()) {
                    out.writeUTF(page);
                }
                out.writeInt(planned.findings().size());
                for (Diagnostic d : planned.findings()) {
                    writeDiagnostic(out, d);
                }
            });
        } catch (IOException e) {
            // the next build plans the archive again
        }
    }

    /** A finding as the check's cache files keep it (its path and message must not be null). */
    static void writeDiagnostic(DataOutputStream out, Diagnostic d) throws IOException {
        out.writeUTF(d.path());
        out.writeInt(d.line());
        out.writeInt(d.column());
        out.writeUTF(d.severity().name());
        out.writeUTF(d.message());
    }

    static Diagnostic readDiagnostic(DataInputStream in) throws IOException {
        return new Diagnostic(in.readUTF(), in.readInt(), in.readInt(), Severity.valueOf(in.readUTF()), in.readUTF());
    }

    /**
     * @param published  the files the site publishes: the theme's, the media, the pages
     * @param all        those and the pages of the whole archive with drafts and scheduled dispatches
     * @param everything the whole archive's model; null when its plan was the last build's
     */
    record SiteFiles(Set<String> published, Set<String> all, SiteModel everything) {}

    /** The site's files and the archive's (planned, or the last build's plan), with what planning found. */
    static SiteFiles siteFiles(
            Library library,
            SiteRun run,
            SitePlan published,
            Instant now,
            Path kept,
            String archiveKey,
            Consumer<String> log,
            Set<Diagnostic> found,
            Consumer<CheckedFile.Later> writes) {
        Diagnostics planning = new Diagnostics();
        Set<String> publishedPages = new HashSet<>();
        published.jobs().forEach(j -> publishedPages.add(Routes.file(j.sitePath())));
        Set<String> publishedFiles = new HashSet<>(run.assetFiles(planning));
        publishedFiles.addAll(publishedPages);
        Planned archive = of(library, run, publishedPages, now, kept, archiveKey, log, writes);
        Set<String> allFiles = new HashSet<>(publishedFiles);
        allFiles.addAll(archive.extraPages());
        found.addAll(planning.sorted());
        found.addAll(archive.findings());
        return new SiteFiles(publishedFiles, allFiles, archive.everything());
    }
}
