package org.arshif.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every workflow, this repository's and the copyable one for a separate archive repository, is valid for the
 * runner's schema: checked by the pinned {@code @action-validator/cli}, which {@code npm ci} installs from
 * {@code tools/action-validator/package-lock.json} in pre-integration-test (so {@code package} needs no npm).
 */
class WorkflowValidationIT {
    private static final Path TOOL = WorkflowFilesTest.REPO.resolve("tools/action-validator");
    private static final Path VALIDATOR = TOOL.resolve("node_modules/.bin/action-validator");

    @TempDir
    Path tmp;

    @Test
    void everyWorkflowPassesTheActionValidator() throws Exception {
        assertTrue(Files.isRegularFile(VALIDATOR), "no " + VALIDATOR + ": the build's npm ci should have made it");
        List<Path> files = WorkflowFilesTest.allWorkflowFiles();
        assertEquals(
                List.of(
                        ".github/workflows/pr.yml",
                        ".github/workflows/publish.yml",
                        ".github/workflows/release.yml",
                        "docs/workflows/archive-publish.yml"),
                files.stream()
                        .map(p ->
                                WorkflowFilesTest.REPO.relativize(p).toString().replace('\\', '/'))
                        .toList());
        for (Path file : files) {
            Result r = validate(file);
            assertEquals(0, r.exit, file + ":\n" + r.output);
        }
    }

    @Test
    void theValidatorRejectsABrokenWorkflow() throws Exception {
        // Guards the guard: if a broken workflow passed, the test above would prove nothing.
        Path broken = tmp.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");
        Result r = validate(broken);
        assertNotEquals(0, r.exit, "the validator must reject a broken workflow:\n" + r.output);
        assertTrue(r.output.contains("stepz"), r.output);
    }

    private static Result validate(Path workflow) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(VALIDATOR.toString(), workflow.toString())
                    .directory(TOOL.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(workflow + ": the validator did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private record Result(int exit, String output) {}
}
