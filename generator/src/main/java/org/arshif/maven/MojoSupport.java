package org.arshif.maven;

import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;
import org.arshif.check.Annotations;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;

/** Shared reporting for the goals. */
final class MojoSupport {
    private MojoSupport() {
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
    }

    /** Also as GitHub workflow annotations when running on Actions, so that build errors show on their line. */
    static void report(Log log, ContentException e, Path siteRoot) {
        report(log, e);
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
