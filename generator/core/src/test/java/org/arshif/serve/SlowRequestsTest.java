package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both servers, in this JVM (as {@code mvn arshif:serve} runs them, in Maven's), close a connection whose request is
 * not whole in time (a slowloris client held a thread for as long as it liked), with no JVM-wide property; a whole
 * request beside it, and the next one on the same thread, are answered; the preview's event stream is not cut.
 */
class SlowRequestsTest {
    /** The servers' bound here; the front ends' is 30 s. */
    private static final Duration BOUND = Duration.ofSeconds(1);
    /** How long a test waits for the server to close a connection: bounds the wait, never asserts a time. */
    private static final int WAIT_MILLIS = 30_000;

    @TempDir
    Path tmp;

    @Test
    void theStaticServerClosesAnUnfinishedRequestAndAnswersTheOthers() throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>x</title>\n", StandardCharsets.UTF_8);
        try (StaticServer server = StaticServer.start(site, "", 0, BuildLog.SILENT, BOUND)) {
            int port = server.port();
            for (int round = 0; round < 3; round++) { // the pool's threads, once interrupted, serve on
                try (Socket stuck = send(port, "GET / HTTP/1.1\r\nHost: 127.0")) {
                    assertTrue(answer(port).startsWith("HTTP/1.1 200 "), "a whole request beside it is answered");
                    assertEquals(-1, readOrClosed(stuck), "the unfinished request's connection is closed");
                }
            }
            try (Socket kept = send(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")) {
                String first = readHead(kept.getInputStream());
                assertTrue(first.startsWith("HTTP/1.1 200 "), first);
                kept.getInputStream().readNBytes(contentLength(first));
                kept.getOutputStream().write("GET / HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII));
                assertEquals(-1, readOrClosed(kept), "a second request left unfinished on a kept connection too");
            }
            assertTrue(answer(port).startsWith("HTTP/1.1 200 "));
        }
    }

    @Test
    void thePreviewClosesAnUnfinishedRequestButNotItsEventStream() throws Exception {
        Path root = tmp.resolve("archive");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://news.example/\nlanguages: [en]\n");
        Trees.write(root.resolve("content/en/2017-05-01-a.md"), "---\ntitle: A\n---\n\nText.\n");
        try (PreviewServer server = PreviewServer.start(Arshif.builder().siteRoot(root), 0, BuildLog.SILENT, BOUND);
                Socket events =
                        send(server.port(), "GET " + PreviewServer.EVENTS + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
                Socket stuck = send(server.port(), "GET / HTTP/1.1\r\nHost: 127.0")) {
            assertTrue(readHead(events.getInputStream()).startsWith("HTTP/1.1 200 "));
            assertEquals(-1, readOrClosed(stuck));
            Thread.sleep(3 * BOUND.toMillis());
            events.setSoTimeout(500);
            // Open: either nothing to read yet, or the stream's next event; never its end.
            try {
                assertTrue(events.getInputStream().read() >= 0, "the event stream was cut");
            } catch (SocketTimeoutException stillOpen) {
                // open and quiet
            }
            assertTrue(answer(server.port()).startsWith("HTTP/1.1 "));
        }
    }

    private static Socket send(int port, String text) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(WAIT_MILLIS);
        // The servers answer only requests addressed to them with their port (LoopbackHost).
        String addressed = text.replace("Host: 127.0.0.1\r\n", "Host: 127.0.0.1:" + port + "\r\n");
        s.getOutputStream().write(addressed.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        return s;
    }

    /** -1 when the server closed the connection (a reset counts), before the wait ran out. */
    private static int readOrClosed(Socket s) throws IOException {
        try {
            return s.getInputStream().read();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("not closed in " + WAIT_MILLIS + " ms", e);
        } catch (IOException reset) {
            return -1;
        }
    }

    private static String answer(int port) throws IOException {
        try (Socket s = send(port, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")) {
            return readHead(s.getInputStream());
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while (!head.toString().endsWith("\r\n\r\n") && (c = in.read()) >= 0) {
            head.append((char) c);
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).strip());
            }
        }
        return assertThrows(AssertionError.class, () -> {
                    throw new AssertionError("no Content-Length in " + head);
                })
                .hashCode();
    }
}
