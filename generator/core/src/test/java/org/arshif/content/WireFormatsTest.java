package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.config.AgencyProfiles;
import org.arshif.config.ArabicMonths;
import org.arshif.config.SiteConfig;
import org.arshif.config.WireSettings;
import org.arshif.content.wire.TitleParts;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each built-in wire form on a sample written in its exact form ({@code src/test/resources/wire/}). */
class WireFormatsTest {
    static final Path WIRE = Path.of("src", "test", "resources", "wire");
    static final AgencyText BUILT_IN = AgencyText.builder()
            .agencies(SiteConfig.DEFAULT_AGENCIES)
            .footerPatterns(SiteConfig.DEFAULT_FOOTER_PATTERNS)
            .teaserPatterns(SiteConfig.DEFAULT_TEASER_PATTERNS)
            .wire(WireSettings.defaults())
            .build();

    static String sample(String name) {
        try {
            return Files.readString(WIRE.resolve(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static AgencyText.Parsed parse(String name) {
        return BUILT_IN.parse(sample(name), Optional.empty(), "content/x/" + name);
    }

    @Nested
    class Spa {
        @Test
        void datelineCategoryAndEndMarkersAreTakenOut() {
            AgencyText.Parsed p = parse("spa-ar.txt");
            assertEquals("spa", p.wire().profile());
            assertEquals("ولي العهد يستقبل وفداً اقتصادياً", p.title());
            assertEquals("سياسي", p.wire().title().category());
            assertEquals(TitleParts.NONE, p.wire().title().part());
            assertEquals("الرياض", p.dateline());
            assertEquals("واس", p.wire().dateline().agency());
            assertEquals("26 شوال 1436", p.wire().dateline().hijri().toString());
            assertEquals("11 أغسطس 2015", p.wire().dateline().gregorian().toString());
            assertEquals(3, p.wire().datelineLine());
            // The dateline is gone from the first paragraph, which goes on with the line after it.
            assertEquals(
                    List.of(
                            "استقبل صاحب السمو الملكي ولي العهد في مكتبه بالرياض اليوم وفداً اقتصادياً يزور"
                                    + " المملكة.\nوجرى خلال الاستقبال استعراض أوجه التعاون الاقتصادي بين البلدين.",
                            "حضر الاستقبال عدد من المسؤولين."),
                    p.paragraphs());
            assertTrue(p.footerFound());
            assertFalse(p.plainText().contains("انتهى") || p.plainText().contains("NNNN"), p.plainText());
        }

        @Test
        void aContinuationMarkerLeavesTheTitleAndNumbersThePart() {
            AgencyText.Parsed p = parse("spa-ar-part1.txt");
            assertEquals("ولي العهد يستقبل وفداً اقتصادياً", p.title());
            assertEquals(1, p.wire().title().part());
            assertEquals(
                    List.of("وأكد رئيس الوفد خلال اللقاء حرص بلاده على توسيع الاستثمارات المشتركة."), p.paragraphs());
        }

        @Test
        void everyMarkerHasItsNumber() {
            var spa = new org.arshif.content.wire.WireForm(AgencyProfiles.builtIn().stream()
                    .filter(x -> x.name().equals("spa"))
                    .findFirst()
                    .orElseThrow());
            assertEquals(2, spa.title("خبر / إضافة ثانية").part());
            assertEquals(TitleParts.LAST, spa.title("خبر / إضافة أخيرة").part());
            assertEquals(0, spa.title("خبر // يتبع //").part());
            assertEquals("خبر", spa.title("خبر // يتبع //").title());
            // A slash inside a title with no category word before it is left alone.
            assertEquals(
                    new TitleParts("الرياض/جدة: أمطار غزيرة", "", TitleParts.NONE),
                    spa.title("الرياض/جدة: أمطار غزيرة"));
        }
    }

    @Test
    void sanaEnglishOnItsOwnLine() {
        AgencyText.Parsed p = parse("sana-en.txt");
        assertEquals("sana-en", p.wire().profile());
        assertEquals("Damascus", p.dateline());
        assertEquals("SANA", p.wire().dateline().agency());
        assertEquals(
                "President Bashar al-Assad received on Sunday a parliamentary delegation.",
                p.paragraphs().get(0));
    }

    @Test
    void reutersDatelineHasNoYearSoGivesNoDate() {
        AgencyText.Parsed p = parse("reuters-en.txt");
        assertEquals("wire-en", p.wire().profile());
        assertEquals("DAMASCUS", p.dateline());
        assertEquals("Reuters", p.wire().dateline().agency());
        assertEquals("4 May", p.wire().dateline().gregorian().toString());
        assertTrue(
                p.paragraphs().get(0).startsWith("Syria's foreign ministry said"),
                p.paragraphs().get(0));
        assertEquals(2, p.paragraphs().size(), "the credit line is cut: " + p.paragraphs());
        assertEquals(
                Optional.empty(),
                org.arshif.content.wire.WireCalendar.date(p.wire().dateline()).date());
    }

    @Test
    void apDatelineWithItsCountry() {
        AgencyText.Parsed p = parse("ap-en.txt");
        assertEquals("wire-en", p.wire().profile());
        assertEquals("DAMASCUS", p.dateline());
        assertEquals("AP", p.wire().dateline().agency());
        assertTrue(
                p.paragraphs().get(0).startsWith("Syria's army said Tuesday"),
                p.paragraphs().get(0));
        assertEquals(2, p.paragraphs().size(), "the ___ line and the credit after it are cut: " + p.paragraphs());
    }

    @Test
    void anotherWiresEnglishDatelineWithADoubleDash() {
        AgencyText.Parsed p = parse("kuna-en.txt");
        assertEquals("wire-en", p.wire().profile());
        assertEquals("KUWAIT", p.dateline());
        assertEquals("KUNA", p.wire().dateline().agency());
        assertEquals(
                "Kuwait's finance ministry announced a new budget on Sunday.",
                p.paragraphs().get(0));
    }

    @Nested
    class ArabicWires {
        @Test
        void theAgencyInBracketsAfterTheCity() {
            AgencyText.Parsed p = parse("afp-ar.txt");
            assertEquals("wire-ar", p.wire().profile());
            assertEquals("باريس", p.dateline());
            assertEquals("أ ف ب", p.wire().dateline().agency());
            assertEquals(
                    List.of(
                            "أعلنت الحكومة الفرنسية الثلاثاء خطة جديدة لخفض استهلاك الطاقة.",
                            "وقال الوزير إن الخطة تبدأ العام المقبل."),
                    p.paragraphs());
        }

        @Test
        void kunasNumericDateAndItsEndMarker() {
            AgencyText.Parsed p = parse("kuna-ar.txt");
            assertEquals("الكويت", p.dateline());
            assertEquals("كونا", p.wire().dateline().agency());
            // Day and month, no year: no date from the dateline, the next source is used.
            assertEquals(
                    Optional.empty(),
                    org.arshif.content.wire.WireCalendar.date(p.wire().dateline())
                            .date());
            assertTrue(p.footerFound());
            assertFalse(p.plainText().contains("النهاية"), p.plainText());
            assertEquals(
                    "أعلنت وزارة المالية اليوم ميزانية جديدة.", p.paragraphs().get(0));
        }

        @Test
        void theAgencyBetweenSlashesWithADate() {
            AgencyText.Parsed p = parse("wam-ar.txt");
            assertEquals("أبوظبي", p.dateline());
            assertEquals("وام", p.wire().dateline().agency());
            assertEquals(
                    Optional.of(LocalDate.of(2024, 5, 12)),
                    org.arshif.content.wire.WireCalendar.date(p.wire().dateline())
                            .date());
            assertEquals(
                    "وقعت دولة الإمارات اليوم اتفاقية تعاون مع اليابان.",
                    p.paragraphs().get(0));
        }

        @Test
        void cityAndAgencyOnTheirOwnLine() {
            AgencyText.Parsed p = parse("mena-ar.txt");
            assertEquals("القاهرة", p.dateline());
            assertEquals("أ ش أ", p.wire().dateline().agency());
            assertEquals(
                    List.of("افتتح رئيس الوزراء اليوم مشروعا جديدا للطاقة الشمسية.", "وأكد أهمية المشروع."),
                    p.paragraphs());
            assertTrue(p.footerFound());
        }

        @Test
        void anAgencyNamedInProseIsNoDateline() {
            String text = "خبر عن الطاقة\n\nذكرت وكالة (أ ف ب) أن الحكومة أعلنت خطة جديدة.\n";
            AgencyText.Parsed p = BUILT_IN.parse(text, Optional.empty(), "content/ar/a.txt");
            assertEquals("", p.wire().profile());
            assertEquals(List.of("ذكرت وكالة (أ ف ب) أن الحكومة أعلنت خطة جديدة."), p.paragraphs());
        }
    }

    @Test
    void theRealSanaSampleIsReadAsBefore() throws IOException {
        String text = Files.readString(AgencyTextTest.SAMPLE, StandardCharsets.UTF_8);
        AgencyText.Parsed before = AgencyTextTest.DEFAULTS.parse(text, Optional.empty());
        AgencyText.Parsed after = BUILT_IN.parse(text, Optional.empty(), AgencyTextTest.SAMPLE_PATH);
        assertEquals("sana-ar", after.wire().profile());
        assertEquals(before.title(), after.title());
        assertEquals(before.dateline(), after.dateline());
        assertEquals(before.paragraphs(), after.paragraphs());
        assertEquals("سانا", after.wire().dateline().agency());
    }

    @Test
    void aFolderChoosesTheProfileOverDetection() {
        WireSettings byFolder = new WireSettings(AgencyProfiles.builtIn(), Map.of("ar/spa", "spa"), false);
        AgencyText reader = AgencyText.builder().wire(byFolder).build();
        // No SPA dateline and no end marker: detection finds nothing, the folder still says SPA.
        String text = "اقتصادي / خبر قصير\n\nنص الخبر.\n";
        assertEquals(
                "spa",
                reader.parse(text, Optional.empty(), "content/ar/spa/2015/a.txt")
                        .wire()
                        .profile());
        assertEquals(
                "خبر قصير",
                reader.parse(text, Optional.empty(), "content/ar/spa/a.txt").title());
        AgencyText.Parsed elsewhere = reader.parse(text, Optional.empty(), "content/ar/other/a.txt");
        assertEquals("", elsewhere.wire().profile());
        assertEquals("اقتصادي / خبر قصير", elsewhere.title());
    }

    @Test
    void aFrontMatterTitleIsTakenAsWritten() {
        String body = sample("spa-ar.txt").substring(sample("spa-ar.txt").indexOf('\n') + 1);
        AgencyText.Parsed p = BUILT_IN.parse(body, Optional.of("سياسي / عنوان المحرر"), "content/ar/a.txt");
        assertEquals("سياسي / عنوان المحرر", p.title());
        assertEquals("الرياض", p.dateline());
    }

    @Nested
    class AsDispatches {
        final DispatchReader reader = new DispatchReader(
                SiteConfig.defaults(), TagVocabulary.empty(Readers::terms), GitHistory.none("no git here"));

        Dispatch read(String name, Diagnostics d) {
            Optional<Dispatch> read =
                    reader.read("content/ar/" + name, sample(name).getBytes(StandardCharsets.UTF_8), d);
            assertTrue(read.isPresent(), d.sorted().toString());
            return read.get();
        }

        @Test
        void theDatelinesDateIsTheDateAndItsAgencyTheSource() {
            Diagnostics d = new Diagnostics();
            Dispatch spa = read("spa-ar.txt", d);
            assertEquals(List.of(), d.sorted());
            assertEquals(LocalDate.of(2015, 8, 11), spa.date().toLocalDate());
            assertEquals("واس", spa.source());
            assertEquals("الرياض", spa.dateline());
            assertTrue(spa.summary().startsWith("استقبل صاحب السمو"), spa.summary());
            assertEquals(List.of("سياسي"), spa.tags(), "the category is a tag");
            assertEquals(new WireInfo("spa", "سياسي", TitleParts.NONE, null), spa.wire());
        }

        @Test
        void theFileNamesDateComesAfterTheDatelines() {
            Diagnostics d = new Diagnostics();
            Optional<Dispatch> read = reader.read(
                    "content/ar/2015-08-20-x.txt", sample("spa-ar.txt").getBytes(StandardCharsets.UTF_8), d);
            assertEquals(LocalDate.of(2015, 8, 11), read.orElseThrow().date().toLocalDate());
        }

        @Test
        void aFrontMatterDateComesBeforeTheDatelines() {
            Diagnostics d = new Diagnostics();
            Optional<Dispatch> read = reader.read(
                    "content/ar/x.txt",
                    ("---\ndate: 2015-08-12\n---\n" + sample("spa-ar.txt")).getBytes(StandardCharsets.UTF_8),
                    d);
            assertEquals(LocalDate.of(2015, 8, 12), read.orElseThrow().date().toLocalDate());
        }

        @Test
        void calendarsThatDisagreeGiveAWarningAtTheDateline() {
            Diagnostics d = new Diagnostics();
            Dispatch x = read("spa-ar-disagree.txt", d);
            assertEquals(LocalDate.of(2015, 8, 21), x.date().toLocalDate());
            assertEquals(
                    List.of(Diagnostic.warning(
                            "content/ar/spa-ar-disagree.txt",
                            3,
                            1,
                            "the dateline's Hijri"
                                    + " date '26 شوال 1436' is 2015-08-11 in the Umm al-Qura calendar, but its Gregorian date"
                                    + " '21 أغسطس 2015' is 2015-08-21, 10 days apart; the Gregorian date is used: correct the one"
                                    + " that is wrong, or give 'date:' in front-matter")),
                    d.sorted());
        }

        @Test
        void aDispatchMayChooseItsMonthNames() {
            Diagnostics d = new Diagnostics();
            Optional<Dispatch> read = reader.read(
                    "content/ar/2015-08-20-x.md",
                    "---\ntitle: t\narabicMonths: maghrebi\n---\nنص.\n".getBytes(StandardCharsets.UTF_8),
                    d);
            assertEquals(ArabicMonths.MAGHREBI, read.orElseThrow().wire().arabicMonths());
            Diagnostics bad = new Diagnostics();
            reader.read(
                    "content/ar/2015-08-20-y.md",
                    "---\ntitle: t\narabicMonths: iraqi\n---\nنص.\n".getBytes(StandardCharsets.UTF_8),
                    bad);
            assertEquals(
                    List.of(Diagnostic.error(
                            "content/ar/2015-08-20-y.md", 3, 15, ArabicMonths.CHOICE + ", not 'iraqi'")),
                    bad.sorted());
        }
    }

    @Test
    void noProfilesMeansTheOldReading() {
        AgencyText.Parsed p = AgencyTextTest.DEFAULTS.parse(sample("spa-ar.txt"), Optional.empty());
        assertEquals("", p.wire().profile());
        assertEquals("سياسي / ولي العهد يستقبل وفداً اقتصادياً", p.title());
        assertNull(p.wire().dateline());
    }
}
