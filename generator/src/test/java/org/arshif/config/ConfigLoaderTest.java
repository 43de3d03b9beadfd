package org.arshif.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.arshif.content.SourceText;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
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
                arabicMonths: egyptian
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
        assertEquals(ArabicMonths.EGYPTIAN, c.arabicMonths());
        assertEquals(true, c.arabicIndicDigits());
        assertEquals(ZoneId.of("Asia/Damascus"), c.timeZone());
        assertEquals(3, c.relatedCount());
    }

    @Test
    void mistakesArePositioned() {
        assertEquals(List.of(
                "arshif.yml:1:1: error: unknown configuration key 'baseURL'; known keys: agencies, arabicIndicDigits,"
                        + " arabicMonths, baseUrl, defaultLanguage, footerPatterns, languages, markdownRawHtml,"
                        + " maxFileSize, pageSize, relatedCount, teaserPatterns, timeZone, title",
                "arshif.yml:2:11: error: 'pageSize' must be a whole number from 1 to 1000, but it is \"0\"",
                "arshif.yml:3:11: error: unknown time zone 'Mars/Olympus'; use a region id such as Asia/Damascus or UTC",
                "arshif.yml:4:15: error: arabicMonths must be 'levantine' (كانون الثاني…) or 'egyptian' (يناير…), not 'iraqi'",
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
}
