package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm build process for real: a JVM started by {@link DaemonClient}, builds handed to it over a loopback
 * socket, compared with one-shot builds of the CLI; a wrong token, a deleted registry, another key and a killed
 * client, each against the real process.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "kill -9 and /proc")
class BuildDaemonTest {
    /** How long a process may take to notice; bounds a wait, it is not a timing assertion. */
    private static final Duration NOTICE = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    private final List<Long> started = new ArrayList<>();
    private Process clientProcess;

    @AfterEach
    void endProcesses() {
        if (clientProcess != null) {
            clientProcess.destroyForcibly();
        }
        started.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }

    /** A client whose process runs this test's class path, C1 only (as the goal's does), with {@code options}. */
    static DaemonClient client(Path registry, List<String> options) {
        return client(registry, options, DaemonClient.SILENCE);
    }

    /** As {@link #client(Path, List)}, ending a process that says nothing for {@code silence}. */
    static DaemonClient client(Path registry, List<String> options, Duration silence) {
        List<String> all = new ArrayList<>(List.of("-Dorg.freemarker.loggerLibrary=none", "-XX:TieredStopAtLevel=1"));
        all.addAll(options);
        return new DaemonClient(
                registry,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                all,
                List.of(System.getProperty("java.class.path").split(File.pathSeparator)),
                Map.of(),
                silence);
    }

    /** A listener that prints what the process says, as Maven's log would show it. */
    static DaemonClient.Listener printing() {
        return new DaemonClient.Listener() {
            @Override
            public void started(long pid, int build, boolean newProcess) {
                System.out.println("build " + build + " in pid " + pid + (newProcess ? " (new)" : ""));
            }

            @Override
            public void waiting() {
                System.out.println("waiting");
            }

            @Override
            public void line(boolean error, String line) {
                (error ? System.err : System.out).println(line);
            }
        };
    }

    private DaemonClient.Outcome build(DaemonClient client, Path root, Path out, List<String> lines)
            throws DaemonClient.Unavailable {
        return recordedBuild(client, buildArguments(root, out), lines, started);
    }

    /**
     * One build in the warm process, its lines kept in {@code lines} ("out: …", "err: …") and the pid of every
     * process that took it in {@code started}, for the test to end them.
     */
    static DaemonClient.Outcome recordedBuild(
            DaemonClient client, List<String> arguments, List<String> lines, List<Long> started)
            throws DaemonClient.Unavailable {
        DaemonClient.Outcome outcome = client.build(arguments, Map.of(), new DaemonClient.Listener() {
            @Override
            public void started(long pid, int build, boolean newProcess) {
                started.add(pid);
            }

            @Override
            public void waiting() {}

            @Override
            public void line(boolean error, String line) {
                lines.add((error ? "err: " : "out: ") + line);
            }
        });
        started.add(outcome.pid());
        return outcome;
    }

    /** The goal's arguments for a build of {@code root} into {@code out}, with this test's cache. */
    private List<String> buildArguments(Path root, Path out) {
        return List.of("--source", root.toString(), "--output", out.toString(), "--cache", cache().toString());
    }

    private Path cache() {
        return tmp.resolve("cache");
    }

    private Path registry() {
        return cache().resolve("daemon");
    }

