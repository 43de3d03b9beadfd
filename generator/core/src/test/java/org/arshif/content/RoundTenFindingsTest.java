package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile input, round ten: what round nine left open, and what wire archives and Hugo migrations bring. */
class RoundTenFindingsTest {
    private static String wire(String embargo, String dateline) {
        return "Talks resume\n" + embargo + "\n" + dateline + " — Talks resumed on Thursday.\n";
    }

    private static OffsetDateTime held(String embargo, String dateline) {
        return Readers.read("content/en/ap.txt", wire(embargo, dateline)).meta().publish();
    }

    @Test
    void aSummerTimesNameOnAWinterDayHoldsUntilTheLaterReading() {
        // EDT in January: New York is at -05:00 then, so -04:00 would publish an hour early.
        String january = "GENEVA, Jan. 4, 2017 (AP)";
        assertEquals(
                OffsetDateTime.parse("2017-01-05T00:01-05:00"), held("EMBARGOED UNTIL 0001 EDT JAN 5 2017", january));
        assertEquals(
                List.of(
                        "content/en/ap.txt:2:1: warning: the embargo names 'EDT' (-04:00), New York's summer time, but"
                                + " on 2017-01-05 New York keeps standard time (-05:00): it reads as 2017-01-05T00:01-04:00"
                                + " or 2017-01-05T00:01-05:00, and the dispatch is held until the later,"
                                + " 2017-01-05T00:01-05:00; write the time in GMT, or with the offset meant in place of"
                                + " 'EDT' (as -05:00)",
                        "content/en/ap.txt:2:1: notice: 'EMBARGOED UNTIL 0001 EDT JAN 5 2017' is the wire's embargo"
                                + " line: it is not published, and the dispatch is not published before"
                                + " 2017-01-05T00:01-05:00, as a publishDate later than its date holds it; to publish it"
                                + " at another time, give publishDate in front-matter"),
                Readers.findings("content/en/ap.txt", wire("EMBARGOED UNTIL 0001 EDT JAN 5 2017", january)));
        // Without a year, in the dispatch's; CEST in December and AEDT in July alike.
        assertEquals(OffsetDateTime.parse("2017-01-05T00:01-05:00"), held("EMBARGOED UNTIL 0001 EDT JAN 5", january));
        assertEquals(
                OffsetDateTime.parse("2017-12-05T10:00+01:00"),
                held("HOLD FOR RELEASE 10:00 CEST Dec 5 2017", "GENEVA, Dec. 4, 2017 (AP)"));
        assertEquals(
                OffsetDateTime.parse("2017-07-05T10:00+10:00"),
                held("HOLD FOR RELEASE 10:00 AEDT July 5 2017", "SYDNEY, July 4, 2017 (AP)"));
    }

    @Test
    void aStandardTimesNameOnASummerDayKeepsItsOwnReadingAndSaysSo() {
        // EST in July: -05:00 (as written, and as Panama keeps all year) is the later of the two; it stays.
        String july = "GENEVA, July 4, 2017 (AP)";
        assertEquals(
                OffsetDateTime.parse("2017-07-05T00:01-05:00"), held("EMBARGOED UNTIL 0001 EST JULY 5 2017", july));
        List<String> found = Readers.findings("content/en/ap.txt", wire("EMBARGOED UNTIL 0001 EST JULY 5 2017", july));
        assertEquals(
                "content/en/ap.txt:2:1: warning: the embargo names 'EST' (-05:00), New York's standard time, but on"
                        + " 2017-07-05 New York keeps summer time (-04:00): it reads as 2017-07-05T00:01-05:00 or"
                        + " 2017-07-05T00:01-04:00, and the dispatch is held until the later, 2017-07-05T00:01-05:00;"
                        + " write the time in GMT, or with the offset meant in place of 'EST' (as -04:00)",
                found.get(0));
        // In season, no word: EST in January, EDT in July, and a fixed offset any day.
        assertEquals(
                1,
                Readers.findings(
                                "content/en/ap.txt",
                                wire("EMBARGOED UNTIL 0001 EST JAN 5 2017", "GENEVA, Jan. 4, 2017 (AP)"))
                        .size());
        assertEquals(
                1,
                Readers.findings("content/en/ap.txt", wire("EMBARGOED UNTIL 0001 EDT JULY 5 2017", july))
                        .size());
        assertEquals(
                1,
                Readers.findings("content/en/ap.txt", wire("EMBARGOED UNTIL 0001 -04:00 JAN 5 2017", july))
                        .size());
    }

