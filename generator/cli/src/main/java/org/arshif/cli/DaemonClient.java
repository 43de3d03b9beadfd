package org.arshif.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.arshif.cli.DaemonProtocol.Exit;
import org.arshif.cli.DaemonProtocol.Request;

/**
 * The client of the warm build process ({@link BuildDaemon}): finds the live process of its identity key in the
 * registry folder, or starts one, and hands it a build. Used by the Maven goal (see {@code
 * org.arshif.maven.ForkedBuild}), which builds in a one-shot second JVM whenever this throws {@link Unavailable}.
 *
 * <p>The key is a hash of the java executable, the JVM options, every class-path entry's path, size and
 * modification time, and the locale's and git's variables: a process started for another plugin version or other options is
 * told to stop, and a new one started.
 */
public final class DaemonClient {
    /** How long a new process may take to write its registry; bounds a wait, it is not a timing assertion. */
    private static final long START_MILLIS = 30_000;
    /** After this long without its build started, the client says it waits for another build to finish. */
    private static final long WAIT_NOTICE_NANOS = 1_000_000_000L;
    /**
     * After this long without a frame (the process sends its heartbeat every second), the process hangs: the client
     * ends it and the build runs elsewhere. A stop-the-world pause of a 100,000-dispatch build is seconds, not this.
     */
    static final Duration SILENCE = Duration.ofSeconds(60);
    /** The variables that name the locale the process keeps from its start (see {@link #key}). */
    private static final Set<String> LOCALE_VARIABLES = Set.of("LC_ALL", "LC_CTYPE", "LANG");
    /** Starts the process so that it is not this JVM's child (see {@link #startChild}); absent on Windows. */
    private static final Path DETACHING_SHELL = Path.of("/bin/sh");

    private final Path folder;
    private final String key;
    private final List<String> startCommand;
    private final Duration silence;

    /** What happens on the client's side of a build, as it happens. */
    public interface Listener {
        /** The process took the build: its pid, the number of this build in it, whether this client started it. */
        void started(long pid, int build, boolean newProcess);

        /** The process is busy with another client's build. */
        void waiting();

        /** One line the CLI printed, on its standard error when {@code error}. */
        void line(boolean error, String line);
    }

    /** The outcome of a build in the warm process. */
    public record Outcome(int status, long pid, int build, long peakRssKb, long cpuMillis) {}

    /** The warm process could not be used; the caller builds as it would without it. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * A client of the process registered in {@code folder} (under the build's cache), which runs {@code java} with
     * {@code jvmOptions} and {@code classPath}, in an environment of this JVM's plus {@code environment}.
     */
    public DaemonClient(
            Path folder, String java, List<String> jvmOptions, List<String> classPath, Map<String, String> env) {
        this(folder, java, jvmOptions, classPath, env, SILENCE);
    }

