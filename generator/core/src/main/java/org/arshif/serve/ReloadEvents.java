package org.arshif.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** The open tabs listening for reloads (server-sent events), each with the output file of its page. */
final class ReloadEvents {
    private final List<Client> clients = new CopyOnWriteArrayList<>();

    /** An open tab listening for reloads, and the output file of its page. */
    private record Client(String file, HttpExchange exchange, OutputStream out) {}

    /** Answers {@code exchange} with an event stream that stays open, for a tab showing {@code file}. */
    void open(HttpExchange exchange, String file) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(file, exchange, exchange.getResponseBody());
        clients.add(client);
        send(client, null, "connected");
    }

    /**
     * Tells every tab whose page {@code changed} to reload; the question is asked once per page, since answering it
     * may render the page. Returns how many tabs were told.
     */
    int reload(Predicate<String> changed, long generation) {
        int reloaded = 0;
        Map<String, Boolean> answers = new HashMap<>();
        for (Client client : clients) {
            if (answers.computeIfAbsent(client.file(), changed::test)) {
                send(client, "reload", Long.toString(generation));
                reloaded++;
            }
        }
        return reloaded;
    }

    void closeAll() {
        for (Client c : clients) {
            c.exchange().close();
        }
        clients.clear();
    }

    private void send(Client client, String event, String data) {
        StringBuilder sb = new StringBuilder();
        if (event == null) {
            sb.append("retry: 500\n: ").append(data).append("\n\n");
        } else {
            sb.append("event: ").append(event).append("\ndata: ").append(data).append("\n\n");
        }
        synchronized (client) {
            try {
                client.out().write(sb.toString().getBytes(StandardCharsets.UTF_8));
                client.out().flush();
            } catch (IOException e) {
                clients.remove(client); // the tab went away
                client.exchange().close();
            }
        }
    }
}
