package org.arshif.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.arshif.BuildLog;
import org.arshif.site.Routes;

/** The live preview's requests: the site's files and pages, the reload events, and the preview's own files. */
final class PreviewHandler {
    private final LiveSite site;
    private final ReloadEvents events;
    private final BuildLog log;
    private final int port;
    private final BasePath base;

    PreviewHandler(LiveSite site, ReloadEvents events, BuildLog log, int port, BasePath base) {
        this.site = site;
        this.base = base;
        this.events = events;
        this.log = log;
        this.port = port;
    }

    void handle(HttpExchange exchange) throws IOException {
        try {
            if (!HttpAnswers.admitted(exchange, port)) {
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(PreviewServer.EVENTS)) {
                openEvents(exchange);
                return;
            }
            if (path.startsWith(PreviewServer.PREFIX)) {
                serveOwnFile(exchange, path.substring(PreviewServer.PREFIX.length()));
                return;
            }
            BasePath.Route route = base.route(path);
            if (route.redirect() != null) {
                HttpAnswers.redirect(exchange, route.status(), route.redirect());
                return;
            }
            LiveSite.Answer answer = site.answer(route.sitePath());
            if (answer.location() != null) {
                HttpAnswers.redirect(exchange, answer.status(), base.raw() + Routes.encodePath(answer.location()));
            } else {
                HttpAnswers.respond(exchange, answer.status(), answer.type(), answer.body());
            }
        } catch (RuntimeException e) {
            log.error("arshif serve: " + exchange.getRequestURI() + ": " + e);
            log.debug("arshif serve: " + exchange.getRequestURI(), e);
            HttpAnswers.text(exchange, 500, "internal error: " + e);
        }
    }

    private void serveOwnFile(HttpExchange exchange, String name) throws IOException {
        if (!name.equals("live.js") && !name.equals("live.css")) {
            HttpAnswers.text(exchange, 404, "not found");
            return;
        }
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks org/arshif/serve/" + name);
            }
            HttpAnswers.respond(exchange, 200, ContentTypes.of(name), in.readAllBytes());
        }
    }

    private void openEvents(HttpExchange exchange) throws IOException {
        String file = "index.html";
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("path=")) {
                    String pathname = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    String sitePath = base.route(
                                    URI.create("http://x" + pathname).getPath())
                            .sitePath();
                    file = sitePath == null ? "404.html" : Routes.file(sitePath);
                }
            }
        }
        events.open(exchange, file);
    }
}
