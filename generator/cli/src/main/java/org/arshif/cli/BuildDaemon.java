package org.arshif.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.arshif.cli.DaemonProtocol.Exit;
import org.arshif.cli.DaemonProtocol.Frames;
import org.arshif.cli.DaemonProtocol.Request;
import org.arshif.incremental.KeptDispatches;

/**
 * The warm build process: a forked build JVM that stays after its build and takes the next one, as Gradle's daemon
 * and mvnd do, so that a rebuild does not pay a cold JVM (class loading, ~3,300 methods compiled) every time. Started
 * by {@link DaemonClient} as the hidden command {@code build-daemon --registry DIR --key KEY}; each request runs
 * through {@link Main#run}, the same path as a one-shot build, one at a time (a second client waits in a queue,
 * hearing the protocol's heartbeat).
 *
 * <p>It ends when its registry file (see {@link DaemonRegistry}) is gone or names another process (a {@code mvn
 * clean}, or a client of another key that replaced it), after {@link #DEFAULT_IDLE} without a build, after a build
 * that ended in a system error (it may have been an {@link Error} of the JVM), and when asked to. A client that goes
 * away during its build (Maven killed) halts it at once, as a one-shot fork halts when its launcher dies: nothing is
 * committed after the caller stopped waiting, and the next build starts a new process.
 */
final class BuildDaemon {
    static final String COMMAND = "build-daemon";
    static final Duration DEFAULT_IDLE = Duration.ofMinutes(20);
    /** How often the registry file and the idle time are checked. */
    private static final int CHECK_MILLIS = 1000;
    /** How long after its answer a fill waits, at least, before its first write (see stillOursAfterGrace). */
    static final Duration FILL_GRACE = Duration.ofMillis(500);
    /** A system property for tests only: see {@link #pauseBeforeFill}. */
    static final String PAUSE_BEFORE_FILL = "arshif.daemon.pauseBeforeFillMillis";
    /** How long a connected client may take to send its token and request. */
    private static final int REQUEST_MILLIS = 10_000;

    private final Path folder;
    private final Duration idle;
    private final DaemonRegistry registry;
    private final ServerSocket server;
    private final PrintStream log;
    /** Connections that sent the token, in the order they came; one build at a time is taken from here. */
    private final BlockingQueue<Accepted> queue = new LinkedBlockingQueue<>();
    /** The connections that hear the heartbeat: queued, and the one building. */
    private final Set<Frames> listening = ConcurrentHashMap.newKeySet();

    private int builds;
    private long cpuAtLastAnswer;
    /** When the last build that answered before its cache fill answered, and ended that fill (nanoTime); 0: none. */
    private long fillStartedAt;

    private long fillEndedAt;
    /** What this process's builds keep decoded for the next (an archive's dispatches: see KeptDispatches). */
    private final KeptDispatches kept = new KeptDispatches();
    /** For tests only: where the fill waits, read once at the start (see {@link FillHold}). */
    private final FillHold hold = FillHold.fromProperty();

    private BuildDaemon(Path folder, String key, Duration idle, ServerSocket server, PrintStream log) {
        this.folder = folder;
        this.idle = idle;
        this.server = server;
        this.log = log;
        this.registry = new DaemonRegistry(
                server.getLocalPort(),
                DaemonRegistry.newToken(),
                ProcessHandle.current().pid(),
                key);
    }