    @Test
    void aHijriEmbargoWithoutAYearIsInTheDispatchsHijriYear() {
        // 4 May 2017 was 8 Sha'ban 1438; 10 Sha'ban 1438 was 6 May 2017.
        String dateline = "دمشق - 4 أيار 2017 (سانا)";
        String line = "يحظر النشر قبل الساعة 10:00 بتوقيت مكة المكرمة يوم 10 شعبان";
        String text = "تستأنف المحادثات\n" + line + "\n" + dateline + " - استؤنفت المحادثات يوم الخميس.\n";
        assertEquals(
                OffsetDateTime.parse("2017-05-06T10:00+03:00"),
                Readers.read("content/ar/sana.txt", text).meta().publish());
        assertEquals(
                List.of("content/ar/sana.txt:2:1: notice: '" + line + "' is the wire's embargo line: it is not"
                        + " published, and the dispatch is not published before 10:00 Asia/Riyadh on 10 شعبان of the"
                        + " dispatch's Hijri year (the line gives none), as a publishDate later than its date holds"
                        + " it; to publish it at another time, give publishDate in front-matter"),
                Readers.findings("content/ar/sana.txt", text));
        // In English copy, transliterated; late in a Hijri year, the next year's Muharram.
        assertEquals(
                OffsetDateTime.parse("2017-05-06T10:00Z"),
                held("Embargoed until 10:00 GMT 10 Shaban", "GENEVA, May 4, 2017 (AP)"));
        // 29 Dhu al-Hijjah 1438 was 20 September 2017; 2 Muharram 1439 was 22 September.
        assertEquals(
                OffsetDateTime.parse("2017-09-22T10:00Z"),
                held("Embargoed until 10:00 GMT 2 Muharram", "GENEVA, Sept. 20, 2017 (AP)"));
    }

    private static String dated(String date) {
        return "---\ntitle: A\ndate: " + date + "\n---\nText.\n";
    }

    @Test
    void aFrontMatterDateInAZoneOfTheTableIsReadAtItsOffsetWithAWarning() {
        String md = dated("\"Thu, 04 May 2017 10:00:00 EST\"");
        assertEquals(
                OffsetDateTime.parse("2017-05-04T10:00-05:00"),
                Readers.read("content/en/a.md", md).date());
        assertEquals(
                List.of("content/en/a.md:3:7: warning: 'date' \"Thu, 04 May 2017 10:00:00 EST\" names its zone 'EST',"
                        + " read as -0500 (2017-05-04T10:00-05:00); Hugo reads a zone's name by the site's time zone,"
                        + " and as UTC where that zone does not use the name (2017-05-04T10:00Z), so the two may differ"
                        + " by hours; but on 2017-05-04 New York keeps -04:00, not 'EST', so it may mean"
                        + " 2017-05-04T10:00-04:00, and it is read as the later, 2017-05-04T10:00-05:00; write the offset"
                        + " meant (-0500 or -0400) in place of 'EST'"),
                Readers.findings("content/en/a.md", md));
        // EDT in January: New York keeps -05:00 then, so -04:00 would publish an hour early; the later is read.
        String winter = dated("\"Wed, 04 Jan 2017 10:00:00 EDT\"");
        assertEquals(
                OffsetDateTime.parse("2017-01-04T10:00-05:00"),
                Readers.read("content/en/a.md", winter).date());
        assertEquals(
                List.of("content/en/a.md:3:7: warning: 'date' \"Wed, 04 Jan 2017 10:00:00 EDT\" names its zone 'EDT',"
                        + " read as -0400 (2017-01-04T10:00-04:00); Hugo reads a zone's name by the site's time zone,"
                        + " and as UTC where that zone does not use the name (2017-01-04T10:00Z), so the two may differ"
                        + " by hours; but on 2017-01-04 New York keeps -05:00, not 'EDT', so it may mean"
                        + " 2017-01-04T10:00-05:00, and it is read as the later, 2017-01-04T10:00-05:00; write the offset"
                        + " meant (-0400 or -0500) in place of 'EDT'"),
                Readers.findings("content/en/a.md", winter));
        // In season, no second reading: CEST in May.
        assertEquals(
                1,
                Readers.findings("content/en/a.md", dated("\"Thu May 04 10:00:00 CEST 2017\""))
                        .size());
        assertEquals(
                List.of(),
                Readers.findings("content/en/a.md", dated("\"Thu May 04 10:00:00 CEST 2017\"")).stream()
                        .filter(f -> f.contains("may mean"))
                        .toList());
        assertEquals(
                OffsetDateTime.parse("2017-05-04T10:00+02:00"),
                Readers.read("content/en/a.md", dated("\"Thu May 04 10:00:00 CEST 2017\""))
                        .date());
        assertEquals(
                OffsetDateTime.parse("2017-05-04T10:00+03:00"),
                Readers.read("content/en/a.md", dated("\"04 May 17 10:00 MSK\""))
                        .date());
    }

