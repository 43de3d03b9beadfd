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

    /**
     * Hugo's categories reach what machines read of an article as its tags do: JSON-LD's {@code articleSection} (a
     * list of their names) and the feeds' {@code <category>} terms (after the tags'), in each language.
     */
    @Test
    void articlesJsonLdAndFeedEntriesCarryTheirCategories() throws IOException {
        assertTrue(page("/en/2017/05/fair/").contains("\"articleSection\":[\"Economy\",\"Trade Fairs\"]"));
        assertTrue(page("/ar/2017/05/fair/").contains("\"articleSection\":[\"اقتصاد\"]"));
        String oil = page("/en/2017/05/oil/");
        // Its own spelling, economy, is not the category's name, which the newest dispatch's spelling gives.
        assertTrue(oil.contains("\"articleSection\":[\"Economy\"]"), oil);
        String feed = page("/en/feed.xml");
        String fair = feed.substring(feed.indexOf("<title>Trade fair opens</title>"));
        assertTrue(
                fair.contains("<category term=\"trade\"/>\n<category term=\"Economy\"/>\n<category"
                        + " term=\"Trade Fairs\"/>\n<summary>"),
                fair);
        String economy = page("/en/categories/economy/feed.xml");
        assertTrue(economy.contains("<title>Oil output rises</title>"), economy);
        assertEquals(4, economy.split("<category term=\"Economy\"/>", -1).length - 1, economy);
        assertTrue(page("/ar/feed.xml").contains("<category term=\"اقتصاد\"/>"));
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

    @Test
    void aCategoryThatCannotHaveAPageIsReportedAtItsItemWithEveryOtherInOneRun(@TempDir Path dir) {
        String head = "---\ntitle: A\ndate: 2017-05-01\n";
        Trees.write(
                dir.resolve("content/en/2017-05-01-empty.md"), head + "categories: [Economy, \"  \"]\n---\n\nText.\n");
        Trees.write(dir.resolve("content/en/2017-05-01-map.md"), head + "categories:\n  - {a: b}\n---\n\nText.\n");
        Trees.write(dir.resolve("content/en/2017-05-01-marks.md"), head + "categories: [\"!!!\", con]\n---\n\nText.\n");
        Trees.write(dir.resolve("content/en/2017-05-01-number.md"), head + "categories: 5\n---\n\nText.\n");
        List<String> findings = Arshif.builder()
                .siteRoot(dir)
                .output(dir.resolve("out"))
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .check()
                .findings()
                .stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains("categor"))
                .toList();
        assertEquals(
                List.of(
                        "content/en/2017-05-01-empty.md:4:23: error: an item of 'categories' is empty; write a name in"
                                + " it or remove it",
                        "content/en/2017-05-01-map.md:5:5: error: each item of 'categories' must be text, but this one"
                                + " is a mapping",
                        "content/en/2017-05-01-marks.md:4:14: error: category '!!!' has no letters or digits to make a"
                                + " URL from; write the category in words",
                        "content/en/2017-05-01-marks.md:4:21: error: category 'con' makes the URL segment 'con', which"
                                + " is a name Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9);"
                                + " choose another",
                        "content/en/2017-05-01-number.md:4:13: error: 'categories' must be a list, like categories:"
                                + " [a, b], but it is a number"),
                findings);
    }

    /** A section folder {@code categories/} builds as before in a site without categories; beside them, it is an error. */
    @Test
    void aSectionNamedCategoriesIsAnErrorOnlyWhereItsLanguageHasCategories(@TempDir Path dir) {
        Trees.write(dir.resolve("arshif.yml"), "languages: [en, ar]\n");
        Trees.write(dir.resolve("content/en/categories/2017-05-01-list.md"), "---\ntitle: A list\n---\n\nText.\n");
        Trees.write(dir.resolve("content/ar/2017-05-01-a.md"), "---\ntitle: أ\ncategories: [اقتصاد]\n---\n\nنص.\n");
        assertEquals(List.of(), findings(dir));
        Trees.write(dir.resolve("content/en/2017-05-02-b.md"), "---\ntitle: B\ncategories: [Economy]\n---\n\nText.\n");
        assertEquals(
                List.of("content/en/categories/2017-05-01-list.md:1:1: error: the folder 'categories' is a section, and"
                        + " its page /en/categories/ would take the place of the index of the site's categories"
                        + " (dispatches in this language have categories); rename the folder"),
                findings(dir));
    }

    /** A section page's cascade gives its categories as a dispatch's own would be, with its findings where written. */
    @Test
    void aCascadedCategoryThatCannotHaveAPageIsReportedWhereTheSectionPageWritesIt(@TempDir Path dir) {
        Trees.write(dir.resolve("content/en/news/_index.md"), "---\ncascade:\n  categories: [\"!!!\"]\n---\n");
        Trees.write(dir.resolve("content/en/news/2017-05-01-a.md"), "---\ntitle: A\ndate: 2017-05-01\n---\n\nText.\n");
        assertEquals(
                List.of("content/en/news/_index.md:3:16: error: category '!!!' has no letters or digits to make a URL"
                        + " from; write the category in words"),
                findings(dir));
    }

    /** The errors a check of {@code site} reports. */
    private static List<String> findings(Path site) {
        return Arshif.builder()
                .siteRoot(site)
                .output(site.resolve("out"))
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .check()
                .findings()
                .stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains(": error: "))
                .toList();
    }

    /**
     * {@code compact: true} stops a category's list after ten pages, as a tag's, and {@code uglyUrls} makes its
     * cards link articles' files while the list stays a folder, as Hugo's taxonomy pages do.
     */
    @Test
    void aCompactSitesCategoryListStopsAtTenPagesAsATagsDoes(@TempDir Path dir) throws IOException {
        Trees.write(dir.resolve("arshif.yml"), "languages: [en]\npageSize: 1\ncompact: true\nuglyUrls: true\n");
        for (int i = 10; i < 70; i++) {
            Trees.write(
                    dir.resolve("content/en/2017-05-" + String.format("%02d", i % 28 + 1) + "-story-" + i + ".md"),
                    "---\ntitle: Story " + i + "\ntags: [news]\ncategories: [News]\n---\n\nText " + i + ".\n");
        }
        Path site = dir.resolve("out");
        Arshif.builder()
                .siteRoot(dir)
                .output(site)
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .build();
        assertEquals(pages(site.resolve("en/tags/news")), pages(site.resolve("en/categories/news")));
        assertEquals(10, pages(site.resolve("en/categories/news")));
        String last = Files.readString(site.resolve("en/categories/news/page/10/index.html"), StandardCharsets.UTF_8);
        assertTrue(last.contains("href=\"/en/archive/\""), "hands over to the archive: " + last);
        String first = Files.readString(site.resolve("en/categories/news/index.html"), StandardCharsets.UTF_8);
        assertTrue(first.matches("(?s).*href=\"/en/2017/05/story-\\d+\\.html\".*"), first);
    }

    /** The pages of a list: its first and its {@code page/N/} folders. */
    private static long pages(Path list) throws IOException {
        try (var later = Files.list(list.resolve("page"))) {
            return 1 + later.count();
        }
    }
}
