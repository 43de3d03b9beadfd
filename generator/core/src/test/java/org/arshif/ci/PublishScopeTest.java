package org.arshif.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .ci/publish-scope}, which lets the workflows skip the plugin's tests when a push changes only the archive,
 * run in a real git repository on real commits.
 */
class PublishScopeTest {
    private static final Path SCRIPT = WorkflowFilesTest.REPO.resolve(".ci/publish-scope");

    @TempDir
    Path tmp;

    GitRepo repo;
    String base;

    @BeforeEach
    void repositoryLikeThisOne() {
        repo = GitRepo.init(tmp.resolve("repo"));
        Trees.write(repo.dir().resolve("content/ar/a.md"), "---\ntitle: a\n---\n");
        Trees.write(repo.dir().resolve("generator/pom.xml"), "<project/>\n");
        repo.commitAll("start", "2024-01-01T00:00:00Z");
        base = head();
    }

    @Test
    void storiesTemplatesAndTheConfigurationAloneNeedNoTests() throws Exception {
        Trees.write(repo.dir().resolve("content/ar/قمة-في-سوتشي.md"), "---\ntitle: قمة\n---\n");
        Trees.write(repo.dir().resolve("content/tags.yml"), "syria:\n  ar: سورية\n  en: Syria\n");
        Trees.write(repo.dir().resolve("templates/article.ftlh"), "x\n");
        Trees.write(repo.dir().resolve("arshif.yml"), "pageSize: 5\n");
        repo.commitAll("stories", "2024-01-02T00:00:00Z");
        assertEquals("content", scope(base, head()));
    }

    @Test
    void aChangeOutsideTheArchiveRunsEveryTest() throws Exception {
        Trees.write(repo.dir().resolve("content/ar/b.md"), "---\ntitle: b\n---\n");
        Trees.write(repo.dir().resolve("generator/pom.xml"), "<project><!-- changed --></project>\n");
        repo.commitAll("code", "2024-01-02T00:00:00Z");
        assertEquals("full", scope(base, head()));
        // A file merely named like the configuration is not it.
        Trees.write(repo.dir().resolve("docs/arshif.yml"), "x\n");
        repo.commitAll("docs", "2024-01-03T00:00:00Z");
        assertEquals("full", scope(head() + "~1", head()));
    }

    @Test
    void anUnknownRangeRunsEveryTest() throws Exception {
        Trees.write(repo.dir().resolve("content/ar/b.md"), "---\ntitle: b\n---\n");
        repo.commitAll("story", "2024-01-02T00:00:00Z");
        assertEquals("content", scope(base, head()), "the range itself needs no tests");
        assertEquals("full", scope("0".repeat(40), head()), "a new branch has no base");
        assertEquals("full", scope("", head()), "a manual run has no base");
        assertEquals("full", scope("1234567890abcdef1234567890abcdef12345678", head()), "a base lost to a force push");
    }

    private String head() {
        return repo.git("rev-parse", "HEAD").strip();
    }

    /** Runs the script as a workflow does and returns what it wrote to GITHUB_OUTPUT. */
    private String scope(String from, String to) throws IOException, InterruptedException {
        Path output = Files.createTempFile(tmp, "github-output", ".txt");
        ProcessBuilder pb = new ProcessBuilder(SCRIPT.toString(), from, to)
                .directory(repo.dir().toFile())
                .redirectErrorStream(true);
        pb.environment().put("GITHUB_OUTPUT", output.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(1, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("publish-scope did not finish");
        }
        assertEquals(0, p.exitValue(), log);
        String written = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(written.strip().replace("scope=", ""), log.split(" ")[1].strip(), log);
        return written.strip().replace("scope=", "");
    }
}
