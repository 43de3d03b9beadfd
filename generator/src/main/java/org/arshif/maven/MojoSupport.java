package org.arshif.maven;

import org.apache.maven.plugin.logging.Log;
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
}