    @Test
    void twoBuildsInOneWarmProcessWriteWhatOneShotBuildsWrite() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 3);
        DaemonClient client = client(registry(), List.of());
        List<String> lines = new ArrayList<>();
        DaemonClient.Outcome first = build(client, root, tmp.resolve("warm"), lines);
        assertEquals(0, first.status(), lines.toString());
        assertEquals(1, first.build());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("out: Built 3 ar + 3 en dispatches")), lines.toString());
        assertOneShotBuildEquals(root, tmp.resolve("warm"));

        Path edited =
                Files.list(root.resolve("content/en")).sorted().findFirst().orElseThrow();
        Files.writeString(edited, Files.readString(edited) + "\nAn added paragraph.\n");
        lines.clear();
        DaemonClient.Outcome second = build(client, root, tmp.resolve("warm"), lines);
        assertEquals(0, second.status(), lines.toString());
        assertEquals(first.pid(), second.pid(), "the same process");
        assertEquals(2, second.build());
        assertTrue(second.peakRssKb() > 0 || !Files.exists(Path.of("/proc/self/status")), "VmHWM");
        assertOneShotBuildEquals(root, tmp.resolve("warm"));
    }

    @Test
    void theWarmProcessStartsWithItsOwnOptionsAndMallocArenas() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 3);
        DaemonClient.Outcome outcome =
                build(client(registry(), tunedOptions()), root, tmp.resolve("warm"), new ArrayList<>());
        assertEquals(0, outcome.status());
        List<String> arguments = List.of(
                ProcessHandle.of(outcome.pid()).orElseThrow().info().arguments().orElseThrow());
        assertTrue(arguments.containsAll(JvmTuning.WARM_PROCESS), arguments.toString());
        String environment = Files.readString(Path.of("/proc/" + outcome.pid() + "/environ"), StandardCharsets.UTF_8);
        assertTrue(List.of(environment.split("\u0000")).contains("MALLOC_ARENA_MAX=2"), "glibc's arenas");
        // a second build, after the process gave its old generation back and sized it again, still builds
        DaemonClient.Outcome again =
                build(client(registry(), tunedOptions()), root, tmp.resolve("warm"), new ArrayList<>());
        assertEquals(List.of(0, outcome.pid(), 2), List.of(again.status(), again.pid(), again.build()));
        assertOneShotBuildEquals(root, tmp.resolve("warm"));
    }

    /** The collector and heap free ratios the goal's warm process runs with (see {@link JvmTuning}). */
    private static List<String> tunedOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:+UseParallelGC"));
        options.addAll(JvmTuning.TIGHT_OLD_GENERATION);
        return options;
    }

    @Test
    void theOldGenerationIsSizedAgainAtMostToWhatTheBuildNeeded() {
        long mb = 1L << 20;
        assertEquals(97, DaemonMemory.ratioToSize(6 * mb, 225 * mb)); // 200 MB; 98 % would be 300
        assertEquals(96, DaemonMemory.ratioToSize(6 * mb, 199 * mb)); // 150 MB
        assertEquals(20, DaemonMemory.ratioToSize(100 * mb, 125 * mb));
        assertEquals(99, DaemonMemory.ratioToSize(1, 1L << 40));
        assertEquals(0, DaemonMemory.ratioToSize(0, 100 * mb));
        assertEquals(0, DaemonMemory.ratioToSize(100 * mb, 100 * mb));
    }

    /** A one-shot build of the CLI, with a cache of its own, writes the same bytes as the warm one. */
    private void assertOneShotBuildEquals(Path root, Path warm) {
        CliProcess.Result once = CliProcess.run(
                List.of(),
                Map.of(),
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("once").toString(),
                "--cache",
                tmp.resolve("once-cache").toString());
        assertEquals(0, once.exit(), once.toString());
        assertEquals(Optional.empty(), Trees.firstDifference(tmp.resolve("once"), warm));
    }

    @Test
    void aSecondClientWaitsForTheBuildInProgressAndSaysSo() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 600);
        DaemonClient client = client(registry(), List.of());
        List<String> said = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<DaemonClient.Outcome> second = new CompletableFuture<>();
        DaemonClient.Outcome first =
                client.build(buildArguments(root, tmp.resolve("one")), Map.of(), new DaemonClient.Listener() {
                    @Override
                    public void started(long pid, int build, boolean newProcess) {
                        started.add(pid);
                        // the first build (of 1,200 dispatches, in a cold JVM) has just begun: a second client now
                        Thread other = new Thread(() -> {
                            try {
                                second.complete(client.build(
                                        buildArguments(root, tmp.resolve("two")),
                                        Map.of(),
                                        new DaemonClient.Listener() {
                                            @Override
                                            public void started(long pid, int build, boolean newProcess) {}

                                            @Override
                                            public void waiting() {
                                                said.add("waiting");
                                            }

                                            @Override
                                            public void line(boolean error, String line) {}
                                        }));
                            } catch (DaemonClient.Unavailable e) {
                                second.completeExceptionally(e);
                            }
                        });
                        other.start();
                    }

                    @Override
                    public void waiting() {}

                    @Override
                    public void line(boolean error, String line) {}
                });
        DaemonClient.Outcome then = second.get(CliProcess.LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(0, first.status());
        assertEquals(0, then.status());
        assertEquals(first.pid(), then.pid(), "one process");
        assertEquals(List.of(1, 2), List.of(first.build(), then.build()), "one build after the other");
        assertEquals(List.of("waiting"), said, "the second client said it waits");
    }

    @Test
    void aConnectionWithoutTheTokenIsClosedAndTheProcessServesOn() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 1);
        DaemonClient client = client(registry(), List.of());
        List<String> lines = new ArrayList<>();
        assertEquals(0, build(client, root, tmp.resolve("site"), lines).status(), lines.toString());
        DaemonRegistry registry = DaemonRegistry.read(registry()).orElseThrow();
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(registry().resolve(DaemonRegistry.FILE))));
        // a wrong token, then a whole request, which the process would answer if it took the connection
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.write("0".repeat(DaemonProtocol.TOKEN_LENGTH).getBytes(StandardCharsets.US_ASCII));
        out.writeByte(DaemonProtocol.BUILD);
        new DaemonProtocol.Request(List.of("--version"), Map.of(), 1).write(out);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), registry.port())) {
            socket.setSoTimeout((int) NOTICE.toMillis());
            assertEquals(-1, firstByteBack(socket, bytes.toByteArray()), "closed without a word");
        }
        DaemonClient.Outcome next = build(client, root, tmp.resolve("site"), lines);
        assertEquals(registry.pid(), next.pid());
        assertEquals(2, next.build(), "the refused connection ran no build");
    }

    @Test
    void aDeletedRegistryEndsTheProcess() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 1);
        List<String> lines = new ArrayList<>();
        DaemonClient.Outcome outcome = build(client(registry(), List.of()), root, tmp.resolve("site"), lines);
        ProcessHandle process = ProcessHandle.of(outcome.pid()).orElseThrow();
        try (var files = Files.walk(cache())) { // what mvn clean does
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        OrphanTest.await(() -> !OrphanTest.running(process), NOTICE, "the process to end without its registry");
    }

    @Test
    void aClientOfAnotherKeyReplacesTheProcess() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 1);
        List<String> lines = new ArrayList<>();
        DaemonClient.Outcome old = build(client(registry(), List.of()), root, tmp.resolve("site"), lines);
        DaemonClient.Outcome replaced = build(client(registry(), List.of("-Xss2m")), root, tmp.resolve("site"), lines);
        assertNotEquals(old.pid(), replaced.pid(), "other options, another process");
        assertEquals(1, replaced.build());
        ProcessHandle oldProcess = ProcessHandle.of(old.pid()).orElse(null);
        OrphanTest.await(() -> oldProcess == null || !OrphanTest.running(oldProcess), NOTICE, "the old process to end");
        assertEquals(
                replaced.pid(), DaemonRegistry.read(registry()).orElseThrow().pid());
    }

    @Test
    void aClientKilledDuringItsBuildHaltsTheProcessWithoutTouchingTheOutput() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 1500);
        Path out = tmp.resolve("site");
        Path log = tmp.resolve("client.txt");
        clientProcess = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        DaemonClientProcess.class.getName(),
                        registry().toString(),
                        "--source",
                        root.toString(),
                        "--output",
                        out.toString(),
                        "--cache",
                        cache().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        OrphanTest.await(
                () -> DaemonRegistry.read(registry()).isPresent() || !clientProcess.isAlive(),
                Duration.ofSeconds(60),
                "the process to start");
        long pid = DaemonRegistry.read(registry()).orElseThrow().pid();
        started.add(pid);
        ProcessHandle daemon = ProcessHandle.of(pid).orElseThrow();
        // Well into loading 3,000 dispatches, and far from writing the site.
        OrphanTest.await(
                () -> OrphanTest.cpuMillis(daemon) >= 2500 || !OrphanTest.running(daemon),
                Duration.ofSeconds(120),
                "the build");
        assertTrue(OrphanTest.running(daemon), "the build was still running when its client was killed");

        clientProcess.destroyForcibly(); // SIGKILL: the client runs no shutdown hook, its socket just closes
        assertEquals(137, clientProcess.waitFor(), "killed by SIGKILL");
        OrphanTest.await(() -> !OrphanTest.running(daemon), NOTICE, "the process to halt with its client gone");
        assertFalse(Files.exists(out), "the build never swapped a site in");
        assertFalse(Files.exists(registry().resolve(DaemonRegistry.FILE)), "the next build starts a new process");
        String daemonLog = Files.readString(registry().resolve("daemon.log"), StandardCharsets.UTF_8);
        assertTrue(
                daemonLog.contains("went away during its build, so this process stops without changing anything"),
                daemonLog);
        assertFalse(Files.readString(log, StandardCharsets.UTF_8).contains("Built "));
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // without the fix, the client waits for ever: fail instead
    void aStoppedProcessIsEndedAndTheBuildGoesElsewhere() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 1);
        DaemonClient client = client(registry(), List.of(), Duration.ofSeconds(3));
        List<String> lines = new ArrayList<>();
        DaemonClient.Outcome first = build(client, root, tmp.resolve("site"), lines);
        assertEquals(0, first.status(), lines.toString());
        ProcessHandle process = ProcessHandle.of(first.pid()).orElseThrow();
        // SIGSTOP: the kernel still queues connections to its port, but the process answers nothing
        assertEquals(
                0,
                new ProcessBuilder("kill", "-STOP", Long.toString(first.pid()))
                        .start()
                        .waitFor());

        DaemonClient.Unavailable silent =
                assertThrows(DaemonClient.Unavailable.class, () -> build(client, root, tmp.resolve("site"), lines));
        assertTrue(silent.getMessage().contains("(pid " + first.pid() + ") said nothing for 3 s"), silent.getMessage());
        OrphanTest.await(() -> !OrphanTest.running(process), NOTICE, "the stopped process to be ended");
        DaemonClient.Outcome next = build(client, root, tmp.resolve("site"), lines);
        assertEquals(0, next.status(), lines.toString());
        assertNotEquals(first.pid(), next.pid(), "a new process");
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES) // without the fix, the client waits for ever: fail instead
    void aRegistryWhosePidNowNamesAnotherProgramIsNotWaitedFor() throws Exception {
        Path root = OrphanTest.archive(tmp.resolve("src"), 1);
        DaemonClient client = client(registry(), List.of());
        List<String> lines = new ArrayList<>();
        DaemonClient.Outcome first = build(client, root, tmp.resolve("site"), lines);
        DaemonRegistry crashed = DaemonRegistry.read(registry()).orElseThrow();
        ProcessHandle old = ProcessHandle.of(first.pid()).orElseThrow();
        old.destroyForcibly(); // it crashed
        OrphanTest.await(() -> !OrphanTest.running(old), NOTICE, "the process to end");
        // Its pid and port taken since by programs that accept a connection and never answer.
        clientProcess = new ProcessBuilder("sleep", "600").start();
        try (ServerSocket stranger = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            new DaemonRegistry(stranger.getLocalPort(), crashed.token(), clientProcess.pid(), crashed.key())
                    .write(registry());
            DaemonClient.Outcome next = build(client, root, tmp.resolve("site"), lines);
            assertEquals(0, next.status(), lines.toString());
            assertNotEquals(clientProcess.pid(), next.pid());
            assertEquals(1, next.build(), "a new process");
        }
        assertTrue(clientProcess.isAlive(), "the other program is left alone");
    }

    /**
     * The first byte the process sends back for {@code bytes}, or -1 once it closed the connection: a process that
     * closes it as soon as it has read a wrong token may do so before the rest is sent ("Broken pipe") or read
     * ("Connection reset"). A process that neither answers nor closes fails by the socket's timeout.
     */
    private static int firstByteBack(Socket socket, byte[] bytes) throws java.io.IOException {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return socket.getInputStream().read();
        } catch (java.net.SocketException closed) { // not a SocketTimeoutException, which is no SocketException
            return -1;
        }
    }
}
