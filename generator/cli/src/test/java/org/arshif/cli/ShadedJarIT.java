package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar users download, {@code target/arshif-cli-<version>.jar}, after package: {@code java -jar} runs it alone
 * (the core and its libraries are inside) and it says the version the POM gave it.
 */
class ShadedJarIT {
    private static final Path JAR = Path.of(System.getProperty("arshif.cliJar", "target/arshif-cli.jar"));

    @TempDir
    Path tmp;

    @Test
    void javaDashJarPrintsTheProjectVersion() throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR + " is built by package");
        String out = javaJar("--version");
        assertEquals("arshif " + System.getProperty("arshif.version") + "\n", out);
    }

    @Test
    void javaDashJarBuildsASiteWithTheBundledTheme() throws Exception {
        Path root = tmp.resolve("archive");
        Files.createDirectories(root.resolve("content/en"));
        Files.writeString(
                root.resolve("content/en/2017-05-01-ok.md"),
                "---\ntitle: A good dispatch\n---\n\nText.\n",
                StandardCharsets.UTF_8);
        javaJar(
                "build",
                "--source",
                root.toString(),
                "--output",
                tmp.resolve("site").toString());
        assertTrue(Files.isRegularFile(tmp.resolve("site/en/2017/05/ok/index.html")), "the dispatch's page");
    }

    /** Runs {@code java -jar JAR arguments…} alone (no test class path) and returns its standard output. */
    private String javaJar(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(arguments));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        ProcessBuilder pb =
                new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("ARSHIF_FORK", "0");
        Process p = pb.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "java -jar ended within two minutes");
        assertEquals(0, p.exitValue(), () -> "exit status; stderr:\n" + read(err));
        return read(out);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
