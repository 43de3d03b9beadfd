package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arshif.content.wire.WireCalendar;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Diagnostics;
import org.arshif.diag.FindingCap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input, round seven: what the reader got wrong or left unsaid. */
class RoundSevenFindingsTest {
    private static final LocalDate SHAWWAL_26_1436 = LocalDate.of(2015, 8, 11);

    @Test
    void hijriDatesWithTheWordsDesksPutBetweenDayMonthAndYearAreRead() {
        for (String written : List.of(
                "26 من شوال لعام 1436 هـ",
                "26 شوال سنة 1436 هـ",
                "26 من شهر شوال عام 1436 هـ",
                "٢٦ من شوال من عام ١٤٣٦ هـ",
                "الثلاثاء 26 من شوال لعام 1436 هـ",
                "26 من شوال لعام 1436 هـ الموافق 11 من أغسطس لعام 2015 م",
                "26 شوال 1436 هجرية الموافق 11 أغسطس سنة 2015 ميلادية",
                "26th of Shawwal 1436 AH")) {
            assertEquals(Optional.of(SHAWWAL_26_1436), WireCalendar.written(written), written);
        }
        assertEquals(Optional.of(LocalDate.of(2017, 5, 4)), WireCalendar.written("4th of May 2017"));
        assertEquals(Optional.empty(), WireCalendar.written("26 من شوال لعام 1436 في الرياض"));
    }

    @Test
    void bothCalendarsWithTheseWordsAreCheckedAgainstEachOtherAndTheGregorianWins() {
        String apart = "26 من شوال لعام 1436 هـ الموافق 11 من سبتمبر لعام 2015 م";
        assertEquals(Optional.of(LocalDate.of(2015, 9, 11)), WireCalendar.written(apart));
        assertEquals(
                Optional.of("its Hijri date is 2015-08-11 and its Gregorian one 2015-09-11, 31 days apart; the"
                        + " Gregorian one is used: correct the one that is wrong"),
                WireCalendar.calendarsApart(apart));
        assertEquals(
                List.of("content/ar/a.md:3:7: warning: 'date' \"" + apart + "\": its Hijri date is 2015-08-11 and its"
                        + " Gregorian one 2015-09-11, 31 days apart; the Gregorian one is used: correct the one that"
                        + " is wrong"),
                Readers.findings("content/ar/a.md", "---\ntitle: عنوان\ndate: " + apart + "\n---\n\nنص.\n"));
        assertEquals(Optional.empty(), WireCalendar.calendarsApart("26 من شوال لعام 1436 هـ الموافق 11 أغسطس 2015 م"));
    }

    @Test
    void anSpaDatelineWithTheseWordsGivesTheDateTheCityAndAWarningWhenTheCalendarsDisagree() {
        Map<String, LocalDate> datelines = Map.of(
                "الرياض 26 من شوال لعام 1436 هـ واس", SHAWWAL_26_1436,
                "الرياض 26 شوال سنة 1436 هـ الموافق 11 من أغسطس سنة 2015 م واس", SHAWWAL_26_1436,
                "الرياض 26 من شهر ربيع الأول لعام 1436 هـ واس", LocalDate.of(2015, 1, 17),
                "الرياض 11 من أغسطس لعام 2015 م واس", SHAWWAL_26_1436);
        datelines.forEach((dateline, day) -> {
            Dispatch d = Readers.read(
                    "content/ar/spa-1.txt", "سياسي / خبر\n" + dateline + "\nنص الخبر هنا للاختبار.\n// انتهى //\n");
            assertEquals(day, d.date().toLocalDate(), dateline);
            assertEquals("الرياض", d.dateline(), dateline);
            assertEquals("<p>نص الخبر هنا للاختبار.</p>", d.bodyHtml().strip(), dateline);
        });
        List<String> found = Readers.findings(
                "content/ar/spa-2.txt",
                "سياسي / خبر\nالرياض 26 من شوال لعام 1436 هـ الموافق 11 من سبتمبر لعام 2015 م واس\nنص الخبر.\n"
                        + "// انتهى //\n");
        assertEquals(1, found.size(), found.toString());
        assertEquals(
                true,
                found.get(0).contains("2015-08-11 in the Umm al-Qura calendar")
                        && found.get(0).contains("2015-09-11, 31 days apart; the Gregorian date is used"),
                found.get(0));
    }

