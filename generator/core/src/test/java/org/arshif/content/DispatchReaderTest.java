package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostic;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Front-matter and the rules that fill in what a file does not say. */
class DispatchReaderTest {
    static final String ARABIC_BODY = "بحث الرئيس الروسي والرئيس الإيراني الوضع في سورية.";
    static final String ENGLISH_BODY = "The two presidents discussed the situation in Syria.";

    @Nested
    class Language {
        @Test
        void frontMatterWinsOverTheFolder() {
            Dispatch d = Readers.read("content/ar/2017-05-01-x.md", "---\ntitle: T\nlang: en\n---\n" + ENGLISH_BODY);
            assertEquals("en", d.lang());
        }

        @Test
        void folderWinsOverTheScript() {
            assertEquals(
                    "en",
                    Readers.read("content/en/2017-05-01-x.md", "# عنوان\n\n" + ARABIC_BODY)
                            .lang());
            assertEquals(
                    "ar",
                    Readers.read("content/ar/2017-05-01-x.md", "# Title\n\n" + ENGLISH_BODY)
                            .lang());
        }

        @Test
        void fileNameSuffixOutsideLanguageFolders() {
            Dispatch en = Readers.read("content/news/2017-05-01-call.en.md", "# عنوان\n\n" + ARABIC_BODY);
            Dispatch ar = Readers.read("content/news/2017-05-01-call.ar.md", "# Title\n\n" + ENGLISH_BODY);
            assertEquals("en", en.lang());
            assertEquals("ar", ar.lang());
            assertEquals("call", en.slug());
            assertEquals("call", ar.slug());
            // The same path but for the suffix: translations of one another.
            assertEquals(en.translationGroup(), ar.translationGroup());
        }

        @Test
        void scriptDecidesWhenNothingElseDoes() {
            assertEquals(
                    "ar",
                    Readers.read("content/news/2017-05-01-a.md", "# عنوان\n\n" + ARABIC_BODY)
                            .lang());
            assertEquals(
                    "en",
                    Readers.read("content/news/2017-05-01-b.md", "# Title\n\n" + ENGLISH_BODY)
                            .lang());
            // Arabic text with a few Latin names is still Arabic.
            assertEquals(
                    "ar",
                    Readers.read(
                                    "content/news/2017-05-01-c.txt",
                                    "قمة OPEC في Vienna\n\nفيينا-سانا اجتمع وزراء النفط في العاصمة النمساوية اليوم.\n")
                            .lang());
        }

        @Test
        void unknownLanguageIsAnErrorAtTheKey() {
            List<Diagnostic> found =
                    Readers.problems("content/en/2017-05-01-x.md", "---\ntitle: T\nlang: fr\n---\nTexte.\n");
            assertEquals(1, found.size(), found::toString);
            assertTrue(
                    found.get(0).format().startsWith("content/en/2017-05-01-x.md:3:1: error: unknown language 'fr'"),
                    found.get(0).format());
        }

        @Test
        void aLanguageWrittenByNameGetsItsCode() {
            List<Diagnostic> found =
                    Readers.problems("content/2017-05-01-x.md", "---\ntitle: T\nlang: العربية\n---\nنص.\n");
            assertEquals(
                    List.of("content/2017-05-01-x.md:3:1: error: unknown language 'العربية'; this site publishes ar,"
                            + " en; lang takes the language's code: write lang: ar"),
                    found.stream().map(Diagnostic::format).toList());
        }
    }

    @Nested
    class Dates {
        @Test
        void frontMatterDateInTheSiteTimeZone() {
            Dispatch d = Readers.read("content/en/x.md", "---\ntitle: T\ndate: 2017-05-23\n---\nText.\n");
            assertEquals(OffsetDateTime.parse("2017-05-23T00:00:00Z"), d.date());
            assertEquals(d.date(), d.lastmod(), "no lastmod and no git: lastmod is the date");
        }

        @Test
        void emptyDateKeyIsNoDateNotASilentDrop() {
            // Found by DispatchFuzzTest#frontMatter: the dispatch vanished from the site with no finding.
            Dispatch d = Readers.read("content/en/2017-05-23-x.md", "---\ntitle: T\ndate:\n---\nText.\n");
            assertEquals(OffsetDateTime.parse("2017-05-23T00:00:00Z"), d.date());
            List<Diagnostic> found = Readers.problems("content/en/undated.md", "---\ntitle: T\ndate:\n---\nText.\n");
            assertTrue(found.get(0).message().startsWith("no date for this dispatch"), found::toString);
        }

