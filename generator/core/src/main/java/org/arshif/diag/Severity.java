package org.arshif.diag;

import java.util.Locale;

/** How serious a finding is. Only {@link #ERROR} fails a build. */
public enum Severity {
    ERROR,
    WARNING,
    NOTICE;

    /** The word used in {@code path:line:col: error: message} lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
