package org.arshif.maven;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.maven.plugin.logging.Log;
import org.arshif.cli.DaemonClient;
import org.arshif.cli.MavenWords;

/**
 * The {@code build} goal's second JVM kept for the next builds (see {@link DaemonClient}): Maven's side. It says in
 * one line which process builds, relays the build's lines as {@link ForkedBuild} does for a one-shot fork, and logs
 * the process's peak memory and CPU, which tools that measure Maven's process (time, bench/run) cannot see. Anything
 * wrong with the process is one warning, and the build runs in a one-shot fork instead: never a failed build.
 */
final class WarmBuild {
    private static final String OPT_OUT = "-D" + Properties.DAEMON + "=false builds in a new JVM";

    private final Log log;
    private final DaemonClient client;
    private final List<String> options;

    WarmBuild(Log log, Path registry, String java, List<String> options, List<String> classPath) {
        this.log = log;
        this.options = options;
        this.client = new DaemonClient(registry, java, options, classPath, Map.of());
    }

    /** The build's exit status; null when the warm process could not build it (it was said in a warning). */
    Integer run(List<String> cliArguments, Consumer<String> lines) {
        // The variables the CLI reads (annotations for GitHub's log; hints in Maven's words); the process keeps
        // its own environment.
        String githubActions = System.getenv("GITHUB_ACTIONS");
        Map<String, String> env = githubActions == null
                ? Map.of(MavenWords.VARIABLE, "maven")
                : Map.of("GITHUB_ACTIONS", githubActions, MavenWords.VARIABLE, "maven");
        try {
            DaemonClient.Outcome outcome = client.build(cliArguments, env, new DaemonClient.Listener() {
                @Override
                public void started(long pid, int build, boolean newProcess) {
                    log.info(
                            newProcess
                                    ? "Starting a build process that stays for the next builds (pid " + pid + ", "
                                            + String.join(" ", options) + "; " + OPT_OUT + ")"
                                    : "Building in the warm build process (pid " + pid + ", build " + build + "; "
                                            + OPT_OUT + ")");
                }

                @Override
                public void waiting() {
                    log.info("Waiting for the build process to finish another build");
                }

                @Override
                public void line(boolean error, String line) {
                    lines.accept(line);
                }
            });
            log.info(String.format(
                    Locale.ROOT,
                    "The build process (pid %d, build %d): peak RSS %d kB, %d ms CPU since its last build",
                    outcome.pid(),
                    outcome.build(),
                    outcome.peakRssKb(),
                    outcome.cpuMillis()));
            return outcome.status();
        } catch (DaemonClient.Unavailable e) {
            log.warn("The build process that stays for the next builds cannot be used (" + e.getMessage()
                    + "), so this build runs in a new JVM");
            return null;
        }
    }
}
