package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile input, round eleven: what round ten left open, and new cases of messy archives. */
class RoundElevenFindingsTest {
    private static String wire(String embargo, String dateline) {
        return "Talks resume\n" + embargo + "\n" + dateline + " — Talks resumed on Thursday.\n";
    }

    private static OffsetDateTime held(String embargo, String dateline) {
        return Readers.read("content/en/ap.txt", wire(embargo, dateline)).meta().publish();
    }

    @Test
    void britishSummerTimeInDecemberHoldsUntilGmtAndNamesEveryReading() {
        // London keeps GMT in December: +01:00 would publish an hour early, Bangladesh's +06:00 six.
        String december = "GENEVA, Dec. 4, 2017 (AP)";
        String line = "EMBARGOED UNTIL 0001 BST DEC 5 2017";
        assertEquals(OffsetDateTime.parse("2017-12-05T00:01Z"), held(line, december));
        assertEquals(
                List.of(
                        "content/en/ap.txt:2:1: warning: the embargo names 'BST', British Summer Time (+01:00) or"
                                + " Bangladesh Standard Time (+06:00), but on 2017-12-05 London keeps GMT, not British"
                                + " Summer Time: it reads as 2017-12-05T00:01+01:00 or 2017-12-05T00:01Z (London's"
                                + " clock; as Bangladesh Standard Time, 2017-12-05T00:01+06:00, earlier still), and the"
                                + " dispatch is held until the later, 2017-12-05T00:01Z; write the time in GMT, or with"
                                + " the offset meant in place of 'BST' (as +06:00 for Bangladesh Standard Time)",
                        "content/en/ap.txt:2:1: notice: '" + line + "' is the wire's embargo line: it is not"
                                + " published, and the dispatch is not published before 2017-12-05T00:01Z, as a"
                                + " publishDate later than its date holds it; to publish it at another time, give"
                                + " publishDate in front-matter"),
                Readers.findings("content/en/ap.txt", wire(line, december)));
        // Without a year, on a day of GMT in every year, the same.
        assertEquals(OffsetDateTime.parse("2017-12-05T10:00Z"), held("HOLD FOR RELEASE 10:00 BST Dec 5", december));
        // In July, and without a year on 25-31 March or October: read since round twelve (RoundTwelveFindingsTest).
    }

    private static String sana(String line) {
        return "تستأنف المحادثات\n" + line + "\nدمشق - 4 أيار 2017 (سانا) - استؤنفت المحادثات يوم الخميس.\n";
    }

    @Test
    void aHijriThirtiethTheMonthLacksIsNamedWithTheDayMeant() {
        // 4 May 2017 was 8 Sha'ban 1438; Ramadan 1438 had 29 days, so its 30th is 1 Shawwal, 25 June 2017.
        String line = "يحظر النشر قبل الساعة 10:00 بتوقيت مكة المكرمة يوم 30 رمضان";
        assertEquals(
                OffsetDateTime.parse("2017-06-25T10:00+03:00"),
                Readers.read("content/ar/sana.txt", sana(line)).meta().publish());
        assertEquals(
                "content/ar/sana.txt:2:" + (line.indexOf("30") + 1)
                        + ": warning: the embargo's day, 30 رمضان, is not a day of 1438 AH, the"
                        + " dispatch's Hijri year: رمضان 1438 has 29 days (Umm al-Qura), so it is read as the day after"
                        + " the 29th, 1 شوال 1438 (2017-06-25); write the day meant (as 1 شوال or 29 رمضان), or give"
                        + " publishDate in front-matter",
                Readers.findings("content/ar/sana.txt", sana(line)).get(1)); // after the notice at column 1
        // With its year, a 30th the month lacks holds nothing, and the notice says why (before: "names no time of
        // day").
        String withYear = "يحظر النشر قبل الساعة 10:00 بتوقيت مكة المكرمة يوم 30 رمضان 1438 هـ";
        assertEquals(
                List.of("content/ar/sana.txt:2:1: notice: '" + withYear + "' is the wire's embargo line: it is not"
                        + " published, and it does not hold the dispatch back, since it names a day that is none: not a"
                        + " day of the Umm al-Qura calendar (years 1300 to 1600 AH; Invalid Hijrah day of month: 30);"
                        + " write the day meant; to keep it off the site until then, give publishDate:"
                        + " YYYY-MM-DDTHH:MM:SSZ in front-matter"),
                Readers.findings("content/ar/sana.txt", sana(withYear)).stream()
                        .filter(f -> f.contains("notice"))
                        .toList());
        // Sha'ban had 29 days in both 1445 and 1446, which the line was read by, but 30 in 1438: read, no warning.
        String shaban = "يحظر النشر قبل الساعة 10:00 بتوقيت مكة المكرمة يوم 30 شعبان";
        assertEquals(
                OffsetDateTime.parse("2017-05-26T10:00+03:00"),
                Readers.read("content/ar/sana.txt", sana(shaban)).meta().publish());
        assertEquals(
                List.of(),
                Readers.findings("content/ar/sana.txt", sana(shaban)).stream()
                        .filter(f -> f.contains("warning"))
                        .toList());
    }

