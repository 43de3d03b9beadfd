package org.arshif.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.arshif.BuildLog;

/**
 * {@code serve --static}: serves an already built site folder on 127.0.0.1 without building anything, under the
 * path of its {@code baseUrl}, with HTTP Range as the search client uses it: what {@code python3 -m http.server}
 * was used for, as a static host serves it.
 */
public final class StaticServer implements Server {
    private final HttpServer http;
    private final ExecutorService pool;
    private final BasePath base;
    private final BuildLog log;
    private final StopSignal stopped = new StopSignal();
    private final RequestDeadline deadline;

    private StaticServer(HttpServer http, ExecutorService pool, RequestDeadline deadline, BasePath base, BuildLog log) {
        this.http = http;
        this.pool = pool;
        this.deadline = deadline;
        this.base = base;
        this.log = log;
    }

    /**
     * Serves {@code folder} on {@code 127.0.0.1:port} (0: any free port) under the path of {@code baseUrl} (null or
     * empty: at the root).
     */
    public static StaticServer start(Path folder, String baseUrl, int port, BuildLog log) throws IOException {
        return start(folder, baseUrl, port, log, RequestDeadline.DEFAULT);
    }

    /** {@link #start(Path, String, int, BuildLog)}, closing a connection whose request is not whole in {@code requestTime}. */
    static StaticServer start(Path folder, String baseUrl, int port, BuildLog log, Duration requestTime)
            throws IOException {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new UncheckedIOException(
                    "no built site to serve; build it first, or name its folder",
                    new NoSuchFileException(root.toString()));
        }
        BasePath base = BasePath.of(baseUrl);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "arshif-static");
            t.setDaemon(true);
            return t;
        });
        RequestDeadline deadline = new RequestDeadline(requestTime);
        StaticServer server = new StaticServer(http, pool, deadline, base, log);
        http.createContext(
                        "/", new StaticFiles(root, base, log, http.getAddress().getPort())::handle)
                .getFilters()
                .add(deadline.filter());
        http.setExecutor(deadline.executor(pool));
        http.start();
        log.info("Serving the built site " + root + " at " + server.url() + " (no build, no reload); Ctrl-C stops");
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The site's address: the server's, with the path of the site's {@code baseUrl}. */
    public URI url() {
        return URI.create(base.url("http://127.0.0.1:" + port()));
    }

    /** Blocks until {@link #close()}. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** Stops serving. Safe to call twice (the shutdown hook may). */
    @Override
    public void close() {
        if (!stopped.stop()) {
            return;
        }
        http.stop(0);
        pool.shutdownNow();
        deadline.close();
        log.info("Stopped the static server");
    }
}
