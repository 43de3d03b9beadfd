package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.incremental.CacheFill;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first build in the warm build process answers once its site is in place and fills the cache after (see
 * {@code Arshif.Builder#answerBeforeFill}): against the real process, a build right after it, and a kill -9 during
 * the fill, each compared with a one-shot build of the CLI.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "kill -9")
class DeferredFillTest {
    /** How long a process may take to notice; bounds a wait, it is not a timing assertion. */
    private static final Duration NOTICE = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    private final List<Long> started = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void endProcesses() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @Test
    void aFirstBuildAnswersBeforeItsFillAndTheNextBuildFindsTheCacheComplete() throws Exception {
        Path root = olderArchive();
        DaemonClient client = BuildDaemonTest.client(registry(), List.of());
        List<String> first = new ArrayList<>();
        DaemonClient.Outcome filled = build(client, root, first);
        assertEquals(0, filled.status(), first.toString());
        assertTrue(first.stream().anyMatch(l -> l.startsWith("out: Built 40 ar + 40 en dispatches")), first.toString());
        // The fill's own line was printed after the answer: the process's log has it, the client's lines do not.
        assertFalse(first.stream().anyMatch(l -> l.contains("the cache filled after the answer")), first.toString());

        List<String> second = new ArrayList<>(); // at once: it waits in the process's queue for the fill
        DaemonClient.Outcome again = build(client, root, second);
        assertEquals(List.of(0, filled.pid(), 2), List.of(again.status(), again.pid(), again.build()));
        assertTrue(
                second.stream().anyMatch(l -> l.contains("nothing changed since the last build")),
                "the cache the fill wrote vouches for the site: " + second);
        String log = Files.readString(registry().resolve("daemon.log"), StandardCharsets.UTF_8);
        int answered = log.indexOf("Build 1 for pid");
        int fillDone = log.indexOf("Build 1, after its answer: Incremental build: the cache filled after the answer");
        assertTrue(answered >= 0 && fillDone > answered, log);
        assertTrue(log.contains("Build 1: filled the cache after its answer in "), log);
        assertFalse(Files.exists(cache().resolve(CacheFill.MARKER)), "the marker goes once the fill is complete");
        assertOneShotBuildEquals(root);

        // One edit: the pages the fill fingerprinted after its answer are reused as a one-shot fill's are.
        assertEquals(0, oneShotCached(root).exit());
        Path edited =
                Files.list(root.resolve("content/ar")).sorted().findFirst().orElseThrow();
        Files.writeString(edited, Files.readString(edited) + "\nفقرة مضافة.\n");
        List<String> third = new ArrayList<>();
        assertEquals(0, build(client, root, third).status(), third.toString());
        CliProcess.Result once = oneShotCached(root);
        String pages = renderedLine(List.of(once.out().split("\n")));
        assertTrue(pages.matches("Incremental build: rendered \\d+ pages, reused [1-9]\\d*"), once.out());
        assertEquals(pages, renderedLine(third.stream().map(l -> l.substring(5)).toList()), third.toString());
        // The parse cache the fill wrote after its answer holds every file but the edited one.
        assertTrue(third.stream().anyMatch(l -> l.contains("parsed 1 files, reused 79")), third.toString());
        assertOneShotBuildEquals(root);
    }

    /** A one-shot build of the CLI with a cache of its own (filled before it returns), into another folder. */
    private CliProcess.Result oneShotCached(Path root) {
        return CliProcess.run(
                List.of(),
                Map.of(),
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("once").toString(),
                "--cache",
                tmp.resolve("once-cache").toString());
    }

    private static String renderedLine(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("Incremental build: rendered "))
                .findFirst()
                .orElse("none in " + lines);
    }

    @Test
    void aProcessKilledDuringTheFillLeavesACacheTheNextBuildDiscards() throws Exception {
        Path root = olderArchive();
        DaemonClient pausing =
                BuildDaemonTest.client(registry(), List.of("-D" + BuildDaemon.PAUSE_BEFORE_FILL + "=60000"));
        List<String> first = new ArrayList<>();
        DaemonClient.Outcome answered = build(pausing, root, first);
        assertEquals(0, answered.status(), first.toString());
        assertTrue(Files.exists(cache().resolve(CacheFill.MARKER)), "answered, the fill not done");
        ProcessHandle process = ProcessHandle.of(answered.pid()).orElseThrow();
        OrphanTest.await(
                () -> logHas("Pausing 60000 ms before the cache fill"), NOTICE, "the process to reach its fill");
        // The parse cache, too, is left until after the answer (its pack was written in the load before).
        // Made empty before the answer (a fill makes no name after it) and written in place after it.
        assertEquals(0, Files.size(cache().resolve("parsed/pack.bin")), "the parse cache is written after the answer");
        assertTrue(Files.exists(cache().resolve("parsed")), "its folder and spill file are made before the answer");
        process.destroyForcibly(); // SIGKILL, as the OOM killer or a closed laptop lid would
        OrphanTest.await(() -> !process.isAlive(), NOTICE, "the process to end");
        assertTrue(Files.exists(cache().resolve(CacheFill.MARKER)), "the fill was cut short");

        // The same key again, without the pause: a new process, whose first build finds the marker.
        Files.deleteIfExists(registry().resolve(DaemonRegistry.FILE));
        DaemonClient client = BuildDaemonTest.client(registry(), List.of());
        List<String> next = new ArrayList<>();
        DaemonClient.Outcome rebuilt = build(client, root, next);
        assertEquals(0, rebuilt.status(), next.toString());
        assertNotEquals(answered.pid(), rebuilt.pid());
        assertTrue(next.stream().anyMatch(l -> l.contains("cache fill was cut short")), next.toString());
        assertTrue(next.stream().anyMatch(l -> l.contains("parsed 80 files, reused 0")), next.toString());
        assertOneShotBuildEquals(root);
        List<String> noop = new ArrayList<>();
        assertEquals(0, build(client, root, noop).status(), noop.toString());
        assertTrue(noop.stream().anyMatch(l -> l.contains("nothing changed since the last build")), noop.toString());
    }

    /**
     * The test archive, its files dated an hour back: an input changed less than two seconds before a build's commit
     * makes its no-op stamp untrusted (NoopStamp's racy rule), and the next build a full check instead.
     */
    private Path olderArchive() throws java.io.IOException {
        return olderArchive(tmp.resolve("src"));
    }

    /** The test archive in {@code src}, its files dated an hour back (see the comment above). */
    static Path olderArchive(Path src) throws java.io.IOException {
        Path root = OrphanTest.archive(src, 40);
        java.nio.file.attribute.FileTime hourAgo =
                java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (var files = Files.walk(root)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, hourAgo);
            }
        }
        return root;
    }

    private boolean logHas(String text) {
        try {
            return Files.readString(registry().resolve("daemon.log"), StandardCharsets.UTF_8)
                    .contains(text);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private DaemonClient.Outcome build(DaemonClient client, Path root, List<String> lines)
            throws DaemonClient.Unavailable {
        List<String> arguments =
                List.of("--source", root.toString(), "--output", output().toString(), "--cache", cache().toString());
        return BuildDaemonTest.recordedBuild(client, arguments, lines, started);
    }

    private void assertOneShotBuildEquals(Path root) {
        assertOneShotBuildEquals(root, tmp.resolve("clean"), output());
    }

    /**
     * A one-shot build of the CLI into {@code clean} (emptied first), with no cache, writes the same bytes as the warm
     * process left in {@code output}.
     */
    static void assertOneShotBuildEquals(Path root, Path clean, Path output) {
        Trees.deleteTree(clean);
        CliProcess.Result once =
                CliProcess.run(List.of(), Map.of(), "build", "--source", root.toString(), "--output", clean.toString());
        assertEquals(0, once.exit(), once.toString());
        assertEquals(Optional.empty(), Trees.firstDifference(clean, output));
    }

    private Path output() {
        return tmp.resolve("site");
    }

    private Path cache() {
        return tmp.resolve("cache");
    }

    private Path registry() {
        return cache().resolve("daemon");
    }
}
