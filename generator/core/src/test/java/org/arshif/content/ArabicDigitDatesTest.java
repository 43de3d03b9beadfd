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
                        && found.get(0).endsWith("write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time"),
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
}