        @Test
        void frontMatterDateWithTimeAndOffset() {
            assertEquals(
                    OffsetDateTime.parse("2017-05-23T10:15:00+03:00"),
                    Readers.read("content/en/x.md", "---\ntitle: T\ndate: 2017-05-23T10:15:00+03:00\n---\nText.\n")
                            .date());
            assertEquals(
                    OffsetDateTime.parse("2017-05-23T10:15:00Z"),
                    Readers.read("content/en/x.md", "---\ntitle: T\ndate: 2017-05-23 10:15\n---\nText.\n")
                            .date());
        }

        @Test
        void fileNamePrefixGivesTheDateAndIsNotPartOfTheSlug() {
            Dispatch d = Readers.read("content/en/2017-04-02-markup.md", "# Title\n\nText.\n");
            assertEquals(OffsetDateTime.parse("2017-04-02T00:00:00Z"), d.date());
            assertEquals("markup", d.slug());
        }

        @Test
        void frontMatterDateWinsOverThePrefix() {
            Dispatch d =
                    Readers.read("content/en/2017-04-02-markup.md", "---\ntitle: T\ndate: 2017-04-05\n---\nText.\n");
            assertEquals(OffsetDateTime.parse("2017-04-05T00:00:00Z"), d.date());
        }

        @Test
        void lastmodFromFrontMatter() {
            Dispatch d = Readers.read(
                    "content/en/x.md",
                    "---\ntitle: T\ndate: 2017-05-23\nlastmod: 2017-06-01T08:00:00+03:00\n---\nText.\n");
            assertEquals(OffsetDateTime.parse("2017-06-01T08:00:00+03:00"), d.lastmod());
        }

        @Test
        void invalidFrontMatterDateIsAnErrorAtTheValue() {
            List<Diagnostic> found =
                    Readers.problems("content/en/x.md", "---\ntitle: T\ndate: 2017-13-45\n---\nText.\n");
            assertEquals(1, found.size(), found::toString);
            String line = found.get(0).format();
            assertTrue(line.startsWith("content/en/x.md:3:7: error: 'date' \"2017-13-45\" is not a valid date"), line);
        }

        @Test
        void noDateAnywhereIsAnError() {
            List<Diagnostic> found = Readers.problems("content/en/undated.md", "# Title\n\nText.\n");
            assertEquals(1, found.size(), found::toString);
            String line = found.get(0).format();
            assertTrue(line.startsWith("content/en/undated.md:1:1: error: no date for this dispatch"), line);
            assertTrue(line.contains("not in a git repository"), line);
        }
    }

    @Nested
    class FrontMatter {
        @Test
        void everyKnownKeyAndUnknownKeysForTemplates() {
            Dispatch d = Readers.read("content/ar/2017-05-22-x.md", """
                    ---
                    title: "عنوان: مع نقطتين"
                    slug: مذكرة-التوتر
                    aliases: [/old/memo.html, /old/path]
                    translationKey: memo
                    tags: [Syria, "Open Data", syria]
                    summary: ملخص قصير
                    draft: true
                    dateline: موسكو
                    source: سانا
                    subtitle: عنوان فرعي
                    rating: 5
                    ---
                    نص الخبر.
                    """);
            assertEquals("عنوان: مع نقطتين", d.title());
            assertEquals("مذكرة-التوتر", d.slug());
            assertEquals(List.of("/old/memo.html", "/old/path/"), d.aliases());
            assertEquals("key:memo", d.translationGroup());
            assertEquals(List.of("open-data", "syria"), d.tags());
            assertEquals("ملخص قصير", d.summary());
            assertTrue(d.draft());
            assertEquals("موسكو", d.dateline());
            assertEquals("سانا", d.source());
            assertEquals(Map.of("subtitle", "عنوان فرعي", "rating", 5L), d.params());
            assertEquals("<p>نص الخبر.</p>\n", d.bodyHtml());
        }

