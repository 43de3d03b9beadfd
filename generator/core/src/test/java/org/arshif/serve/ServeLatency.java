package org.arshif.serve;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.arshif.Arshif;
import org.arshif.BuildLog;

/**
 * Measures edit → page-updated latency of {@code serve} on a large archive (not a unit test; run by hand):
 * {@code java -cp target/classes:target/test-classes:<deps> org.arshif.serve.ServeLatency <site> [edits]}.
 * The archive is edited in place: use a copy.
 */
public final class ServeLatency {
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        int edits = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path file;
        try (Stream<Path> walk = Files.walk(root.resolve("content/ar"))) {
            file = walk.filter(p -> p.toString().endsWith(".md"))
                    .sorted()
                    .findFirst()
                    .orElseThrow();
        }
        String text = Files.readString(file);
        Matcher slug = Pattern.compile("(?m)^slug: \"?([^\"\\n]+)\"?$").matcher(text);
        Matcher date = Pattern.compile("(?m)^date: (\\d{4})-(\\d{2})").matcher(text);
        if (!slug.find() || !date.find()) {
            throw new IllegalStateException("no slug or date in " + file);
        }
        String page = "/ar/" + date.group(1) + "/" + date.group(2) + "/" + slug.group(1) + "/";
        long t = System.nanoTime();
        try (PreviewServer server = PreviewServer.start(Arshif.builder().siteRoot(root), 0, new BuildLog() {
            @Override
            public void info(String message) {
                if (message.startsWith("Rebuilt")) {
                    System.out.println(message);
                }
            }

            @Override
            public void warn(String message) {}
        })) {
            System.out.printf(Locale.ROOT, "startup (load + plan): %d ms%n", (System.nanoTime() - t) / 1_000_000);
            HttpClient http = HttpClient.newHttpClient();
            URI pageUri = URI.create("http://127.0.0.1:" + server.port() + Routes.encode(page));
            System.out.println("first GET " + page + ": "
                    + http.send(HttpRequest.newBuilder(pageUri).build(), HttpResponse.BodyHandlers.ofString())
                            .statusCode());
            List<Double> toEvent = new ArrayList<>();
            List<Double> toPage = new ArrayList<>();
            List<Double> rebuild = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            for (int i = 0; i < edits; i++) {
                BlockingQueue<String> lines = new LinkedBlockingQueue<>();
                http.sendAsync(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                                                + PreviewServer.EVENTS + "?path="
                                                + URLEncoder.encode(Routes.encode(page), StandardCharsets.UTF_8)))
                                        .build(),
                                HttpResponse.BodyHandlers.ofLines())
                        .thenAcceptAsync(r -> r.body().forEach(lines::add), run -> {
                            // Its own thread: the stream never ends, and the callback must not run on the caller's.
                            Thread reader = new Thread(run, "events");
                            reader.setDaemon(true);
                            reader.start();
                        });
                while (!": connected".equals(lines.poll(30, TimeUnit.SECONDS))) {
                    // wait for the stream
                }
                String marker = "marker-" + i + "-" + System.nanoTime();
                long t0 = System.nanoTime();
                Files.writeString(file, text + "\n\n" + marker + "\n");
                String line;
                while (!"event: reload".equals(line = lines.poll(30, TimeUnit.SECONDS))) {
                    if (line == null) {
                        throw new IllegalStateException("no reload event");
                    }
                }
                long t1 = System.nanoTime();
                String body = http.send(HttpRequest.newBuilder(pageUri).build(), HttpResponse.BodyHandlers.ofString())
                        .body();
                long t2 = System.nanoTime();
                if (!body.contains(marker)) {
                    throw new IllegalStateException("the page did not change");
                }
                toEvent.add((t1 - t0) / 1e6);
                toPage.add((t2 - t0) / 1e6);
                rebuild.add(server.lastRebuildMicros() / 1e3);
                cpu.add(server.lastRebuildCpuMicros() / 1e3);
                Thread.sleep(200);
            }
            Files.writeString(file, text);
            System.out.printf(
                    Locale.ROOT,
                    "edits: %d%nserver rebuild (batch → events sent): median %.1f ms %s%n"
                            + "edit → reload event (incl. %d ms debounce): median %.1f ms%n"
                            + "edit → updated page received: median %.1f ms %s%n"
                            + "rebuild CPU time (single thread): median %.1f ms %s%n",
                    edits,
                    median(rebuild),
                    rebuild,
                    20,
                    median(toEvent),
                    median(toPage),
                    toPage,
                    median(cpu),
                    cpu);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** Percent-encodes a site path. */
    private static final class Routes {
        static String encode(String path) {
            return org.arshif.site.Routes.encodePath(path);
        }
    }
}
