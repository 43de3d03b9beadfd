package org.arshif.maven;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.arshif.check.Annotations;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.FileNameEncoding;
import org.arshif.diag.FindingDigest;
import org.arshif.diag.SystemErrors;

/** Shared reporting for the goals. */
final class MojoSupport {
    private MojoSupport() {}

    /** A call into the core. */
    interface CoreCall<T> {
        T call();
    }

    /**
     * Fails in one line, before any path is made, when this JVM cannot name files in Arabic: Maven's JVM takes its
     * file-name charset from the locale it was started in, and nothing in a POM or {@code MAVEN_OPTS} changes it.
     */
    static void requireUtf8FileNames() throws MojoFailureException {
        Optional<String> problem = FileNameEncoding.problem();
        if (problem.isPresent()) {
            throw new MojoFailureException(problem.get());
        }
    }

    /**
     * Runs {@code call}. Content errors are logged one per line (with {@code siteRoot}, also as GitHub annotations)
     * and fail the build; anything else ends as one
     * line too, its stack trace left to {@code mvn -e}: a failure when the user can fix it (a file, disk, port or
     * memory problem), else an execution error. Errors of the JVM are caught as well, since a StackOverflowError
     * that left the goal would end Maven itself, without a BUILD FAILURE; the core's state is dropped with them.
     */
    static <T> T core(Log log, Path siteRoot, CoreCall<T> call) throws MojoFailureException, MojoExecutionException {
        try {
            return call.call();
        } catch (ContentException e) {
            if (siteRoot == null) {
                report(log, e);
            } else {
                report(log, e, siteRoot);
            }
            throw new MojoFailureException(e.getMessage());
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError | LinkageError | AssertionError e) {
            String message = "Arshif: " + SystemErrors.describe(e)
                    + (e instanceof VirtualMachineError ? " (for Maven: in MAVEN_OPTS or .mvn/jvm.config)" : "");
            if (SystemErrors.isEnvironmental(e)) {
                throw new MojoFailureException(message, e);
            }
            throw new MojoExecutionException(message, e);
        }
    }

    /** Every finding, one {@code path:line:col: severity: message} per line, errors as Maven errors. */
    static void report(Log log, ContentException e) {
        for (Diagnostic d : e.diagnostics()) {
            if (d.isError()) {
                log.error(d.format());
            } else {
                log.warn(d.format());
            }
        }
        FindingDigest.lines(e.diagnostics()).forEach(log::error);
    }

    /** Also as GitHub workflow annotations when running on Actions, so that build errors show on their line. */
    static void report(Log log, ContentException e, Path siteRoot) {
        report(log, e);
        annotate(e, siteRoot);
    }

    /** The findings as GitHub workflow annotations, when running on Actions. */
    static void annotate(ContentException e, Path siteRoot) {
        if (onGitHubActions()) {
            String prefix = workspacePrefix(siteRoot);
            e.diagnostics().forEach(d -> System.out.println(Annotations.github(d, prefix)));
        }
    }

    static boolean onGitHubActions() {
        return "true".equals(System.getenv("GITHUB_ACTIONS"));
    }

    /** The site folder relative to the checked-out repository, so annotations name repository paths. */
    static String workspacePrefix(Path siteRoot) {
        String workspace = System.getenv("GITHUB_WORKSPACE");
        if (workspace == null || workspace.isEmpty()) {
            return "";
        }
        Path ws = Path.of(workspace).toAbsolutePath().normalize();
        Path root = siteRoot.toAbsolutePath().normalize();
        if (!root.startsWith(ws) || root.equals(ws)) {
            return "";
        }
        return ws.relativize(root).toString().replace('\\', '/') + "/";
    }
}
