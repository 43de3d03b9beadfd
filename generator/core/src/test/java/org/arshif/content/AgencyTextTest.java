package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.config.SiteConfig;
import org.arshif.testing.GitRepo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agency's plain-text form, on the real sample dispatch and on small cases of each rule. */
class AgencyTextTest {
    /** The real SANA dispatch exactly as it came (a copy of the sample archive's, which a newsroom replaces). */
    static final Path SAMPLE = Path.of("src", "test", "resources", "fixtures", "sana", "000_601a6318f570dfd2.txt");

    static final String SAMPLE_PATH = "content/ar/000_601a6318f570dfd2.txt";

    // The source keeps a few no-break spaces inside paragraphs (U+00A0); they are text and stay.
    static final String FIRST_PARAGRAPH = "بحث الرئيس الروسي فلاديمير بوتين والرئيس الإيراني حسن روحاني خلال اتصال"
            + " هاتفي اليوم الوضع فى سورية وشددا على أهمية زيادة الجهود المشتركة لحل الأزمة فيها.";
    static final String LAST_PARAGRAPH = "وأشار الكرملين إلى أن الجانبين تطرقا إلى ملف العلاقات الاقتصادية بين"
            + " البلدين وسير تحقيق اتفاقات رفع القيود المتبادلة في المجال التجاري والاقتصادي وقضايا تحقيق مشاريع"
            + " كبرى في مجال الطاقة مثل بناء محطة\u00A0أك كويو النووية وخط التيار التركي لنقل الغاز.";

    /** Words that only occur in the sample's footer (Telegram, WhatsApp, VK promos) and its "see also" teaser. */
    static final List<String> FOOTER_AND_TEASER = List.of(
            "تيلغرام",
            "telegram.me",
            "واتس أب",
            "0940777186",
            "(VK)",
            "vk.com",
            "انظر ايضاً",
            "سنرد بشكل حاسم",
            "بطريقة مماثلة",
            "…");

    static String sampleText;
    /** The sample has no date in it: like in the archive, it gets the date of the commit that added it. */
    static DispatchReader gitDated;

    @TempDir
    static Path repo;

    static final AgencyText DEFAULTS = AgencyText.builder()
            .agencies(SiteConfig.DEFAULT_AGENCIES)
            .footerPatterns(SiteConfig.DEFAULT_FOOTER_PATTERNS)
            .teaserPatterns(SiteConfig.DEFAULT_TEASER_PATTERNS)
            .build();

    @BeforeAll
    static void readSample() throws IOException {
        sampleText = Files.readString(SAMPLE, StandardCharsets.UTF_8);
        Files.createDirectories(repo.resolve("content/ar"));
        Files.copy(SAMPLE, repo.resolve(SAMPLE_PATH));
        GitRepo.init(repo).commitAll("Add the sample", "2017-05-22T21:40:00+03:00");
        gitDated = Readers.reader(GitHistory.read(repo));
    }

    @Test
    void sampleParagraphsAreIntactAndFooterAndTeaserAreGone() {
        AgencyText.Parsed p = DEFAULTS.parse(sampleText, Optional.empty());

        assertEquals("بوتين يبحث مع روحاني وأردوغان الوضع في سورية وتنفيذ مذكرة إنشاء مناطق تخفيف التوتر", p.title());
        assertEquals(1, p.titleLine());
        assertEquals("موسكو", p.dateline());
        assertTrue(p.footerFound());
        // The source has 12 article paragraphs between the dateline and the first promo line.
        assertEquals(12, p.paragraphs().size(), () -> String.join("\n---\n", p.paragraphs()));
        assertEquals(FIRST_PARAGRAPH, p.paragraphs().get(0));
        assertEquals(LAST_PARAGRAPH, p.paragraphs().get(11));
        assertEquals(
                "وقال الكرملين: إن “بوتين وأردوغان شددا على أهمية الإسراع في تحقيق التوافق حول الجوانب"
                        + " العملية لتطبيق المذكرة بشأن مناطق تخفيف التوتر في سورية ما سيتيح تعزيز نظام وقف الأعمال"
                        + " القتالية ورفع فعالية المحادثات\u00A0بين الأطراف السورية في جنيف وأستانا”.",
                p.paragraphs().get(8));
        for (String paragraph : p.paragraphs()) {
            assertFalse(paragraph.contains("\n"), "a paragraph of one source line stays one line: " + paragraph);
        }
        for (String word : FOOTER_AND_TEASER) {
            assertFalse(p.plainText().contains(word), "footer/teaser text '" + word + "' leaked into the article");
        }
    }

