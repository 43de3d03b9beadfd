package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the CLI's launcher JVM, for real: the second JVM it started must end with it, without
 * swapping in a site the caller already saw fail, and without keeping the preview's port.
 */
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "kill -9 and /proc")
class OrphanTest {
    /** How long the second JVM may take to notice; bounds a wait, it is not a timing assertion. */
    private static final Duration NOTICE = Duration.ofSeconds(15);

    @TempDir
    Path tmp;

    private Process launcher;
    private ProcessHandle child;

    @AfterEach
    void killLeftovers() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (launcher != null) {
            launcher.destroyForcibly();
        }
    }

    @Test
    void aBuildEndsWithItsKilledLauncherAndTheSiteIsNotSwappedIn() throws Exception {
        Path root = archive(tmp.resolve("src"), 1500);
        Path out = tmp.resolve("site");
        Path log = tmp.resolve("log.txt");
        launcher = CliProcess.builder(
                        List.of(), Map.of(), "build", "--source", root.toString(), "--output", out.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        child = awaitChild();
        // Well into loading 3,000 dispatches, and far from writing the site.
        await(() -> cpuMillis(child) >= 1500 || !running(child), Duration.ofSeconds(120), "the build to get going");
        assertTrue(running(child), "the build was still running when its launcher was killed");

        launcher.destroyForcibly(); // SIGKILL: the launcher runs no shutdown hook
        assertEquals(137, launcher.waitFor(), "killed by SIGKILL");
        await(() -> !running(child), NOTICE, "the build to end with its launcher");
        assertFalse(Files.exists(out), "the build never swapped a site in");
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(
                printed.contains(
                        "arshif: the launching process ended, so this one stops without changing" + " anything"),
                printed);
        assertFalse(printed.contains("Built "), printed);
    }

    @Test
    void aPreviewServerEndsWithItsKilledLauncherAndFreesItsPort() throws Exception {
        Path root = archive(tmp.resolve("src"), 3);
        Path log = tmp.resolve("log.txt");
        launcher = CliProcess.builder(List.of(), Map.of(), "serve", "--source", root.toString(), "--port", "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        child = awaitChild();
        Pattern serving = Pattern.compile("Serving .* at http://127\\.0\\.0\\.1:(\\d+)/");
        int[] port = new int[1];
        await(
                () -> {
                    Matcher m = serving.matcher(read(log));
                    if (m.find()) {
                        port[0] = Integer.parseInt(m.group(1));
                    }
                    return port[0] != 0 || !launcher.isAlive();
                },
                Duration.ofSeconds(120),
                "the preview to serve");
        assertTrue(port[0] != 0, read(log));
        assertFalse(bindable(port[0]), "the preview holds its port");

        launcher.destroyForcibly();
        launcher.waitFor();
        await(() -> !running(child), NOTICE, "the preview to end with its launcher");
        await(() -> bindable(port[0]), NOTICE, "the port to be free");
    }

    /** The launcher's only child: the second JVM, tuned for the command. */
    private ProcessHandle awaitChild() throws InterruptedException {
        ProcessHandle[] found = new ProcessHandle[1];
        await(
                () -> {
                    found[0] = launcher.toHandle().children().findFirst().orElse(null);
                    return found[0] != null || !launcher.isAlive();
                },
                Duration.ofSeconds(60),
                "the second JVM to start");
        assertTrue(found[0] != null, "the launcher started a second JVM");
        return found[0];
    }

    /** Alive and not a zombie waiting to be reaped by whoever adopted it (Java counts zombies as alive). */
    static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException gone) {
            return false;
        }
    }

    static long cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for {@code condition}, polling; fails the test, naming {@code what}, after {@code limit}. */
    static void await(BooleanSupplier condition, Duration limit, String what) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + limit.toSeconds() + " s for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** {@code perLanguage} dispatches in each language, a few paragraphs each, with Arabic file names. */
    static Path archive(Path root, int perLanguage) throws IOException {
        for (int i = 0; i < perLanguage; i++) {
            String day = String.format("2017-%02d-%02d", 1 + i % 12, 1 + i % 28);
            Files.createDirectories(root.resolve("content/ar"));
            Files.createDirectories(root.resolve("content/en"));
            Files.writeString(
                    root.resolve("content/ar/" + day + "-خبر-" + i + ".md"),
                    "---\ntitle: خبر رقم " + i
                            + "\ntranslationKey: k" + i + "\ntags: [سياسة, اقتصاد]\n---\n\n"
                            + "التقى الوزير نظيره في دمشق وبحثا العلاقات الثنائية. ".repeat(20) + "\n\n"
                            + "وأكد الجانبان أهمية التعاون في مجالات الطاقة والنقل. ".repeat(20) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(
                    root.resolve("content/en/" + day + "-news-" + i + ".md"),
                    "---\ntitle: News number "
                            + i + "\ntranslationKey: k" + i + "\ntags: [politics, economy]\n---\n\n"
                            + "The minister met his counterpart in Damascus to discuss relations. ".repeat(20) + "\n\n"
                            + "Both sides stressed cooperation in energy and transport. ".repeat(20) + "\n",
                    StandardCharsets.UTF_8);
        }
        return root;
    }
}
