package org.arshif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.internal.SourceText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code arshif.yml}: every key optional, every mistake reported where it is. */
class ConfigLoaderTest {
    static List<String> problems(String yaml) {
        Diagnostics d = new Diagnostics();
        ConfigLoader.parse(new SourceText("arshif.yml", yaml), d);
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void noFileMeansTheDefaults(@TempDir Path root) {
        Diagnostics d = new Diagnostics();
        assertEquals(SiteConfig.defaults(), ConfigLoader.load(root, d));
        assertEquals(List.of(), d.sorted());
    }

    @Test
    void everyKeyIsRead() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = ConfigLoader.parse(new SourceText("arshif.yml", """
                baseUrl: https://desk.example/archive
                defaultLanguage: en
                languages: [en, ar]
                title: {ar: أرشيف, en: Archive}
                pageSize: 7
                arabicMonths: levantine
                arabicIndicDigits: true
                timeZone: Asia/Damascus
                relatedCount: 3
                """), d);
        assertEquals(List.of(), d.sorted());
        assertEquals("https://desk.example/archive/", c.baseUrl());
        assertEquals("/archive", c.basePath());
        assertEquals("https://desk.example", c.origin());
        assertEquals("en", c.defaultLanguage());
        assertEquals(List.of("en", "ar"), c.languages());
        assertEquals("أرشيف", c.title("ar"));
        assertEquals(7, c.pageSize());
        assertEquals(ArabicMonths.LEVANTINE, c.arabicMonths());
        assertEquals(true, c.arabicIndicDigits());
        assertEquals(ZoneId.of("Asia/Damascus"), c.timeZone());
        assertEquals(3, c.relatedCount());
    }

    @Test
    void mistakesArePositioned() {
        assertEquals(
                List.of(
                        "arshif.yml:1:1: error: unknown configuration key 'baseURL'; did you mean 'baseUrl'?",
                        "arshif.yml:2:11: error: 'pageSize' must be a whole number from 1 to 1000, but it is \"0\"",
                        "arshif.yml:3:11: error: unknown time zone 'Mars/Olympus'; use a region id such as Asia/Damascus or UTC",
                        "arshif.yml:4:15: error: arabicMonths must be 'egyptian' (يناير…, the default), 'levantine' (كانون الثاني…) or 'maghrebi' (جانفي…), not 'iraqi'",
                        // At the list item, in RE2's words: user patterns run on RE2/J.
                        "arshif.yml:5:18: error: footerPatterns: '(unclosed' is not a valid regular expression: missing"
                                + " closing ) at '(unclosed' (patterns are RE2 syntax: no look-around such as (?=…), no"
                                + " back-references such as \\1)"),
                problems("""
                        baseURL: https://x.example/
                        pageSize: 0
                        timeZone: Mars/Olympus
                        arabicMonths: iraqi
                        footerPatterns: ["(unclosed"]
                        """));
    }

    @Test
    void languagesListedTwiceOrNoneAreFindingsAtTheItemOrTheList() {
        assertEquals(
                List.of("arshif.yml:1:21: error: 'languages' lists 'ar' twice; list each language once"),
                problems("languages: [ar, en, ar]\n"));
        // each item at its own column (before: all at the list's), a code in capitals with its lower case
        assertEquals(
                List.of(
                        "arshif.yml:1:13: error: unknown language 'fa'; Arshif publishes ar and en",
                        "arshif.yml:1:17: error: unknown language 'AR'; language codes are lower case: write ar"),
                problems("languages: [fa, AR, en]\n"));
        assertEquals(
                List.of("arshif.yml:3:5: error: unknown language 'fr'; Arshif publishes ar and en"),
                problems("languages:\n  - en\n  - fr\n"));
        assertEquals(
                List.of("arshif.yml:1:12: error: 'languages' is empty; list the site's languages, like languages:"
                        + " [ar, en], or remove the key"),
                problems("languages: []\n"));
    }

