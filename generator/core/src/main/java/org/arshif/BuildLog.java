package org.arshif;

import java.util.function.Consumer;

/** Where the core reports progress; the Maven plugin and the CLI adapt it to their own output. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    /** An error of the archive the user must fix; logs that have no error level print it as a warning. */
    default void error(String message) {
        warn(message);
    }

    /**
     * The stack trace behind a message already logged in one line, for when the user asks for it ({@code mvn -X},
     * {@code --debug}); dropped by default.
     */
    default void debug(String message, Throwable cause) {}

    /** Discards everything; for tests and embedding. */
    BuildLog SILENT = of(message -> {}, message -> {});

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
