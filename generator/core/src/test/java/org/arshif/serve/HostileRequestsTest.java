package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.arshif.BuildLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests a browser does not send, against {@code serve --static} (which reads files from disk) and the live
 * preview's shared answers: a symbolic link in the site that leads out of it, Range headers it cannot read,
 * OPTIONS and other methods, HEAD's length. Raw sockets, so that nothing between normalizes the request.
 */
class HostileRequestsTest {
    @TempDir
    Path tmp;

    private Server server;
    private final List<String> warnings = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSymbolicLinkOutOfTheSiteIsNotServedAndIsNamedOnce() throws Exception {
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "not the site's");
        Path site = site();
        Files.createSymbolicLink(site.resolve("leak.txt"), outside);
        Files.createSymbolicLink(site.resolve("etc"), tmp);
        Files.createDirectories(site.resolve("en/linked"));
        Files.createSymbolicLink(site.resolve("en/linked/index.html"), outside);
        Files.createSymbolicLink(site.resolve("inside.txt"), site.resolve("robots.txt"));
        start(site);

        for (String path : List.of("/leak.txt", "/etc/secret.txt", "/en/linked/", "/leak.txt")) {
            String answer = get(path, "");
            assertTrue(answer.startsWith("HTTP/1.1 404 "), path + ": " + answer);
            assertFalse(answer.contains("not the site's"), path + ": " + answer);
        }
        assertEquals(
                List.of(
                        "arshif serve: /leak.txt leads through a symbolic link out of the site folder, to "
                                + outside.toRealPath()
                                + ", so it is not served (404): a host serves only the site's own files; put the"
                                + " file itself in the site, or remove the link",
                        "arshif serve: /etc/secret.txt leads through a symbolic link out of the site folder, to "
                                + outside.toRealPath() + ", so it is not served (404): a host serves only the site's"
                                + " own files; put the file itself in the site, or remove the link",
                        "arshif serve: /en/linked/index.html leads through a symbolic link out of the site folder,"
                                + " to " + outside.toRealPath() + ", so it is not served (404): a host serves only"
                                + " the site's own files; put the file itself in the site, or remove the link"),
                warnings,
                "each path once, though /leak.txt was asked for twice");
        String inside = get("/inside.txt", "");
        assertTrue(inside.startsWith("HTTP/1.1 200 ") && inside.endsWith("User-agent: *\n"), inside);
    }

    @Test
    void aRangeWithANumberTooLongToReadIsIgnoredNotReadAsTheFilesLastBytes() throws Exception {
        start(site());
        String answer = get("/robots.txt", "Range: bytes=" + "0".repeat(100_000) + "-1\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 200 "), answer);
        assertTrue(answer.endsWith("User-agent: *\n"), "the whole file: " + answer);
        assertTrue(get("/robots.txt", "Range: bytes=00-1\r\n").startsWith("HTTP/1.1 206 "), "leading zeros read");
    }

    @Test
    void optionsAndOtherMethodsAreToldWhatThereIs() throws Exception {
        start(site());
        String options = request("OPTIONS /robots.txt HTTP/1.1\r\n" + host() + "\r\n");
        assertTrue(options.startsWith("HTTP/1.1 204 "), options);
        assertTrue(options.contains("\r\nAllow: GET, HEAD\r\n"), options);
        String post = request("POST /robots.txt HTTP/1.1\r\n" + host() + "Content-Length: 0\r\n\r\n");
        assertTrue(post.startsWith("HTTP/1.1 405 "), post);
        assertTrue(post.contains("\r\nAllow: GET, HEAD\r\n"), post);
        String head = request("HEAD /robots.txt HTTP/1.1\r\n" + host() + "\r\n");
        assertTrue(head.startsWith("HTTP/1.1 200 "), head);
        assertTrue(head.contains("\r\nContent-length: 14\r\n"), "the GET's length: " + head);
        assertTrue(head.endsWith("\r\n\r\n"), "no body: " + head);
    }

    private Path site() throws IOException {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("robots.txt"), "User-agent: *\n");
        Files.writeString(site.resolve("404.html"), "<!DOCTYPE html><title>Not found</title>\n");
        Files.createDirectories(site.resolve("en"));
        Files.writeString(site.resolve("en/index.html"), "<!DOCTYPE html><title>Home</title>\n");
        return site;
    }

    private void start(Path site) throws IOException {
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {}

            @Override
            public void warn(String message) {
                warnings.add(message);
            }

            @Override
            public void error(String message) {
                warnings.add(message);
            }

            @Override
            public void debug(String message, Throwable cause) {}
        };
        server = StaticServer.start(site, "https://news.example/", 0, log);
    }

    private String host() {
        return "Host: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n";
    }

    private String get(String path, String headers) throws IOException {
        return request("GET " + path + " HTTP/1.1\r\n" + host() + headers + "\r\n");
    }

    /** The whole answer to a request sent as it is, its headers and body as text. */
    private String request(String raw) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(raw.getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
