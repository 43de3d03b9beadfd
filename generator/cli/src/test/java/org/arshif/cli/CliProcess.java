package org.arshif.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The CLI as users start it: {@code java … org.arshif.cli.Main}, in a real JVM of its own with the environment a
 * test chooses. The second JVM, when the CLI starts one, is that JVM's child.
 */
final class CliProcess {
    /** Bounds a wait that would otherwise hang a broken build; never a timing assertion. */
    static final Duration LIMIT = Duration.ofSeconds(120);

    /** What a finished run printed, and its exit status. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout:\n" + out + "\n--- stderr:\n" + err;
        }
    }

    private CliProcess() {}

    /**
     * A process builder for the CLI with {@code jvmOptions} and {@code args}. The environment is this JVM's, minus
     * {@code ARSHIF_FORK}, and with {@code env} applied: a null value removes the variable.
     */
    static ProcessBuilder builder(List<String> jvmOptions, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // as in Surefire's JVM: the Nu checker on the class path brings log4j, which would warn on stderr
        cmd.add("-Dorg.freemarker.loggerLibrary=none");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove(JvmTuning.FORK_ENV);
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return pb;
    }

    /** Runs the CLI to its end (bounded by {@link #LIMIT}) and returns what it printed. */
    static Result run(List<String> jvmOptions, Map<String, String> env, String... args) {
        try {
            Process p = builder(jvmOptions, env, args).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("the CLI did not finish within " + LIMIT + ": " + String.join(" ", args));
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Reads a stream to its end on another thread, so that a full pipe never blocks the process. */
    static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (in) {
                        text.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        text.complete("(unreadable: " + e + ")");
                    }
                },
                "cli-output");
        reader.setDaemon(true);
        reader.start();
        return text;
    }

    /** A locale environment: every variable that could choose the charset removed, then {@code set} applied. */
    static Map<String, String> locale(String... set) {
        Map<String, String> env = new HashMap<>();
        for (String name : List.of("LANG", "LC_ALL", "LC_CTYPE", "LANGUAGE")) {
            env.put(name, null);
        }
        for (int i = 0; i < set.length; i += 2) {
            env.put(set[i], set[i + 1]);
        }
        return env;
    }
}