    @Test
    void aSiteOfOneLanguageDefaultsToIt() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = ConfigLoader.parse(new SourceText("arshif.yml", "languages: [en]\n"), d);
        assertEquals(List.of(), d.sorted());
        assertEquals("en", c.defaultLanguage());
        assertEquals(
                List.of("arshif.yml:2:18: error: defaultLanguage 'ar' is not one of the languages [en]"),
                problems("languages: [en]\ndefaultLanguage: ar\n"));
    }

    @Test
    void aNearMissOfAKnownKeyIsNamedAndAnyOtherKeyListsThemAll() {
        assertEquals(
                List.of(
                        "arshif.yml:1:1: error: unknown configuration key 'tilte'; did you mean 'title'?",
                        "arshif.yml:2:1: error: unknown configuration key 'pagesize'; did you mean 'pageSize'?",
                        "arshif.yml:3:1: error: unknown configuration key 'langauges'; did you mean 'languages'?",
                        "arshif.yml:4:1: error: unknown configuration key 'colour'; known keys: agencies, agencyProfiles,"
                                + " arabicIndicDigits, arabicMonths, baseUrl, compact, defaultLanguage, externalLinks, footerPatterns,"
                                + " hugoPaths, languages, markdownRawHtml, maxFileSize, pageSize, permalinks, relatedCount, search,"
                                + " sections, showHijri, siteSizeLimit, sources, teaserPatterns, timeZone, title, uglyUrls"),
                problems("""
                        tilte: Desk
                        pagesize: 5
                        langauges: [ar]
                        colour: red
                        """));
    }

    @Test
    void searchProtectListsWordsKeptWholeAndItsMistakesArePositioned() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = ConfigLoader.parse(new SourceText("arshif.yml", "search:\n  protect: [السلام, الوطن]\n"), d);
        assertEquals(List.of(), d.sorted());
        assertEquals(List.of("السلام", "الوطن"), c.search().protect());
        assertEquals(List.of(), SiteConfig.defaults().search().protect());
        assertEquals(
                List.of(
                        "arshif.yml:2:3: error: unknown search key 'protected'; did you mean 'protect'?",
                        "arshif.yml:4:25: error: search: protect: 'عيد الفطر' is not one word; list each word on its own,"
                                + " like protect: [الرياض, الوطن]",
                        "arshif.yml:5:9: error: 'search' must be a mapping of keys to values, but it is a string",
                        "arshif.yml:6:19: error: 'protect' must be a list, like protect: [a, b], but it is a number"),
                List.of(
                                problems("search:\n  protected: [السلام]\n"),
                                problems("\n\n\nsearch: {protect: [حلب, 'عيد الفطر']}\n"),
                                problems("\n\n\n\nsearch: السلام\n"),
                                problems("\n\n\n\n\nsearch: {protect: 7}\n"))
                        .stream()
                        .flatMap(List::stream)
                        .toList());
    }

    @Test
    void baseUrlMustBeAnAbsoluteHttpUrl() {
        assertEquals(List.of(), problems("baseUrl: http://127.0.0.1:8080\n"));
        assertEquals(List.of(), problems("baseUrl: HTTPS://desk.example/archive/\n"));
        String fix = "; write it like https://news.example.org/archive/";
        assertEquals(
                List.of("arshif.yml:1:10: error: baseUrl 'ftp://desk.example/' is not an absolute http:// or"
                        + " https:// URL" + fix),
                problems("baseUrl: ftp://desk.example/\n"));
        assertEquals(
                List.of("arshif.yml:1:10: error: baseUrl '/archive/' is not an absolute http:// or https://" + " URL"
                        + fix),
                problems("baseUrl: /archive/\n"));
        assertEquals(
                List.of("arshif.yml:1:10: error: baseUrl 'https:///archive/' has no host name" + fix),
                problems("baseUrl: https:///archive/\n"));
        assertEquals(
                List.of("arshif.yml:1:10: error: baseUrl 'https://ci:token@desk.example/' holds a user name or"
                        + " password, which would be published on every page" + fix),
                problems("baseUrl: https://ci:token@desk.example/\n"));
        assertEquals(
                List.of("arshif.yml:1:10: error: baseUrl 'https://desk.example/?x=1' has a '?' query or a '#'"
                        + " fragment, which cannot prefix links" + fix),
                problems("baseUrl: https://desk.example/?x=1\n"));
        assertEquals(
                List.of("arshif.yml:1:10: error: baseUrl 'https://desk example/' is not a valid URL (Illegal"
                        + " character in authority)" + fix),
                problems("baseUrl: https://desk example/\n"));
    }

    @Test
    void anArabicHostIsWrittenInItsAsciiForm() {
        Diagnostics d = new Diagnostics();
        SiteConfig c =
                ConfigLoader.parse(new SourceText("arshif.yml", "baseUrl: https://أخبار.example:8443/أرشيف/\n"), d);
        assertEquals(List.of(), d.sorted());
        // the host and the path as browsers send them and feeds and sitemaps must carry them
        assertEquals("https://xn--igbicxr.example:8443/%D8%A3%D8%B1%D8%B4%D9%8A%D9%81/", c.baseUrl());
        assertEquals("https://xn--igbicxr.example:8443", c.origin());
        assertEquals("/%D8%A3%D8%B1%D8%B4%D9%8A%D9%81", c.basePath());
        assertEquals("/أرشيف", c.decodedBasePath(), "what a dispatch's links are compared with");
        assertEquals(
                "https://xn--igbicxr.example/",
                ConfigLoader.withBaseUrlOverride(SiteConfig.defaults(), "https://أخبار.example", d)
                        .baseUrl());
        assertEquals("https://desk.example/a/", ConfigLoader.asciiHost("https://desk.example/a/"));
        assertEquals("https://desk.example/%D8%A3/", ConfigLoader.asciiUrl("https://desk.example/%d8%a3/"));
    }

    @Test
    void aBaseUrlOverrideIsCheckedLikeTheFile() {
        Diagnostics d = new Diagnostics();
        SiteConfig c = ConfigLoader.withBaseUrlOverride(SiteConfig.defaults(), "https://desk.example/a", d);
        assertEquals("https://desk.example/a/", c.baseUrl());
        assertEquals(SiteConfig.defaults(), ConfigLoader.withBaseUrlOverride(SiteConfig.defaults(), "data:x", d));
        assertEquals(
                List.of("(site): error: the base URL 'data:x' given with --base-url or -Darshif.baseUrl is not"
                        + " an absolute http:// or https:// URL; write it like https://news.example.org/archive/"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }

    @Test
    void aTagVocabularyThatIsAFolderOrHasAReservedKeyIsAnError(@TempDir Path root) throws java.io.IOException {
        java.nio.file.Files.createDirectories(root.resolve("content/tags.yml"));
        Diagnostics d = new Diagnostics();
        org.arshif.content.TagVocabulary.load(root, s -> List.of(s), d);
        java.nio.file.Files.delete(root.resolve("content/tags.yml"));
        java.nio.file.Files.writeString(root.resolve("content/tags.yml"), "con:\n  en: Conference\n");
        org.arshif.content.TagVocabulary.load(root, s -> List.of(s), d);
        assertEquals(
                List.of(
                        "content/tags.yml: error: content/tags.yml is a folder, so the tag vocabulary cannot be read; the"
                                + " vocabulary is a file: remove or rename the folder",
                        "content/tags.yml:1:1: error: tag key 'con' is a name Windows reserves for a device (CON, PRN, AUX,"
                                + " NUL, COM1-9, LPT1-9); choose another"),
                d.sorted().stream().map(Diagnostic::format).toList());
    }
}
