package org.arshif.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that opens a request and never ends it (slowloris) is closed by {@code serve}, a real process, rather than
 * holding a thread for as long as it likes; a whole request beside it is answered.
 */
class SlowClientTest {
    @TempDir
    Path tmp;

    private Process server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    @Test
    void anUnfinishedRequestIsClosedAndAWholeOneAnswered() throws Exception {
        Path site = tmp.resolve("site");
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>x</title>\n", StandardCharsets.UTF_8);
        Path log = tmp.resolve("log.txt");
        server = CliProcess.builder(
                        List.of(), Map.of(), "serve", "--static", "--output", site.toString(), "--port", "0")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int port = port(log);
        try (Socket stuck = new Socket(InetAddress.getLoopbackAddress(), port)) {
            stuck.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0".getBytes(StandardCharsets.US_ASCII));
            stuck.getOutputStream().flush();
            assertTrue(answer(port).startsWith("HTTP/1.1 200 "), "a whole request beside it is answered");
            // Bounds the wait (the server's bound is 30 s); never a timing assertion.
            stuck.setSoTimeout((int) CliProcess.LIMIT.toMillis());
            InputStream in = stuck.getInputStream();
            int read;
            try {
                read = in.read();
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the unfinished request was never closed", e);
            } catch (IOException reset) {
                read = -1; // closed by a reset: closed all the same
            }
            assertEquals(-1, read, "the server closed the unfinished request without an answer");
        }
        assertTrue(answer(port).startsWith("HTTP/1.1 200 "), "the server still answers");
    }

    private static String answer(int port) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) CliProcess.LIMIT.toMillis());
            s.getOutputStream()
                    .write(("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private int port(Path log) throws Exception {
        Pattern serving = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");
        long end = System.nanoTime() + CliProcess.LIMIT.toNanos();
        while (System.nanoTime() < end && server.isAlive()) {
            Matcher m = serving.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("serve did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }
}
