package org.arshif.diag;

/** How serious a finding is. Only {@link #ERROR} fails a build. */
public enum Severity {
    ERROR,
    WARNING,
    NOTICE;

    /** The word used in {@code path:line:col: error: message} lines. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
