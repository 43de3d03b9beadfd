package org.arshif.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.Normalizer;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.arshif.BuildLog;
import org.arshif.site.Routes;

/**
 * The requests of {@code serve --static}: the files of a built site, as a static host serves them. A folder is its
 * {@code index.html} (without the slash, a redirect to it), a missing file is the site's {@code 404.html} with
 * status 404, and a single {@code Range} gets 206, or 416 when no byte of the file is in it.
 */
final class StaticFiles {
    private final Path folder;
    private final BasePath base;
    private final BuildLog log;
    private final int port;
    private final Set<String> linksOut = ConcurrentHashMap.newKeySet();

    StaticFiles(Path folder, BasePath base, BuildLog log, int port) {
        this.folder = folder;
        this.base = base;
        this.log = log;
        this.port = port;
    }

    void handle(HttpExchange exchange) throws IOException {
        try {
            if (!HttpAnswers.admitted(exchange, port)) {
                return;
            }
            BasePath.Route route = base.route(exchange.getRequestURI().getPath());
            if (route.redirect() != null) {
                HttpAnswers.redirect(exchange, route.status(), route.redirect());
                return;
            }
            serve(exchange, route.sitePath());
        } catch (IOException | RuntimeException e) {
            log.error("arshif serve: " + exchange.getRequestURI() + ": " + e);
            log.debug("arshif serve: " + exchange.getRequestURI(), e);
            HttpAnswers.text(exchange, 500, "internal error: " + e);
        }
    }

    private void serve(HttpExchange exchange, String sitePath) throws IOException {
        String nfc = sitePath == null ? null : Normalizer.normalize(sitePath, Normalizer.Form.NFC);
        Path file = nfc == null ? null : resolve(nfc);
        if (file != null && Files.isDirectory(file)) {
            if (!sitePath.endsWith("/")) {
                HttpAnswers.redirect(exchange, 301, base.raw() + Routes.encodePath(sitePath + "/"));
                return;
            }
            file = resolve(nfc + "index.html"); // checked again: the index may be a link of its own
        }
        if (file == null || !Files.isRegularFile(file)) {
            Path notFound = resolve("/404.html");
            if (notFound != null && Files.isRegularFile(notFound)) {
                send(exchange, 404, notFound, null);
            } else {
                HttpAnswers.text(exchange, 404, "not found");
            }
            return;
        }
        send(exchange, 200, file, exchange.getRequestHeaders().getFirst("Range"));
    }

    /**
     * The file of a site path inside the folder; null for a path that would leave it, by its name or through a
     * symbolic link that leads out of the folder (which is logged once, with its fix).
     */
    private Path resolve(String sitePath) {
        Path file;
        try {
            file = folder.resolve(sitePath.substring(1)).normalize();
        } catch (InvalidPathException e) {
            return null; // a NUL or another character no file name can hold: no such file
        }
        if (!file.startsWith(folder)) {
            return null;
        }
        Optional<Path> target = realPath(file);
        Optional<Path> inside = realPath(folder);
        if (target.isPresent() && inside.isPresent() && !target.get().startsWith(inside.get())) {
            if (linksOut.add(sitePath)) {
                log.warn("arshif serve: " + sitePath + " leads through a symbolic link out of the site folder, to "
                        + target.get() + ", so it is not served (404): a host serves only the site's own files;"
                        + " put the file itself in the site, or remove the link");
            }
            return null;
        }
        return file;
    }

    /** The path with every symbolic link followed; empty when nothing is there (a dangling link too). */
    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, int status, Path file, String range) throws IOException {
        String name = file.getFileName().toString();
        exchange.getResponseHeaders().set("Content-Type", ContentTypes.of(name));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteRange.Request request = status == 200 ? ByteRange.parse(range, size) : new ByteRange.Whole();
            if (request instanceof ByteRange.Unsatisfiable) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                HttpAnswers.text(
                        exchange, 416, "the range " + range + " is not within the " + size + " bytes of " + name);
                return;
            }
            ByteRange part = request instanceof ByteRange.Part p ? p.range() : new ByteRange(0, size - 1);
            if (request instanceof ByteRange.Part) {
                status = 206;
                exchange.getResponseHeaders().set("Content-Range", part.contentRange(size));
            }
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (head) {
                HttpAnswers.headLength(exchange, part.length());
            }
            exchange.sendResponseHeaders(status, head || part.length() == 0 ? -1 : part.length());
            if (!head && part.length() > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    copy(channel, part, Channels.newChannel(out));
                }
            }
        } finally {
            exchange.close();
        }
    }

    private static void copy(FileChannel channel, ByteRange part, WritableByteChannel out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long position = part.start();
        long remaining = part.length();
        while (remaining > 0) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), remaining));
            int read = channel.read(buffer, position);
            if (read < 0) {
                break; // the file shrank while being sent
            }
            buffer.flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            position += read;
            remaining -= read;
        }
    }
}
