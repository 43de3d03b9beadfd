package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arshif.diag.SystemErrors;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** System errors in one line: what went wrong, and how to fix it; no stack trace unless asked for. */
class SystemErrorsTest {
    @TempDir
    Path tmp;

    @Test
    void fileProblemsNameTheFileAndTheReason() {
        assertEquals(
                "cannot write /s/site/x: permission denied: /s/site/x",
                SystemErrors.describe(
                        new UncheckedIOException("cannot write /s/site/x", new AccessDeniedException("/s/site/x"))));
        assertEquals(
                "No space left on device: /s/site/y",
                SystemErrors.describe(new UncheckedIOException(
                        new FileSystemException("/s/site/y", null, "No space left on device"))));
        assertEquals(
                "Read-only file system: /s/site",
                SystemErrors.describe(
                        new IllegalStateException(new FileSystemException("/s/site", null, "Read-only file system"))));
        assertTrue(SystemErrors.isEnvironmental(new UncheckedIOException(new IOException("disk"))));
        assertFalse(SystemErrors.isEnvironmental(new IllegalStateException("a defect")));
        assertEquals(
                "unexpected java.lang.IllegalStateException: a defect",
                SystemErrors.describe(new IllegalStateException("a defect")));
    }

    /**
     * A real build in its own JVMs whose core overflows its stack (a recursive YAML alias did until the reader
     * bounded it): the user gets no stack trace either way, only the finding or one line.
     */
    @Test
    void aStackOverflowInTheCoreReachesTheUserAsOneLine() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Files.writeString(
                root.resolve("content/en/2017-05-09-loop.md"),
                "---\ntitle: Loop\ntags: &a [*a]\n---\n\nBody.\n",
                StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        CliProcess.Result r =
                CliProcess.run(List.of(), Map.of(), "build", "--source", root.toString(), "--output", out.toString());
        assertTrue(r.exit() == 1 || r.exit() == 2, r.toString());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in thread"), r.toString());
        assertTrue(r.err().lines().reduce((a, b) -> b).orElse("").startsWith("arshif: "), r.toString());
        assertFalse(Files.exists(out), "nothing was written");
    }
}
