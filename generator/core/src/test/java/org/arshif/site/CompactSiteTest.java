package org.arshif.site;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.arshif.Arshif;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compact: true} leaves out an article's optional extras (related dispatches, newer/older links, Open Graph
 * and JSON-LD) and keeps what a reader and a crawler need: the text, its tags, the canonical link, hreflang.
 */
class CompactSiteTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void aCompactArticleKeepsTextTagsAndLinksWithoutTheExtras() throws IOException {
        String full = article(false);
        String compact = article(true);
        for (String extra : new String[] {
            "<meta property=\"og:title\"",
            "<script type=\"application/ld+json\">",
            "<section class=\"related\"",
            "<nav class=\"prev-next\""
        }) {
            assertTrue(full.contains(extra), "by default: " + extra);
            assertFalse(compact.contains(extra), "compact: " + extra);
        }
        for (String kept : new String[] {
            "<link rel=\"canonical\" href=\"https://news.example/en/2017/05/b/\">",
            "<link rel=\"alternate\" hreflang=\"ar\"",
            "<meta name=\"description\" content=\"Text b.\">",
            "<a href=\"/en/tags/syria/\" rel=\"tag\">",
            "<p>Text b.</p>"
        }) {
            assertTrue(compact.contains(kept), "compact keeps " + kept + "\n" + compact);
        }
    }

    private String article(boolean compact) throws IOException {
        Path root = dir.resolve("src-" + compact);
        write(root, "arshif.yml", "baseUrl: https://news.example/\n" + (compact ? "compact: true\n" : ""));
        for (String s : new String[] {"a", "b", "c"}) {
            write(
                    root,
                    "content/en/2017-05-0" + (s.charAt(0) - 'a' + 1) + "-" + s + ".md",
                    "---\ntitle: Dispatch " + s + "\ntranslationKey: " + s + "\ntags: [syria]\n---\n\nText " + s
                            + ".\n");
        }
        write(root, "content/ar/2017-05-02-b.md", "---\ntitle: خبر\ntranslationKey: b\ntags: [syria]\n---\n\nنص.\n");
        Path out = dir.resolve("site-" + compact);
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        return Files.readString(out.resolve("en/2017/05/b/index.html"), StandardCharsets.UTF_8);
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path file = root.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