    @Test
    void fiftyThousandTagsWithAMisspeltKeyAreAHundredNamedAndOneCountNotFiftyThousandErrors(@TempDir Path site)
            throws IOException {
        StringBuilder yml = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            yml.append("t").append(i).append(":\n  en: Tag ").append(i).append("\n  nmae: x\n");
        }
        Files.createDirectories(site.resolve("content"));
        Files.writeString(site.resolve(TagVocabulary.FILE), yml);
        Diagnostics d = new Diagnostics();
        TagVocabulary vocabulary = TagVocabulary.load(site, Readers::terms, d);
        List<String> found = d.sorted().stream().map(Diagnostic::format).toList();
        assertEquals(101, found.size());
        assertEquals(
                "content/tags.yml:3:3: error: unknown key 'nmae' in tag 't0'; use a language code (ar, en) for a name,"
                        + " 'match' for match terms, or 'alias' for other spellings",
                found.get(0));
        assertEquals(
                "content/tags.yml:303:3: error: 49900 more unknown keys in tags from here to line 150000, besides the"
                        + " 100 named above (only the first 100 of a kind are named one by one); use a language code"
                        + " (ar, en) for a name, 'match' for match terms, or 'alias' for other spellings",
                found.get(100));
        assertEquals(50_000, vocabulary.keys().size());
        assertEquals(true, d.hasErrors());
        // The 101 lines stand for the 50,000 findings, and every count says so.
        assertEquals(50_000, FindingCap.count(d.sorted(), Diagnostic::isError));
        assertTrue(
                new ContentException(d.sorted()).getMessage().startsWith("50000 errors in the archive:\n"),
                "the exception's summary counts what the cap counted");
    }

    @Test
    void aHundredAndOneTagsOfOneNameAreCappedAsWarningsAndOtherKindsKeepTheirOwnCount(@TempDir Path site)
            throws IOException {
        StringBuilder yml = new StringBuilder("Bad Key:\n  en: X\n");
        for (int i = 0; i < 102; i++) {
            yml.append("t").append(i).append(":\n  en: Same\n");
        }
        Files.createDirectories(site.resolve("content"));
        Files.writeString(site.resolve(TagVocabulary.FILE), yml);
        Diagnostics d = new Diagnostics();
        TagVocabulary.load(site, Readers::terms, d);
        List<Diagnostic> found = d.sorted();
        assertEquals(1, found.stream().filter(Diagnostic::isError).count());
        assertEquals(
                "content/tags.yml:1:1: error: tag key 'Bad Key' is not a clean URL slug; use 'bad-key' (lower case,"
                        + " letters, digits and '-')",
                found.get(0).format());
        assertEquals(102, found.size(), "the error, 100 warnings named, one counting the 101st");
        assertEquals(
                "content/tags.yml:206:3: warning: 1 more tags named as another tag is from here to line 206, besides"
                        + " the 100 named above (only the first 100 of a kind are named one by one); merge each pair of"
                        + " tags, or give each tag a name of its own",
                found.get(101).format());
    }

    @Test
    void anEmbargoLineIsNoTextAndNoLongerHidesTheDatelineAfterIt() {
        String ap = "BC-ML--Syria-Talks,0412\nURGENT\nSyria talks resume in Geneva\n"
                + "EMBARGOED UNTIL 0001 GMT MAY 5 2017\nGENEVA, May 4, 2017 (AP) — Talks resumed on Thursday.\n\n"
                + "Delegates met for three hours.\n";
        Dispatch d = Readers.read("content/en/ap-1.txt", ap);
        assertEquals("Syria talks resume in Geneva", d.title());
        assertEquals("GENEVA", d.dateline());
        assertEquals(LocalDate.of(2017, 5, 4), d.date().toLocalDate());
        assertEquals(
                "<p>Talks resumed on Thursday.</p>\n<p>Delegates met for three hours.</p>",
                d.bodyHtml().strip());
        assertEquals(
                // Round eight: a line that names its instant in one way holds the dispatch (RoundEightFindingsTest).
                List.of("content/en/ap-1.txt:4:1: notice: 'EMBARGOED UNTIL 0001 GMT MAY 5 2017' is the wire's embargo"
                        + " line: it is not published, and the dispatch is not published before 2017-05-05T00:01Z, as a"
                        + " publishDate later than its date holds it; to publish it at another time, give publishDate"
                        + " in front-matter"),
                Readers.findings("content/en/ap-1.txt", ap));
        // Above the headline, and in Arabic.
        String ar = "يحظر النشر قبل الساعة 10:00 بتوقيت غرينتش\nمحادثات في جنيف\n"
                + "جنيف 4 أيار 2017 (أ ف ب) - استؤنفت المحادثات اليوم.\n";
        Dispatch a = Readers.read("content/ar/afp-1.txt", ar);
        assertEquals("محادثات في جنيف", a.title());
        assertEquals("جنيف", a.dateline());
        assertEquals(
                List.of("content/ar/afp-1.txt:1:1: notice: 'يحظر النشر قبل الساعة 10:00 بتوقيت غرينتش' is the"
                        + " wire's embargo line: it is not published, and it does not hold the dispatch back, since it"
                        + " gives a time but no day (a day and month, as 5 May, with a year or in the dispatch's own);"
                        + " to keep it off the site until then, give publishDate: YYYY-MM-DDTHH:MM:SSZ in"
                        + " front-matter"),
                Readers.findings("content/ar/afp-1.txt", ar));
    }

    @Test
    void aLineThatOnlyStartsWithTheWordEmbargoIsText() {
        String text = "Syria talks resume in Geneva\nEmbargo on Iran extended\n"
                + "GENEVA, May 4, 2017 (AP) — Talks resumed on Thursday.\n";
        Dispatch d = Readers.read("content/en/2017-05-04-ap-2.txt", text);
        assertTrue(d.bodyHtml().contains("Embargo on Iran extended"), d.bodyHtml());
        assertTrue(Readers.findings("content/en/2017-05-04-ap-2.txt", text).stream()
                .noneMatch(f -> f.contains("embargo")));
        for (String line : List.of("EMBARGO: 10:00 GMT", "Embargoed to 0600 GMT", "EMBARGO 0001 GMT MAY 5")) {
            String embargoed = "Syria talks resume in Geneva\n" + line
                    + "\nGENEVA, May 4, 2017 (AP) — Talks resumed on Thursday.\n";
            assertTrue(
                    !Readers.read("content/en/2017-05-04-ap-3.txt", embargoed)
                            .bodyHtml()
                            .contains(line),
                    line);
        }
    }

    @Test
    void aTakeThatEndsInMoreIsCutThereWithAWarningThatTheStoryGoesOn() {
        for (String more : List.of("--more--", "(MORE)", "MORE", "-يتبع-")) {
            String text =
                    "Syria talks resume\nGENEVA, May 4, 2017 (Reuters) - Talks resumed.\n\nThey met.\n\n" + more + "\n";
            Dispatch d = Readers.read("content/en/r-1.txt", text);
            assertEquals("<p>Talks resumed.</p>\n<p>They met.</p>", d.bodyHtml().strip(), more);
            assertEquals(
                    List.of("content/en/r-1.txt:6:1: warning: the dispatch ends with '" + more + "', the wire's sign"
                            + " that the story goes on in another take: what comes before it is published; add the next"
                            + " take to this file, or delete the marker if the story ends here"),
                    Readers.findings("content/en/r-1.txt", text),
                    more);
        }
        // A word "more" in a sentence closes nothing.
        Dispatch d = Readers.read(
                "content/en/r-2.txt", "Title\nGENEVA, May 4, 2017 (Reuters) - Talks.\n\nThere is more to come.\n");
        assertEquals(
                "<p>Talks.</p>\n<p>There is more to come.</p>", d.bodyHtml().strip());
    }

    @Test
    void htmlCommentsAreNotPublishedAsTextAndAnUnclosedOneIsNamed() {
        String md =
                "---\ntitle: B\ndate: 2024-03-02\n---\n\n<!-- draft: true -->\nText <!-- photo to come --> here.\n\n"
                        + "<!--\nA note\nof two lines -->\n\n`<!--` in code.\n";
        Dispatch d = Readers.read("content/en/b.md", md);
        assertEquals(
                "<p>Text  here.</p>\n<p><code>&lt;!--</code> in code.</p>",
                d.bodyHtml().strip());
        assertEquals(List.of(), Readers.findings("content/en/b.md", md));
        String open = "---\ntitle: C\ndate: 2024-03-02\n---\n\nText.\n\nMore <!-- unclosed\nnote\n";
        assertEquals(
                List.of("content/en/c.md:8:6: warning: '<!--' opens an HTML comment that is never closed by '-->', so"
                        + " what follows it is published as text (with markdownRawHtml: true, hidden); close it with"
                        + " '-->', or delete it"),
                Readers.findings("content/en/c.md", open));
    }

    @Test
    void frontMatterAfterAnHtmlCommentIsNamedAsSuch() {
        String md = "<!--\n---\ntitle: Hidden\n---\n-->\n---\ntitle: Real\ndate: 2024-03-01\n---\n\nText.\n";
        List<String> found = Readers.findings("content/en/a.md", md);
        assertEquals(
                "content/en/a.md:1:1: error: the front-matter's '---' is on line 6, after an HTML comment, but"
                        + " front-matter must open the file; move the comment below the front-matter, or delete it,"
                        + " else its keys are read as text",
                found.get(0));
    }

    @Test
    void aByteOrderMarkInsideTheTextIsRemovedAndTwoJoinedFilesAreNamed() {
        String pasted = "---\ntitle: A\ndate: 2024-03-01\n---\n\nText \uFEFFwith a mark.\n";
        assertEquals(
                "<p>Text with a mark.</p>",
                Readers.read("content/en/a.md", pasted).bodyHtml().strip());
        assertEquals(
                List.of("content/en/a.md:6:6: warning: a byte-order mark (U+FEFF), an invisible character that only"
                        + " opens a file, inside the text: removed, with any others in this file; delete it"),
                Readers.findings("content/en/a.md", pasted));
        String joined = "\uFEFF---\ntitle: A\ndate: 2024-03-01\n---\n\nText.\n\uFEFF---\ntitle: B\n---\n\nMore.\n";
        assertEquals(
                List.of("content/en/b.md:7:1: error: a byte-order mark (U+FEFF) and front-matter open this line,"
                        + " inside the file: two files joined into one? The second's front-matter would be published"
                        + " as text; split the file in two where the mark is"),
                Readers.findings("content/en/b.md", joined));
    }

    @Test
    void aLinkOrImageWhoseAddressHoldsASpaceIsNamedNotPublishedAsBracketsWithoutAWord() {
        String md = "---\ntitle: A\ndate: 2024-03-01\n---\n\nSee ![the minister](IMG 1.png) and"
                + " [a title](a.md \"Title\").\n\n`[x](in code)`\n";
        assertEquals(
                List.of(
                        "content/en/a.md:6:5: warning: this image's address 'IMG 1.png' holds a space, so Markdown reads"
                                + " no image and it is published as text, brackets and all; write the address in angle brackets"
                                + " (<IMG 1.png>), or with %20 for each space (IMG%201.png)"),
                Readers.findings("content/en/a.md", md));
        assertEquals(
                List.of(),
                Readers.findings(
                        "content/en/b.md",
                        "---\ntitle: B\ndate: 2024-03-01\n---\n\n![ok](<IMG 1.png>) `[x](in code)`\n"));
    }
}
