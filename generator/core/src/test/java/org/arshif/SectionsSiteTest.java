package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.diag.Diagnostic;
import org.arshif.site.Routes;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code sections} fixture site: two sources as folders whose file names repeat ({@code okaz/2015-07-21-0001.md},
 * {@code aawsat/2015-07-21-0001.md} and {@code aawsat/2015-07-22-0001.md}), a nested section, date folders, a file at the top of the language folder,
 * a {@code permalinks} pattern and bilingual labels. Built once; each test reads the site.
 */
class SectionsSiteTest {
    @TempDir
    static Path tmp;

    static Path out;
    static BuildReport report;

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        report = Arshif.builder()
                .siteRoot(Trees.copy(Trees.site("sections"), tmp.resolve("src")))
                .output(out)
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .build();
    }

    static String page(String sitePath) throws IOException {
        return Files.readString(out.resolve(Routes.file(sitePath)), StandardCharsets.UTF_8);
    }

    @Test
    void fileNamesThatRepeatInTwoSectionsGetDistinctUrlsWithoutFindings() {
        assertEquals(
                List.of(), report.findings().stream().map(Diagnostic::format).toList());
        // the pair, okaz/2015-07-21-0001.md and aawsat/2015-07-22-0001.md, and aawsat's 21 July 0001 too
        for (String article : List.of(
                "/ar/okaz/2015/07/21/0001/",
                "/ar/aawsat/2015/07/22/0001/",
                "/ar/aawsat/2015/07/21/0001/",
                "/ar/okaz/2015/07/21/0002/",
                "/ar/aawsat/2015/07/21/0002/",
                "/en/okaz/2015/07/21/0001/")) {
            assertTrue(Files.isRegularFile(out.resolve(Routes.file(article))), article);
        }
    }

    @Test
    void aSectionsFileNamedWithADateAndANumberKeepsItsDaySinceSourcesNumberPerDay() {
        // okaz/2015-07-21-0001.md: the number alone would be shared by every day of the month
        assertTrue(Files.isRegularFile(out.resolve("ar/okaz/2015/07/21/0001/index.html")));
        assertFalse(Files.exists(out.resolve("ar/okaz/2015/07/0001")));
        // a name with words keeps the month's URL
        assertTrue(Files.isRegularFile(out.resolve("ar/economy/gulf/2015/07/oil-output/index.html")));
    }

    @Test
    void filesAtTheTopOfTheLanguageFolderKeepTodaysUrlAndDateFoldersAreNotSections() {
        assertTrue(Files.isRegularFile(out.resolve("ar/2015/07/top/index.html")));
        // content/ar/economy/2015/07/budget.md: section economy, the date folders left out
        assertTrue(Files.isRegularFile(out.resolve("ar/economy/2015/07/budget/index.html")));
        assertFalse(Files.exists(out.resolve("ar/economy/2015/07/2015")));
    }

    @Test
    void eachSectionHasAPaginatedListAFeedAndAPlaceInTheIndex() throws Exception {
        String okaz = page("/ar/okaz/");
        assertTrue(okaz.contains("<h1>عكاظ</h1>") || okaz.contains(">عكاظ<"), okaz);
        assertEquals(4, count(okaz, "href=\"/ar/okaz/2015/07/21/"), "the four okaz dispatches, none of aawsat");
        assertTrue(okaz.contains("/ar/okaz/feed.xml"), "the section's page links its feed");
        String feed = page("/ar/okaz/feed.xml");
        assertEquals(4, count(feed, "<entry>"), feed);
        assertTrue(feed.contains("<name>عكاظ</name>"), "the source's Arabic name is the feed entry's author");
        // A section includes the sections below it: economy lists the budget and economy/gulf's oil output.
        String economy = page("/ar/economy/");
        assertTrue(economy.contains("/ar/economy/gulf/2015/07/oil-output/"), economy);
        assertTrue(economy.contains("/ar/economy/2015/07/budget/"), economy);
        assertTrue(page("/ar/economy/gulf/").contains("<h1>الخليج</h1>"));
        String index = page("/ar/sections/");
        for (String name : List.of("عكاظ", "الشرق الأوسط", "اقتصاد", "اقتصاد / الخليج")) {
            assertTrue(index.contains(">" + name + "<"), name + " in\n" + index);
        }
        assertTrue(page("/ar/").contains("href=\"/ar/sections/\""), "the navigation links the index of sections");
        // English has a section without a label in English: gulf is not in English, economy and okaz are.
        assertTrue(page("/en/sections/").contains(">Economy<"));
    }

    @Test
    void everyPageIsValidHtmlAndEveryFeedWellFormedXml() throws Exception {
        List<Path> pages = HtmlValidityTest.htmlFiles(out);
        assertTrue(pages.size() > 30, "only " + pages.size() + " pages");
        assertEquals(List.of(), HtmlValidityTest.validate(out, pages));
        assertTrue(WellFormedXmlTest.assertWellFormed(out) >= 8, "feeds of languages and sections, and the sitemap");
    }

    @Test
    void aPermalinksPatternOverridesTheDefaultForItsLanguageAndSection() {
        // permalinks: {en/economy: /:section/:year/:month/:day/:filename/}; Arabic economy keeps the default
        assertTrue(Files.isRegularFile(out.resolve("en/economy/2015/07/19/2015-07-19-budget/index.html")));
        assertFalse(Files.exists(out.resolve("en/economy/2015/07/budget")));
        assertTrue(Files.isRegularFile(out.resolve("ar/economy/2015/07/budget/index.html")));
    }

    @Test
    void arabicPagesShowTheArabicLabelsOfSectionsAndSourcesNeverTheirLatinKeys() throws Exception {
        String article = page("/ar/okaz/2015/07/21/0001/");
        assertTrue(article.contains("<nav class=\"breadcrumb\""), "a breadcrumb to the section");
        assertTrue(article.contains("href=\"/ar/okaz/\"><bdi>عكاظ</bdi>"), article);
        assertTrue(article.contains("<span class=\"source\"><bdi>عكاظ</bdi></span>"), article);
        assertTrue(article.contains("\"articleSection\":\"عكاظ\""), "JSON-LD names the section");
        String nested = page("/ar/economy/gulf/2015/07/oil-output/");
        assertTrue(nested.contains("<bdi>واس</bdi></span>"), "source spa shown as واس");
        assertTrue(
                nested.contains("<bdi>اقتصاد</bdi></a></li><li><a href=\"/ar/economy/gulf/\"><bdi>الخليج</bdi>"),
                "the breadcrumb has both sections, outermost first");
        for (String sitePath : List.of(
                "/ar/okaz/2015/07/21/0001/", "/ar/economy/gulf/2015/07/oil-output/", "/ar/okaz/", "/ar/sections/")) {
            String html = page(sitePath);
            for (String key : List.of(">okaz<", ">spa<", ">aawsat<", ">gulf<", ">economy<", "<bdi>okaz</bdi>")) {
                assertFalse(html.contains(key), sitePath + " shows the key " + key);
            }
        }
    }

    @Test
    void dispatchesOfOneDayWithoutATimeTakeTurnsBySourceAfterTheTimedOne() throws Exception {
        List<String> order = new ArrayList<>();
        Matcher m = Pattern.compile("<h2[^>]*><a href=\"(/ar/[^\"]+)\"").matcher(page("/ar/"));
        while (m.find()) {
            order.add(m.group(1));
        }
        assertEquals(
                List.of(
                        "/ar/aawsat/2015/07/22/0001/", // 22 July
                        "/ar/okaz/2015/07/21/0003/", // 21 July 18:30, the only one with a time
                        // 21 July without a time: aawsat and okaz take turns, whatever their paths' order
                        "/ar/aawsat/2015/07/21/0001/",
                        "/ar/okaz/2015/07/21/0001/",
                        "/ar/aawsat/2015/07/21/0002/",
                        "/ar/okaz/2015/07/21/0002/",
                        "/ar/okaz/2015/07/21/0004/"),
                order.subList(0, 7),
                () -> String.join("\n", order));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
