package org.arshif.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.LiveLibrary;
import org.arshif.config.ConfigLoader;
import org.arshif.diag.Diagnostics;

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
public final class PreviewServer implements Server {
    public static final String EVENTS = "/__arshif/events";
    static final String PREFIX = "/__arshif/";
    private static final long QUIET_MILLIS = 20;
    // a batch that can only be one finished save (SiteWatcher) ends after this much quiet: 17 ms sooner
    private static final long SETTLE_MILLIS = 3;

    private final HttpServer http;
    private final ExecutorService pool;
    private final LiveSite site;
    private final ReloadEvents events;
    private final BuildLog log;
    private final StopSignal stopped = new StopSignal();
    private final int port;
    private final BasePath base;
    private SiteWatcher watcher;
    private RequestDeadline deadline;

    private PreviewServer(
            HttpServer http, ExecutorService pool, LiveSite site, ReloadEvents events, BuildLog log, BasePath base) {
        this.http = http;
        this.base = base;
        this.pool = pool;
        this.site = site;
        this.events = events;
        this.log = log;
        this.port = http.getAddress().getPort();
    }

    /**
     * Loads the archive and starts serving it on {@code 127.0.0.1:port} (0: any free port), under the path of
     * the site's {@code baseUrl} as the published site is. The builder's base URL is set to the server's own with
     * that path, and drafts are included.
     */
    public static PreviewServer start(Arshif.Builder builder, int port, BuildLog log) throws IOException {
        return start(builder, port, log, RequestDeadline.DEFAULT);
    }

    /** {@link #start(Arshif.Builder, int, BuildLog)}, closing a connection whose request is not whole in time. */
    static PreviewServer start(Arshif.Builder builder, int port, BuildLog log, Duration requestTime)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        SiteWatcher watcher = null;
        try {
            int actual = http.getAddress().getPort();
            BasePath base = BasePath.of(ConfigLoader.load(builder.build().siteRoot(), new Diagnostics())
                    .baseUrl());
            Arshif arshif = builder.baseUrl(base.url("http://127.0.0.1:" + actual))
                    .drafts(true)
                    .build();
            long t0 = System.nanoTime();
            // Watched from before the archive is read: a file renamed while it is read (its old name gone when
            // read, its new one made before a later watch began) is then rebuilt once serving starts, not lost.
            AtomicReference<LiveSite> served = new AtomicReference<>();
            watcher = new SiteWatcher(
                    arshif.siteRoot(),
                    arshif.templates(),
                    QUIET_MILLIS,
                    SETTLE_MILLIS,
                    (paths, templates, overflow, noticed) -> served.get().changed(paths, templates, overflow, noticed),
                    e -> served.get().watchFailed(e));
            LiveLibrary live = LiveLibrary.load(arshif);
            ExecutorService pool = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "arshif-http");
                t.setDaemon(true);
                return t;
            });
            ReloadEvents events = new ReloadEvents();
            LiveSite site = new LiveSite(live, new PreviewRun(arshif.sitemapLimit()), log, events);
            served.set(site);
            PreviewServer server = new PreviewServer(http, pool, site, events, log, base);
            log.info("Loaded " + live.current().dispatches().size() + " dispatches in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
            RequestDeadline deadline = new RequestDeadline(requestTime);
            server.deadline = deadline;
            http.createContext("/", new PreviewHandler(site, events, log, actual, base)::handle)
                    .getFilters()
                    .add(deadline.filter());
            http.setExecutor(deadline.executor(pool));
            server.watcher = watcher;
            server.watcher.start();
            http.start();
            log.info("Serving " + arshif.siteRoot() + " at " + server.url() + " (drafts included); Ctrl-C stops");
            site.indexInBackground(server.watcher::lastHeard);
            return server;
        } catch (Throwable e) {
            if (watcher != null) {
                watcher.close();
            }
            http.stop(0); // a server that never started must not keep the port
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The site's address: the server's, with the path of the site's {@code baseUrl}. */
    public URI url() {
        return URI.create(base.url("http://127.0.0.1:" + port));
    }

    /** How long the last rebuild after a change took, from the batch of changes to the reload events sent. */
    public long lastRebuildMicros() {
        return site.lastRebuildMicros();
    }

    /** The CPU time of the last rebuild (single-threaded, so its duration on an idle machine). */
    public long lastRebuildCpuMicros() {
        return site.lastRebuildCpuMicros();
    }

    /** Rebuilds so far (for tests: to wait for one). */
    public long rebuilds() {
        return site.rebuilds();
    }

    /** Blocks until {@link #close()} (from a shutdown hook on Ctrl-C, say). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops watching and serving; open event streams are closed. Safe to call twice (the shutdown hook may). */
    @Override
    public void close() {
        if (!stopped.stop()) {
            return;
        }
        if (watcher != null) {
            watcher.close();
        }
        events.closeAll();
        http.stop(0);
        pool.shutdownNow();
        if (deadline != null) {
            deadline.close();
        }
        site.close();
        log.info("Stopped the preview server");
    }
}
