package org.arshif.check;

import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;

/**
 * What {@code check} found: every finding, sorted by file and position.
 *
 * @param findings   errors, warnings and notices
 * @param dispatches how many dispatch files were checked
 */
public record CheckReport(List<Diagnostic> findings, int dispatches) {
    public CheckReport {
        findings = List.copyOf(findings);
    }

    public long count(Severity severity) {
        return findings.stream().filter(d -> d.severity() == severity).count();
    }

    public boolean hasErrors() {
        return count(Severity.ERROR) > 0;
    }

    /** {@code Checked 35 dispatches: 1 error, 2 warnings, 30 notices.} */
    public String summary() {
        return "Checked " + dispatches + (dispatches == 1 ? " dispatch: " : " dispatches: ")
                + plural(count(Severity.ERROR), "error") + ", " + plural(count(Severity.WARNING), "warning") + ", "
                + plural(count(Severity.NOTICE), "notice") + ".";
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
