package org.arshif.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.LiveLibrary;
import org.arshif.config.ConfigLoader;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.incremental.ModelHash;
import org.arshif.pipeline.SitePlan;
import org.arshif.site.Library;
import org.arshif.site.PageRenderer;
import org.arshif.site.Routes;
import org.arshif.site.pages.PageJob;

/**
 * {@code arshif:serve}: a preview of the archive on 127.0.0.1, drafts included, that follows the files as they
 * are edited. The library stays in memory and an edit re-reads only the files it touched (see
 * {@link LiveLibrary}); pages are rendered when asked for and kept with the fingerprint of their view model, so
 * an unchanged page is never rendered twice. Open tabs listen on {@value #EVENTS} (server-sent events) and are
 * told to reload when their own page changed. Errors are printed and shown over the page; the last good site
 * stays served until they are fixed.
 *
 * <pre>{@code
 * try (PreviewServer server = PreviewServer.start(Arshif.builder().siteRoot(root), 8080, log)) {
 *     server.awaitStop();
 * }
 * }</pre>
 */
public final class PreviewServer implements AutoCloseable {
    public static final String EVENTS = "/__arshif/events";
    static final String PREFIX = "/__arshif/";
    private static final long QUIET_MILLIS = 20;

    private final HttpServer http;
    private final ExecutorService pool;
    private final LiveLibrary live;
    private final PreviewRun run;
    private final BuildLog log;
    private final ModelHash hasher = new ModelHash();
    private final Map<String, Rendered> pages = new ConcurrentHashMap<>();
    private final Map<String, Diagnostic> renderErrors = new ConcurrentHashMap<>();
    private final List<Client> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger themeGeneration = new AtomicInteger();
    private final AtomicLong rebuilds = new AtomicLong();
    private final Object stopped = new Object();
    private final int port;
    private SiteWatcher watcher;
    private volatile Snapshot good;
    private volatile List<Diagnostic> errors = List.of();
    private volatile long lastRebuildMicros;
    private volatile long lastRebuildCpuMicros;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();
    private boolean closed;

    /** A planned site: its plan, pages by output file, and the files written (theme, client, search index). */
    private record Snapshot(SitePlan site, Map<String, PageJob> jobs, PreviewRun.Site assets) {
    }

    /** A rendered page with the fingerprint it was rendered from (null: not fingerprintable). */
    private record Rendered(String hash, byte[] bytes) {
    }

    /** An open tab listening for reloads, and the output file of its page. */
    private record Client(String file, HttpExchange exchange, OutputStream out) {
    }

    private PreviewServer(HttpServer http, ExecutorService pool, LiveLibrary live, PreviewRun run, BuildLog log) {
        this.http = http;
        this.pool = pool;
        this.live = live;
        this.run = run;
        this.log = log;
        this.port = http.getAddress().getPort();
    }

