package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.arshif.testing.CliJvm;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and folders the build cannot read: each is one finding line with its path, all in one run, and no stack
 * trace. Checked with a real {@code chmod 000} and a real process: root reads any file, so as root the check runs
 * without the two capabilities that let it (via {@code setpriv}), which is how an ordinary user meets these files.
 */
class UnreadableInputTest {
    private static final String DENIED = "permission denied; make it readable by the user that runs the build";

    @TempDir
    Path tmp;

    @Test
    void unreadableFilesAndFoldersAreOneFindingEach() throws IOException {
        List<String> asAUserWhoCannotRead = userWhoCannotRead();
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-ok.md"), "---\ntitle: A good dispatch\n---\n\nText.\n");
        Path file = Trees.write(root.resolve("content/en/2017-05-02-locked.md"), "---\ntitle: Locked\n---\n\nText.\n");
        Path folder = Trees.write(root.resolve("content/ar/locked/2017-05-03-x.md"), "---\ntitle: x\n---\n\nx\n")
                .getParent();
        Path style = Trees.write(root.resolve("templates/static/locked.css"), "body {}\n");
        Path template = Trees.write(root.resolve("templates/robots.ftl"), "Sitemap: ${sitemap}\n");
        List<Path> locked = List.of(file, folder, style, template);
        CliJvm.Result check;
        try {
            lock(locked);
            check = CliJvm.run(asAUserWhoCannotRead, List.of(), 120, "check", "--source", root.toString());
        } finally {
            unlock(locked); // so that the temporary folder can be deleted by any user
        }
        List<String> errors =
                check.output().lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(
                List.of(
                        "content/ar/locked: error: cannot read the folder: " + DENIED,
                        "content/en/2017-05-02-locked.md: error: cannot read the file: " + DENIED,
                        "templates/robots.ftl: error: cannot read the file: " + DENIED,
                        "templates/static/locked.css: error: cannot read the file: " + DENIED),
                errors,
                check.output());
        assertEquals(1, check.status(), check.output());
        assertFalse(check.output().contains("Exception") || check.output().contains("\tat "), check.output());
    }

    @Test
    void anUnreadableTemplateInAnIncrementalBuild() throws IOException {
        // The page cache hashes the templates before anything renders: that read gave a stack trace.
        List<String> asAUserWhoCannotRead = userWhoCannotRead();
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/2017-05-01-ok.md"), "---\ntitle: A good dispatch\n---\n\nText.\n");
        Path template = Trees.write(root.resolve("templates/robots.ftl"), "Sitemap: ${sitemap}\n");
        CliJvm.Result build;
        try {
            lock(List.of(template));
            build = CliJvm.run(
                    asAUserWhoCannotRead,
                    List.of(),
                    120,
                    "build",
                    "--source",
                    root.toString(),
                    "--output",
                    tmp.resolve("out").toString(),
                    "--cache",
                    tmp.resolve("cache").toString());
        } finally {
            unlock(List.of(template));
        }
        assertEquals(
                List.of("templates/robots.ftl: error: cannot read the file: " + DENIED),
                build.output().lines().filter(l -> l.contains(": error: ")).toList(),
                build.output());
        assertEquals(1, build.status(), build.output());
        assertFalse(build.output().contains("Exception") || build.output().contains("\tat "), build.output());
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
    }

    private static void lock(List<Path> paths) throws IOException {
        for (Path p : paths) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        }
    }

    private static void unlock(List<Path> paths) throws IOException {
        for (Path p : paths) {
            Files.setPosixFilePermissions(
                    p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
        }
    }

    /** The command that starts the JVM as someone file permissions apply to; skips when there is none. */
    private static List<String> userWhoCannotRead() {
        CliJvm.Result id = run(List.of("id", "-u"));
        assumeTrue(id.status() == 0, "cannot tell the user: " + id.output());
        if (!id.output().strip().equals("0")) {
            return List.of();
        }
        List<String> setpriv = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search", "--");
        CliJvm.Result works = run(concat(setpriv, List.of("true")));
        assumeTrue(
                works.status() == 0,
                "running as root, and setpriv cannot drop its file-access capabilities"
                        + " here, so chmod 000 does not stop reads: " + works.output());
        return setpriv;
    }

    private static CliJvm.Result run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return new CliJvm.Result(p.waitFor(), out);
        } catch (IOException e) {
            return new CliJvm.Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
