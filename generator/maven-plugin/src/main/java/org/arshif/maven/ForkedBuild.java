package org.arshif.maven;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.arshif.cli.JvmTuning;
import org.arshif.cli.MavenWords;
import org.arshif.cli.SecondJvm;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;

/**
 * The {@code build} goal in a second JVM, as Surefire forks tests: Maven's own JVM runs with the JVM's defaults
 * (C2 and G1 over a quarter of the machine's memory), which for a one-shot build cost about twice the CPU and
 * four times the memory of the tuned options the CLI uses (see {@link JvmTuning}). The second JVM is the CLI
 * itself, started with those options and the plugin's class path; it ends with Maven (see {@link SecondJvm}), or, by
 * default, it stays for the next builds as the warm build process (see {@link WarmBuild}).
 * Its lines come back into Maven's log: findings at their level, {@code arshif: …} system errors as errors,
 * the rest as information; its exit status becomes the goal's outcome, content errors a MojoFailureException
 * with the same message as in Maven's JVM.
 */
final class ForkedBuild {
    /** {@code path[:line[:col]]: severity: message}, as {@link Diagnostic#format()} writes it. */
    private static final Pattern FINDING =
            Pattern.compile("(.+?)(?::(\\d{1,9}))?(?::(\\d{1,9}))?: (error|warning|notice): (.*)");

    static final String SYSTEM_ERROR = "arshif: ";

    private final List<String> classPath;
    private final Log log;

    ForkedBuild(List<String> classPath, Log log) {
        this.classPath = List.copyOf(classPath);
        this.log = log;
    }

    /** The plugin's class path: the plugin's own class realm, else (in tests) this JVM's class path. */
    static List<String> pluginClassPath() {
        List<String> entries = new ArrayList<>();
        if (ForkedBuild.class.getClassLoader() instanceof URLClassLoader realm) {
            for (URL url : realm.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (URISyntaxException | IllegalArgumentException notAFile) {
                    return List.of();
                }
            }
        } else {
            entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        }
        return entries;
    }

    /**
     * The options of the second JVM: Maven's own memory limits and heap free ratios (from {@code MAVEN_OPTS} or
     * {@code .mvn/jvm.config}: a user who caps Maven's heap caps the build), then the CLI's tuning for the build's {@code cliArguments} (a
     * rebuild into a filled cache starts with a larger heap).
     */
    static List<String> jvmOptions(List<String> mavenJvmArguments, List<String> cliArguments) {
        List<String> carried = mavenJvmArguments.stream()
                .filter(a -> a.startsWith("-Xmx")
                        || a.startsWith("-Xss")
                        || a.startsWith("-XX:MaxRAM")
                        || a.matches("-XX:M(in|ax)HeapFreeRatio=.*"))
                .toList();
        List<String> options = new ArrayList<>(carried);
        options.addAll(JvmTuning.missingOptions("build", carried, Map.of(), false, cliArguments));
        return options;
    }

    /**
     * Runs {@code java … build} with {@code cliArguments} (after the command): in the warm build process registered
     * in {@code daemonRegistry} when that is not null and the process can be used, else in a new JVM; false when no
     * second JVM could be started (the caller then builds in Maven's JVM). Its findings are logged as it prints them.
     * The warm process runs with a first build's options, whatever the cache holds (a rebuild gets its heap ratios
     * from the process itself, see {@code BuildDaemon}), so that its identity does not change between builds.
     */
    boolean run(Path siteRoot, List<String> cliArguments, Path daemonRegistry) throws MojoFailureException {
        List<String> mavenJvm = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!JvmTuning.mayFork("build", mavenJvm, System.getenv(), false)) {
            return false; // ARSHIF_FORK=0, or someone debugs or profiles Maven's JVM: build where they look
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Diagnostic> findings = new ArrayList<>();
        List<String> systemErrors = new ArrayList<>();
        Integer status = null;
        if (daemonRegistry != null) {
            status = new WarmBuild(log, daemonRegistry, java, jvmOptions(mavenJvm, List.of()), classPath)
                    .run(cliArguments, line -> relay(line, findings, systemErrors));
        }
        if (status == null) {
            findings.clear();
            systemErrors.clear();
            status = oneShot(java, jvmOptions(mavenJvm, cliArguments), cliArguments, findings, systemErrors);
        }
        if (status == null) {
            log.warn("cannot start a second JVM (" + java + "), so the site is built in Maven's");
            return false;
        }
        return outcome(siteRoot, status, findings, systemErrors);
    }

    /** Runs the build in a new JVM that ends with it; its exit status, or null when it cannot be started. */
    private Integer oneShot(
            String java,
            List<String> options,
            List<String> cliArguments,
            List<Diagnostic> findings,
            List<String> systemErrors) {
        List<String> args = new ArrayList<>(List.of("build"));
        args.addAll(cliArguments);
        log.info("Building in a second JVM (" + String.join(" ", options) + "); -D" + Properties.FORK
                + "=false builds in Maven's");
        return SecondJvm.run(
                JvmTuning.commandLine(
                        java,
                        List.of(),
                        options,
                        String.join(File.pathSeparator, classPath),
                        args.toArray(String[]::new)),
                environment(),
                line -> relay(line, findings, systemErrors));
    }

    /** The one-shot JVM's variables: its findings' hints in Maven's words, and the CLI's malloc setting for a build. */
    private static Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>(JvmTuning.environment("build", System.getenv(), false));
        env.put(MavenWords.VARIABLE, "maven");
        return env;
    }

    /** True for a built site; a MojoFailureException with the findings' or the system errors' message otherwise. */
    private static boolean outcome(Path siteRoot, int status, List<Diagnostic> findings, List<String> systemErrors)
            throws MojoFailureException {
        if (status == 0) {
            return true;
        }
        if (findings.stream().anyMatch(Diagnostic::isError)) {
            ContentException e = new ContentException(findings);
            MojoSupport.annotate(e, siteRoot);
            throw new MojoFailureException(e.getMessage());
        }
        throw new MojoFailureException(
                systemErrors.isEmpty()
                        ? "Arshif: the build's JVM ended with status " + status
                        : "Arshif: " + String.join("; ", systemErrors));
    }

    /** One line of the second JVM into Maven's log, at its level. */
    private void relay(String line, List<Diagnostic> findings, List<String> systemErrors) {
        Optional<Diagnostic> finding = line.startsWith(SYSTEM_ERROR) ? Optional.empty() : finding(line);
        if (finding.isPresent()) {
            findings.add(finding.get());
            if (finding.get().isError()) {
                log.error(line);
            } else {
                log.warn(line);
            }
        } else if (line.startsWith(SYSTEM_ERROR)) {
            systemErrors.add(line.substring(SYSTEM_ERROR.length()));
            log.error(line);
        } else {
            log.info(line);
        }
    }

    /** The finding a line of the CLI states, read back from {@link Diagnostic#format()}; empty for other lines. */
    static Optional<Diagnostic> finding(String line) {
        Matcher m = FINDING.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(1).equals("(site)") ? "" : m.group(1);
        int lineNumber = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        int column = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        Severity severity = Severity.valueOf(m.group(4).toUpperCase(Locale.ROOT));
        return Optional.of(new Diagnostic(path, lineNumber, column, severity, m.group(5)));
    }
}
