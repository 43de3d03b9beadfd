package org.arshif;

/** Where the core reports progress; the Maven plugin and the CLI adapt it to their own output. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    /** Discards everything; for tests and embedding. */
    BuildLog SILENT = new BuildLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };
}
