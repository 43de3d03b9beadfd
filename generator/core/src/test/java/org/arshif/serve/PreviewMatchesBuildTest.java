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
        server = PreviewServer.start(Arshif.builder().siteRoot(root).clock(CLOCK), 0, BuildLog.SILENT);

        SortedMap<String, byte[]> before = build(root, "before");
        assertTrue(
                before.keySet().stream().anyMatch(f -> f.matches("ar/search/manifest\\..+\\.json\\.gz")),
                before.keySet()::toString);
        assertTrue(before.containsKey(SiteRun.searchClientEntry()), before.keySet()::toString);
        assertServedAsBuilt(before);

        // An edit reaches the served search index too.
        long rebuilds = server.rebuilds();
        Path fair = root.resolve("content/en/fair.md");
        Files.writeString(fair, Files.readString(fair) + "\nA paragraph about zeppelins.\n", StandardCharsets.UTF_8);
        awaitRebuild(rebuilds);
        SortedMap<String, byte[]> after = build(root, "after");
        assertNotEquals(manifests(before), manifests(after), "the edit changed the English index");
        assertServedAsBuilt(after);
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

    private void awaitRebuild(long before) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (server.rebuilds() == before && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(server.rebuilds() > before, "a rebuild happened");
    }
}
