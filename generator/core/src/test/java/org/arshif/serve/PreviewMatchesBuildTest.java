package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.pipeline.SiteRun;
import org.arshif.site.OutputGuard;
import org.arshif.site.Routes;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} and {@code build} run one pipeline: every file a build writes, the search index and the client's
 * modules included, is served by a real preview server of the same archive with the same bytes, before and after
 * an edit. The one documented difference: the preview puts its live-reload stylesheet and script
 * ({@link LiveHtml#HEAD}) before {@code </head>} of each HTML page. The build runs with the preview's options:
 * its base URL, drafts included.
 */
class PreviewMatchesBuildTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private PreviewServer server;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theServedSiteIsTheBuiltSiteSearchIndexIncluded() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("archive"));
        server = PreviewServer.start(Arshif.builder().siteRoot(root).clock(CLOCK), 0, collect());
        // The first index is written in the background, before anything asks for it.
        awaitLog("Search index ready in ", 1);

        SortedMap<String, byte[]> before = build(root, "before");
        assertTrue(
                before.keySet().stream().anyMatch(f -> f.matches("ar/search/manifest\\..+\\.json\\.gz")),
                before.keySet()::toString);
        assertTrue(before.containsKey(SiteRun.searchClientEntry()), before.keySet()::toString);
        assertServedAsBuilt(before);

        // Each edit reaches the served search index too, written after the rebuild without a request, from what
        // the last index kept: the same bytes as a fresh build's.
        List<String> edits = List.of(
                "content/en/fair.md", "content/ar/damascus-fair.md", "content/en/fair.md", "content/en/fair.md");
        SortedMap<String, byte[]> last = before;
        for (int i = 0; i < edits.size(); i++) {
            Path file = root.resolve(edits.get(i));
            Files.writeString(
                    file,
                    Files.readString(file) + "\nA paragraph about zeppelins, " + i + ".\n",
                    StandardCharsets.UTF_8);
            awaitLog("Search index updated ", i + 1);
            String updated = log.stream()
                    .filter(l -> l.startsWith("Search index updated "))
                    .toList()
                    .get(i);
            String untouched = edits.get(i).startsWith("content/en/") ? "ar" : "en";
            assertTrue(
                    updated.contains(untouched + ": unchanged"), "the other language is not written again: " + updated);
            SortedMap<String, byte[]> after = build(root, "after" + i);
            assertNotEquals(manifests(last), manifests(after), "edit " + i + " changed an index");
            assertServedAsBuilt(after);
            last = after;
        }
    }

    private BuildLog collect() {
        return new BuildLog() {
            @Override
            public void info(String message) {
                log.add(message);
            }

            @Override
            public void warn(String message) {
                log.add(message);
            }
        };
    }

    /** Waits until {@code count} lines starting with {@code start} were logged. */
    private void awaitLog(String start, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (log.stream().filter(l -> l.startsWith(start)).count() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, log.stream().filter(l -> l.startsWith(start)).count(), log::toString);
    }

    private SortedMap<String, byte[]> build(Path root, String name) {
        Path out = tmp.resolve(name);
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(CLOCK)
                .baseUrl(server.url().toString())
                .drafts(true)
                .build()
                .build();
        return Trees.read(out);
    }

    private void assertServedAsBuilt(SortedMap<String, byte[]> built) throws IOException, InterruptedException {
        for (Map.Entry<String, byte[]> file : built.entrySet()) {
            if (file.getKey().equals(OutputGuard.MARKER)) {
                continue; // the build's mark on its own output folder, not a page of the site
            }
            HttpResponse<byte[]> served = http.send(
                    HttpRequest.newBuilder(server.url().resolve(Routes.encodePath(file.getKey())))
                            .timeout(WAIT)
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, served.statusCode(), file.getKey());
            byte[] expected = file.getKey().endsWith(".html")
                    ? LiveHtml.inject(file.getValue(), List.of(), OverlayWords.ARABIC)
                    : file.getValue();
            assertArrayEquals(expected, served.body(), file.getKey());
        }
    }

    private static List<String> manifests(SortedMap<String, byte[]> site) {
        return site.keySet().stream()
                .filter(f -> f.contains("/search/manifest."))
                .toList();
    }
}
