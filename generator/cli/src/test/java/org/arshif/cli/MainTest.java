package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code java -jar} command line: exit codes, the summary, and errors in {@code path:line:col} form. */
class MainTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void buildsASiteAndPrintsTheSummary() {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Run r = run(
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("out").toString(),
                "--future",
                "--drafts");
        assertEquals(0, r.code(), r.err());
        // With --drafts and --future the draft and the 2017-07-01 dispatch are in too (the clock is the real one).
        assertTrue(r.out().startsWith("Built 4 ar + 4 en dispatches, 5 tags; wrote "), r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("out/ar/2017/05/draft/index.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/en/2017/07/future/index.html")));
    }

    /** {@code --compact} turns on compact of arshif.yml: articles without Open Graph, JSON-LD and related lists. */
    @Test
    void compactLeavesOutTheArticlesExtras() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        for (boolean compact : new boolean[] {false, true}) {
            Path out = tmp.resolve("out-" + compact);
            List<String> args =
                    new ArrayList<>(List.of("build", "--source", root.toString(), "--output", out.toString()));
            if (compact) {
                args.add("--compact");
            }
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            String page = Files.readString(out.resolve("en/2017/05/putin-call/index.html"));
            assertEquals(!compact, page.contains("<meta property=\"og:title\""), page);
            assertEquals(!compact, page.contains("application/ld+json"), page);
            assertTrue(page.contains("<link rel=\"canonical\""), page);
        }
    }

    /** {@code --ugly-urls} turns on uglyUrls of arshif.yml: an article is one file, slug.html, linked as such. */
    @Test
    void uglyUrlsWritesAnArticleAsOneFile() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Path out = tmp.resolve("out");
        Run r = run("build", "--source", root.toString(), "--output", out.toString(), "--ugly-urls");
        assertEquals(0, r.code(), r.err());
        assertFalse(Files.exists(out.resolve("en/2017/05/putin-call")));
        String page = Files.readString(out.resolve("en/2017/05/putin-call.html"));
        assertTrue(
                page.contains(
                        "<link rel=\"canonical\" href=\"https://news.example/archive/en/2017/05/putin-call.html\">"),
                page);
        assertTrue(page.contains("href=\"/archive/ar/2017/05/putin-call.html\""), page);
    }

    /** {@code --hugo-paths} turns on hugoPaths of arshif.yml: a file name with capitals and a space as Hugo wrote it. */
    @Test
    void hugoPathsWritesUrlsAsHugoDid() throws IOException {
        Path root = tmp.resolve("src");
        Trees.write(root.resolve("arshif.yml"), "languages: [en]\n");
        Trees.write(
                root.resolve("content/en/news/Breaking News.md"),
                "---\ntitle: Breaking\ndate: 2024-03-02\n---\n\nText.\n");
        Path out = tmp.resolve("out");
        Run r = run("build", "--source", root.toString(), "--output", out.toString(), "--hugo-paths");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("en/news/2024/03/breaking-news/index.html")), r.out());
        assertFalse(r.err().contains("Hugo"), r.err());
    }

    /** {@code check --hugo-paths} judges the URLs {@code build --hugo-paths} makes: no capitals warning then. */
    @Test
    void checkTakesHugoPathsAsTheBuildDoes() {
        Path root = tmp.resolve("src");
        Trees.write(root.resolve("arshif.yml"), "languages: [en]\nbaseUrl: https://news.example/\n");
        Trees.write(
                root.resolve("content/en/news/Breaking News.md"),
                "---\ntitle: Breaking\ndate: 2024-03-02\n---\n\nText.\n");
        Run plain = run("check", "--source", root.toString());
        assertEquals(0, plain.code(), plain.err());
        assertTrue(
                plain.out().contains("which Hugo writes in lower case")
                        || plain.err().contains("which Hugo writes"),
                plain.out() + plain.err());
        Run hugo = run("check", "--source", root.toString(), "--hugo-paths");
        assertEquals(0, hugo.code(), hugo.err());
        assertFalse((hugo.out() + hugo.err()).contains("Hugo"), hugo.out() + hugo.err());
    }

    @Test
    void contentErrorsExitWithOneAndNameFileLineAndColumn() {
        Path root = Trees.copy(Trees.site("invalid").resolve("wrong-types"), tmp.resolve("src"));
        Run r = run(
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("out").toString());
        assertEquals(1, r.code());
        assertTrue(
                r.err().contains("content/en/2017-05-01-draft.md:3:8: error: 'draft' must be true or false"), r.err());
        assertTrue(r.err().contains("content/en/2017-05-01-tags.md:3:7: error: "), r.err());
        assertTrue(r.err().endsWith("arshif: 3 errors; the site was not changed\n"), r.err());
    }

    @Test
    void manyFindingsEndWithTheirKindsCounted() {
        Path root = tmp.resolve("src");
        for (int i = 1; i <= 25; i++) {
            Trees.write(
                    root.resolve("content/en/2017-05-%02d-x%d.md".formatted(i, i)),
                    "---\ntitle: X " + i + "\ndate: 2017-05-" + (i == 25 ? "32" : "%02d".formatted(i)) + "\ntags: [t"
                            + i + "]\n---\nText.\n");
        }
        Trees.write(root.resolve("content/tags.yml"), "known:\n  en: Known\n  ar: معروف\n");
        Run r = run(
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("out").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().endsWith("""
                        Findings: 25 of 2 kinds (1 error, 24 warnings), the most frequent first:
                          24 warnings: tag '…' is not in the vocabulary content/tags.yml (first: content/en/2017-05-01-x1.md:4:8)
                          1 error: '…' '…' is not a valid date (first: content/en/2017-05-25-x25.md:3:7)
                        arshif: 1 error; the site was not changed
                        """), r.err());
    }

    @Test
    void aTakenPortIsOneLineWithExitTwoAndTheTraceOnlyWithDebug() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Run r = run("serve", "--source", root.toString(), "--port", Integer.toString(port));
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    "arshif: cannot serve on 127.0.0.1:" + port + " (is the port taken? choose another with"
                            + " --port " + (port + 1) + "): Address already in use\n",
                    r.err());

            Run debug = run("serve", "--debug", "--source", root.toString(), "--port", Integer.toString(port));
            assertEquals(2, debug.code(), debug.err());
            assertTrue(debug.err().startsWith(r.err() + "java.io.UncheckedIOException: cannot serve on"), debug.err());
            assertTrue(
                    debug.err().contains("Caused by: java.net.BindException: Address already in use\n\tat "),
                    debug.err());
        }
    }

    @Test
    void anErrorOfTheJvmIsOneLineThatPointsToDebug() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(2, Main.systemError(new StackOverflowError(), false, stream));
        assertEquals(
                "arshif: the input nests too deeply for the JVM's stack (StackOverflowError); if it is meant"
                        + " to, give the JVM a larger stack, e.g. -Xss16m; run again with --debug for the stack trace, and"
                        + " please report it\n",
                err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(2, Main.systemError(new OutOfMemoryError("Java heap space"), false, stream));
        assertEquals(
                "arshif: out of memory (Java heap space); give the JVM more, e.g. -Xmx2g\n",
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void optionsOfAnotherCommandAreUsageErrors() throws IOException {
        Run r = run("build", "--port", "8080");
        assertEquals(2, r.code());
        assertTrue(
                r.err().startsWith("arshif: --port is not an option of build (only of serve)\nusage: arshif"), r.err());
        assertTrue(run("check", "--output", "site")
                .err()
                .startsWith("arshif: --output is not an option of check (only of build, serve)\n"));
        assertTrue(run("new", "--drafts")
                .err()
                .startsWith("arshif: --drafts is not an option of new (only of build, check, serve)\n"));
        assertTrue(
                run("build", "--source", "a", "--source", "b").err().startsWith("arshif: --source is given twice\n"));
        assertTrue(run("serve", "--port", "http")
                .err()
                .startsWith("arshif: --port must be a number from 0 to 65535, not 'http'"));
        assertEquals(2, run("serve", "--port", "70000").code());
        assertTrue(run("build", "--source", "a\0b").err().startsWith("arshif: --source is not a valid path: "));
        // a mistyped --templates would build with the built-in theme, unseen
        Run noTemplates =
                run("build", "--templates", tmp.resolve("no-such-folder").toString());
        assertEquals(2, noTemplates.code());
        assertTrue(
                noTemplates
                        .err()
                        .startsWith("arshif: --templates " + tmp.resolve("no-such-folder") + ": no such folder;"),
                noTemplates.err());
        // a file where the folder should be is named as such
        Path file = Files.writeString(tmp.resolve("theme.ftl"), "");
        Run aFile = run("build", "--templates", file.toString());
        assertEquals(2, aFile.code());
        assertTrue(aFile.err().startsWith("arshif: --templates " + file + ": not a folder;"), aFile.err());
        // a --cache that is a file failed only at the build's end, as a system error about the parse cache
        Run cacheFile = run("build", "--cache", file.toString());
        assertEquals(2, cacheFile.code());
        assertTrue(
                cacheFile.err().startsWith("arshif: --cache " + file + ": not a folder; give a folder for the build"
                        + " cache (it is made when missing), or leave --cache out for a clean build"),
                cacheFile.err());
    }

    @Test
    void everyCommandHasItsHelpOnStdoutWithExitZero() {
        for (String command : List.of("build", "check", "new", "serve")) {
            Run help = run(command, "--help");
            assertEquals(new Run(0, help.out(), ""), help);
            assertTrue(help.out().startsWith("usage: arshif " + command + " "), help.out());
            assertTrue(help.out().contains("\n  --debug "), help.out());
            assertEquals(help, run("help", command));
            assertEquals(help, run(command, "-h"));
            assertEquals(help, run(command, "--source", "elsewhere", "--help"));
        }
        // Each command's help lists exactly its options.
        assertTrue(run("build", "--help").out().contains("\n  --output DIR "));
        assertFalse(run("build", "--help").out().contains("--port"));
        assertTrue(run("serve", "--help").out().contains("\n  --port N "));
        assertTrue(run("serve", "--help").out().contains("\n  --static "), "serve --static serves a built --output");
        assertFalse(run("build", "--help").out().contains("\n  --static "));
        assertFalse(run("check", "--help").out().contains("--output"));
        assertTrue(run("new", "--help").out().contains("\n  --title TITLE "));
        Run general = run("help");
        assertEquals(new Run(0, general.out(), ""), general);
        assertTrue(general.out().startsWith("usage: arshif build|check|new|serve [options]\n"), general.out());
        assertEquals(general, run("--help"));
        assertEquals(general, run("-h"));
    }

    @Test
    void helpForSomethingThatIsNoCommandIsAUsageError() {
        Run r = run("help", "buidl");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(
                r.err().startsWith("arshif: unknown command 'buidl'; did you mean 'build'?\nusage: arshif "), r.err());
        assertTrue(run("publish", "--help").err().startsWith("arshif: unknown command 'publish'\nusage: "));
        assertTrue(run("help", "build", "check")
                .err()
                .startsWith("arshif: help takes one command, like: arshif" + " help build\n"));
    }

    @Test
    void aMistypedOptionNamesTheOneItMeant() {
        Run r = run("build", "--ouptut", "site");
        assertEquals(new Run(2, "", r.err()), r);
        assertTrue(
                r.err()
                        .startsWith("arshif: unknown option '--ouptut'; did you mean '--output'?\n"
                                + "usage: arshif build "),
                r.err());
        assertTrue(run("check", "--colour")
                .err()
                .startsWith("arshif: unknown option '--colour'\nusage: arshif" + " check "));
    }

    @Test
    void theVersionIsTheOneTheJarRecords() throws IOException {
        Path classes = tmp.resolve("classes");
        Trees.write(classes.resolve(Usage.POM_PROPERTIES), "groupId=org.arshif\nversion=1.2.3\n");
        try (URLClassLoader jar = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertEquals("arshif 1.2.3", Usage.version(jar));
        }
        try (URLClassLoader none =
                new URLClassLoader(new URL[] {tmp.resolve("empty").toUri().toURL()}, null)) {
            assertEquals("arshif (a development build without a version: run it from the jar)", Usage.version(none));
        }
        Run r = run("--version");
        assertEquals(new Run(0, Usage.version(Main.class.getClassLoader()) + "\n", ""), r);
        assertTrue(r.out().startsWith("arshif "), r.out());
    }

    @Test
    void helpInARealJvmStartsNoSecondOneAndExitsWithZero() {
        CliProcess.Result r = CliProcess.run(List.of(), Map.of(), "build", "--help");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().startsWith("usage: arshif build "), r::toString);
        assertEquals("", r.err(), r::toString);
        CliProcess.Result usage = CliProcess.run(List.of(), Map.of(), "build", "--port", "1");
        assertEquals(2, usage.exit(), usage::toString);
        assertEquals("", usage.out(), usage::toString);
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
