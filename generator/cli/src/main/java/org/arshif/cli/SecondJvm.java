package org.arshif.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * The two ends of the second JVM the CLI starts (see {@link JvmTuning}): the launcher waits for it and hands on its
 * exit status; the second JVM ends with its launcher.
 *
 * <p>A launcher killed with {@code kill -9} runs no shutdown hook, so it cannot stop the second JVM, which would
 * then go on to swap in a site after the caller saw the build fail, or keep serving the port. So the second JVM's
 * standard input is a pipe from the launcher that is never written to: the operating system closes it when the
 * launcher ends, however it ends, and the second JVM then halts at once, without committing anything.
 */
final class SecondJvm {
    /** The status the second JVM halts with when its launcher is gone (nobody is left to read it). */
    static final int ORPHANED_STATUS = 2;

    private SecondJvm() {
    }

    /**
     * Runs {@code commandLine} with {@code environment} added to this JVM's, and returns its exit status; null
     * when it cannot be started.
     */
    static Integer run(List<String> commandLine, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(commandLine)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT); // standard input stays a pipe: see the class comment
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

    /** In the second JVM: halts it, and whatever it started, as soon as the launcher's pipe closes. */
    static void endWithLauncher(InputStream fromLauncher, PrintStream err) {
        Thread watch = new Thread(() -> {
            byte[] buffer = new byte[256];
            try {
                while (fromLauncher.read(buffer) >= 0) {
                    // the launcher never writes; only the end of the stream matters
                }
            } catch (IOException e) {
                // a broken pipe means the same: the launcher is gone
            }
            err.println("arshif: the launching process ended, so this one stops without changing anything");
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            // halt, not exit: shutdown hooks must not finish the build or swap the site in
            Runtime.getRuntime().halt(ORPHANED_STATUS);
        }, "arshif-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
