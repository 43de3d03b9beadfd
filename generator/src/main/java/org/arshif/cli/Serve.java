package org.arshif.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.serve.PreviewServer;

/** {@code arshif serve}: runs the preview until Ctrl-C. */
final class Serve {
    static final int DEFAULT_PORT = 8080;

    private Serve() {
    }

    static int run(Arshif.Builder builder, String port, PrintStream out, PrintStream err) {
        int number;
        try {
            number = port == null ? DEFAULT_PORT : Integer.parseInt(port);
        } catch (NumberFormatException e) {
            err.println("arshif: --port must be a number, not '" + port + "'");
            return 2;
        }
        BuildLog log = BuildLog.of(out::println, err::println);
        try (PreviewServer server = PreviewServer.start(builder, number, log)) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arshif-stop"));
            server.awaitStop();
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve on 127.0.0.1:" + number, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
