package org.arshif.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Writing answers, shared by the live preview and the static server. */
final class HttpAnswers {
    static final String TEXT = "text/plain; charset=utf-8";

    private HttpAnswers() {}

    /** Answers with a whole body (none for HEAD), not cached: the preview changes under the browser. */
    static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        if (head) {
            headLength(exchange, body.length);
        }
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /**
     * Gives a HEAD answer the length its GET would have: the JDK's server leaves the header out of a HEAD answer,
     * and a client that asks HEAD first (a link checker, {@code curl -I}) wants it.
     */
    static void headLength(HttpExchange exchange, long length) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
    }

    static void text(HttpExchange exchange, int status, String message) throws IOException {
        respond(exchange, status, TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A redirect to {@code location} (an encoded path). */
    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        respond(exchange, status, TEXT, new byte[0]);
    }

    /**
     * The checks every request passes first: a loopback Host with this port (see {@link LoopbackHost}), and GET or
     * HEAD. False when the request was answered already.
     */
    static boolean admitted(HttpExchange exchange, int port) throws IOException {
        if (!LoopbackHost.allowed(exchange.getRequestHeaders().get("Host"), port)) {
            respond(exchange, 403, TEXT, LoopbackHost.refusal(port));
            return false;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            // RFC 9110: a 405 names the methods there are; OPTIONS asks for just that
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            if (method.equals("OPTIONS")) {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            } else {
                text(exchange, 405, "only GET and HEAD");
            }
            return false;
        }
        return true;
    }
}