    @Test
    void sampleDispatchBodyPlainTextAndSummaryHoldOnlyTheArticle() throws IOException {
        Dispatch d = Readers.read(gitDated, SAMPLE_PATH, Files.readAllBytes(SAMPLE));

        assertEquals("ar", d.lang());
        assertEquals(OffsetDateTime.parse("2017-05-22T21:40:00+03:00"), d.date());
        assertEquals("موسكو", d.dateline());
        assertEquals(SourceFormat.AGENCY_TEXT, d.format());
        assertTrue(d.footerFound());
        assertEquals("000_601a6318f570dfd2", d.slug());
        assertEquals(12, count(d.bodyHtml(), "<p>"));
        assertTrue(d.bodyHtml().startsWith("<p>" + FIRST_PARAGRAPH + "</p>\n"), d.bodyHtml());
        assertTrue(d.bodyHtml().endsWith("<p>" + LAST_PARAGRAPH + "</p>\n"), d.bodyHtml());
        assertTrue(d.plainText().startsWith(FIRST_PARAGRAPH + "\n\n"));
        assertTrue(d.plainText().endsWith("\n\n" + LAST_PARAGRAPH));
        // The first paragraph is short enough to be the whole summary.
        assertEquals(FIRST_PARAGRAPH, d.summary());
        for (String word : FOOTER_AND_TEASER) {
            assertFalse(d.bodyHtml().contains(word), "footer/teaser '" + word + "' in the body HTML");
            assertFalse(d.plainText().contains(word), "footer/teaser '" + word + "' in the plain text");
            assertFalse(d.summary().contains(word), "footer/teaser '" + word + "' in the summary");
        }
        // The dateline line is not a paragraph of the body.
        assertFalse(d.plainText().contains("موسكو-سانا"));
        // The title is not repeated in the body.
        assertFalse(d.plainText().contains(d.title()));
    }

    @Test
    void cleanedInputGivesTheSameDispatch() throws IOException {
        // BOM, CRLF line ends and decomposed (NFD) letters: what Windows editors and some exports produce.
        String nfd = Normalizer.normalize(sampleText, Normalizer.Form.NFD);
        assertNotEquals(sampleText, nfd, "the sample must contain letters that NFD decomposes (أ, إ, ...)");
        byte[] messy = ("\uFEFF" + nfd.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);

        Dispatch clean = Readers.read(gitDated, SAMPLE_PATH, Files.readAllBytes(SAMPLE));
        Dispatch dirty = Readers.read(gitDated, SAMPLE_PATH, messy);

        assertEquals(clean.title(), dirty.title());
        assertEquals(clean.dateline(), dirty.dateline());
        assertEquals(clean.bodyHtml(), dirty.bodyHtml());
        assertEquals(clean.plainText(), dirty.plainText());
        assertEquals(clean.summary(), dirty.summary());
        assertEquals(clean.slug(), dirty.slug());
        assertEquals(clean.lang(), dirty.lang());
        assertFalse(dirty.bodyHtml().contains("\r"));
        assertFalse(dirty.title().startsWith("\uFEFF"));
    }

    @Test
    void englishInlineDatelineIsTakenOutOfTheFirstParagraph() {
        AgencyText.Parsed p = DEFAULTS.parse("""
                President receives UN envoy

                Damascus, SANA – President al-Assad received the UN envoy on Monday.

                Talks focused on the political process.

                Follow us on Telegram: https://telegram.me/SyrianArabNewsAgency

                See also

                Another story
                """, Optional.empty());

        assertEquals("President receives UN envoy", p.title());
        assertEquals("Damascus", p.dateline());
        assertEquals(
                List.of(
                        "President al-Assad received the UN envoy on Monday.",
                        "Talks focused on the political process."),
                p.paragraphs());
        assertTrue(p.footerFound());
    }

    @Test
    void twoWordCityOnItsOwnLine() {
        AgencyText.Parsed p = DEFAULTS.parse("""
                عنوان الخبر

                دير الزور-سانا

                الفقرة الأولى.
                """, Optional.empty());

        assertEquals("دير الزور", p.dateline());
        assertEquals(List.of("الفقرة الأولى."), p.paragraphs());
        assertFalse(p.footerFound());
    }

