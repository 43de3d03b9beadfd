package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.arshif.config.ConfigLoader;
import org.arshif.config.SiteConfig;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.junit.jupiter.api.Test;

/** Each permalink token, as a dispatch's URL is made when it is read. */
class PermalinksTest {
    private static String url(String yaml, String path, String frontMatter) {
        SiteConfig config = ConfigLoader.parse(new SourceText("arshif.yml", yaml), new Diagnostics());
        DispatchReader reader =
                new DispatchReader(config, TagVocabulary.empty(Readers::terms), GitHistory.none("no git in this test"));
        String text = "---\n" + frontMatter + "---\n\nنص الخبر.\n";
        return Readers.read(reader, path, text.getBytes(StandardCharsets.UTF_8)).permalink();
    }

    /** The zero-padding of :year, :month and :day is String.format's, signs and wide numbers included. */
    @Test
    void zeroPaddingIsStringFormats() {
        for (int width : new int[] {2, 4}) {
            for (int value = -12_345; value <= 12_345; value++) {
                assertEquals(
                        String.format(Locale.ROOT, "%0" + width + "d", value),
                        Permalinks.zeroPadded(value, width),
                        value + " in " + width);
            }
        }
    }

    @Test
    void everyTokenInOnePattern() {
        String yaml = "permalinks:\n  ar: /:section/:sections/:year/:month/:day/:filename/:slug/:title/\n";
        assertEquals(
                "/ar/economy/economy/gulf/2015/07/21/2015-07-21-oil/oil/إنتاج-النفط-يستقر/",
                url(yaml, "content/ar/economy/gulf/2015-07-21-oil.md", "title: إنتاج النفط يستقر\n"));
        // No section: the empty :section and :sections leave no empty folder.
        assertEquals(
                "/ar/2015/07/21/2015-07-21-oil/oil/إنتاج-النفط-يستقر/",
                url(yaml, "content/ar/2015-07-21-oil.md", "title: إنتاج النفط يستقر\n"));
    }

    @Test
    void theFileNameLeavesOutItsExtensionAndLanguageSuffixAndTheSlugKeyWins() {
        String yaml = "permalinks:\n  economy: /:sections/:filename/:slug/\n";
        assertEquals(
                "/en/economy/2015-07-21-oil/crude/",
                url(yaml, "content/en/economy/2015-07-21-oil.en.md", "title: Oil\nlang: en\nslug: crude\n"));
    }

    @Test
    void theDefaultKeepsTodaysUrlsAtTheTopAndGivesNumbersTheirDayInSectionsAndDayFolders() {
        for (List<String> c : List.of(
                List.of("content/ar/2015-07-21-0001.md", "/ar/2015/07/0001/"),
                List.of("content/ar/okaz/2015-07-21-0001.md", "/ar/okaz/2015/07/21/0001/"),
                List.of("content/ar/okaz/2015-07-21-weather.md", "/ar/okaz/2015/07/weather/"),
                List.of("content/ar/okaz/2015/07/21/0001.md", "/ar/okaz/2015/07/21/0001/"),
                List.of("content/ar/okaz/ملف.md", "/ar/okaz/2015/07/ملف/"),
                // Day folders: the URL has the day the folders have, a number or a word.
                List.of("content/ar/2015/07/21/0001.txt", "/ar/2015/07/21/0001/"),
                List.of("content/ar/2015/07/21/0001/index.md", "/ar/2015/07/21/0001/"),
                List.of("content/ar/2015/07/0001.md", "/ar/2015/07/0001/"),
                List.of("content/ar/2015/07/21/weather.md", "/ar/2015/07/21/weather/"))) {
            assertEquals(c.get(1), url("", c.get(0), "title: خبر\ndate: 2015-07-21\n"), c.get(0));
        }
    }

    /**
     * Hugo's default URL is the section folders and then the slug, else the file's name as written (a date prefix
     * kept), a bundle's its folder's: {@code :slugorfilename}, so that a site moved from Hugo keeps its addresses
     * (HugoParityTest compares them with the real Hugo's). {@code :filename} of a bundle is its folder's name too.
     */
    @Test
    void slugOrFileNameIsTheWrittenSlugElseTheNameAsWrittenAndABundlesNameIsItsFolders() {
        String yaml = "permalinks:\n  en: /:sections/:slugorfilename/\n";
        assertEquals(
                "/en/news/2024-04-06-dated/",
                url(yaml, "content/en/news/2024-04-06-dated.md", "title: A\ndate: 2024-04-06\n"));
        assertEquals(
                "/en/news/2024-04-05-harvest/",
                url(yaml, "content/en/news/2024-04-05-harvest/index.md", "title: A\ndate: 2024-04-05\n"));
        assertEquals(
                "/en/news/crude/",
                url(yaml, "content/en/news/2024-04-06-dated.md", "title: A\ndate: 2024-04-06\nslug: crude\n"));
        assertEquals(
                "/en/harvest/",
                url(
                        "permalinks:\n  en: /:filename/\n",
                        "content/en/news/harvest/index.en.md",
                        "title: A\ndate: 2024-04-05\n"));
    }
}
