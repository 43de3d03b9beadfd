package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.site.Routes;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code categories} fixture site: Hugo's {@code categories} get list pages (paginated, with a feed), an index
 * per language and the sitemap's entries, and articles link them; in both languages, as Hugo's do. Built once.
 */
class CategoriesSiteTest {
    @TempDir
    static Path tmp;

    static Path out;
    static BuildReport report;

    @BeforeAll
    static void build() {
        out = tmp.resolve("site");
        report = Arshif.builder()
                .siteRoot(Trees.copy(Trees.site("categories"), tmp.resolve("src")))
                .output(out)
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .build();
    }

    static String page(String sitePath) throws IOException {
        return Files.readString(out.resolve(Routes.file(sitePath)), StandardCharsets.UTF_8);
    }

    @Test
    void everyCategoryHasItsListItsFeedAndItsLanguagesIndex() {
        assertEquals(
                List.of(), report.findings().stream().map(Diagnostic::format).toList());
        for (String sitePath : List.of(
                "/en/categories/",
                "/en/categories/economy/",
                "/en/categories/economy/feed.xml",
                "/en/categories/trade-fairs/",
                "/en/categories/politics/",
                "/ar/categories/",
                "/ar/categories/اقتصاد/",
                "/ar/categories/سياسة/",
                "/ar/categories/politics/")) {
            assertTrue(Files.isRegularFile(out.resolve(Routes.file(sitePath))), sitePath);
        }
        // The tatweel of سـياسة is left out of its key, as a tag's: one category with سياسة.
        assertFalse(Files.exists(out.resolve("ar/categories/سـياسة")));
    }

    @Test
    void aCategoryWrittenInSeveralSpellingsIsOneListPaginatedLikeATags() throws IOException {
        // Economy, economy and a single text 'Economy': four dispatches, two on the first page (pageSize 2).
        String first = page("/en/categories/economy/");
        assertTrue(first.contains("<h1><bdi>Economy</bdi> <span class=\"count\">(<bdi>4</bdi>)</span></h1>"), first);
        assertTrue(first.contains("href=\"/en/2017/05/port/\""), first);
        assertTrue(first.contains("href=\"/en/2017/05/budget/\""), first);
        assertTrue(first.contains("href=\"/en/categories/economy/page/2/\""), first);
        assertTrue(first.contains("href=\"/en/categories/economy/feed.xml\""), first);
        String second = page("/en/categories/economy/page/2/");
        assertTrue(second.contains("href=\"/en/2017/05/oil/\""), second);
        assertTrue(second.contains("href=\"/en/2017/05/fair/\""), second);
        assertTrue(second.contains("href=\"/en/categories/economy/\""), "links back to its first page");
        assertFalse(Files.exists(out.resolve("en/categories/economy/page/3")));
    }

    @Test
    void articlesLinkTheirCategoriesAndTheListsLinkBack() throws IOException {
        String fair = page("/en/2017/05/fair/");
        assertTrue(
                fair.contains("<ul class=\"categories\"><li><a href=\"/en/categories/economy/\"><bdi>Economy</bdi></a>"
                        + "</li><li><a href=\"/en/categories/trade-fairs/\"><bdi>Trade Fairs</bdi></a></li></ul>"),
                fair);
        String arabic = page("/ar/2017/05/vote/");
        assertTrue(
                arabic.contains("<li><a href=\"/ar/categories/سياسة/\"><bdi>سياسة</bdi></a></li>"
                        + "<li><a href=\"/ar/categories/politics/\"><bdi>Politics</bdi></a></li>"),
                arabic);
        String politics = page("/ar/categories/سياسة/");
        assertTrue(politics.contains("href=\"/ar/2017/05/vote/\""), politics);
        assertTrue(politics.contains("href=\"/ar/2017/05/talks/\""), "the tatweel's spelling is on the same list");
        assertTrue(politics.contains("<html lang=\"ar\" dir=\"rtl\""), politics);
    }

    @Test
    void theIndexListsALanguagesCategoriesMostUsedFirstAndTheNavigationLinksIt() throws IOException {
        String index = page("/en/categories/");
        int economy = index.indexOf("href=\"/en/categories/economy/\"");
        int politics = index.indexOf("href=\"/en/categories/politics/\"");
        int fairs = index.indexOf("href=\"/en/categories/trade-fairs/\"");
        assertTrue(economy > 0 && economy < politics && politics < fairs, index);
        assertTrue(page("/en/").contains("<li><a href=\"/en/categories/\">Categories</a></li>"));
        assertTrue(page("/ar/").contains("<li><a href=\"/ar/categories/\">التصنيفات</a></li>"));
    }

    @Test
    void aCategoryOfBothLanguagesIsOnePageInTwoVersions() throws IOException {
        String arabic = page("/ar/categories/politics/");
        assertTrue(
                arabic.contains(
                        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://news.example/en/categories/politics/\">"),
                arabic);
        // اقتصاد has no English version: the switcher goes to the English categories' index.
        String economy = page("/ar/categories/اقتصاد/");
        assertTrue(economy.contains("href=\"/en/categories/\" lang=\"en\""), economy);
    }

    @Test
    void theSitemapListsTheCategoriesAndTheirIndexesPercentEncoded() throws IOException {
        String sitemap = page("/sitemap.xml");
        for (String url : List.of(
                "https://news.example/en/categories/",
                "https://news.example/en/categories/economy/",
                "https://news.example/ar/categories/",
                "https://news.example/ar/categories/" + Routes.encodePath("سياسة") + "/")) {
            assertTrue(sitemap.contains("<loc>" + url + "</loc>"), url + " in " + sitemap);
        }
        assertFalse(sitemap.contains("categories/economy/page/2"), "only first pages, as for tags");
    }
}
