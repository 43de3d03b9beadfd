package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.junit.jupiter.api.Test;

/**
 * Archives kept by day, with the agency's per-day file numbers ({@code ar/2015/07/21/0001.txt}): the folders give the
 * date when nothing in the file does, so such an archive builds without git, and with git is not dated by the day it
 * was imported.
 */
class DayFoldersTest {
    private static final String SANA_FORM = "عنوان الخبر\n\nدمشق-سانا\n\nنص الخبر.\n";

    @Test
    void dayFoldersGiveTheDateAndTheUrlItsDay() {
        Dispatch first = Readers.read("content/ar/2015/07/21/0001.txt", SANA_FORM);
        Dispatch next = Readers.read("content/ar/2015/7/3/0001.txt", SANA_FORM);
        assertEquals(LocalDate.of(2015, 7, 21), first.date().toLocalDate());
        assertEquals(LocalDate.of(2015, 7, 3), next.date().toLocalDate());
        assertEquals("/ar/2015/07/21/0001/", first.permalink());
        assertEquals("/ar/2015/07/03/0001/", next.permalink());
    }

    @Test
    void aPageBundleInDayFoldersTakesTheirDate() {
        Dispatch bundle = Readers.read("content/en/2016/02/29/story/index.md", "# Leap day\n\nText.\n");
        assertEquals(LocalDate.of(2016, 2, 29), bundle.date().toLocalDate());
        assertEquals("/en/2016/02/29/story/", bundle.permalink());
    }

    @Test
    void theFileItselfSaysTheDateFirst() {
        String dated = "---\ntitle: خبر\ndate: 2015-07-22\n---\nنص.\n";
        assertEquals(
                LocalDate.of(2015, 7, 22),
                Readers.read("content/ar/2015/07/21/0002.md", dated).date().toLocalDate());
        assertEquals(
                LocalDate.of(2015, 7, 20),
                Readers.read("content/ar/2015/07/21/2015-07-20-x.md", "# خبر\n\nنص.\n")
                        .date()
                        .toLocalDate());
    }

    @Test
    void foldersThatAreNotAYearMonthAndDayGiveNoDate() {
        for (String path :
                List.of("content/ar/07/21/0001.txt", "content/ar/2015/07/0001.txt", "content/ar/15/07/21/0001.txt")) {
            assertEquals(
                    List.of(path + ":1:1: error: no date for this dispatch (the site is not in a git repository); add"
                            + " 'date: YYYY-MM-DD' to the front-matter, start the file name with YYYY-MM-DD- (or put"
                            + " it in YYYY/MM/DD/ folders), or commit the file (its first commit gives the date)"),
                    Readers.problems(path, SANA_FORM).stream()
                            .map(Diagnostic::format)
                            .toList());
        }
    }

    @Test
    void anImpossibleDayIsAnErrorThatNamesTheFolders() {
        assertEquals(
                List.of("content/ar/2015/02/30/0001.txt:1:1: error: the folders '2015/02/30/' say '2015-02-30', which"
                        + " is not a valid date; rename the folders with a real date, YYYY/MM/DD/"),
                Readers.problems("content/ar/2015/02/30/0001.txt", SANA_FORM).stream()
                        .map(Diagnostic::format)
                        .toList());
    }

    @Test
    void hijriYearFoldersGetTheHijriAdvice() {
        Diagnostics d = new Diagnostics();
        Optional<Dispatch> read =
                Readers.reader().read("content/ar/1445/12/10/0001.txt", SANA_FORM.getBytes(StandardCharsets.UTF_8), d);
        assertEquals(LocalDate.of(1445, 12, 10), read.orElseThrow().date().toLocalDate(), "kept as written");
        assertEquals(
                List.of("content/ar/1445/12/10/0001.txt:1:1: warning: the folders '1445/12/10/' say '1445-12-10': the"
                        + " year 1445 is a Hijri year, and Arshif reads dates as Gregorian; if this is the Hijri date"
                        + " 1445-12-10 (Umm al-Qura calendar), its Gregorian date is 2024-06-16: write that instead"),
                d.sorted().stream()
                        .filter(f -> f.message().contains("Hijri"))
                        .map(Diagnostic::format)
                        .toList());
    }
}
