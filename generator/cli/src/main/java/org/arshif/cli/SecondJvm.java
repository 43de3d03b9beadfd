package org.arshif.cli;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The two ends of the second JVM the CLI starts (see {@link JvmTuning}): the launcher waits for it and hands on its
 * exit status; the second JVM ends with its launcher.
 *
 * <p>A launcher killed with {@code kill -9} runs no shutdown hook, so it cannot stop the second JVM, which would
 * then go on to swap in a site after the caller saw the build fail, or keep serving the port. So the second JVM's
 * standard input is a pipe from the launcher that is never written to: the operating system closes it when the
 * launcher ends, however it ends, and the second JVM then halts at once, without committing anything.
 */
public final class SecondJvm {
    /** The status the second JVM halts with when its launcher is gone (nobody is left to read it). */
    static final int ORPHANED_STATUS = 2;

    private SecondJvm() {}

    /**
     * Runs {@code commandLine} with {@code environment} added to this JVM's, its output going to this JVM's, and
     * returns its exit status; null when it cannot be started.
     */
    static Integer run(List<String> commandLine, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(commandLine)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT); // standard input stays a pipe: see the class comment
        return run(builder, environment, null);
    }

    /**
     * Like {@link #run(List, Map)}, but hands each line the second JVM prints, on standard output or error in the
     * order it printed them, to {@code lines} (in UTF-8, the CLI's encoding): how the Maven goal logs them.
     */
    public static Integer run(List<String> commandLine, Map<String, String> environment, Consumer<String> lines) {
        return run(new ProcessBuilder(commandLine).redirectErrorStream(true), environment, lines);
    }

    private static Integer run(ProcessBuilder builder, Map<String, String> environment, Consumer<String> lines) {
        builder.environment().putAll(environment);
        Process child;
        try {
            child = builder.start();
        } catch (IOException e) {
            return null; // build in this JVM instead: slower, but the same site
        }
        // Ctrl-C reaches both JVMs; a plain kill of this one must not leave the build or the server running.
        Thread stop = new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(stop);
        if (lines != null) {
            pump(child.getInputStream(), lines);
        }
        while (true) {
            try {
                int status = child.waitFor();
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook then finds the child gone
                }
                return status;
            } catch (InterruptedException e) {
                // keep waiting: the child's status is this process's status
            }
        }
    }

    /** Reads {@code output} to its end in this thread, line by line: the child ends after its last line. */
    private static void pump(InputStream output, Consumer<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.accept(line);
            }
        } catch (IOException e) {
            // the child is gone; waitFor gives its status
        }
    }

    /**
     * In the second JVM: halts it, and whatever it started, as soon as the launcher's pipe closes. Returns what stops
     * the watch, to be closed before a normal exit: a thread blocked in a native read holds up the JVM's exit by
     * about 0.3 s (HotSpot waits for threads in native code to block), so the watch reads through a channel, whose
     * close wakes it.
     */
    static Closeable endWithLauncher(FileDescriptor fromLauncher, PrintStream err) {
        FileChannel pipe = new FileInputStream(fromLauncher).getChannel();
        Thread watch = new Thread(
                () -> {
                    ByteBuffer buffer = ByteBuffer.allocate(256);
                    try {
                        while (pipe.read(buffer.clear()) >= 0) {
                            // the launcher never writes; only the end of the stream matters
                        }
                    } catch (ClosedChannelException exiting) {
                        return; // closed by this JVM on its way out: the launcher is still there
                    } catch (IOException e) {
                        // a broken pipe means the same: the launcher is gone
                    }
                    err.println("arshif: the launching process ended, so this one stops without changing anything");
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                    // halt, not exit: shutdown hooks must not finish the build or swap the site in
                    Runtime.getRuntime().halt(ORPHANED_STATUS);
                },
                "arshif-launcher-watch");
        watch.setDaemon(true);
        watch.start();
        return pipe;
    }
}
