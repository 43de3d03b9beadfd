package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.arshif.incremental.CacheFill;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code mvn clean} (or {@code rm -rf target}) during the warm process's cache fill after its answer (see {@code
 * CacheFill}): the real process, its fill held at each of its steps ({@link FillHold}) while the test deletes the
 * cache folder or the whole {@code target/}, then the next build. Nothing comes back, nothing partial is read, no
 * stack trace, and the next build writes what a clean build writes.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "deletes files a live process holds open")
class FillRaceTest {
    /** How long a process may take to notice; bounds a wait, it is not a timing assertion. */
    private static final Duration NOTICE = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    private final List<Long> started = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void endProcesses() {
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    @ParameterizedTest(name = "{1} deleted at {0}")
    @CsvSource({
        "computed, cache",
        "written, cache",
        "saved, cache",
        "computed, target",
        "written, target",
        "saved, target"
    })
    void aCleanDuringTheFillLeavesNothingAndTheNextBuildIsAFirstBuild(String step, String deleted) throws Exception {
        Path root = olderArchive();
        Held held = answerAndHold(root, step);
        SortedMap<String, byte[]> outside = outsideTarget();
        Trees.deleteTree(deleted.equals("target") ? target() : cache());
        Held.release(held);

        String log = held.logAfterEnd();
        assertTrue(log.contains("the cache fill after the answer stopped (" + step + "): its folder was deleted"), log);
        assertFalse(log.contains("the cache filled after the answer"), "the fill did not finish: " + log);
        assertNoStackTrace(log);
        // Nothing written after the deletion: no cache folder made again, so nothing partial for a reader to take.
        assertFalse(Files.exists(cache()), "the fill made its cache folder again");
        if (deleted.equals("target")) {
            assertFalse(Files.exists(target()), "the fill made target/ again");
        } else {
            assertEquals(List.of("site"), Trees.list(target()));
        }
        Trees.assertSameTree(outside, outsideTarget(), "the files outside target/");

        List<String> next = new ArrayList<>();
        DaemonClient.Outcome rebuilt = build(BuildDaemonTest.client(registry(), List.of()), root, next);
        assertEquals(0, rebuilt.status(), next.toString());
        assertNotEquals(held.pid(), rebuilt.pid(), "a new process: the registry went with the clean");
        assertNoStackTrace(String.join("\n", next));
        assertTrue(next.stream().anyMatch(l -> l.contains("parsed 80 files, reused 0")), next.toString());
        assertFalse(next.stream().anyMatch(l -> l.contains("discarded")), "nothing partial was there: " + next);
        assertOneShotBuildEquals(root);
        awaitFillEnd();
        List<String> noop = new ArrayList<>();
        assertEquals(
                0,
                build(BuildDaemonTest.client(registry(), List.of()), root, noop).status(),
                noop.toString());
        assertTrue(noop.stream().anyMatch(l -> l.contains("nothing changed since the last build")), noop.toString());
    }

    @Test
    void aFillHeldAcrossACleanAndAnotherProcesssBuildLeavesThatBuildsCacheAlone() throws Exception {
        Path root = olderArchive();
        Held held = answerAndHold(root, "computed");
        Trees.deleteTree(target());

        // Another process builds into the same folders, its own fill complete, while the first fill still waits.
        List<String> other = new ArrayList<>();
        DaemonClient.Outcome second = build(BuildDaemonTest.client(registry(), List.of()), root, other);
        assertEquals(0, second.status(), other.toString());
        assertNotEquals(held.pid(), second.pid());
        awaitFillEnd();
        SortedMap<String, byte[]> cacheBefore = cacheFiles();
        SortedMap<String, byte[]> siteBefore = Trees.read(output());
        Held.release(held);

        String log = held.logAfterEnd();
        assertTrue(
                log.contains("the cache fill after the answer stopped (computed): its folder was deleted, or is"
                        + " another build's"),
                log);
        assertNoStackTrace(log);
        Trees.assertSameTree(cacheBefore, cacheFiles(), "the other build's cache");
        Trees.assertSameTree(siteBefore, Trees.read(output()), "the other build's site");
        List<String> noop = new ArrayList<>();
        DaemonClient.Outcome again = build(BuildDaemonTest.client(registry(), List.of()), root, noop);
        assertEquals(List.of(0, second.pid()), List.of(again.status(), again.pid()), noop.toString());
        assertTrue(noop.stream().anyMatch(l -> l.contains("nothing changed since the last build")), noop.toString());
        assertOneShotBuildEquals(root);
    }

    /** A first build in a new warm process whose fill is held at {@code step}, once it waits there. */
    private Held answerAndHold(Path root, String step) throws Exception {
        Path go = tmp.resolve("go-" + step);
        DaemonClient holding =
                BuildDaemonTest.client(registry(), List.of("-D" + FillHold.PROPERTY + "=" + step + ":" + go));
        List<String> first = new ArrayList<>();
        DaemonClient.Outcome answered = build(holding, root, first);
        assertEquals(0, answered.status(), first.toString());
        assertTrue(first.stream().anyMatch(l -> l.startsWith("out: Built 40 ar + 40 en dispatches")), first.toString());
        assertNoStackTrace(String.join("\n", first));
        Path log = registry().resolve("daemon.log");
        // Opened now: the deletion takes its name, not what the process goes on writing to it.
        InputStream logStream = Files.newInputStream(log);
        OrphanTest.await(
                () -> read(log).contains("Holding the cache fill at " + step), NOTICE, "the fill to reach " + step);
        assertTrue(Files.exists(cache().resolve(CacheFill.MARKER)), "answered, the fill not done");
        return new Held(answered.pid(), go, logStream);
    }

    /** A warm process whose fill waits for {@code go}; {@code log}: its daemon.log, open. */
    private record Held(long pid, Path go, InputStream log) {
        static void release(Held held) throws IOException {
            Files.writeString(held.go(), "go");
        }

        /** Its log, once the process ended (it notices its registry is gone, or names another, after the fill). */
        String logAfterEnd() throws Exception {
            Optional<ProcessHandle> process = ProcessHandle.of(pid);
            OrphanTest.await(() -> process.map(p -> !p.isAlive()).orElse(true), NOTICE, "the held process to end");
            try (log) {
                return new String(log.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    private void awaitFillEnd() throws InterruptedException {
        OrphanTest.await(() -> !Files.exists(cache().resolve(CacheFill.MARKER)), NOTICE, "the build's own fill to end");
    }

    private static void assertNoStackTrace(String text) {
        assertFalse(text.contains("Exception") || text.contains("\tat "), "a stack trace: " + text);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Every file under the test's folder but target/ and what the test makes, with its bytes: the sources. */
    private SortedMap<String, byte[]> outsideTarget() throws IOException {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                boolean ours = p.getFileName().toString().startsWith("go-"); // made by this test to let go
                if (!ours && !p.startsWith(target()) && !p.startsWith(tmp.resolve("clean"))) {
                    files.put(tmp.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return files;
    }

    /** The cache's files but the warm process's own folder (its log grows), with their bytes. */
    private SortedMap<String, byte[]> cacheFiles() {
        SortedMap<String, byte[]> files = new TreeMap<>(Trees.read(cache()));
        files.keySet().removeIf(name -> name.startsWith("daemon/"));
        return files;
    }

    private Path olderArchive() throws IOException {
        return DeferredFillTest.olderArchive(tmp.resolve("src"));
    }

    private DaemonClient.Outcome build(DaemonClient client, Path root, List<String> lines)
            throws DaemonClient.Unavailable {
        List<String> arguments =
                List.of("--source", root.toString(), "--output", output().toString(), "--cache", cache().toString());
        return BuildDaemonTest.recordedBuild(client, arguments, lines, started);
    }

    private void assertOneShotBuildEquals(Path root) {
        DeferredFillTest.assertOneShotBuildEquals(root, tmp.resolve("clean"), output());
    }

    private Path target() {
        return tmp.resolve("target");
    }

    private Path output() {
        return target().resolve("site");
    }

    private Path cache() {
        return target().resolve("arshif-cache");
    }

    private Path registry() {
        return cache().resolve("daemon");
    }
}
