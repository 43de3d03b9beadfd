package org.arshif.diag;

import java.util.ArrayList;
import java.util.List;

/** A thread-safe collector, so that every problem of a run is reported together, not only the first. */
public final class Diagnostics {
    private final List<Diagnostic> items = new ArrayList<>();

    public synchronized void add(Diagnostic diagnostic) {
        items.add(diagnostic);
    }

    public synchronized void addAll(List<Diagnostic> diagnostics) {
        items.addAll(diagnostics);
    }

    public void error(String path, int line, int column, String message) {
        add(Diagnostic.error(path, line, column, message));
    }

    public void warning(String path, int line, int column, String message) {
        add(Diagnostic.warning(path, line, column, message));
    }

    public void notice(String path, int line, int column, String message) {
        add(Diagnostic.notice(path, line, column, message));
    }

    public synchronized boolean hasErrors() {
        return items.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * All findings in a stable order: by path, position, severity and message; each once, since two stages may find
     * the same thing (a build's own plan and the checks that run on it).
     */
    public synchronized List<Diagnostic> sorted() {
        return items.stream().distinct().sorted(Diagnostic.ORDER).toList();
    }
}
