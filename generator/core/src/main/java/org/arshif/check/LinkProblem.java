package org.arshif.check;

import org.arshif.diag.Diagnostic;
import org.arshif.diag.Severity;

/** Why a link in a dispatch points nowhere, and whether that stops the build or is only worth a warning. */
record LinkProblem(Severity severity, String message) {

    static LinkProblem error(String message) {
        return new LinkProblem(Severity.ERROR, message);
    }

    static LinkProblem warning(String message) {
        return new LinkProblem(Severity.WARNING, message);
    }

    /** The finding at the link's place in {@code path}. */
    Diagnostic at(String path, int line, int column) {
        return new Diagnostic(path, line, column, severity, message);
    }
}