    /** As the public constructor, with another limit on a silent process (tests). */
    DaemonClient(
            Path folder,
            String java,
            List<String> jvmOptions,
            List<String> classPath,
            Map<String, String> env,
            Duration silence) {
        this.silence = silence;
        this.folder = folder.toAbsolutePath();
        List<String> options = new ArrayList<>(jvmOptions);
        options.addAll(JvmTuning.warmProcessOptions(jvmOptions));
        this.key = key(java, options, classPath, env);
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(options);
        Map<String, String> environment = new TreeMap<>(System.getenv());
        environment.putAll(env);
        cmd.addAll(ClassDataArchive.startOptions(key, classPath, environment)); // not in the key: a faster start only
        cmd.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), Main.class.getName()));
        cmd.addAll(List.of(BuildDaemon.COMMAND, "--registry", this.folder.toString(), "--key", key));
        this.startCommand = List.copyOf(cmd);
    }

    /** The identity key of a process (see the class comment). */
    static String key(String java, List<String> jvmOptions, List<String> classPath, Map<String, String> env) {
        StringBuilder identity = new StringBuilder(java).append('\n');
        jvmOptions.forEach(o -> identity.append("option ").append(o).append('\n'));
        for (String entry : classPath) {
            Path path = Path.of(entry);
            String stat;
            try {
                stat = Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis();
            } catch (IOException | RuntimeException gone) {
                stat = "missing";
            }
            identity.append("class-path ")
                    .append(entry)
                    .append(' ')
                    .append(stat)
                    .append('\n');
        }
        // The process keeps the environment it started with: the locale names files, git's variables steer the
        // git that dates dispatches. Another value of any of them needs another process.
        TreeMap<String, String> variables = new TreeMap<>(System.getenv());
        variables.putAll(env);
        variables.forEach((name, value) -> {
            if (LOCALE_VARIABLES.contains(name) || name.startsWith("GIT_")) {
                identity.append(name).append('=').append(value).append('\n');
            }
        });
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Runs {@code build} with {@code cliArguments} (absolute paths) in the warm process, starting it if need be. */
    public Outcome build(List<String> cliArguments, Map<String, String> env, Listener listener) throws Unavailable {
        List<String> args = new ArrayList<>(List.of("build"));
        args.addAll(cliArguments);
        Request request = new Request(args, env, ProcessHandle.current().pid());
        try {
            // Twice at most: a process found in the registry may be ending just then (idle, or its cache deleted).
            for (int attempt = 1; ; attempt++) {
                Connection connection = connect();
                try (Socket socket = connection.socket()) {
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
                    out.writeByte(DaemonProtocol.BUILD);
                    request.write(out);
                    out.flush();
                    Optional<Outcome> outcome = answer(connection, listener);
                    if (outcome.isPresent()) {
                        return outcome.get();
                    } else if (connection.newProcess() || attempt == 2) {
                        throw new Unavailable("it closed the connection without taking the build");
                    }
                }
            }
        } catch (IOException e) {
            throw new Unavailable(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** A connection to the process {@code pid} that sent its token; {@code newProcess} when this client started it. */
    private record Connection(Socket socket, long pid, boolean newProcess) {}

    /**
     * The live process of this key, or a new one: under a lock in the registry folder, so that two builds
     * starting at once start one process.
     */
    private Connection connect() throws IOException, Unavailable {
        Files.createDirectories(folder);
        try (FileChannel channel = FileChannel.open(
                        folder.resolve("start.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            Optional<DaemonRegistry> known = DaemonRegistry.read(folder).filter(r -> isBuildProcess(r.pid()));
            if (known.isPresent() && known.get().key().equals(key)) {
                Optional<Socket> socket = open(known.get());
                if (socket.isPresent()) {
                    return new Connection(socket.get(), known.get().pid(), false);
                }
            } else if (known.isPresent()) {
                stop(known.get());
            }
            DaemonRegistry started = start();
            Socket socket = open(started).orElseThrow(() -> new Unavailable("cannot connect to it"));
            return new Connection(socket, started.pid(), true);
        }
    }

    /** Starts a process and waits for it to register; its output goes to {@code daemon.log} beside the registry. */
    private DaemonRegistry start() throws IOException, Unavailable {
        ProcessHandle process = Files.isExecutable(DETACHING_SHELL) ? startDetached() : startChild();
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            Optional<DaemonRegistry> registry = DaemonRegistry.read(folder).filter(r -> r.pid() == process.pid());
            if (registry.isPresent()) {
                return registry.get();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new Unavailable(
                process.isAlive()
                        ? "it did not register in time"
                        : "it ended at its start, see " + folder.resolve("daemon.log"));
    }

    /**
     * Starts the process as a child of this JVM. This JVM then keeps a thread waiting for it in native code, which
     * holds up this JVM's exit by about 0.3 s (HotSpot waits for such threads to block), Maven's at the end of
     * every build that starts a process: so only where there is no shell to start it with.
     */
    private ProcessHandle startChild() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(startCommand);
        JvmTuning.WARM_PROCESS_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        Process process = builder.directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("daemon.log").toFile()))
                .start();
        process.getOutputStream().close(); // it reads no input, and must not hold this JVM's streams
        return process.toHandle();
    }

    /** Starts the process in the background of a shell that ends at once, and prints the process's pid. */
    private ProcessHandle startDetached() throws IOException, Unavailable {
        List<String> command = new ArrayList<>(
                List.of(DETACHING_SHELL.toString(), "-c", "\"$@\" </dev/null >>daemon.log 2>&1 & echo $!", "sh"));
        command.addAll(startCommand);
        ProcessBuilder builder = new ProcessBuilder(command);
        JvmTuning.WARM_PROCESS_ENVIRONMENT.forEach(builder.environment()::putIfAbsent);
        Process shell =
                builder.directory(folder.toFile()).redirectErrorStream(true).start();
        shell.getOutputStream().close();
        String printed = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        try {
            shell.waitFor();
            return ProcessHandle.of(Long.parseLong(printed))
                    .orElseThrow(() -> new Unavailable("it ended at its start, see " + folder.resolve("daemon.log")));
        } catch (NumberFormatException e) {
            throw new Unavailable("the shell that starts it said: " + printed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while it started");
        }
    }

    /** Tells a process of another key to stop; ends it by pid when it does not listen. */
    private static void stop(DaemonRegistry old) {
        Optional<Socket> socket = open(old);
        if (socket.isPresent()) {
            try (Socket s = socket.get()) {
                s.getOutputStream().write(DaemonProtocol.STOP);
                s.getOutputStream().flush();
            } catch (IOException e) {
                // it also ends when it sees the registry name another process
            }
        } else if (isBuildProcess(old.pid())) {
            ProcessHandle.of(old.pid()).ifPresent(ProcessHandle::destroy);
        }
    }

    /** A connection to {@code registry}'s process that sent the token; empty when it does not answer. */
    private static Optional<Socket> open(DaemonRegistry registry) {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), registry.port()), 5000);
            socket.getOutputStream().write(registry.token().getBytes(StandardCharsets.US_ASCII));
            return Optional.of(socket);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to free
            }
            return Optional.empty();
        }
    }

    /**
     * Whether {@code pid} is a live warm build process: a registry left by a process that crashed may name a pid
     * that the system gave to another program since (where the command line cannot be read, a live pid is taken).
     */
    private static boolean isBuildProcess(long pid) {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains(BuildDaemon.COMMAND))
                        .orElse(true))
                .orElse(false);
    }

    /** Reads the process's frames to the end of the build; empty when it closed the connection before taking it. */
    private Optional<Outcome> answer(Connection connection, Listener listener) throws IOException, Unavailable {
        Socket socket = connection.socket();
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        socket.setSoTimeout((int) silence.toMillis());
        try {
            int kind;
            try {
                kind = awaitStart(in, listener);
            } catch (SocketTimeoutException silent) {
                throw silent;
            } catch (IOException reset) {
                return Optional.empty(); // the process ended just then (its socket reset): as an end of stream
            }
            if (kind < 0) {
                return Optional.empty();
            }
            if (kind != DaemonProtocol.STARTED) {
                throw new Unavailable("it answered out of turn");
            }
            long pid = in.readLong();
            listener.started(pid, in.readInt(), connection.newProcess());
            return Optional.of(build(in, pid, listener));
        } catch (SocketTimeoutException silent) {
            if (isBuildProcess(connection.pid())) {
                ProcessHandle.of(connection.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
            throw new Unavailable("the build process (pid " + connection.pid() + ") said nothing for "
                    + silence.toSeconds() + " s, so it was ended");
        }
    }

    /** The first frame that is not the heartbeat (-1 at the end of the stream), saying meanwhile that it waits. */
    private static int awaitStart(DataInputStream in, Listener listener) throws IOException {
        long asked = System.nanoTime();
        boolean said = false;
        int kind;
        while ((kind = in.read()) == DaemonProtocol.HEARTBEAT) {
            if (!said && System.nanoTime() - asked >= WAIT_NOTICE_NANOS) {
                listener.waiting();
                said = true;
            }
        }
        return kind;
    }

    /** The build's lines, up to its outcome. */
    private static Outcome build(DataInputStream in, long pid, Listener listener) throws IOException, Unavailable {
        try {
            while (true) {
                int kind = in.readByte();
                if (kind == DaemonProtocol.EXIT) {
                    Exit exit = new Exit(in.readInt(), in.readInt(), in.readLong(), in.readLong());
                    return new Outcome(exit.status(), pid, exit.build(), exit.peakRssKb(), exit.cpuMillis());
                } else if (kind != DaemonProtocol.HEARTBEAT) {
                    listener.line(kind == DaemonProtocol.ERR, DaemonProtocol.readString(in));
                }
            }
        } catch (EOFException e) {
            throw new Unavailable("the build process (pid " + pid + ") ended during the build");
        }
    }
}
