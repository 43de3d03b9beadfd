package org.arshif.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub workflows: valid for the runner's schema (the pinned {@code @action-validator/cli} from npm, installed
 * by {@code npm ci} from {@code tools/action-validator/package-lock.json}), and saying what publishing needs.
 */
class WorkflowFilesTest {
    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path TOOL = REPO.resolve("tools/action-validator");
    private static final Path WORKFLOWS = REPO.resolve(".github/workflows");

    @TempDir
    Path tmp;

    @BeforeAll
    static void installValidator() throws Exception {
        if (Files.isRegularFile(TOOL.resolve("node_modules/.bin/action-validator"))) {
            return;
        }
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(run(TOOL, List.of("npm", "--version")).exit == 0, "npm is not installed");
        }
        Result install = run(TOOL, List.of("npm", "ci", "--no-audit", "--no-fund"));
        assertEquals(0, install.exit, "npm ci in tools/action-validator:\n" + install.output);
    }

    @Test
    void everyWorkflowPassesTheActionValidator() throws Exception {
        List<Path> files;
        try (var list = Files.list(WORKFLOWS)) {
            files = list.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertEquals(List.of("pr.yml", "publish.yml"), files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : files) {
            Result r = validate(file);
            assertEquals(0, r.exit, file + ":\n" + r.output);
        }
        Path broken = tmp.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    stepz: []\n");
        Result r = validate(broken);
        assertNotEquals(0, r.exit, "the validator must reject a broken workflow:\n" + r.output);
        assertTrue(r.output.contains("stepz"), r.output);
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishBuildsWithFullHistoryAndDeploysPagesWithLeastPermissions() throws IOException {
        Map<String, Object> wf = yaml(WORKFLOWS.resolve("publish.yml"));
        Map<String, Object> on = (Map<String, Object>) wf.get("on");
        assertEquals(List.of("main"), ((Map<String, Object>) on.get("push")).get("branches"));
        assertEquals(Map.of("contents", "read"), wf.get("permissions"));
        assertEquals("pages", ((Map<String, Object>) wf.get("concurrency")).get("group"));
        Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
        Map<String, Object> build = (Map<String, Object>) jobs.get("build");
        Map<String, Object> deploy = (Map<String, Object>) jobs.get("deploy");
        assertEquals(Map.of("contents", "read", "pages", "read"), build.get("permissions"));
        assertEquals(Map.of("pages", "write", "id-token", "write"), deploy.get("permissions"));
        assertEquals("build", deploy.get("needs"));
        List<Map<String, Object>> steps = (List<Map<String, Object>>) build.get("steps");
        Map<String, Object> checkout = step(steps, "actions/checkout@");
        assertEquals(0, ((Map<String, Object>) checkout.get("with")).get("fetch-depth"));
        Map<String, Object> java = (Map<String, Object>) step(steps, "actions/setup-java@").get("with");
        assertEquals(List.of("temurin", "17", "maven"), List.of(java.get("distribution"), java.get("java-version"),
                java.get("cache")));
        assertEquals("pages", step(steps, "actions/configure-pages@").get("id"));
        String mvn = (String) steps.stream().filter(s -> s.containsKey("run")).findFirst().orElseThrow().get("run");
        assertEquals("mvn -B verify -Darshif.baseUrl=\"${{ steps.pages.outputs.base_url }}/\"", mvn);
        assertEquals("site", ((Map<String, Object>) step(steps, "actions/upload-pages-artifact@").get("with"))
                .get("path"));
        step((List<Map<String, Object>>) deploy.get("steps"), "actions/deploy-pages@");
        assertEquals("github-pages", ((Map<String, Object>) deploy.get("environment")).get("name"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsRunTheCheckWithAnnotationsAndTheTests() throws IOException {
        Map<String, Object> wf = yaml(WORKFLOWS.resolve("pr.yml"));
        assertTrue(((Map<String, Object>) wf).containsKey("on"));
        assertTrue(((Map<String, Object>) wf.get("on")).containsKey("pull_request"));
        assertEquals(Map.of("contents", "read"), wf.get("permissions"));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("check");
        List<Map<String, Object>> steps = (List<Map<String, Object>>) job.get("steps");
        assertEquals(0, ((Map<String, Object>) step(steps, "actions/checkout@").get("with")).get("fetch-depth"));
        List<String> runs = new ArrayList<>();
        steps.stream().filter(s -> s.containsKey("run")).forEach(s -> runs.add((String) s.get("run")));
        assertEquals(List.of("mvn -B -pl generator install -DskipTests", "mvn -B -N arshif:check", "mvn -B verify"),
                runs);
    }

    @Test
    void everyWorkflowRunsInAUtf8Locale() throws IOException {
        // In the C locale, or with none, the JVM cannot name Arabic files: every job inherits a UTF-8 one.
        for (String file : List.of("pr.yml", "publish.yml")) {
            assertEquals(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"), yaml(WORKFLOWS.resolve(file)).get("env"), file);
        }
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
        return steps.stream().filter(s -> String.valueOf(s.get("uses")).startsWith(uses)).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static Result validate(Path workflow) throws Exception {
        return run(TOOL, List.of(TOOL.resolve("node_modules/.bin/action-validator").toString(), workflow.toString()));
    }

    private record Result(int exit, String output) {
    }

    private static Result run(Path dir, List<String> command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.toString());
        }
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish");
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
