package org.arshif.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real git repository in a test folder, driven through the {@code git} command. Commits carry fixed author and
 * committer dates, so the dates Arshif reads from history are known in advance.
 */
public record GitRepo(Path dir) {

    /** {@code git init} in {@code dir}, with a local identity and no signing. */
    public static GitRepo init(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitRepo repo = new GitRepo(dir);
        repo.git(Map.of(), "init", "-q");
        repo.git(Map.of(), "config", "user.name", "Arshif Test");
        repo.git(Map.of(), "config", "user.email", "test@arshif.invalid");
        repo.git(Map.of(), "config", "commit.gpgsign", "false");
        return repo;
    }

    /** Stages everything ({@code git add -A}) and commits it with the given ISO-8601 date. */
    public void commitAll(String message, String isoDate) {
        git(Map.of(), "add", "-A");
        commit(message, isoDate);
    }

    /** Commits what is staged, author and committer dated {@code isoDate}. */
    public void commit(String message, String isoDate) {
        git(Map.of("GIT_AUTHOR_DATE", isoDate, "GIT_COMMITTER_DATE", isoDate), "commit", "-q", "-m", message);
    }

    /** Runs {@code git args…} in the repository and returns its standard output; fails the test on a non-zero exit. */
    public String git(String... args) {
        return git(Map.of(), args);
    }

    private String git(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        // Keep a developer's global git settings (hooks, templates, signing) out of the test.
        pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        pb.environment().put("GIT_TEMPLATE_DIR", "");
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            assertEquals(0, code, () -> "git " + String.join(" ", args) + " failed:\n" + out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