    /** {@code build-daemon --registry DIR --key KEY [--idle-seconds N]}: serves builds until it should end. */
    static int serve(String[] args, PrintStream log) {
        Path folder = null;
        String key = null;
        Duration idle = DEFAULT_IDLE;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--registry" -> folder = Path.of(args[i + 1]).toAbsolutePath();
                case "--key" -> key = args[i + 1];
                case "--idle-seconds" -> idle = Duration.ofSeconds(Long.parseLong(args[i + 1]));
                default -> {
                    log.println("arshif: unknown option of " + COMMAND + ": " + args[i]);
                    return Main.SYSTEM_ERROR;
                }
            }
        }
        if (folder == null || key == null) {
            log.println("arshif: " + COMMAND + " needs --registry DIR and --key KEY");
            return Main.SYSTEM_ERROR;
        }
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            BuildDaemon daemon = new BuildDaemon(folder, key, idle, server, log);
            daemon.registry.write(folder);
            return daemon.loop();
        } catch (IOException e) {
            log.println("arshif: the build process cannot start: " + e);
            return Main.SYSTEM_ERROR;
        }
    }

    private int loop() throws IOException {
        log.println("Serving builds on port " + server.getLocalPort() + " (pid " + registry.pid() + ")");
        startDaemonThread(this::acceptAll, "arshif-accept");
        startDaemonThread(this::beatAll, "arshif-heartbeat");
        try {
            long lastBuild = System.nanoTime();
            while (true) {
                if (!registry.stillIn(folder)) {
                    log.println("The registry " + folder.resolve(DaemonRegistry.FILE) + " is gone or names another"
                            + " process: stopping");
                    return Main.OK;
                }
                if (System.nanoTime() - lastBuild > idle.toNanos()) {
                    log.println("No build for " + idle.toMinutes() + " minutes: stopping");
                    registry.withdraw(folder);
                    return Main.OK;
                }
                Accepted client = queue.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (client == null) {
                    continue;
                }
                boolean goOn = answer(client);
                lastBuild = System.nanoTime();
                if (!goOn) {
                    registry.withdraw(folder);
                    return Main.OK;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            registry.withdraw(folder);
            return Main.OK;
        } finally {
            // Clients still queued see the connection end before their build started, and try again.
            for (Accepted client = queue.poll(); client != null; client = queue.poll()) {
                closeQuietly(client.socket());
            }
        }
    }

    /** A connection that sent the token, queued for its turn, hearing the heartbeat meanwhile, since {@code at}. */
    private record Accepted(Socket socket, Frames frames, long at) {}

    /**
     * Accepts every connection at once, so that a client waiting for another build hears the heartbeat rather than
     * silence from the socket's backlog; a connection without the token is closed without a word.
     */
    private void acceptAll() {
        while (!server.isClosed()) {
            Socket client = null;
            try {
                client = server.accept();
                client.setSoTimeout(REQUEST_MILLIS);
                byte[] token = client.getInputStream().readNBytes(DaemonProtocol.TOKEN_LENGTH);
                if (!MessageDigest.isEqual(token, registry.token().getBytes(StandardCharsets.US_ASCII))) {
                    log.println("Refused a connection without the token");
                    client.close();
                    continue;
                }
                Frames frames = new Frames(new DataOutputStream(new BufferedOutputStream(client.getOutputStream())));
                listening.add(frames);
                queue.add(new Accepted(client, frames, System.nanoTime()));
            } catch (IOException e) {
                closeQuietly(client); // a client that failed to send its token; or the server closed at the end
            }
        }
    }

    /** Sends every connected client the heartbeat, until the process ends. */
    private void beatAll() {
        while (true) {
            try {
                Thread.sleep(DaemonProtocol.HEARTBEAT_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            listening.removeIf(frames -> !frames.beat());
        }
    }

    private static void startDaemonThread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to free
            }
        }
    }

    /** Answers one connection; false when the process should end. */
    private boolean answer(Accepted client) {
        try (Socket socket = client.socket()) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            byte kind = in.readByte();
            if (kind == DaemonProtocol.STOP) {
                log.println("Asked to stop");
                return false;
            } else if (kind != DaemonProtocol.BUILD) {
                return true;
            }
            Request request = Request.read(in);
            socket.setSoTimeout(0);
            return build(request, socket.getInputStream(), client.frames(), client.at());
        } catch (IOException e) {
            log.println("A client's connection failed: " + e);
            return true;
        } finally {
            listening.remove(client.frames());
        }
    }

    /**
     * Runs one build for a client, as {@link Main#run} runs it; false after a system error. A first build answers
     * as soon as its site is in place, and fills the cache after (see {@link #answer}); the next client waits.
     */
    private boolean build(Request request, InputStream fromClient, Frames frames, long arrived) throws IOException {
        builds++;
        AtomicBoolean answered = new AtomicBoolean();
        haltIfClientLeaves(fromClient, answered, request.clientPid());
        frames.started(registry.pid(), builds);
        sayWaitedForFill(frames, arrived);
        DaemonMemory.sizeHeapFor(request.args());
        DaemonMemory.resetPeakRss();
        frames.afterExit(line -> log.println("Build " + builds + ", after its answer: " + line));
        int status;
        long[] answeredAt = {0};
        try (OldGenerationFloor floor = DaemonMemory.floorFor(request.args());
                PrintStream out = new PrintStream(frames.lines(DaemonProtocol.OUT), true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(frames.lines(DaemonProtocol.ERR), true, StandardCharsets.UTF_8)) {
            Runnable early = () -> {
                answer(frames, answered, Main.OK, request);
                answeredAt[0] = System.nanoTime();
                pauseBeforeFill();
            };
            status = Main.run(
                    request.args().toArray(String[]::new),
                    out,
                    err,
                    request.env(),
                    kept,
                    new Main.WarmAnswer(early, step -> {
                        hold.at(step, log);
                        return stillOursAfterGrace(answeredAt[0]);
                    }));
        }
        if (!answered.get()) {
            answer(frames, answered, status, request);
        } else {
            fillStartedAt = answeredAt[0];
            fillEndedAt = System.nanoTime();
            long cpu = DaemonMemory.cpuMillis();
            // The fill's own line: bench/run reads its seconds, and the next build's CPU leaves them out.
            log.println("Build " + builds + ": filled the cache after its answer in "
                    + (fillEndedAt - answeredAt[0]) / 1_000_000 + " ms (" + (cpu - cpuAtLastAnswer)
                    + " ms CPU; peak RSS " + DaemonMemory.peakRssKb() + " kB); status " + status);
            cpuAtLastAnswer = cpu;
        }
        // A new pack (a first build's) decoded now, between builds, so that the next build need not.
        int filled = kept.fill();
        if (filled > 0) {
            log.println("Kept " + filled + " dispatches decoded for the next build");
        }
        ClassDataArchive.writeIfAsked(log); // once, idle, in the first process of its key: see ClassDataArchive
        // An idle process should hold little: the old generation's pages go back (see releaseOldGeneration), and
        // the C heap gives back what the build's threads freed (glibc keeps it otherwise: ~30 MB at 10k).
        DaemonMemory.sizeHeapFor(List.of());
        DaemonMemory.releaseOldGeneration();
        DaemonMemory.trimNativeHeap();
        return status != Main.SYSTEM_ERROR;
    }

    /**
     * Sends the client its exit frame (its build's status, peak RSS and this process's CPU since the last answer);
     * from then on the client may leave without stopping anything. A client already gone is only logged: the site
     * is in place either way.
     */
    private void answer(Frames frames, AtomicBoolean answered, int status, Request request) {
        long cpu = DaemonMemory.cpuMillis();
        answered.set(true); // from here on, the site is committed: a client leaving changes nothing
        try {
            frames.exit(new Exit(status, builds, DaemonMemory.peakRssKb(), cpu - cpuAtLastAnswer));
        } catch (IOException e) {
            log.println(
                    "Build " + builds + ": the client (pid " + request.clientPid() + ") left before its answer: " + e);
        }
        cpuAtLastAnswer = cpu;
        log.println("Build " + builds + " for pid " + request.clientPid() + " ended with status " + status);
    }

    /**
     * Whether the cache is still this process's, asked by a fill at each of its steps: the first time not before
     * {@link #FILL_GRACE} has passed since the answer, so that a clean that follows at once (a tool in a running JVM:
     * mvnd, an IDE) has deleted the registry by then, and the fill is abandoned before it has written anything (a
     * later clean cannot race it either: it writes only files made before its answer, see {@code CacheFill}).
     */
    private boolean stillOursAfterGrace(long answeredAt) {
        long left = FILL_GRACE.toNanos() - (System.nanoTime() - answeredAt);
        if (left > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return registry.stillIn(folder);
    }

    /**
     * For the tests that kill this process during a cache fill: {@code -D}{@value #PAUSE_BEFORE_FILL} holds the fill
     * that long after the answer, so that the kill falls inside it. Unset (always, outside those tests): no pause.
     */
    private void pauseBeforeFill() {
        long millis = Long.getLong(PAUSE_BEFORE_FILL, 0);
        if (millis > 0) {
            log.println("Pausing " + millis + " ms before the cache fill (" + PAUSE_BEFORE_FILL + ")");
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Tells a client that came while the last build filled its cache how long it waited for that fill. */
    private void sayWaitedForFill(Frames frames, long arrived) throws IOException {
        long waited = fillEndedAt - Math.max(arrived, fillStartedAt);
        if (fillEndedAt != 0 && waited >= 100_000_000L) {
            frames.line(
                    DaemonProtocol.OUT,
                    String.format(
                            Locale.ROOT,
                            "Waited %.1f s for the warm build process to finish filling the cache of its last build",
                            waited / 1e9));
        }
    }

    /**
     * Halts this process, and whatever it started, as soon as the client's connection ends before its answer: the
     * client never writes after its request, so only the end of the stream matters (see {@link SecondJvm}).
     */
    private void haltIfClientLeaves(InputStream fromClient, AtomicBoolean answered, long clientPid) {
        Thread watch = new Thread(
                () -> {
                    try {
                        while (fromClient.read() >= 0) {
                            // nothing is expected; only the end of the stream matters
                        }
                    } catch (IOException e) {
                        // a reset connection means the same: the client is gone
                    }
                    if (!answered.get()) {
                        log.println("arshif: the client (pid " + clientPid + ") went away during its build, so this"
                                + " process stops without changing anything");
                        registry.withdraw(folder);
                        ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                        Runtime.getRuntime().halt(SecondJvm.ORPHANED_STATUS);
                    }
                },
                "arshif-client-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
