package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code java -jar} command line: exit codes, the summary, and errors in {@code path:line:col} form. */
class MainTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void buildsASiteAndPrintsTheSummary() {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Run r = run("build", "--source", root.toString(), "--output", tmp.resolve("out").toString(), "--future",
                "--drafts");
        assertEquals(0, r.code(), r.err());
        // With --drafts and --future the draft and the 2017-07-01 dispatch are in too (the clock is the real one).
        assertTrue(r.out().startsWith("Built 4 ar + 4 en dispatches, 5 tags; wrote "), r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("out/ar/2017/05/draft/index.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/en/2017/07/future/index.html")));
    }

    @Test
    void contentErrorsExitWithOneAndNameFileLineAndColumn() {
        Path root = Trees.copy(Trees.site("invalid").resolve("wrong-types"), tmp.resolve("src"));
        Run r = run("build", "--source", root.toString(), "--output", tmp.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("content/en/2017-05-01-draft.md:3:8: error: 'draft' must be true or false"), r.err());
        assertTrue(r.err().contains("content/en/2017-05-01-tags.md:3:7: error: "), r.err());
        assertTrue(r.err().endsWith("arshif: 3 errors; the site was not changed\n"), r.err());
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, run().code());
        assertEquals(2, run("publish").code());
        assertEquals(2, run("build", "--source").code());
        assertEquals(2, run("build", "--colour").code());
        assertEquals(0, run("--help").code());
        assertTrue(run("--help").out().startsWith("usage: arshif build"));
    }
}
