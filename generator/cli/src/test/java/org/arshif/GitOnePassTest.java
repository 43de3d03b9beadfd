package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates for every dispatch come from one {@code git log}, not one git call per file. A whole build runs in a child
 * JVM whose {@code PATH} starts with a {@code git} wrapper that records each call, then runs the real git.
 */
class GitOnePassTest {
    static final int FILES = 24;

    @TempDir
    Path dir;

    @Test
    void aWholeBuildRunsGitLogOnce() throws Exception {
        Path site = dir.resolve("site-src");
        GitRepo git = GitRepo.init(site);
        for (int i = 1; i <= FILES; i++) {
            String lang = i % 2 == 0 ? "en" : "ar";
            String name = String.format(Locale.ROOT, "content/%s/dispatch-%02d.md", lang, i);
            Trees.write(
                    site.resolve(name),
                    lang.equals("en") ? "# Dispatch " + i + "\n\nText " + i + ".\n" : "# خبر " + i + "\n\nنص الخبر.\n");
            git.commitAll("add " + name, String.format(Locale.ROOT, "2017-05-%02dT10:00:00+03:00", i));
        }

        Path realGit = which("git");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path calls = dir.resolve("git-calls.log");
        Path wrapper = Trees.write(
                bin.resolve("git"),
                "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '" + calls + "'\nexec '" + realGit + "' \"$@\"\n");
        assertTrue(wrapper.toFile().setExecutable(true));

        ProcessBuilder pb = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.arshif.cli.Main",
                        "build",
                        "--source",
                        site.toString(),
                        "--output",
                        dir.resolve("out").toString())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Process p = pb.start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);

        List<String> lines = Files.readAllLines(calls);
        long logs = lines.stream()
                .filter(l -> l.contains(" log ") || l.startsWith("log "))
                .count();
        assertEquals(1, logs, "git log calls for " + FILES + " dispatches: " + lines);
        assertTrue(lines.size() <= 3, "git calls: " + lines);
        // And the dates did come from that one log: each dispatch sits under the month of its commit.
        assertTrue(Files.isRegularFile(dir.resolve("out/ar/2017/05/dispatch-01/index.html")), output);
        assertTrue(Files.isRegularFile(dir.resolve("out/en/2017/05/dispatch-24/index.html")), output);
        assertTrue(Files.readString(dir.resolve("out/en/2017/05/dispatch-24/index.html"))
                .contains("datetime=\"2017-05-24\""));
    }

    private static Path which(String program) throws IOException {
        for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toRealPath();
            }
        }
        throw new IllegalStateException(program + " is not on the PATH");
    }
}