    @Test
    void aNelWhereOnlyALineEndMakesTheFrontMatterValidIsOne() {
        String md = "---\ntitle: A\u0085date: 2017-05-04\n---\nText.\n";
        assertEquals(
                OffsetDateTime.parse("2017-05-04T00:00Z"),
                Readers.read("content/en/a.md", md).date());
        assertEquals(
                List.of("content/en/a.md:2:9: warning: NEL (U+0085), a line end in some editors and in mainframe"
                        + " exports, ends this front-matter line where the file's other lines end in line feeds: the"
                        + " front-matter is valid YAML only with it read as a line end, so it is (and the lines after"
                        + " it are counted one more in this file's findings); replace it with a line feed"),
                Readers.findings("content/en/a.md", md));
        // Where the YAML reads either way, or neither, it is removed as before, and said to be a NEL.
        String joined = "---\ntitle: A\u0085B\ndate: 2017-05-04\n---\nText.\n";
        assertEquals("AB", Readers.read("content/en/a.md", joined).title());
        assertEquals(
                List.of(
                        "content/en/a.md:2:9: warning: control character U+0085 (NEL, NEXT LINE), which some editors and"
                                + " mainframe exports take for a line end, and a Windows-1252 '…' read as Latin-1 becomes,"
                                + " removed, with any others in this file: it cannot appear in HTML or XML; where it ends a line,"
                                + " replace it with a line feed, where it stood for '…', with '…' (sed -i 's/\\xC2\\x85/\\n/g'"
                                + " FILE replaces every one with a line feed)"),
                Readers.findings("content/en/a.md", joined));
        // In the body, a NEL stays a removed control character: the front-matter is not at stake.
        assertEquals(
                "Text and more.",
                Readers.read("content/en/a.md", "---\ntitle: A\ndate: 2017-05-04\n---\nText\u0085 and more.\n")
                        .plainText()
                        .strip());
    }

    private static String dated(String date) {
        return "---\ntitle: A\ndate: " + date + "\n---\nText.\n";
    }

    @Test
    void aDayTheYearLacksIsNamedWithATimeAsWithout() {
        // Before: "not read past its first 19 characters", which said nothing of the day.
        assertEquals(
                List.of("content/en/a.md:3:7: error: 'date' \"2017-02-29T10:00:00Z\" is not a valid date (there is no"
                        + " 29 February 2017: February 2017 has 28 days); write it as YYYY-MM-DD, or"
                        + " YYYY-MM-DDTHH:MM:SS+03:00 with a time (a written date such as 26 شوال 1436 هـ or 4 May 2017"
                        + " is read too)"),
                Readers.findings("content/en/a.md", dated("2017-02-29T10:00:00Z")));
        assertEquals(
                List.of("content/en/a.md:3:7: error: 'date' \"2017-04-31 10:00\" is not a valid date (there is no"
                        + " 31 April 2017: April 2017 has 30 days); write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time (a written"
                        + " date such as 26 شوال 1436 هـ or 4 May 2017 is read too)"),
                Readers.findings("content/en/a.md", dated("2017-04-31 10:00")));
    }