        @Test
        void infinityNanAndHugeNumbersInParamsAreKeptAsWritten() {
            // Found by DispatchFuzzTest#markdown: 'x: .inf' threw NumberFormatException out of the reader.
            Dispatch d = Readers.read(
                    "content/en/2017-05-01-x.md",
                    "---\ntitle: T\nup: .inf\ndown: -.Inf\nodd: .NaN\nbig: 1e999\nhuge: 99999999999999999999\n"
                            + "half: 0.5\n---\nText.\n");
            assertEquals(
                    Map.of(
                            "up",
                            ".inf",
                            "down",
                            "-.Inf",
                            "odd",
                            ".NaN",
                            "big",
                            "1e999",
                            "huge",
                            "99999999999999999999",
                            "half",
                            0.5),
                    d.params());
        }

        @Test
        void translationsBySamePathUnderTheLanguageFolders() {
            Dispatch ar =
                    Readers.read("content/ar/2017/call.md", "---\ntitle: ع\ndate: 2017-05-01\n---\n" + ARABIC_BODY);
            Dispatch en = Readers.read(
                    "content/en/2017/call.txt",
                    "---\ndate: 2017-05-01\n---\nCall\n\n" + "Moscow, SANA – " + ENGLISH_BODY + "\n");
            assertEquals(ar.translationGroup(), en.translationGroup());
        }

        @Test
        void markdownTitleFromTheFirstHeadingAndRawHtmlEscaped() {
            Dispatch d = Readers.read(
                    "content/en/2017-05-01-x.md",
                    "# A *title* & more\n\nBody with <script>alert(1)</script> and **bold**.\n");
            assertEquals("A title & more", d.title());
            assertFalse(d.bodyHtml().contains("<h1>"), d.bodyHtml());
            assertFalse(d.bodyHtml().contains("<script>"), d.bodyHtml());
            assertTrue(d.bodyHtml().contains("&lt;script&gt;"), d.bodyHtml());
            assertTrue(d.bodyHtml().contains("<strong>bold</strong>"), d.bodyHtml());
        }

        @Test
        void markdownPlainTextAndSummaryKeepWhatAReaderSees() {
            Dispatch d = Readers.read(
                    "content/en/2017-05-01-x.md",
                    "# T\n\nThe fair opened with [several"
                            + " countries](https://example.org/fair) and `code` ![a map](map.png).\n\nSecond.\n");
            assertEquals("The fair opened with several countries and code a map.", d.summary());
            assertTrue(
                    d.plainText().startsWith("The fair opened with several countries and code a map."), d.plainText());
            assertTrue(d.plainText().endsWith("Second."), d.plainText());
            assertFalse(d.plainText().contains("example.org"), d.plainText());
            assertTrue(d.bodyHtml().contains("href=\"https://example.org/fair\">several countries</a>"), d.bodyHtml());
        }

        @Test
        void crlfBomAndNfdReadLikeCleanInput() {
            String clean =
                    "---\ntitle: \"Café à Alep — أخبار\"\ntags: [Café]\n---\n\nUne première ligne.\n\nإعلان أمس.\n";
            String nfd = Normalizer.normalize(clean, Normalizer.Form.NFD);
            assertNotEquals(clean, nfd);
            byte[] messy = ("\uFEFF" + nfd.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);

            Dispatch a = Readers.read("content/en/2017-05-01-cafe.md", clean);
            Dispatch b = Readers.read(Readers.reader(), "content/en/2017-05-01-cafe.md", messy);
            assertEquals("Café à Alep — أخبار", b.title());
            assertEquals(a.title(), b.title());
            assertEquals(a.tags(), b.tags());
            assertEquals(a.bodyHtml(), b.bodyHtml());
            assertEquals(a.plainText(), b.plainText());
            assertEquals(a.summary(), b.summary());
        }

        @Test
        void nfdFileNamesAreNormalizedToo() {
            // macOS file systems hand out names in NFD; URLs and translation links must not depend on that.
            Dispatch a = Readers.read("content/en/2017-05-01-café.md", "# T\n\nText.\n");
            Dispatch b = Readers.read(
                    Normalizer.normalize("content/en/2017-05-01-café.md", Normalizer.Form.NFD), "# T\n\nText.\n");
            assertEquals("café", b.slug());
            assertEquals(a.slug(), b.slug());
            assertEquals(a.translationGroup(), b.translationGroup());
        }
    }
}