    @Test
    void twoWordCityInlineAtTheStartOfTheFirstParagraph() {
        AgencyText.Parsed p = DEFAULTS.parse("""
                عنوان الخبر

                دير الزور-سانا أكد مصدر محلي أن الطريق فتح.

                الفقرة الثانية.
                """, Optional.empty());

        assertEquals("دير الزور", p.dateline());
        assertEquals(List.of("أكد مصدر محلي أن الطريق فتح.", "الفقرة الثانية."), p.paragraphs());
    }

    @Test
    void datelineWithSpacesAroundTheDash() {
        AgencyText.Parsed p = DEFAULTS.parse("عنوان\n\nحمص - سانا\n\nنص.\n", Optional.empty());
        assertEquals("حمص", p.dateline());
        assertEquals(List.of("نص."), p.paragraphs());
    }

    @Test
    void noDatelineLeavesTheFirstParagraphAlone() {
        AgencyText.Parsed p =
                DEFAULTS.parse("Title\n\nThe minister said, in Geneva, that talks go on.\n", Optional.empty());
        assertEquals("", p.dateline());
        assertEquals(List.of("The minister said, in Geneva, that talks go on."), p.paragraphs());
    }

    @Test
    void linesInsideAParagraphStayApartAndBlankLinesSeparateParagraphs() {
        AgencyText.Parsed p = DEFAULTS.parse("Title\n\nline one\nline two\n\n\n\nnext\n", Optional.empty());
        assertEquals(List.of("line one\nline two", "next"), p.paragraphs());
        assertEquals("<p>line one<br>\nline two</p>\n<p>next</p>\n", AgencyText.toHtml(p.paragraphs()));
    }

    @Test
    void unicodeParagraphAndLineSeparatorsAreReadAsTheBreaksTheyStandFor() {
        // A word processor's or a feed's export: no '\n' at all, so it was one title line and no paragraphs.
        String exported = sampleText.replace("\n\n", "\u2029").replace('\n', '\u2028');
        AgencyText.Parsed p = DEFAULTS.parse(exported, Optional.empty());
        assertEquals(DEFAULTS.parse(sampleText, Optional.empty()), p);
        assertEquals(12, p.paragraphs().size());
    }

    @Test
    void frontMatterTitleIsNotRepeatedInTheBody() {
        AgencyText.Parsed p = DEFAULTS.parse("The title\n\nBody.\n", Optional.of("The title"));
        assertEquals("The title", p.title());
        assertEquals(0, p.titleLine());
        assertEquals(List.of("Body."), p.paragraphs());
    }

    @Test
    void plainTextIsNeverMarkup() {
        String text = """
                Prices: 3 < 5 & *not bold* <b>raw</b>

                Damascus, SANA – A & B said x < y, **not strong**, and # not a heading.

                - not a list
                """;
        Dispatch d = Readers.read("content/en/2017-05-01-literal.txt", text);

        assertEquals("Prices: 3 < 5 & *not bold* <b>raw</b>", d.title());
        assertEquals("Damascus", d.dateline());
        assertEquals(
                "<p>A &amp; B said x &lt; y, **not strong**, and # not a heading.</p>\n" + "<p>- not a list</p>\n",
                d.bodyHtml());
        assertEquals("A & B said x < y, **not strong**, and # not a heading.\n\n- not a list", d.plainText());
        assertEquals("A & B said x < y, **not strong**, and # not a heading.", d.summary());
        assertFalse(d.bodyHtml().contains("<em>")
                || d.bodyHtml().contains("<strong>")
                || d.bodyHtml().contains("<ul>")
                || d.bodyHtml().contains("<h1>"));
    }

    @Test
    void footerPatternsComeFromTheConfiguration() {
        AgencyText custom = AgencyText.builder()
                .agencies(List.of("ANA"))
                .footerPatterns(List.of("^-- end of dispatch --$"))
                .teaserPatterns(List.of())
                .build();
        AgencyText.Parsed p =
                custom.parse("Title\n\nCairo-ANA\n\nBody.\n\n-- end of dispatch --\n\nads\n", Optional.empty());
        assertEquals("Cairo", p.dateline());
        assertEquals(List.of("Body."), p.paragraphs());
        assertTrue(p.footerFound());
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
