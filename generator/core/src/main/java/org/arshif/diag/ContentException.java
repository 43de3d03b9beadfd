package org.arshif.diag;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input has problems the user must fix. Carries every finding of the run; the message lists the errors,
 * one {@code path:line:col: error: message} per line.
 */
public final class ContentException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public ContentException(List<Diagnostic> diagnostics) {
        super(summary(diagnostics));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ContentException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    private static String summary(List<Diagnostic> diagnostics) {
        List<Diagnostic> errors =
                diagnostics.stream().filter(Diagnostic::isError).toList();
        long count = FindingCap.count(errors, d -> true);
        return count + (count == 1 ? " error" : " errors") + " in the archive:\n"
                + errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    }
}
