package org.arshif.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.config.ConfigLoader;
import org.arshif.diag.Diagnostics;
import org.arshif.serve.PreviewServer;
import org.arshif.serve.Server;
import org.arshif.serve.StaticServer;

/** {@code arshif serve}: runs the preview, or with {@code --static} serves the built site, until Ctrl-C. */
final class Serve {
    static final int DEFAULT_PORT = 8080;
    private static final Set<String> STATIC_ONLY = Set.of("--output", "--base-url");
    private static final Set<String> LIVE_ONLY = Set.of("--templates", "--drafts", "--future");

    private Serve() {}

    /** The serve log: info to {@code out}, warnings and errors to {@code err}, traces only with {@code --debug}. */
    static BuildLog log(PrintStream out, PrintStream err, boolean debug) {
        return new BuildLog() {
            @Override
            public void info(String message) {
                out.println(message);
            }

            @Override
            public void warn(String message) {
                err.println(message);
            }

            @Override
            public void debug(String message, Throwable cause) {
                if (debug) {
                    err.println(message);
                    cause.printStackTrace(err);
                }
            }
        };
    }

    static int run(Arshif.Builder builder, Map<String, String> values, BuildLog log, PrintStream err) {
        String port = values.get("--port");
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
        boolean statically = values.containsKey("--static");
        Set<String> wrong = new TreeSet<>(values.keySet());
        wrong.retainAll(statically ? LIVE_ONLY : STATIC_ONLY);
        if (!wrong.isEmpty()) {
            err.println(
                    "arshif: serve "
                            + (statically
                                    ? "--static takes no " + String.join(", ", wrong)
                                            + " (it serves the built site as it is)"
                                    : "takes " + String.join(", ", wrong)
                                            + " only with --static (the live preview builds in memory, under arshif.yml's baseUrl)"));
            return Main.SYSTEM_ERROR;
        }
        try (Server server = statically
                ? startStatic(builder.build(), values.get("--base-url"), number, log)
                : PreviewServer.start(builder, number, log)) {
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "arshif-stop"));
            server.awaitStop();
            return Main.OK;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot serve on 127.0.0.1:" + number
                            + (e instanceof BindException
                                    ? " (is the port taken? choose another with --port "
                                            + (number == 0xFFFF ? 8081 : number + 1) + ")"
                                    : ""),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Main.OK;
        }
    }

    /** The built site in --output, under the path of --base-url, else of {@code baseUrl} in arshif.yml. */
    private static Server startStatic(Arshif arshif, String baseUrl, int port, BuildLog log) throws IOException {
        String url = baseUrl != null
                ? baseUrl
                : ConfigLoader.load(arshif.siteRoot(), new Diagnostics()).baseUrl();
        return StaticServer.start(arshif.output(), url, port, log);
    }
}
