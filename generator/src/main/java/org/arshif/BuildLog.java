package org.arshif;

import java.util.function.Consumer;

/** Where the core reports progress; the Maven plugin and the CLI adapt it to their own output. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    /** Discards everything; for tests and embedding. */
    BuildLog SILENT = of(message -> { }, message -> { });

    /** A log that hands each level to its own sink, e.g. {@code BuildLog.of(out::println, err::println)}. */
    static BuildLog of(Consumer<String> info, Consumer<String> warn) {
        return new BuildLog() {
            @Override
            public void info(String message) {
                info.accept(message);
            }

            @Override
            public void warn(String message) {
                warn.accept(message);
            }
        };
    }
}
