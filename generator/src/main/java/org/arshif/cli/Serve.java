package org.arshif.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
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
            number = -1;
        }
        if (number < 0 || number > 0xFFFF) {
            err.println("arshif: --port must be a number from 0 to 65535, not '" + port + "'");
            return Main.SYSTEM_ERROR;
        }
        BuildLog log = BuildLog.of(out::println, err::println);
        try (PreviewServer server = PreviewServer.start(builder, number, log)) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arshif-stop"));
            server.awaitStop();
            return Main.OK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve on 127.0.0.1:" + number + (e instanceof BindException
                    ? " (is the port taken? choose another with --port " + (number == 0xFFFF ? 8081 : number + 1)
                    + ")" : ""), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        }
    }
}
