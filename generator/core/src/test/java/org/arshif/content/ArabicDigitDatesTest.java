package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** Dates in front-matter written as Arabic desks write them: Arabic-Indic digits, or the year first with slashes. */
class ArabicDigitDatesTest {

    private static OffsetDateTime dateOf(String frontMatterDate, List<String> findings) {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> read = Readers.reader()
                .read(
                        "content/ar/x.md",
                        ("---\ntitle: خبر\ndate: " + frontMatterDate + "\n---\nنص الخبر.\n")
                                .getBytes(StandardCharsets.UTF_8),
                        d);
        assertEquals(findings, d.sorted().stream().map(Diagnostic::format).toList(), frontMatterDate);
        return read.orElseThrow().date();
    }

    @Test
    void arabicIndicAndEasternArabicIndicDigitsReadAsTheirValues() {
        OffsetDateTime expected = OffsetDateTime.parse("2023-05-06T10:30:00+03:00");
        for (String written : List.of(
                "٢٠٢٣-٠٥-٠٦T١٠:٣٠:٠٠+٠٣:٠٠",
                "۲۰۲۳-۰۵-۰۶T۱۰:۳۰:۰۰+۰۳:۰۰",
                "'٢٠٢٣-05-٠٦ ١٠:٣٠:00+03:00'",
                "2023-05-06T10:30:00+03:00")) {
            assertEquals(expected, dateOf(written, List.of()), written);
        }
    }

    @Test
    void aYearFirstDateWithSlashesIsADay() {
        assertEquals(dateOf("2023-05-06", List.of()), dateOf("2023/05/06", List.of()));
        assertEquals(dateOf("2023-05-06", List.of()), dateOf("٢٠٢٣/٠٥/٠٦", List.of()));
    }

    @Test
    void aDayFirstDateIsStillAFindingThatSaysHowToWriteIt() {
        // 06/05/2023 is 6 May in Cairo and 5 June in New York: never guessed
        Diagnostics d = new Diagnostics();
        Readers.reader()
                .read(
                        "content/ar/x.md",
                        "---\ntitle: خبر\ndate: 06/05/2023\n---\nنص.\n".getBytes(StandardCharsets.UTF_8),
                        d);
        List<String> found = d.sorted().stream().map(Diagnostic::format).toList();
        assertEquals(1, found.size(), found::toString);
        assertTrue(
                found.get(0).startsWith("content/ar/x.md:3:7: error: 'date' \"06/05/2023\" is not a valid date")
                        && found.get(0).contains("write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time"),
                found::toString);
    }

    @Test
    void aHijriYearInArabicDigitsGetsTheSameAdvice() {
        assertEquals(
                1446,
                dateOf(
                                "١٤٤٦-٠٩-٠١",
                                List.of("content/ar/x.md:3:7: warning: 'date' \"١٤٤٦-٠٩-٠١\": the year 1446 is a Hijri"
                                        + " year, and Arshif reads dates as Gregorian; if this is the Hijri date"
                                        + " 1446-09-01 (Umm al-Qura calendar), its Gregorian date is 2025-03-01:"
                                        + " write that instead"))
                        .getYear());
    }

    @Test
    void aWrittenDateIsReadInTheCalendarItsMonthNames() {
        // 26 Shawwal 1436 AH is 11 August 2015 in the Umm al-Qura calendar; 1 Ramadan 1446 is 1 March 2025
        for (String written : List.of("26 شوال 1436 هـ", "٢٦ شوّال ١٤٣٦هـ", "26 شوال 1436", "2015-08-11")) {
            assertEquals(dateOf("2015-08-11", List.of()), dateOf(written, List.of()), written);
        }
        assertEquals(dateOf("2025-03-01", List.of()), dateOf("1446-09-01 هـ", List.of()));
        assertEquals(dateOf("2025-03-01", List.of()), dateOf("١٤٤٦/٠٩/٠١ هـ", List.of()));
        for (String written : List.of("4 أيار 2017", "4 مايو 2017 م", "٤ آيار ٢٠١٧", "4 May 2017", "May 4, 2017")) {
            assertEquals(dateOf("2017-05-04", List.of()), dateOf(written, List.of()), written);
        }
    }

    @Test
    void aWrittenDateThatIsNoDayIsAFindingThatSaysWhatIsRead() {
        for (String written : List.of("31 شوال 1436 هـ", "4 أيار 2017 هـ", "4 Smarch 2017", "30 February 2017")) {
            Diagnostics d = new Diagnostics();
            Readers.reader()
                    .read(
                            "content/ar/x.md",
                            ("---\ntitle: خبر\ndate: " + written + "\n---\nنص.\n").getBytes(StandardCharsets.UTF_8),
                            d);
            List<String> found = d.sorted().stream().map(Diagnostic::format).toList();
            assertEquals(1, found.size(), found::toString);
            assertTrue(
                    found.get(0)
                                    .startsWith("content/ar/x.md:3:7: error: 'date' \"" + written
                                            + "\" is not a valid date")
                            && found.get(0)
                                    .endsWith("(a written date such as 26 شوال 1436 هـ or 4 May 2017 is read too)"),
                    found::toString);
        }
    }
}
