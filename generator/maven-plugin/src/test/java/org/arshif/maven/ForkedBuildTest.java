package org.arshif.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build goal in a second, tuned JVM (a real one): the same site, the same findings, the same failures. */
class ForkedBuildTest {
    @TempDir
    Path tmp;

    private final List<String> logged = new CopyOnWriteArrayList<>();

    @Test
    void everyFindingReadsBackFromItsLine() {
        for (Diagnostic d : List.of(
                Diagnostic.error("content/en/a b.md", 3, 8, "'draft' must be true: x: error: y"),
                Diagnostic.warning("content/ar/خبر.md", 12, 0, "did you mean 'tags'?"),
                Diagnostic.notice("arshif.yml", 0, 0, "note"),
                Diagnostic.error("", 0, 0, "no content"))) {
            assertEquals(Optional.of(d), ForkedBuild.finding(d.format()), d.format());
        }
        assertEquals(Optional.empty(), ForkedBuild.finding("Built 12 pages in 0.4 s"));
    }

    @Test
    void theCountOfManyFindingsIsRelayedAsInformationNotAsFindingsOrASystemError() {
        List<Diagnostic> many = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            many.add(Diagnostic.warning("content/ar/x" + i + ".md", 4, 8, "tag 't" + i + "' is not in the vocabulary"));
        }
        many.add(Diagnostic.error("content/en/y.md", 3, 7, "'date' \"2017-05-32\" is not a valid date"));
        List<String> digest = org.arshif.diag.FindingDigest.lines(many);
        assertEquals(3, digest.size(), digest.toString());
        for (String line : digest) {
            assertEquals(Optional.empty(), ForkedBuild.finding(line), line);
            assertFalse(line.startsWith(ForkedBuild.SYSTEM_ERROR), line);
        }
    }

    @Test
    void theSecondJvmGetsMavensMemoryLimitsAndTheTuning() throws Exception {
        List<String> maven = List.of("-Dmaven.home=/m", "-Xmx1g", "-XX:+UseG1GC");
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        List<String> cliArguments = List.of("--source", "s", "--cache", cache.toString());
        assertEquals(
                List.of(
                        "-Xmx1g",
                        "-XX:+UseParallelGC",
                        "-Xmn128m",
                        "-Xms320m",
                        "-XX:MinHeapFreeRatio=10",
                        "-XX:MaxHeapFreeRatio=20",
                        "-XX:TieredStopAtLevel=1"),
                ForkedBuild.jvmOptions(maven, cliArguments));
        // a rebuild into the cache of a previous build: a larger initial heap
        Files.writeString(cache.resolve("pages.bin"), "");
        assertEquals(
                List.of("-Xmx1g", "-XX:+UseParallelGC", "-Xmn128m", "-Xms512m", "-XX:TieredStopAtLevel=1"),
                ForkedBuild.jvmOptions(maven, cliArguments));
    }

    @Test
    void heapFreeRatiosFromMavensOptionsReplaceTheTuningsOwn() throws Exception {
        List<String> maven = List.of("-XX:MaxHeapFreeRatio=70", "-XX:MinHeapFreeRatio=40");
        List<String> cliArguments =
                List.of("--source", "s", "--cache", tmp.resolve("empty-cache").toString());
        assertEquals(
                List.of(
                        "-XX:MaxHeapFreeRatio=70",
                        "-XX:MinHeapFreeRatio=40",
                        "-XX:+UseParallelGC",
                        "-Xmn128m",
                        "-Xms320m",
                        "-XX:TieredStopAtLevel=1"),
                ForkedBuild.jvmOptions(maven, cliArguments));
    }

    @Test
    void aForkedBuildWritesTheSameSiteAsOneInMavensJvm() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        build(root, tmp.resolve("in-maven"), false).execute();
        List<String> inMaven = List.copyOf(logged);
        logged.clear();
        build(root, tmp.resolve("forked"), true).execute();
        assertTrue(logged.get(0).startsWith("info: Building in a second JVM (-XX:+UseParallelGC"), logged.toString());
        assertEquals(
                inMaven.get(inMaven.size() - 1).replaceAll("[0-9.]+ ?m?s", "T"),
                logged.get(logged.size() - 1).replaceAll("[0-9.]+ ?m?s", "T"),
                "the summary line, at info");
        assertEquals(Optional.empty(), Trees.firstDifference(tmp.resolve("in-maven"), tmp.resolve("forked")));
    }

    @Test
    void contentErrorsFailTheGoalWithTheSameMessageAndEveryFindingAtItsLevel() throws Exception {
        Path root = Trees.copy(Trees.site("invalid/many-errors"), tmp.resolve("src"));
        MojoFailureException inMaven =
                assertThrows(MojoFailureException.class, build(root, tmp.resolve("in-maven"), false)::execute);
        List<String> inMavenErrors =
                logged.stream().filter(l -> l.startsWith("error: ")).toList();
        logged.clear();
        MojoFailureException forked =
                assertThrows(MojoFailureException.class, build(root, tmp.resolve("forked"), true)::execute);
        assertEquals(inMaven.getMessage(), forked.getMessage());
        assertTrue(inMaven.getMessage().contains(" errors in the archive:\n"), inMaven.getMessage());
        List<String> forkedErrors = logged.stream()
                .filter(l -> l.startsWith("error: ") && !l.startsWith("error: arshif: "))
                .toList();
        assertEquals(inMavenErrors, forkedErrors);
        assertFalse(Files.exists(tmp.resolve("forked")), "nothing was written");
    }

    @Test
    void aSystemErrorOfTheSecondJvmFailsTheGoalInOneLine() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        BuildMojo mojo = build(root, tmp.resolve("site"), true);
        mojo.incremental = "true";
        mojo.cache = file.resolve("cache").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("Arshif: ") && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals("not a folder", Files.readString(file));
    }

    private BuildMojo build(Path root, Path output, boolean fork) {
        BuildMojo mojo = new BuildMojo();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                logged.add("info: " + content);
            }

            @Override
            public void warn(CharSequence content) {
                logged.add("warn: " + content);
            }

            @Override
            public void error(CharSequence content) {
                logged.add("error: " + content);
            }
        });
        mojo.source = root.toFile();
        mojo.output = output.toFile();
        mojo.incremental = "false";
        mojo.fork = String.valueOf(fork);
        mojo.daemon = "false"; // the one-shot fork; the warm process has tests of its own
        return mojo;
    }
}
