package org.arshif.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line ({@code org.arshif.cli.Main}) in a real JVM of its own, with this test's class path, in one
 * JVM (no tuned second one), for faults that need a process: a small heap, a user who cannot read a file.
 */
public final class CliJvm {
    /** How a run ended: exit status and everything it printed, standard output and error together. */
    public record Result(int status, String output) {}

    private CliJvm() {}

    /**
     * Runs {@code prefix… java jvmOptions… org.arshif.cli.Main arguments…}; {@code prefix} is a command that
     * starts the JVM (such as {@code setpriv …}), or empty. Fails after {@code timeoutSeconds}.
     */
    public static Result run(List<String> prefix, List<String> jvmOptions, long timeoutSeconds, String... arguments) {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.arshif.cli.Main"));
        command.addAll(List.of(arguments));
        Path log = null;
        try {
            // To a file, so that a JVM that hangs cannot hang the read of its output.
            log = Files.createTempFile("arshif-cli", ".log");
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("ARSHIF_FORK", "0");
            Process p = pb.start();
            p.getOutputStream().close();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("the JVM did not end within " + timeoutSeconds + " s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }
}
