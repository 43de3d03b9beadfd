package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code sites/wire/} (SPA dispatches chosen by folder, a newsroom's own KUNA profile in arshif.yml, a
 * detected Reuters dispatch) and reads the article pages as a reader sees them.
 */
class WireSiteTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;

    static Path out;

    @BeforeAll
    static void build() {
        Path root = Trees.copy(Trees.site("wire"), tmp.resolve("src"));
        out = tmp.resolve("site");
        Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
    }

    /** The article page whose last URL segment is {@code slug}, wherever the URL scheme puts it. */
    static Path page(String slug) {
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> found =
                    files.filter(p -> p.endsWith(Path.of(slug, "index.html"))).toList();
            assertEquals(1, found.size(), "pages for " + slug + ": " + found);
            return found.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path page) {
        try {
            return Files.readString(page, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String href(Path page) {
        return "/" + out.relativize(page.getParent()).toString().replace('\\', '/') + "/";
    }

    static String body(String html) {
        return html.substring(html.indexOf("<div class=\"body\">"), html.indexOf("</article>"));
    }

    @Test
    void spaArticleShowsItsDatelineDatesAndCategoryAndNoWireMarkup() {
        String html = read(page("spa-ar"));
        assertTrue(html.contains("<h1>ولي العهد يستقبل وفداً اقتصادياً</h1>"), html);
        assertTrue(html.contains("<span class=\"dateline\"><bdi>الرياض</bdi></span>"), html);
        // The dateline's date, in the default (Egyptian/Gulf) month names, and the Hijri date beside it.
        assertTrue(
                html.contains("<time datetime=\"2015-08-11\"><bdi>11 أغسطس 2015</bdi></time>"
                        + " <span class=\"hijri\">(<bdi>26 شوال 1436 هـ</bdi>)</span>"),
                html);
        assertTrue(html.contains("<span class=\"source\"><bdi>واس</bdi></span>"), html);
        assertTrue(html.contains("<a href=\"/ar/tags/politics/\" rel=\"tag\"><bdi>سياسة</bdi></a>"), html);
        String body = body(html);
        for (String gone : List.of("الموافق", "واس", "انتهى", "يتبع", "NNNN", "18:37", "سياسي /")) {
            assertFalse(body.contains(gone), gone + " is in the body: " + body);
        }
        assertTrue(body.startsWith("<div class=\"body\">\n<p>استقبل صاحب السمو"), body);
        // The description is the first sentence, not the dateline.
        assertTrue(html.contains("<meta name=\"description\" content=\"استقبل صاحب السمو"), html);
    }

    @Test
    void aContinuationAndItsLeadLinkToEachOther() {
        Path lead = page("spa-ar");
        Path part = page("spa-ar-part1");
        String leadHtml = read(lead);
        String partHtml = read(part);
        assertTrue(
                leadHtml.contains("<li><span aria-current=\"page\">الجزء <bdi>1</bdi></span></li><li><a href=\""
                        + href(part) + "\">الجزء <bdi>2</bdi></a></li>"),
                leadHtml);
        assertTrue(
                partHtml.contains("<li><a href=\"" + href(lead) + "\">الجزء <bdi>1</bdi></a></li><li><span"
                        + " aria-current=\"page\">الجزء <bdi>2</bdi></span></li>"),
                partHtml);
        assertTrue(partHtml.contains("<h1>ولي العهد يستقبل وفداً اقتصادياً</h1>"), partHtml);
    }

    @Test
    void aNewsroomsOwnProfileFromArshifYml() {
        String html = read(page("kuna-oil"));
        assertTrue(html.contains("<span class=\"dateline\"><bdi>الكويت</bdi></span>"), html);
        assertTrue(html.contains("<span class=\"source\"><bdi>كونا</bdi></span>"), html);
        // No year in a KUNA dateline: the date is the file name's.
        assertTrue(html.contains("<time datetime=\"2015-08-03\"><bdi>3 أغسطس 2015</bdi></time>"), html);
        String body = body(html);
        assertTrue(body.startsWith("<div class=\"body\">\n<p>ارتفع سعر برميل"), body);
        assertFalse(body.contains("النهاية") || body.contains("ع ب ر"), body);
        assertFalse(html.contains("class=\"story\""), "a single dispatch is no story in parts");
    }

    @Test
    void aReutersDispatchIsDetected() {
        String html = read(page("astana"));
        assertTrue(html.contains("<span class=\"dateline\"><bdi>DAMASCUS</bdi></span>"), html);
        assertTrue(html.contains("<span class=\"source\"><bdi>Reuters</bdi></span>"), html);
        String body = body(html);
        assertTrue(
                body.startsWith("<div class=\"body\">\n<p>Syria&#39;s foreign ministry said")
                        || body.startsWith("<div class=\"body\">\n<p>Syria's foreign ministry said"),
                body);
        assertFalse(body.contains("Reporting by"), body);
        // English pages never show the Hijri date.
        assertFalse(html.contains("class=\"hijri\""), html);
    }
}