    /**
     * Loads the archive and starts serving it on {@code 127.0.0.1:port} (0: any free port). The builder's base
     * URL is set to the server's own, and drafts are included.
     */
    public static PreviewServer start(Arshif.Builder builder, int port, BuildLog log) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        try {
            int actual = http.getAddress().getPort();
            Arshif arshif = builder.baseUrl("http://127.0.0.1:" + actual + "/").drafts(true).build();
            long t0 = System.nanoTime();
            LiveLibrary live = LiveLibrary.load(arshif);
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "arshif-http");
                t.setDaemon(true);
                return t;
            });
            PreviewServer server = new PreviewServer(http, pool, live, new PreviewRun(arshif.sitemapLimit()), log);
            server.apply(live.current(), true);
            log.info("Loaded " + live.current().dispatches().size() + " dispatches in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
            http.createContext("/", server::handle);
            http.setExecutor(pool);
            server.watcher = new SiteWatcher(arshif.siteRoot(), arshif.templates(), QUIET_MILLIS, server::changed,
                    server::watchFailed);
            server.watcher.start();
            http.start();
            log.info("Serving " + arshif.siteRoot() + " at " + server.url() + " (drafts included); Ctrl-C stops");
            return server;
        } catch (Throwable e) {
            http.stop(0); // a server that never started must not keep the port
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** How long the last rebuild after a change took, from the batch of changes to the reload events sent. */
    public long lastRebuildMicros() {
        return lastRebuildMicros;
    }

    /** The CPU time of the last rebuild (single-threaded, so its duration on an idle machine). */
    public long lastRebuildCpuMicros() {
        return lastRebuildCpuMicros;
    }

    /** Rebuilds so far (for tests: to wait for one). */
    public long rebuilds() {
        return rebuilds.get();
    }

    /** Blocks until {@link #close()} (from a shutdown hook on Ctrl-C, say). */
    public void awaitStop() throws InterruptedException {
        synchronized (stopped) {
            while (!closed) {
                stopped.wait();
            }
        }
    }

    // ---- changes ------------------------------------------------------------------------------------------

    private synchronized void changed(Set<String> paths, boolean templates, boolean overflow) {
        long t0 = System.nanoTime();
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        try {
            LiveLibrary.Update update = overflow ? live.update(Set.of(ConfigLoader.FILE_NAME), true)
                    : live.update(paths, templates);
            if (templates || update.full()) {
                themeGeneration.incrementAndGet();
                renderErrors.clear();
            }
            long t1 = System.nanoTime();
            List<Diagnostic> before = errors;
            apply(update.library(), false);
            long t2 = System.nanoTime();
            boolean errorsChanged = !before.equals(errors);
            // The terminal hears of an error before the tabs reload to show it.
            if (errorsChanged) {
                errors.forEach(d -> log.warn(d.format()));
                if (errors.isEmpty() && !before.isEmpty()) {
                    log.info("Fixed: the archive has no errors again");
                }
            }
            int reloaded = 0;
            Map<String, Boolean> changedPages = new HashMap<>(); // decided once per page: rendering caches it
            for (Client client : clients) {
                if (errorsChanged || changedPages.computeIfAbsent(client.file(), this::pageChanged)) {
                    send(client, "reload", Long.toString(rebuilds.get() + 1));
                    reloaded++;
                }
            }
            lastRebuildMicros = (System.nanoTime() - t0) / 1000;
            // CPU time of this (single) thread: what the rebuild costs when it does not wait for a busy CPU.
            lastRebuildCpuMicros = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1000;
            log.info(String.format(Locale.ROOT, "Rebuilt in %.1f ms (%.1f ms CPU) after %s (%d file(s) read%s;"
                    + " read+model %.1f ms, plan %.1f ms, pages %.1f ms); reloaded %d tab(s)", lastRebuildMicros / 1000.0,
                    lastRebuildCpuMicros / 1000.0,
                    describe(paths, templates, overflow), update.filesRead(), update.full() ? ", everything" : "",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6, reloaded));
        } catch (RuntimeException e) {
            // The server must outlive a bad edit: report it, keep the last good site.
            log.warn("arshif serve: rebuilding failed: " + e);
            errors = List.of(Diagnostic.error("", 0, 0, "rebuilding failed: " + e));
        } finally {
            rebuilds.incrementAndGet();
        }
    }

    /** A rebuild or the watching ended in an exception (a StackOverflowError, say): shown; the next save retries. */
    private void watchFailed(Throwable e) {
        String message = e + "; the last good site is shown until the next save";
        log.warn("arshif serve: " + message);
        errors = List.of(Diagnostic.error("", 0, 0, message));
        clients.forEach(c -> send(c, "reload", Long.toString(rebuilds.get() + 1)));
    }

    private static String describe(Set<String> paths, boolean templates, boolean overflow) {
        List<String> parts = new ArrayList<>();
        if (!paths.isEmpty()) {
            parts.add(paths.size() == 1 ? paths.iterator().next() : paths.size() + " changed files");
        }
        if (templates) {
            parts.add("a template change");
        }
        if (overflow) {
            parts.add("lost file events");
        }
        return String.join(" and ", parts);
    }

    /** Plans the new library; it becomes the served site unless it has errors and a good one is being served. */
    private void apply(Library library, boolean first) {
        Diagnostics d = new Diagnostics();
        library.findings().forEach(d::add);
        PreviewRun.Site site = run.plan(library, d);
        List<Diagnostic> found = d.sorted().stream().filter(Diagnostic::isError).toList();
        if (found.isEmpty() || good == null) {
            Map<String, PageJob> byFile = new HashMap<>(site.plan().jobs().size() * 2);
            site.plan().jobs().forEach(j -> byFile.put(Routes.file(j.sitePath()), j));
            good = new Snapshot(site.plan(), byFile, site);
        }
        errors = found;
        if (first) {
            found.forEach(e -> log.warn(e.format()));
        }
    }

    /** Whether an open tab's page now renders differently from what it was last served. */
    private boolean pageChanged(String file) {
        Snapshot s = good;
        PageJob job = s.jobs().get(file);
        Rendered served = pages.get(file);
        if (job == null || served == null || served.hash() == null) {
            return true;
        }
        String hash = hash(job);
        if (served.hash().equals(hash)) {
            return false;
        }
        render(s, file, job); // ready before the tab asks for it
        return true;
    }

    private String hash(PageJob job) {
        try {
            return hasher.of(job.template() + "#" + themeGeneration.get(), job.model().get());
        } catch (ModelHash.Unhashable e) {
            return null;
        }
    }

    /** The page's bytes: cached when its model is unchanged, else rendered; on a template error the last good. */
    private byte[] render(Snapshot s, String file, PageJob job) {
        Map<String, Object> model = job.model().get();
        String hash;
        try {
            hash = hasher.of(job.template() + "#" + themeGeneration.get(), model);
        } catch (ModelHash.Unhashable e) {
            hash = null;
        }
        Rendered known = pages.get(file);
        if (known != null && hash != null && hash.equals(known.hash())) {
            return known.bytes();
        }
        try {
            byte[] bytes = s.site().render(job.template(), model);
            pages.put(file, new Rendered(hash, bytes));
            renderErrors.remove(file);
            return bytes;
        } catch (PageRenderer.RenderException e) {
            if (renderErrors.put(file, e.diagnostic()) == null) {
                log.warn(e.diagnostic().format());
            }
            return known != null ? known.bytes() : null;
        }
    }

    // ---- HTTP -------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!LoopbackHost.allowed(exchange.getRequestHeaders().get("Host"), port)) {
                respond(exchange, 403, "text/plain; charset=utf-8", LoopbackHost.refusal(port));
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                respond(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals(EVENTS)) {
                openEvents(exchange);
                return;
            }
            if (path.startsWith(PREFIX)) {
                serveOwnFile(exchange, path.substring(PREFIX.length()));
                return;
            }
            serveSite(exchange, path);
        } catch (RuntimeException e) {
            log.warn("arshif serve: " + exchange.getRequestURI() + ": " + e);
            respond(exchange, 500, "text/plain; charset=utf-8", ("internal error: " + e + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    private void serveSite(HttpExchange exchange, String path) throws IOException {
        Snapshot s = good;
        String file = Routes.file(path);
        var asset = s.assets().read(file);
        if (asset.isPresent()) {
            respond(exchange, 200, ContentTypes.of(file), asset.get());
            return;
        }
        PageJob job = s.jobs().get(file);
        if (job == null && !path.endsWith("/") && s.jobs().containsKey(Routes.file(path + "/"))) {
            exchange.getResponseHeaders().set("Location", Routes.encodePath(path + "/"));
            respond(exchange, 301, "text/plain; charset=utf-8", new byte[0]);
            return;
        }
        int status = 200;
        if (job == null) {
            status = 404;
            file = "404.html";
            job = s.jobs().get(file);
        }
        byte[] bytes = job == null ? null : render(s, file, job);
        List<Diagnostic> shown = new ArrayList<>(errors);
        Diagnostic renderError = renderErrors.get(file);
        if (renderError != null) {
            shown.add(renderError);
        }
        if (bytes == null) {
            status = 500;
            bytes = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Arshif preview</title>"
                    + "</head><body><p>This page cannot be shown yet.</p></body></html>").getBytes(StandardCharsets.UTF_8);
        }
        String type = ContentTypes.of(file);
        if (type.startsWith("text/html")) {
            bytes = LiveHtml.inject(bytes, shown);
        }
        respond(exchange, status, type, bytes);
    }

    private void serveOwnFile(HttpExchange exchange, String name) throws IOException {
        if (!name.equals("live.js") && !name.equals("live.css")) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        try (InputStream in = PreviewServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks org/arshif/serve/" + name);
            }
            respond(exchange, 200, ContentTypes.of(name), in.readAllBytes());
        }
    }

    private void openEvents(HttpExchange exchange) throws IOException {
        String file = "index.html";
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("path=")) {
                    String pathname = URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    file = Routes.file(URI.create("http://x" + pathname).getPath());
                }
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(file, exchange, exchange.getResponseBody());
        clients.add(client);
        send(client, null, "connected");
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

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head || body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    /** Stops watching and serving; open event streams are closed. Safe to call twice (the shutdown hook may). */
    @Override
    public void close() {
        synchronized (stopped) {
            if (closed) {
                return;
            }
            closed = true;
            stopped.notifyAll();
        }
        if (watcher != null) {
            watcher.close();
        }
        for (Client c : clients) {
            c.exchange().close();
        }
        clients.clear();
        http.stop(0);
        pool.shutdownNow();
        log.info("Stopped the preview server");
    }

}
