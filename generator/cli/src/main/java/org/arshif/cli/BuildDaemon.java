package org.arshif.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.management.JMException;
import javax.management.ObjectName;
import org.arshif.cli.DaemonProtocol.Exit;
import org.arshif.cli.DaemonProtocol.Frames;
import org.arshif.cli.DaemonProtocol.Request;

/**
 * The warm build process: a forked build JVM that stays after its build and takes the next one, as Gradle's daemon
 * and mvnd do, so that a rebuild does not pay a cold JVM (class loading, ~3,300 methods compiled) every time. Started
 * by {@link DaemonClient} as the hidden command {@code build-daemon --registry DIR --key KEY}; each request runs
 * through {@link Main#run}, the same path as a one-shot build, one at a time (a second client waits in the
 * socket's backlog).
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
    /** How long a connected client may take to send its token and request. */
    private static final int REQUEST_MILLIS = 10_000;

    private final Path folder;
    private final Duration idle;
    private final DaemonRegistry registry;
    private final ServerSocket server;
    private final PrintStream log;
    private int builds;
    private long cpuAtLastAnswer;

    private BuildDaemon(Path folder, String key, Duration idle, ServerSocket server, PrintStream log) {
        this.folder = folder;
        this.idle = idle;
        this.server = server;
        this.log = log;
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        this.registry = new DaemonRegistry(
                server.getLocalPort(),
                HexFormat.of().formatHex(token),
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
        server.setSoTimeout(CHECK_MILLIS);
        log.println("Serving builds on port " + server.getLocalPort() + " (pid " + registry.pid() + ")");
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
            Socket client;
            try {
                client = server.accept();
            } catch (SocketTimeoutException checkAgain) {
                continue;
            }
            boolean goOn = answer(client);
            lastBuild = System.nanoTime();
            if (!goOn) {
                registry.withdraw(folder);
                return Main.OK;
            }
        }
    }

    /** Answers one connection; false when the process should end. */
    private boolean answer(Socket client) {
        try (client) {
            client.setSoTimeout(REQUEST_MILLIS);
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            byte[] token = in.readNBytes(DaemonProtocol.TOKEN_LENGTH);
            if (!MessageDigest.isEqual(token, registry.token().getBytes(StandardCharsets.US_ASCII))) {
                log.println("Refused a connection without the token");
                return true; // closed, and nothing else said
            }
            byte kind = in.readByte();
            if (kind == DaemonProtocol.STOP) {
                log.println("Asked to stop");
                return false;
            } else if (kind != DaemonProtocol.BUILD) {
                return true;
            }
            Request request = Request.read(in);
            client.setSoTimeout(0);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            return build(request, client.getInputStream(), new Frames(out));
        } catch (IOException e) {
            log.println("A client's connection failed: " + e);
            return true;
        }
    }

    /** Runs one build for a client, as {@link Main#run} runs it; false after a system error. */
    private boolean build(Request request, InputStream fromClient, Frames frames) throws IOException {
        builds++;
        AtomicBoolean answered = new AtomicBoolean();
        haltIfClientLeaves(fromClient, answered, request.clientPid());
        frames.started(registry.pid(), builds);
        sizeHeapFor(request.args());
        resetPeakRss();
        int status;
        try (PrintStream out = new PrintStream(frames.lines(DaemonProtocol.OUT), true, StandardCharsets.UTF_8);
                PrintStream err = new PrintStream(frames.lines(DaemonProtocol.ERR), true, StandardCharsets.UTF_8)) {
            status = Main.run(request.args().toArray(String[]::new), out, err, request.env());
        }
        long cpu = cpuMillis();
        answered.set(true); // from here on, the site is committed: a client leaving changes nothing
        frames.exit(new Exit(status, builds, peakRssKb(), cpu - cpuAtLastAnswer));
        cpuAtLastAnswer = cpu;
        log.println("Build " + builds + " for pid " + request.clientPid() + " ended with status " + status);
        // An idle process should hold little: the old generation's pages go back (see releaseOldGeneration), and
        // the C heap gives back what the build's threads freed (glibc keeps it otherwise: ~30 MB at 10k).
        sizeHeapFor(List.of());
        releaseOldGeneration();
        trimNativeHeap();
        return status != Main.SYSTEM_ERROR;
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

    /**
     * The heap free ratios for this build, when the process was started with {@link JvmTuning}'s tight ones: those
     * keep a first build's peak memory low, but a rebuild decodes the whole model from the cache (about 200 MB that
     * outlive the load, 10,000 dispatches) into an old generation that a full collection shrank after the last
     * build, and under the tight ratios it grew in small steps, 3–4 full collections per one-edit rebuild. With the
     * JVM's own ratios (40–70 %) it needs none (measured: 3.0–3.3 s of CPU against 3.2–3.4 s, peak 430–450 MB
     * against 390–430 MB). A one-shot rebuild gets a 512 MB initial heap instead (see {@link JvmTuning}), which a
     * process kept for hours should not hold. Both are manageable flags, set for this build.
     */
    private static void sizeHeapFor(List<String> args) {
        if (!tuned()) {
            return; // the user chose them
        }
        boolean rebuild = !args.isEmpty() && JvmTuning.rebuild(args.subList(1, args.size()));
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // Max first when it grows, Min first when it shrinks: the JVM refuses Min above Max.
            if (rebuild) {
                hotSpot.setVMOption("MaxHeapFreeRatio", "70");
                hotSpot.setVMOption("MinHeapFreeRatio", "40");
            } else {
                hotSpot.setVMOption("MinHeapFreeRatio", "10");
                hotSpot.setVMOption("MaxHeapFreeRatio", "20");
            }
        } catch (RuntimeException notThisJvm) {
            // another JVM: the build runs with the ratios it started with
        }
    }

    /**
     * Collects, and gives the old generation's pages back to the system without shrinking it for the next build.
     * The parallel collector keeps every page of the old generation that a build ever touched, and its adaptive
     * size policy grows it build after build: a rebuild's peak crept from 422 to 466–485 MB over 20 edits, and the
     * idle process from 348 to 398–417 MB. With {@link JvmTuning#WARM_PROCESS}'s option, this collection follows
     * the tight ratios and uncommits all but what is live (~6 MB); a second one, under ratios that size it to what
     * the build left, commits it again, untouched. Shrunk only, the next rebuild spent a full collection (0.3–1 s
     * of CPU) growing it back.
     */
    private static void releaseOldGeneration() {
        Optional<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().equals("PS Old Gen"))
                .findFirst();
        // What the build needed, with room for the collector's padding of a young collection's promotion: under
        // that, a rebuild starts with a full collection to grow it (measured: at 109 of 133 MB).
        long peak = old.map(p -> p.getPeakUsage().getUsed()).orElse(0L);
        long sized = peak + peak / 2;
        System.gc();
        if (old.isEmpty() || !tuned() || !"true".equals(vmOption("UseAdaptiveSizePolicyWithSystemGC"))) {
            return;
        }
        old.get().resetPeakUsage();
        int ratio = ratioToSize(old.get().getUsage().getUsed(), sized);
        if (ratio <= 20) {
            return; // mostly live: the collection under the tight ratios sized it already
        }
        setRatios(ratio, ratio);
        System.gc();
        setRatios(10, 20);
    }

    /**
     * The heap free ratio that, as both bounds, sizes an old generation holding {@code live} bytes at most to
     * {@code size} after a full collection: size = live × 100 / (100 − r). The steps are coarse (~6 MB live: 150,
     * 200, 300 MB), and the smaller one is taken, since a larger old generation lets a rebuild fill more of it with
     * garbage before a full collection; 0 when there is nothing to size.
     */
    static int ratioToSize(long live, long size) {
        if (live <= 0 || size <= live) {
            return 0;
        }
        return (int) (100 - (100 * live + size - 1) / size);
    }

    /** Sets both heap free ratios, in the order the JVM accepts (it refuses Min above Max at every step). */
    private static void setRatios(int min, int max) {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        int currentMax =
                Integer.parseInt(hotSpot.getVMOption("MaxHeapFreeRatio").getValue());
        if (max >= currentMax) {
            hotSpot.setVMOption("MaxHeapFreeRatio", Integer.toString(max));
            hotSpot.setVMOption("MinHeapFreeRatio", Integer.toString(min));
        } else {
            hotSpot.setVMOption("MinHeapFreeRatio", Integer.toString(min));
            hotSpot.setVMOption("MaxHeapFreeRatio", Integer.toString(max));
        }
    }

    /** A HotSpot option's value, or null on another JVM. */
    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption(name)
                    .getValue();
        } catch (RuntimeException notThisJvm) {
            return null;
        }
    }

    /** Whether the process runs with {@link JvmTuning}'s tight ratios (else the user chose them, and they stay). */
    private static boolean tuned() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().containsAll(JvmTuning.TIGHT_OLD_GENERATION);
    }

    /** {@code jcmd PID System.trim_native_heap} on this process, where the JVM has it (Linux, JDK 17.0.9 on). */
    private static void trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "systemTrimNativeHeap",
                            new Object[] {null},
                            new String[] {String[].class.getName()});
        } catch (JMException | RuntimeException notThisJvm) {
            // the memory stays with the process, as it does in a JVM without the command
        }
    }

    /** Resets the process's peak RSS (Linux: {@code clear_refs}), so that each build reports its own peak. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException notLinux) {
            // the peak is then the process's, since it started
        }
    }

    private static long cpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(0L);
    }

    /** The process's peak resident memory in kB ({@code VmHWM}, Linux); 0 where it cannot be read. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // no figure rather than a wrong one
        }
        return 0;
    }
}
