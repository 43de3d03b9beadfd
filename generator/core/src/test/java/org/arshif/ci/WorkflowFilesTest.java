package org.arshif.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * What the GitHub workflows do, read as YAML: this repository's (publish, pull request, release) and the copyable
 * one for a separate archive repository ({@code docs/workflows/}). Their validity for the runner's schema is
 * {@link WorkflowValidationIT}'s business (it needs npm, so it runs in {@code verify}).
 */
class WorkflowFilesTest {
    /** The repository: Surefire runs in generator/core/. */
    static final Path REPO = Path.of("").toAbsolutePath().getParent().getParent();

    private static final Path WORKFLOWS = REPO.resolve(".github/workflows");
    private static final Path ARCHIVE_WORKFLOW = REPO.resolve("docs/workflows/archive-publish.yml");
    private static final String CONTENT_ONLY = "steps.scope.outputs.scope == 'content'";
    private static final String FULL = "steps.scope.outputs.scope == 'full'";

    /** Every workflow this repository ships, sorted. */
    static List<Path> allWorkflowFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(WORKFLOWS, ARCHIVE_WORKFLOW.getParent())) {
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(p -> p.toString().endsWith(".yml")).forEach(files::add);
            }
        }
        return files.stream().sorted().toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishDeploysPagesWithLeastPermissionsAndRunsEveryTestOnlyWhenCodeChanged() throws IOException {
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
        List<Map<String, Object>> steps = steps(build);
        assertEquals("pages", step(steps, "actions/configure-pages@").get("id"));
        assertEquals(".ci/publish-scope \"${{ github.event.before }}\" \"${{ github.sha }}\"", run(steps, "scope"));
        String baseUrl = " -Darshif.baseUrl=\"${{ steps.pages.outputs.base_url }}/\"";
        assertEquals(
                List.of(
                        List.of(CONTENT_ONLY, "mvn -B package -Dmaven.test.skip=true" + baseUrl),
                        List.of(FULL, "mvn -B verify" + baseUrl)),
                mavenRuns(steps));
        assertEquals(FULL, step(steps, "actions/setup-node@").get("if"), "node only for every test");
        assertEquals("site", with(steps, "actions/upload-pages-artifact@").get("path"));
        assertRestoresTheBuildCache(steps);
        step(steps(deploy), "actions/deploy-pages@");
        assertEquals("github-pages", ((Map<String, Object>) deploy.get("environment")).get("name"));
    }

    /**
     * The site build restores the last push's {@code target/arshif-cache} before it runs: without it every push pays
     * for filling a cache that no later push reads. The key is the commit, so each push saves its own; the prefix
     * restores the newest.
     */
    private static void assertRestoresTheBuildCache(List<Map<String, Object>> steps) {
        Map<String, Object> cache = with(steps, "actions/cache@");
        assertEquals(
                List.of("target/arshif-cache", "arshif-cache-${{ github.sha }}", "arshif-cache-"),
                List.of(cache.get("path"), cache.get("key"), cache.get("restore-keys")));
        int restore = steps.indexOf(step(steps, "actions/cache@"));
        int build = steps.indexOf(steps.stream()
                .filter(s -> String.valueOf(s.get("run")).startsWith("mvn -B package"))
                .findFirst()
                .orElseThrow());
        assertTrue(restore < build, "the cache is restored before the site is built");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsRunTheCheckWithAnnotationsThenTheSiteOrEveryTest() throws IOException {
        Map<String, Object> wf = yaml(WORKFLOWS.resolve("pr.yml"));
        assertTrue(((Map<String, Object>) wf.get("on")).containsKey("pull_request"));
        assertEquals(Map.of("contents", "read"), wf.get("permissions"));
        List<Map<String, Object>> steps = steps(((Map<String, Object>) wf.get("jobs")).get("check"));
        assertEquals(
                ".ci/publish-scope \"${{ github.event.pull_request.base.sha }}\" "
                        + "\"${{ github.event.pull_request.head.sha }}\"",
                run(steps, "scope"));
        String any = "(success() || failure()) && ";
        assertEquals(
                List.of(
                        List.of("", "mvn -B -f generator/pom.xml install -DskipTests"),
                        List.of("", "mvn -B -N arshif:check"),
                        List.of(any + CONTENT_ONLY, "mvn -B package -Dmaven.test.skip=true"),
                        List.of(any + FULL, "mvn -B verify")),
                mavenRuns(steps));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVersionTagPublishesThePluginToGitHubPackagesAndTheCliJarToARelease() throws IOException {
        Map<String, Object> wf = yaml(WORKFLOWS.resolve("release.yml"));
        Map<String, Object> on = (Map<String, Object>) wf.get("on");
        assertEquals(Map.of("push", Map.of("tags", List.of("v*"))), on);
        assertEquals(Map.of("contents", "read"), wf.get("permissions"));
        Map<String, Object> job = (Map<String, Object>) ((Map<String, Object>) wf.get("jobs")).get("release");
        assertEquals(Map.of("contents", "write", "packages", "write"), job.get("permissions"));
        List<Map<String, Object>> steps = steps(job);
        Map<String, Object> java = with(steps, "actions/setup-java@");
        assertEquals(
                List.of("github", "GITHUB_ACTOR", "GITHUB_TOKEN"),
                List.of(java.get("server-id"), java.get("server-username"), java.get("server-password")));
        List<String> runs = steps.stream()
                .filter(s -> s.containsKey("run"))
                .map(s -> (String) s.get("run"))
                .toList();
        assertTrue(runs.get(0).contains("\"v$version\" != \"$GITHUB_REF_NAME\""), "the tag must name the version");
        assertEquals(
                "mvn -B -f generator/pom.xml deploy "
                        + "-DaltDeploymentRepository=github::https://maven.pkg.github.com/${{ github.repository }}",
                runs.get(1));
        assertTrue(
                runs.get(2)
                        .startsWith(
                                "gh release create \"$GITHUB_REF_NAME\" " + "generator/cli/target/arshif-cli-*.jar "),
                runs.get(2));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theArchiveRepositoryWorkflowChecksPullRequestsAndPublishesWithTheReleasedPlugin() throws IOException {
        Map<String, Object> wf = yaml(ARCHIVE_WORKFLOW);
        Map<String, Object> on = (Map<String, Object>) wf.get("on");
        assertEquals(List.of("main"), ((Map<String, Object>) on.get("push")).get("branches"));
        assertTrue(on.containsKey("pull_request"));
        Map<String, Object> jobs = (Map<String, Object>) wf.get("jobs");
        Map<String, Object> check = (Map<String, Object>) jobs.get("check");
        Map<String, Object> build = (Map<String, Object>) jobs.get("build");
        assertEquals("github.event_name == 'pull_request'", check.get("if"));
        assertEquals("github.event_name != 'pull_request'", build.get("if"));
        // No generator/ there: goals run on the archive's own POM, whose plugin repository has the id 'arshif'.
        for (Map<String, Object> job : List.of(check, build)) {
            assertEquals("read", ((Map<String, Object>) job.get("permissions")).get("packages"));
            assertEquals("arshif", with(steps(job), "actions/setup-java@").get("server-id"));
        }
        assertEquals(
                List.of(List.of("", "mvn -B arshif:check"), List.of("", "mvn -B package")), mavenRuns(steps(check)));
        assertEquals(
                List.of(List.of("", "mvn -B package -Darshif.baseUrl=\"${{ steps.pages.outputs.base_url }}/\"")),
                mavenRuns(steps(build)));
        assertRestoresTheBuildCache(steps(build));
        assertEquals(
                Map.of("pages", "write", "id-token", "write"),
                ((Map<String, Object>) jobs.get("deploy")).get("permissions"));
        // That the README's POM names the repository id 'arshif' too: ReadmeSnippetTest (generator/maven-plugin).
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyJobRunsInAUtf8LocaleWithFullHistoryAndACachedMavenRepository() throws IOException {
        // In the C locale, or with none, the JVM cannot name Arabic files; dates come from the whole git history.
        for (Path file : allWorkflowFiles()) {
            Map<String, Object> wf = yaml(file);
            assertEquals(Map.of("LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"), wf.get("env"), file.toString());
            for (Map.Entry<String, Object> job : ((Map<String, Object>) wf.get("jobs")).entrySet()) {
                List<Map<String, Object>> steps = steps(job.getValue());
                if (steps.stream().anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/checkout@"))) {
                    assertEquals(0, with(steps, "actions/checkout@").get("fetch-depth"), file + " " + job.getKey());
                    Map<String, Object> java = with(steps, "actions/setup-java@");
                    assertEquals(
                            List.of("temurin", "17", "maven"),
                            List.of(java.get("distribution"), java.get("java-version"), java.get("cache")),
                            file + " " + job.getKey());
                }
            }
        }
    }

    /** Each step that runs Maven, as [its condition or "", its command]. */
    private static List<List<String>> mavenRuns(List<Map<String, Object>> steps) {
        return steps.stream()
                .filter(s -> String.valueOf(s.get("run")).startsWith("mvn "))
                .map(s -> List.of(String.valueOf(s.getOrDefault("if", "")), (String) s.get("run")))
                .toList();
    }

    private static String run(List<Map<String, Object>> steps, String id) {
        return (String) steps.stream()
                .filter(s -> id.equals(s.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step with id " + id))
                .get("run");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Object job) {
        return (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(List<Map<String, Object>> steps, String uses) {
        return (Map<String, Object>) step(steps, uses).get("with");
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String uses) {
        return steps.stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith(uses))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + uses));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return (Map<String, Object>)
                new Load(LoadSettings.builder().build()).loadFromString(Files.readString(file, StandardCharsets.UTF_8));
    }
}
