package org.arshif.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import org.arshif.Arshif;
import org.arshif.BuildLog;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview follows a section page ({@code _index.md}) as the build does: a real server shows the section's list
 * headed by its title and introduced by its text as soon as the page is written, edited or deleted.
 */
class SectionPagePreviewTest {
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
    void theSectionsListFollowsItsSectionPage() throws Exception {
        Path root = tmp.resolve("site");
        Trees.write(root.resolve("content/en/economy/2017-05-01-oil.md"), "---\ntitle: Oil\n---\n\nOil rose.\n");
        server = PreviewServer.start(Arshif.builder().siteRoot(root), 0, BuildLog.SILENT);
        String list = "/en/economy/";
        assertTrue(served(list, html -> html.contains("<h1>economy</h1>")).contains("<h1>economy</h1>"));

        Path page = root.resolve("content/en/economy/_index.md");
        Files.writeString(page, "---\ntitle: Economy and Trade\n---\n", StandardCharsets.UTF_8);
        String titled = served(list, html -> html.contains("<h1>Economy and Trade</h1>"));
        assertTrue(titled.contains("<h1>Economy and Trade</h1>"), titled);

        Files.writeString(
                page, "---\ntitle: Economy and Trade\n---\n\nThe desk's *economy* coverage.\n", StandardCharsets.UTF_8);
        String text = served(list, html -> html.contains("<p>The desk's <em>economy</em> coverage.</p>"));
        assertTrue(text.contains("<div class=\"section-text\">\n<p>The desk's <em>economy</em> coverage.</p>"), text);

        Files.delete(page);
        String plain = served(list, html -> html.contains("<h1>economy</h1>"));
        assertEquals(-1, plain.indexOf("section-text"), plain);
    }

    /** The page as served once it passes {@code ready}, or as last served when the wait ends. */
    private String served(String sitePath, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body;
        do {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(server.url().resolve(sitePath))
                            .timeout(WAIT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            body = response.body();
            if (response.statusCode() == 200 && ready.test(body)) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return body;
    }
}
