package org.arshif.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A client of the warm build process in a JVM of its own, as Maven is one: {@code DaemonClientProcess REGISTRY
 * BUILD-ARGS…}. Prints the build's lines and exits with its status (3 when the process could not be used). For the
 * tests that kill the client.
 */
final class DaemonClientProcess {
    private DaemonClientProcess() {}

    public static void main(String[] args) throws Exception {
        DaemonClient client = BuildDaemonTest.client(Path.of(args[0]), List.of());
        try {
            DaemonClient.Outcome outcome =
                    client.build(List.of(args).subList(1, args.length), Map.of(), BuildDaemonTest.printing());
            System.exit(outcome.status());
        } catch (DaemonClient.Unavailable e) {
            System.out.println("unavailable: " + e.getMessage());
            System.exit(3);
        }
    }
}