    @Test
    void aDateOutsideTheTwoCenturiesOfNewsIsNamed() {
        assertEquals(
                List.of("content/en/a.md:3:7: warning: 'date' \"0001-01-01T00:00:00Z\": Hugo's zero date, which exports"
                        + " write for a page that had no date: it is published as the archive's oldest dispatch, of the"
                        + " year 1; write the dispatch's date, or delete 'date' to date it by its file name or git"),
                Readers.findings("content/en/a.md", dated("0001-01-01T00:00:00Z")));
        assertEquals(
                List.of("content/en/a.md:3:7: warning: 'date' \"1899-12-31\": a day before 1900, older than any news"
                        + " dispatch (a typo?); write the dispatch's date, or keep it if the archive goes back so far"),
                Readers.findings("content/en/a.md", dated("1899-12-31")));
        assertEquals(
                List.of("content/en/a.md:3:7: warning: 'date' \"2107-05-04\": a day after 2100, so the dispatch is"
                        + " scheduled, and every build leaves it out until then (a typo?); write the dispatch's date"),
                Readers.findings("content/en/a.md", dated("2107-05-04")));
        // 1900 and 2100 themselves, and an expiry far ahead ("never"), are not named.
        assertEquals(List.of(), Readers.findings("content/en/a.md", dated("1900-01-01")));
        assertEquals(List.of(), Readers.findings("content/en/a.md", dated("2100-12-31")));
        assertEquals(
                List.of(),
                Readers.findings(
                        "content/en/a.md", "---\ntitle: A\ndate: 2017-05-04\nexpiryDate: 9999-12-31\n---\nText.\n"));
    }

    @Test
    void aTitleOfThousandsOfCharactersIsNamed() {
        String story = "word ".repeat(2_500).strip();
        assertEquals(
                List.of(
                        "content/en/a.md:2:8: warning: 'title' is 12,499 characters long, where a headline is a line (the"
                                + " story pasted into it?): it is shown whole, in the page's heading, its <title>, the feeds and"
                                + " every list; write the headline there, and the story below the front-matter"),
                Readers.findings("content/en/a.md", "---\ntitle: " + story + "\ndate: 2017-05-04\n---\nText.\n"));
        String headline = "A long headline of a dozen words or so, as desks write them";
        assertEquals(
                List.of(),
                Readers.findings("content/en/a.md", "---\ntitle: " + headline + "\ndate: 2017-05-04\n---\nText.\n"));
    }

    @Test
    void rawHtmlShownAsTextIsNamedOnceAFile() {
        String md = "---\ntitle: A\ndate: 2017-05-04\n---\nText.\n\n<iframe src=\"https://example.org/v\"></iframe>\n\n"
                + "A <span onclick=\"x()\">word</span>.\n\n<script>alert(1)</script>\n";
        assertEquals(
                List.of(
                        "content/en/a.md:7:1: warning: raw HTML '<iframe src=\"https://example.org/v\"></iframe>', and 2"
                                + " more raw HTML in this file, is shown on the page as text, tags and all, since"
                                + " markdownRawHtml is off in arshif.yml (Hugo left it out, as <!-- raw HTML omitted -->); write"
                                + " what it shows in Markdown, or delete it; for an archive whose HTML is trusted, set"
                                + " markdownRawHtml: true in arshif.yml (a script is still named)"),
                Readers.findings("content/en/a.md", md));
        // A comment is left out (round eight), and '<' in text or code is no HTML.
        assertEquals(
                List.of(),
                Readers.findings(
                        "content/en/a.md",
                        "---\ntitle: A\ndate: 2017-05-04\n---\nText <!-- note --> and 3 < 4.\n\n`<b>`\n\n    <div>\n"));
    }
}