    @Test
    void aSectionFolderWithCapitalsIsNamedButAUrlWithCapitalsIsNot() {
        // Named once a folder by the whole site since round eleven (RoundElevenSiteTest), not by the reader.
        assertEquals(List.of(), Readers.findings("content/en/World/b.md", dated("2017-05-04")));
        // A wire's folder was never Hugo's; Hugo 0.111 kept url: /News/My-Story/ as written, and so does Arshif.
        assertEquals(
                List.of(),
                Readers.findings("content/en/World/b.txt", "Title\n\nText of the dispatch.\n").stream()
                        .filter(f -> f.contains("capitals"))
                        .toList());
        String url = "---\ntitle: A\ndate: 2017-05-04\nurl: /en/News/My-Story/\n---\nText.\n";
        assertEquals(List.of(), Readers.findings("content/en/news/a.md", url));
        assertEquals(
                "/en/News/My-Story/",
                Readers.read("content/en/news/a.md", url).meta().url());
    }

    private static String titled(String title) {
        return "---\ntitle: " + title + "\ndate: 2017-05-04\n---\nText.\n";
    }

    @Test
    void aTitleAsExportsWriteItIsReadAsAHeadline() {
        // WordPress's exporters write HTML's references, which Hugo showed as written: "Q&amp;A" on the page.
        String entities = titled("\"Q&amp;A: talks &#8211; resume &#x2014; &bogus; &#1;\"");
        assertEquals(
                "Q&A: talks – resume — &bogus; &#1;",
                Readers.read("content/en/a.md", entities).title());
        assertEquals(
                List.of("content/en/a.md:2:8: warning: 'title' holds HTML's character references '&amp;', '&#8211;',"
                        + " '&#x2014;' (an export from WordPress?), which Hugo shows as written: it is shown as 'Q&A:"
                        + " talks – resume — &bogus; &#1;'; write the characters themselves"),
                Readers.findings("content/en/a.md", entities));
        String block = titled("|\n  Talks resume\n  in Geneva");
        assertEquals(
                "Talks resume in Geneva", Readers.read("content/en/a.md", block).title());
        assertEquals(
                List.of("content/en/a.md:2:8: warning: 'title' is written on 2 lines (a YAML block?), and a headline"
                        + " is one: it is shown as 'Talks resume in Geneva'; write it on one line"),
                Readers.findings("content/en/a.md", block));
        assertEquals(
                List.of("content/en/a.md:2:8: warning: 'title' '—' is punctuation alone, no word (a placeholder left"
                        + " in?); write the dispatch's headline"),
                Readers.findings("content/en/a.md", titled("\"—\"")));
        // Emoji and a plain headline with '&' are titles like any other.
        assertEquals(List.of(), Readers.findings("content/en/a.md", titled("\"🔥🔥\"")));
        assertEquals(List.of(), Readers.findings("content/en/a.md", titled("\"Q&A: talks resume\"")));
    }

    @Test
    void aTomlTimeWithoutSecondsOrWithoutADaySaysWhatToWrite() {
        // Hugo 0.111 stopped on the first ("times are expected to have the format HH:MM:SS") and dated the second
        // 0001-01-01 without a word.
        assertEquals(
                List.of("content/en/a.md:3:24: error: malformed TOML: Unexpected end of line, expected a date/time;"
                        + " a time in TOML has its seconds (Hugo refuses it too): write 2017-05-04T10:00:00"),
                Readers.findings("content/en/a.md", "+++\ntitle = \"A\"\ndate = 2017-05-04T10:00\n+++\nText.\n"));
        assertEquals(
                List.of("content/en/a.md:3:1: error: 'date' \"10:00\" is not a valid date (a time of day without its"
                        + " day (TOML's local time), which Hugo reads as no date at all, 0001-01-01; give the day too,"
                        + " as 2017-05-04T10:00:00Z); write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time"
                        + " (a written date such as 26 شوال 1436 هـ or 4 May 2017 is read too)"),
                Readers.findings("content/en/a.md", "+++\ntitle = \"A\"\ndate = 10:00:00\n+++\nText.\n"));
        // Any other TOML mistake keeps the general fix.
        assertEquals(
                List.of(
                        "content/en/a.md:2:11: error: malformed TOML: Unexpected end of line, expected \" or a character;"
                                + " write keys as key = \"text\", and dates as 2017-05-01"),
                Readers.findings("content/en/a.md", "+++\ntitle = \"A\n+++\nText.\n"));
    }
}
