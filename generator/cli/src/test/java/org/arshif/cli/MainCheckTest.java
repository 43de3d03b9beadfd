package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.arshif.check.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's check command: compiler-style lines, workflow annotations on Actions, exit 1 on errors. */
class MainCheckTest {
    @TempDir
    Path dir;

    @Test
    void checkPrintsAnnotationsOnGitHubActionsAndFailsOnErrors() {
        Path site = TestFiles.copyFixture("broken-archive", dir.resolve("s"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(
                new String[] {"check", "--source", site.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of("GITHUB_ACTIONS", "true"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, printed + err);
        assertTrue(
                printed.contains("content/ar/2017-05-22-summit.md:12:1: error: image '/archive/static/map.png'"),
                printed);
        assertTrue(
                printed.contains("::error file=content/ar/2017-05-22-summit.md,line=12,col=1,title=arshif::image"
                        + " '/archive/static/map.png' points to no file of the site (/archive/static/map.png)"),
                printed);
        assertTrue(
                printed.contains("::notice file=content/en/2017-05-12-wire.txt,line=1,col=1,title=arshif::"), printed);
        assertTrue(printed.contains("::warning file=content/en/2017-05-12-wire.txt,line=7,col=1,"), printed);
    }

    @Test
    void checkWithoutActionsPrintsNoAnnotations() {
        Path site = TestFiles.copyFixture("broken-archive", dir.resolve("s"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Main.run(
                new String[] {"check", "--source", site.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of());
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("::error"));
    }
}
