package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/** A Hijri date written where a Gregorian one belongs is read as asked, and the build says what it likely meant. */
class HijriYearsTest {

    /** Reads one dispatch; returns the date it got and every finding, formatted. */
    private static List<String> findings(String path, String text, LocalDate expectedDate) {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> read = Readers.reader().read(path, text.getBytes(StandardCharsets.UTF_8), d);
        assertEquals(expectedDate, read.orElseThrow().date().toLocalDate(), "the date as written, not lost");
        return d.sorted().stream().map(Diagnostic::format).toList();
    }

    @Test
    void aFrontMatterDateInAHijriYearIsKeptAndGetsItsGregorianDay() {
        assertEquals(
                List.of("content/ar/ramadan.md:3:7: warning: 'date' \"1446-09-01\": the year 1446 is a Hijri year, and"
                        + " Arshif reads dates as Gregorian; if this is the Hijri date 1446-09-01 (Umm al-Qura"
                        + " calendar), its Gregorian date is 2025-03-01: write that instead"),
                findings(
                        "content/ar/ramadan.md",
                        "---\ntitle: رمضان\ndate: 1446-09-01\n---\nنص الخبر.\n",
                        LocalDate.of(1446, 9, 1)));
    }

    @Test
    void aFileNameDateInAHijriYearIsFlaggedAtTheFile() {
        assertEquals(
                List.of(
                        "content/ar/1445-12-10-eid.md:1:1: warning: the file name starts with '1445-12-10': the year 1445"
                                + " is a Hijri year, and Arshif reads dates as Gregorian; if this is the Hijri date 1445-12-10"
                                + " (Umm al-Qura calendar), its Gregorian date is 2024-06-16: write that instead"),
                findings("content/ar/1445-12-10-eid.md", "# العيد\n\nنص الخبر.\n", LocalDate.of(1445, 12, 10)));
    }

    @Test
    void aHijriLookingDayThatTheCalendarLacksStillGetsTheWarning() {
        // 30 Ramadan 1446 is not a day of the Umm al-Qura calendar (that Ramadan has 29 days)
        assertEquals(
                List.of("content/ar/x.md:3:7: warning: 'date' \"1446-09-30\": the year 1446 is a Hijri year, and"
                        + " Arshif reads dates as Gregorian; write the Gregorian date instead"),
                findings("content/ar/x.md", "---\ntitle: س\ndate: 1446-09-30\n---\nنص.\n", LocalDate.of(1446, 9, 30)));
    }

    @Test
    void gregorianYearsAroundTheHijriRangeAreNotFlagged() {
        for (String date : List.of("1299-12-31", "1501-01-01", "2024-05-01", "1948-05-15")) {
            // not as Hijri years: those before 1900 are named as such since round eleven (RoundElevenFindingsTest)
            assertEquals(
                    List.of(),
                    findings(
                                    "content/en/a.md",
                                    "---\ntitle: A\ndate: " + date + "\n---\nText.\n",
                                    LocalDate.parse(date))
                            .stream()
                            .filter(f -> !f.contains("a day before 1900"))
                            .toList(),
                    date);
        }
    }
}
