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
 * The command line in a real JVM of its own, {@code java -cp <test class path> org.arshif.cli.Main …}, in one
 * JVM (ARSHIF_FORK=0) so that a kill reaches the build itself. Output goes to files, so that a killed process
 * cannot block on a full pipe.
 */
public final class CliProcess {
    private final Process process;
    private final Path out;
    private final Path err;

    private CliProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** What a finished run printed, and its exit status. */
    public record Result(int exit, String out, String err) {
        /** Both streams, for assertion messages. */
        public String all() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** The command that runs Arshif's CLI with {@code args}, after {@code prefix} (e.g. {@code unshare …}). */
    public static List<String> command(List<String> prefix, String... args) {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8",
                "-cp",
                System.getProperty("java.class.path"),
                "org.arshif.cli.Main"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts the CLI with {@code args}; {@code logs} is a folder for its output files. */
    public static CliProcess start(Path logs, String... args) {
        return start(logs, command(List.of(), args));
    }

    /** Starts {@code command} (see {@link #command}). */
    public static CliProcess start(Path logs, List<String> command) {
        try {
            Files.createDirectories(logs);
            Path out = Files.createTempFile(logs, "out", ".txt");
            Path err = Files.createTempFile(logs, "err", ".txt");
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("ARSHIF_FORK", "0");
            pb.environment().put("LANG", "C.UTF-8");
            return new CliProcess(pb.start(), out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the CLI with {@code args} to its end (at most two minutes). */
    public static Result run(Path logs, String... args) {
        return start(logs, args).await();
    }

    public Process process() {
        return process;
    }

    /** Waits for the end (at most two minutes, then kills it) and returns what it printed. */
    public Result await() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("the command did not end within two minutes: " + process.info());
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError(e);
        }
    }

    /** Standard output so far. */
    public String outSoFar() {
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
