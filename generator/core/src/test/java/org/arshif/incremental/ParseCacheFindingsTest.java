package org.arshif.incremental;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.diag.Diagnostic;
import org.arshif.internal.CheckedFile;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file whose reading gave a warning is kept like any other, and its warning is reported again on each build. */
class ParseCacheFindingsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void aFileWithAWarningIsNotParsedAgainAndItsWarningIsReportedAgain() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Trees.write(
                root.resolve("content/en/2017-05-10-headline.md"),
                "---\ntitle: Headline only\ndate: 2017-05-10\n---\n");
        List<String> first = new ArrayList<>();
        List<String> warnings = warnings(build(root, first));
        assertTrue(
                warnings.stream()
                        .anyMatch(w -> w.startsWith("content/en/2017-05-10-headline.md:") && w.contains("no text")),
                "the reader's warning: " + warnings);
        // Another file changes, so the next build is a real one (not the no-op stamp's replay).
        Trees.write(
                root.resolve("content/en/2017-05-11-other.md"), "---\ntitle: Other\ndate: 2017-05-11\n---\n\nText.\n");

        List<String> second = new ArrayList<>();
        List<String> again = warnings(build(root, second));

        assertEquals(
                List.of("Incremental build: parsed 1 files, reused " + (sources(first))),
                second.stream().filter(l -> l.contains("parsed")).toList(),
                "only the new file is parsed");
        assertEquals(warnings, again, "the same warnings");
    }

    @Test
    void aPackOfTheFormerFormatWithoutFindingsIsIgnoredAndEveryFileParsedAgain() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        List<String> first = new ArrayList<>();
        List<String> warnings = warnings(build(root, first));
        Path pack = tmp.resolve("cache/parsed/pack.bin");
        byte[] payload = CheckedFile.read(pack);
        ByteBuffer.wrap(payload).putInt(0, 1); // format 1: entries without their findings
        CheckedFile.write(pack, payload);
        Trees.write(
                root.resolve("content/en/2017-05-11-other.md"), "---\ntitle: Other\ndate: 2017-05-11\n---\n\nText.\n");

        List<String> second = new ArrayList<>();
        List<String> again = warnings(build(root, second));

        assertEquals(
                List.of("Incremental build: parsed " + (sources(first) + 1) + " files, reused 0"),
                second.stream().filter(l -> l.contains("parsed")).toList());
        assertEquals(
                List.of(),
                second.stream().filter(l -> l.contains("discarded")).toList(),
                "not damaged: another format");
        assertEquals(warnings, again);
    }

    private static int sources(List<String> lines) {
        String line =
                lines.stream().filter(l -> l.contains("parsed")).findFirst().orElseThrow();
        return Integer.parseInt(line.replaceAll(".*parsed (\\d+) files.*", "$1"));
    }

    private static List<String> warnings(List<Diagnostic> findings) {
        return findings.stream().map(Diagnostic::format).toList();
    }

    private List<Diagnostic> build(Path root, List<String> lines) {
        return Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("site"))
                .cache(tmp.resolve("cache"))
                .clock(CLOCK)
                .log(BuildLog.of(lines::add, lines::add))
                .build()
                .build()
                .findings();
    }
}
