package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.pipeline.SiteRun;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both servers serve the site where it will be published: under the path of its {@code baseUrl}
 * ({@code https://news.example/archive/} in the fixture), as GitHub Pages serves a project site, so that every link
 * of its pages works. The static one serves a built folder as a host does: Range, folders, 404, content types.
 */
class ServedAsPublishedTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"(/[^\"]*)\"");

    @TempDir
    Path tmp;

    private Server server;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void thePreviewServesTheSiteUnderThePathOfBaseUrl() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        server = PreviewServer.start(Arshif.builder().siteRoot(root).clock(CLOCK), 0, BuildLog.SILENT);
        assertServedUnderArchive();
    }

    @Test
    void theStaticServerServesTheBuiltSiteUnderThePathOfBaseUrl() throws Exception {
        Path site = built();
        server = StaticServer.start(site, "https://news.example/archive/", 0, BuildLog.SILENT);
        assertServedUnderArchive();
        HttpResponse<byte[]> home = get("/archive/", null);
        assertArrayEquals(Files.readAllBytes(site.resolve("index.html")), home.body(), "a folder is its index.html");
        assertEquals("bytes", home.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals(
                "text/html; charset=utf-8",
                home.headers().firstValue("Content-Type").orElse(""));
        assertEquals(301, get("/archive/en", null).statusCode());
        assertEquals(
                "/archive/en/",
                get("/archive/en", null).headers().firstValue("Location").orElse(""));
        HttpResponse<byte[]> missing = get("/archive/en/nowhere/", null);
        assertEquals(404, missing.statusCode());
        assertArrayEquals(Files.readAllBytes(site.resolve("404.html")), missing.body(), "the site's 404 page");
        assertEquals(404, get("/en/", null).statusCode(), "outside the base path there is no site");
        assertEquals(
                "HTTP/1.1 404 Not Found",
                statusLine(
                        "GET /archive/../../../etc/passwd HTTP/1.1\r\nHost: " + "127.0.0.1:" + server.port() + "\r\n"),
                "no way out of the folder");
        assertEquals(
                "HTTP/1.1 404 Not Found",
                statusLine("GET /archive/en/%00/ HTTP/1.1\r\nHost: " + "127.0.0.1:" + server.port() + "\r\n"),
                "a NUL, which no file name holds, is a missing file, not an internal error");
        assertEquals(
                "HTTP/1.1 403 Forbidden",
                statusLine("GET /archive/ HTTP/1.1\r\nHost: evil.example:" + server.port() + "\r\n"),
                "the loopback Host check of the live preview");
    }

    @Test
    void theStaticServerAnswersSingleRanges() throws Exception {
        Path site = built();
        server = StaticServer.start(site, "https://news.example/archive/", 0, BuildLog.SILENT);
        byte[] file = Files.readAllBytes(site.resolve(SiteRun.searchClientEntry()));
        String path = "/archive/" + SiteRun.searchClientEntry();
        assertEquals(
                "text/javascript; charset=utf-8",
                get(path, null).headers().firstValue("Content-Type").get());

        HttpResponse<byte[]> first = get(path, "bytes=0-9");
        assertEquals(206, first.statusCode());
        assertEquals(
                "bytes 0-9/" + file.length,
                first.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, 0, 10), first.body());

        HttpResponse<byte[]> middle = get(path, "bytes=100-");
        assertEquals(206, middle.statusCode());
        assertArrayEquals(Arrays.copyOfRange(file, 100, file.length), middle.body());

        HttpResponse<byte[]> last = get(path, "bytes=-5");
        assertEquals(
                "bytes " + (file.length - 5) + "-" + (file.length - 1) + "/" + file.length,
                last.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(file, file.length - 5, file.length), last.body());

        HttpResponse<byte[]> beyond = get(path, "bytes=" + file.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals(
                "bytes */" + file.length,
                beyond.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> several = get(path, "bytes=0-1,5-6");
        assertEquals(200, several.statusCode(), "several ranges: the whole file, as RFC 9110 allows");
        assertArrayEquals(file, several.body());
    }

    /** The built site of the fixture, as {@code mvn package} writes it. */
    private Path built() {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        Path out = tmp.resolve("site");
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        return out;
    }

    /** {@code /} leads to the site; its home page, stylesheet and every link of the home and a list page work. */
    private void assertServedUnderArchive() throws Exception {
        assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/archive/"), server.url());
        HttpResponse<byte[]> root = get("/", null);
        assertEquals(302, root.statusCode());
        assertEquals("/archive/", root.headers().firstValue("Location").orElse(""));
        assertEquals(
                "/archive/",
                get("/archive", null).headers().firstValue("Location").orElse(""));

        String home = text(get("/archive/", null));
        assertTrue(home.contains("rel=\"stylesheet\" href=\"/archive/static/"), home);
        TreeSet<String> links = new TreeSet<>(links(home));
        links.addAll(links(text(get("/archive/en/", null))));
        assertTrue(links.size() > 10, links::toString);
        for (String link : links) {
            assertTrue(link.startsWith("/archive/"), link);
            assertEquals(200, get(link, null).statusCode(), link);
        }
    }

    private static List<String> links(String html) {
        Matcher m = LINK.matcher(html);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (!link.startsWith("/__arshif/")) {
                found.add(link.contains("#") ? link.substring(0, link.indexOf('#')) : link);
            }
        }
        return found;
    }

    private String text(HttpResponse<byte[]> response) {
        assertEquals(200, response.statusCode(), response.uri().toString());
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpResponse<byte[]> get(String path, String range) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(WAIT);
        if (range != null) {
            request.header("Range", range);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String statusLine(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            socket.getOutputStream().write((request + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
    }
}
