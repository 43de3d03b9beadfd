package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.arshif.pipeline.SiteRun;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the small bilingual fixture site ({@code src/test/resources/sites/bilingual/}) with the built-in theme and
 * compares every output file with the committed expected site ({@code sites/bilingual-expected/}, plain HTML to
 * read and diff).
 *
 * <p>When a change to the output is intended, regenerate the expected files and review them with git diff:
 * <pre>mvn -B test -Dtest=GoldenSiteTest -Darshif.updateGolden=true</pre>
 */
class GoldenSiteTest {
    /** Everything published up to this instant; the fixture's 2017-07-01 dispatch is in its future. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    static final Path EXPECTED = Trees.site("bilingual-expected");
    static final boolean UPDATE = Boolean.getBoolean("arshif.updateGolden");

    @TempDir
    Path tmp;

    /** Copies the fixture out of the repository (so no git history applies) and builds it. */
    static Path build(Path tmp, String name) {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve(name + "-src"));
        Path out = tmp.resolve(name);
        BuildReport report =
                Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build().build();
        assertEquals(Map.of("ar", 3, "en", 3), report.pagesPerLanguage(), report.summary());
        // Theme files (the stylesheet, the client's modules) are copied byte for byte from templates/static and
        // src/main/js; a second copy here would only duplicate them. Pages still pin the stylesheet's hashed name.
        assertTrue(Files.isRegularFile(out.resolve(SiteRun.searchClientEntry())));
        try (var css = Files.list(out.resolve("static"))) {
            assertTrue(css.anyMatch(p -> p.getFileName().toString().matches("style\\.[0-9a-f]{10}\\.css")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Trees.deleteTree(out.resolve("static"));
        return out;
    }

    @Test
    void everyFileMatchesTheExpectedSite() {
        Path out = build(tmp, "site");
        if (UPDATE) {
            Trees.replace(out, EXPECTED);
        }
        Optional<String> difference = Trees.firstDifference(EXPECTED, out);
        difference.ifPresent(d -> fail("the fixture site differs from " + EXPECTED + "\n" + d
                + "\nIf the change is intended: mvn test -Dtest=GoldenSiteTest -Darshif.updateGolden=true,"
                + " then review the expected files with git diff."));
    }

    @Test
    void twoBuildsAreByteIdentical() {
        Path first = build(tmp, "one");
        Path second = build(tmp, "two");
        assertTrue(Trees.read(first).size() > 40, "the fixture site should have dozens of files");
        assertEquals(Optional.empty(), Trees.firstDifference(first, second));
    }

    /** The few facts the golden files are there to pin, spelled out so a careless golden update cannot lose them. */
    @Test
    void keyFactsOfTheFixtureSite() throws IOException {
        Path out = build(tmp, "site");
        String arHome = Files.readString(out.resolve("ar/index.html"));
        String enArticle = Files.readString(out.resolve("en/2017/04/fair/index.html"));
        String arArticle = Files.readString(out.resolve("ar/2017/04/معرض-دمشق/index.html"));
        String arAgency = Files.readString(out.resolve("ar/2017/05/putin-call/index.html"));
        String enAgency = Files.readString(out.resolve("en/2017/05/putin-call/index.html"));

        assertTrue(arHome.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assertTrue(enArticle.contains("<html lang=\"en\" dir=\"ltr\">"));
        assertTrue(
                Files.readString(out.resolve("index.html")).contains("<html lang=\"ar\" dir=\"rtl\">"),
                "/ serves the default language");
        // Arabic slug: UTF-8 on disk, and in links (IRIs) under the base path; percent-encoded for og:url.
        assertTrue(
                enArticle.contains("href=\"/archive/ar/2017/04/معرض-دمشق/\""),
                "the English article links its Arabic translation");
        assertTrue(arArticle.contains(
                "<link rel=\"canonical\" href=\"https://news.example/archive/ar/2017/04/معرض-دمشق/\">"));
        assertTrue(arArticle.contains("<meta property=\"og:url\" content=\"https://news.example/archive/ar/2017/04/"
                + "%D9%85%D8%B9%D8%B1%D8%B6-%D8%AF%D9%85%D8%B4%D9%82/\">"));
        assertTrue(arArticle.contains("hreflang=\"x-default\""));
        // The alias is a redirect page to the article.
        String alias = Files.readString(out.resolve("ar/old/fair.html"));
        assertTrue(alias.contains("url=/archive/ar/2017/04/معرض-دمشق/"), alias);
        // Agency text: dateline, no footer or teaser, text not markup.
        assertTrue(arAgency.contains("<bdi>موسكو</bdi>"));
        assertFalse(arAgency.contains("تيلغرام") || arAgency.contains("انظر ايضاً") || arAgency.contains("سنرد"));
        assertTrue(arAgency.contains("&lt; 5 &amp; إن *التنسيق*"));
        assertTrue(enAgency.contains("<bdi>Moscow</bdi>"));
        assertFalse(enAgency.contains("Telegram") || enAgency.contains("See also"));
        // Plain-text dispatches that name no tags are tagged from the vocabulary's match terms.
        assertTrue(Files.isRegularFile(out.resolve("ar/tags/russia/index.html")));
        assertTrue(Files.readString(out.resolve("en/tags/russia/index.html")).contains("putin-call"));
        // A tag outside the vocabulary, in Arabic, gets its own slug.
        assertTrue(Files.isRegularFile(out.resolve("ar/tags/طقس/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("en/tags/open-data/index.html")));
        // Drafts, future dispatches and '_' files stay out.
        assertFalse(Files.exists(out.resolve("ar/2017/05/draft")));
        assertFalse(Files.exists(out.resolve("en/2017/07")));
        assertFalse(Files.exists(out.resolve("en/2017/05/_notes")));
        // Markup in a title is text.
        String openData = Files.readString(out.resolve("en/2017/03/open-data/index.html"));
        assertTrue(
                openData.contains("<h1>Open data &amp; the &lt;b&gt;newsroom&lt;/b&gt;: &quot;a test&quot;</h1>"),
                openData);
        // Pagination with pageSize 2 and three dispatches per language.
        assertTrue(Files.isRegularFile(out.resolve("ar/page/2/index.html")));
        assertFalse(Files.exists(out.resolve("ar/page/3")));
        // Nothing is left beside the output: no staging folder.
        assertEquals(java.util.List.of("site", "site-src"), Trees.list(tmp));
    }
}
