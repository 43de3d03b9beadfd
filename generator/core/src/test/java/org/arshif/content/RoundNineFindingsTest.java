package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hostile input, round nine: what round eight left open, and what a migrating newsroom's archive brings. */
class RoundNineFindingsTest {
    private static OffsetDateTime held(String embargo, String dateline) {
        String text = "Talks resume\n" + embargo + "\n" + dateline + " — Talks resumed on Thursday.\n";
        return Readers.read("content/en/ap.txt", text).meta().publish();
    }

    @Test
    void anEmbargoInAZoneOfTheTableIsAppliedAtItsOffset() {
        String geneva = "GENEVA, May 4, 2017 (AP)";
        assertEquals(
                OffsetDateTime.parse("2017-05-05T05:01Z"),
                held("EMBARGOED UNTIL 0001 EST MAY 5 2017", geneva).toInstant().atOffset(java.time.ZoneOffset.UTC));
        assertEquals(
                OffsetDateTime.parse("2017-05-05T00:01-04:00"),
                held("EMBARGOED UNTIL 12:01 a.m. EDT May 5, 2017", geneva));
        assertEquals(
                OffsetDateTime.parse("2017-05-05T10:00+03:00"),
                held("Embargoed until 10:00 +03:00 May 5 2017", geneva));
        assertEquals(
                OffsetDateTime.parse("2017-05-05T10:00+03:00"), held("Embargoed until 10:00 GMT+3 May 5 2017", geneva));
        assertEquals(
                OffsetDateTime.parse("2017-05-05T22:00+02:00"),
                held("HOLD FOR RELEASE 10 p.m. CEST May 5 2017", geneva));
        String mecca = "يحظر النشر قبل الساعة 10:00 بتوقيت مكة المكرمة 5 أيار 2017";
        assertEquals(OffsetDateTime.parse("2017-05-05T10:00+03:00"), held(mecca, geneva));
        // A place with summer time: Damascus was at +03:00 in May 2017 and +02:00 in January.
        assertEquals(
                OffsetDateTime.parse("2017-05-05T10:00+03:00"),
                held("يحظر النشر قبل الساعة 10:00 بتوقيت دمشق يوم 5 أيار 2017", geneva));
        assertEquals(
                OffsetDateTime.parse("2017-01-05T10:00+02:00"),
                held("يحظر النشر قبل الساعة 10:00 بتوقيت دمشق يوم 5 كانون الثاني 2017", "GENEVA, Jan 4, 2017 (AP)"));
    }

    @Test
    void anEmbargoWithoutAYearIsInTheDispatchsOwnYear() {
        assertEquals(
                OffsetDateTime.parse("2017-05-05T06:00Z"),
                held("Embargoed to 0600 GMT May 5", "GENEVA, May 4, 2017 (AP)"));
        assertEquals(
                OffsetDateTime.parse("2017-05-05T00:01-05:00"),
                held("EMBARGOED UNTIL 0001 EST FRIDAY, MAY 5", "GENEVA, May 4, 2017 (AP)"));
        // Dated 31 December, held to 1 January: the next year's.
        assertEquals(
                OffsetDateTime.parse("2018-01-01T00:01Z"),
                held("EMBARGOED UNTIL 0001 GMT JAN 1", "GENEVA, Dec. 31, 2017 (AP)"));
        // One in the past holds nothing, as before.
        assertNull(held("EMBARGOED UNTIL 0001 GMT MAY 3", "GENEVA, May 4, 2017 (AP)"));
        String ap = "Talks resume\nEmbargoed to 0600 GMT May 5\nGENEVA, May 4, 2017 (AP) — Talks resumed.\n";
        assertEquals(
                List.of("content/en/ap.txt:2:1: notice: 'Embargoed to 0600 GMT May 5' is the wire's embargo line: it"
                        + " is not published, and the dispatch is not published before 06:00 GMT on 5 May of the"
                        + " dispatch's year (the line gives none), as a publishDate later than its date holds it; to"
                        + " publish it at another time, give publishDate in front-matter"),
                Readers.findings("content/en/ap.txt", ap));
    }

    @Test
    void aZoneNameOfTwoMeaningsHoldsNothingAndSaysHowToWriteIt() {
        // BST is read since round twelve, as the later of its two readings (RoundTwelveFindingsTest); IST is not.
        String ap = "Talks resume\nEMBARGOED UNTIL 0001 IST MAY 5 2017\nGENEVA, May 4, 2017 (AP) — Talks resumed.\n";
        assertNull(Readers.read("content/en/ap.txt", ap).meta().publish());
        assertEquals(
                List.of("content/en/ap.txt:2:1: notice: 'EMBARGOED UNTIL 0001 IST MAY 5 2017' is the wire's embargo"
                        + " line: it is not published, and it does not hold the dispatch back, since it names the zone"
                        + " 'IST', which may be India Standard Time (+05:30) or Irish Standard Time (+01:00); write the"
                        + " time in GMT, or with the offset meant in place of 'IST' (as +05:30); to keep it off the site"
                        + " until then, give publishDate: YYYY-MM-DDTHH:MM:SSZ in front-matter"),
                Readers.findings("content/en/ap.txt", ap));
        for (String line : List.of(
                "يحظر النشر قبل الساعة 10:00 بالتوقيت المحلي يوم 5 أيار 2017", // which place's?
                "Embargoed until 10:00 local time May 5 2017",
                "يحظر النشر قبل الساعة 10:00 بتوقيت عمان يوم 5 أيار 2017")) { // Amman or Oman?
            assertEquals(Optional.empty(), EmbargoTime.read(line).held(), line);
        }
        assertTrue(EmbargoTime.read("Embargoed until 10:00 local time May 5 2017")
                .why()
                .contains("local time"));
    }

    private static String dated(String date) {
        return "---\ntitle: A\ndate: " + date + "\n---\nText.\n";
    }

    @Test
    void everyDateFormHugosReaderTakesIsRead() {
        // Each as Hugo 0.111 read it (a site built by hand: the same instants).
        for (String[] c : new String[][] {
            {"\"04 May 17 10:00 UTC\"", "2017-05-04T10:00Z"}, // RFC 822
            {"\"04 May 17 10:00 +0300\"", "2017-05-04T10:00+03:00"}, // RFC 822Z
            {"\"Thu, 04 May 2017 10:00:00 +0000\"", "2017-05-04T10:00Z"}, // RFC 1123Z
            {"\"Thu, 04 May 2017 10:00:00 UTC\"", "2017-05-04T10:00Z"}, // RFC 1123
            {"\"Thursday, 04-May-17 10:00:00 UTC\"", "2017-05-04T10:00Z"}, // RFC 850
            {"\"Thu May  4 10:00:00 2017\"", "2017-05-04T10:00Z"}, // ANSIC, in the site's zone (UTC)
            {"\"Thu May  4 10:00:00 UTC 2017\"", "2017-05-04T10:00Z"}, // UnixDate
            {"\"Thu May 04 10:00:00 +0300 2017\"", "2017-05-04T10:00+03:00"}, // RubyDate
            {"\"2017-05-04 10:00:00.5 +0300 +03\"", "2017-05-04T10:00:00.500+03:00"}, // Go's Time.String()
            {"\"2017-05-04T10:00:00+0300\"", "2017-05-04T10:00+03:00"},
            {"\"2017-05-04 10:00:00Z\"", "2017-05-04T10:00Z"},
            {"1493892000", "2017-05-04T10:00Z"}, // seconds since 1970, as Hugo reads a number
        }) {
            Dispatch d = Readers.read("content/en/a.md", dated(c[0]));
            assertEquals(OffsetDateTime.parse(c[1]), d.date(), c[0]);
        }
    }

    @Test
    void aDateHugoWouldReadWronglyOrNotAtAllIsNamedWithWhatToWrite() {
        assertEquals(
                List.of(
                        "content/en/a.md:3:7: error: 'date' \"20170504\" is not a valid date (a number, which Hugo reads"
                                + " as seconds since 1970 (1970-08-22T10:55:04Z), not as the day 2017-05-04; write 2017-05-04);"
                                + " write it as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS+03:00 with a time (a written date such as 26"
                                + " شوال 1436 هـ or 4 May 2017 is read too)"),
                Readers.findings("content/en/a.md", dated("20170504")));
        assertTrue(
                Readers.findings("content/en/a.md", dated("\"1493892000\""))
                        .get(0)
                        .contains("a number in quotes, which Hugo does"
                                + " not read as a date; as seconds since 1970 it is 2017-05-04T10:00Z"),
                "quoted");
        assertTrue(
                Readers.findings("content/en/a.md", dated("2017")).get(0).contains("surely not the date meant"),
                "a year");
        // EST is read now, with a warning (RoundTenFindingsTest); a name of two meanings is still refused.
        List<String> named = Readers.findings("content/en/a.md", dated("\"Thu, 04 May 2017 10:00:00 IST\""));
        assertEquals(1, named.size(), named.toString());
        assertTrue(
                named.get(0)
                        .contains(
                                "its zone is the name 'IST', which Hugo reads by the computer that builds"
                                        + " the site (as UTC where that does not know it), so it is not read; write the zone's offset"),
                named.get(0));
    }

    @Test
    void aRelativeAliasIsResolvedFromTheDispatchsFolderAsHugoDoes() {
        // Hugo 0.111: content/news/world/story.md (/news/world/story/) with [old-url, ../elsewhere/x, sub/older.html]
        // wrote /news/world/old-url/, /news/elsewhere/x/ and /news/world/sub/older.html.
        String md = "---\ntitle: A\ndate: 2017-05-04\naliases: [old-url, ../elsewhere/x, sub/older.html, ./here/,"
                + " /abs/y]\n---\nText.\n";
        // Arshif's URL is dated (/en/news/world/2017/05/story/); the aliases keep the addresses Hugo wrote, under /en/.
        Dispatch d = Readers.read("content/en/news/world/story.md", md);
        assertEquals(
                List.of(
                        "/en/news/world/old-url/",
                        "/en/news/elsewhere/x/",
                        "/en/news/world/sub/older.html",
                        "/en/news/world/here/",
                        "/abs/y/"),
                d.aliases(),
                d.permalink());
        // A bundle's folder is its page: Hugo resolved from the folder above (content/news/bundle/index.md, old-b
        // → /news/old-b/); a url of its own is the page's URL.
        assertEquals(
                List.of("/en/news/old-b/"),
                Readers.read(
                                "content/en/news/bundle/index.md",
                                "---\ntitle: B\ndate: 2017-05-04\naliases: [old-b]\n---\nT.\n")
                        .aliases());
        assertEquals(
                List.of("/en/x/old-c/"),
                Readers.read(
                                "content/en/c.md",
                                "---\ntitle: C\ndate: 2017-05-04\nurl: /en/x/c/\naliases: [old-c]\n---\nT.\n")
                        .aliases());
        List<String> above = Readers.findings(
                "content/en/a.md", "---\ntitle: A\ndate: 2017-05-04\naliases: [../../../../x]\n---\nT.\n");
        assertEquals(1, above.size(), above.toString());
        assertTrue(
                above.get(0)
                        .startsWith("content/en/a.md:4:11: error: alias '../../../../x' climbs above the site's"
                                + " root from this dispatch's folder"),
                above.get(0));
    }

    @Test
    void aLeadParagraphWrittenTwiceIsPublishedOnce() {
        String lead = "DAMASCUS, May 4 (Reuters) - Talks resumed on Thursday between the two sides.";
        String text = "Talks resume\n\n" + lead + "\n\n" + lead + "\n\nA second paragraph.\n";
        Dispatch d = Readers.read("content/en/2017-05-04-reuters.txt", text);
        assertEquals("DAMASCUS", d.dateline());
        assertEquals(
                "Talks resumed on Thursday between the two sides.\n\nA second paragraph.",
                d.body().plainText());
        assertEquals(
                List.of("content/en/2017-05-04-reuters.txt:5:1: warning: the first paragraph is written again on this"
                        + " line (pasted twice?): the copy is not published; delete it"),
                Readers.findings("content/en/2017-05-04-reuters.txt", text));
        // A short line repeated may be meant, and a paragraph repeated later is left as written.
        String twice = "Talks\n\nGENEVA, May 4, 2017 (AP) — Talks.\n\nOne.\n\nOne.\n";
        assertEquals(List.of(), Readers.findings("content/en/ap.txt", twice));
    }

    @Test
    void aDraftWrittenAsTextIsReadAsHugoReadsIt() {
        for (String[] c : new String[][] {
            {"\"false\"", "false"}, {"\"true\"", "true"}, {"\"False\"", "false"}, {"\"1\"", "true"}, {"0", "false"}
        }) {
            String md = "---\ntitle: A\ndate: 2017-05-04\ndraft: " + c[0] + "\n---\nText.\n";
            assertEquals(
                    Boolean.parseBoolean(c[1]),
                    Readers.read("content/en/a.md", md).draft(),
                    c[0]);
            assertEquals(List.of(), Readers.findings("content/en/a.md", md), c[0]);
        }
        String yes = "---\ntitle: A\ndate: 2017-05-04\ndraft: yes\n---\nText.\n";
        assertTrue(Readers.read("content/en/a.md", yes).draft());
        assertEquals(
                List.of("content/en/a.md:4:8: warning: 'draft: yes' is read as true, as Hugo's YAML reads it (YAML 1.2"
                        + " reads it as text); write draft: true"),
                Readers.findings("content/en/a.md", yes));
        // Hugo reads any other text as false without a word, which would publish a draft: an error here.
        assertEquals(
                List.of("content/en/a.md:4:8: error: 'draft' must be true or false, but it is \"maybe\""),
                Readers.findings("content/en/a.md", "---\ntitle: A\ndate: 2017-05-04\ndraft: maybe\n---\nText.\n"));
    }

    @Test
    void hugosPageTablesThatWouldBeSilentParamsAreNamed() {
        String toml = "+++\ntitle = \"A\"\ndate = 2017-05-04\noutputs = [\"html\", \"amp\"]\n\n[[resources]]\n"
                + "src = \"photo.jpg\"\ntitle = \"The caption\"\n\n[cascade]\nauthor = \"Desk\"\n\n[params]\n"
                + "subtitle = \"Sub\"\n+++\nText.\n";
        List<String> found = Readers.findings("content/en/a.md", toml);
        assertEquals(3, found.size(), found.toString());
        assertTrue(
                found.get(0)
                        .startsWith("content/en/a.md:4:20: warning: 'outputs' names 'amp', a format Arshif does"
                                + " not write"),
                found.get(0));
        assertTrue(
                found.get(1)
                        .startsWith("content/en/a.md:6:1: warning: 'resources' (Hugo's titles and names for a"
                                + " bundle's files, by glob) is not applied"),
                found.get(1));
        assertTrue(
                found.get(2)
                        .startsWith("content/en/a.md:10:1: warning: 'cascade' in a dispatch gives its keys to no"
                                + " page"),
                found.get(2));
        // [params] stays silent: templates read it.
        assertEquals(
                "Sub",
                ((java.util.Map<?, ?>)
                                Readers.read("content/en/b.md", toml).params().get("params"))
                        .get("subtitle"));
    }

    @Test
    void outputsWrittenAsOneTextIsReadAsHugoReadsIt() {
        // Hugo reads 'outputs: amp' as a list of one; a format Arshif does not write is named at the text
        List<String> found =
                Readers.findings("content/en/a.md", "---\ntitle: A\ndate: 2017-05-04\noutputs: amp\n---\nText.\n");
        assertEquals(1, found.size(), found.toString());
        assertTrue(
                found.get(0)
                        .startsWith("content/en/a.md:4:10: warning: 'outputs' names 'amp', a format Arshif does"
                                + " not write"),
                found.get(0));
        assertEquals(
                List.of(),
                Readers.findings("content/en/a.md", "---\ntitle: A\ndate: 2017-05-04\noutputs: html\n---\nText.\n"));
    }

    @Test
    void aMarkdownSlugWithCapitalsIsNamedSinceHugoLowercasedIt() {
        List<String> named =
                Readers.findings("content/en/Breaking-News.md", "---\ntitle: B\ndate: 2017-05-04\n---\nText.\n");
        assertEquals(
                List.of("content/en/Breaking-News.md:1:1: warning: slug 'Breaking-News' has capitals, which Hugo writes"
                        + " in lower case in the URL ('breaking-news') unless its site sets disablePathToLower; Arshif"
                        + " keeps them, so an archive moved from Hugo loses its old address: write the file's name in"
                        + " lower case, or give the old URL as an alias; for an archive moved from Hugo, hugoPaths:"
                        + " true in arshif.yml writes every URL as Hugo did"),
                named);
        assertEquals(
                1,
                Readers.findings("content/en/b.md", "---\ntitle: B\ndate: 2017-05-04\nslug: Hello\n---\nT.\n")
                        .size());
        // Capitals and a space: one warning, with the one name that fixes both; a slug that is an error, none.
        List<String> both = Readers.findings("content/en/My Story.md", "---\ntitle: M\ndate: 2017-05-04\n---\nText.\n");
        assertEquals(1, both.size(), both.toString());
        assertTrue(
                both.get(0)
                        .contains("slug 'My Story' has capitals and a space, which Hugo writes in lower case with a"
                                + " hyphen in the URL ('my-story')"),
                both.get(0));
        List<String> bad = Readers.findings("content/en/Trailing .md", "---\ntitle: T\ndate: 2017-05-04\n---\nText.\n");
        assertEquals(1, bad.size(), bad.toString());
        assertTrue(
                bad.get(0).contains("error: slug 'Trailing ', made from the file's name, starts or ends with a space"),
                bad.get(0));
        // A wire text never came from Hugo: its name is left alone.
        assertEquals(
                List.of(),
                Readers.findings("content/en/2017-05-04-AP.txt", "Talks\n\nGENEVA, May 4, 2017 (AP) — Talks.\n"));
    }

    @Test
    void aWireOfOnlyItsDatelineIsNamedAsATextCutShortWithItsDateRead() {
        // Once "no date" (the dateline, with its date, was not read without text after it) and then published as text.
        List<String> found = Readers.findings("content/en/ap-1.txt", "Talks resume\n\nGENEVA, May 4, 2017 (AP) —\n");
        assertEquals(
                List.of(
                        "content/en/ap-1.txt:1:1: error: the dispatch has a title but no paragraphs (a file cut short?);"
                                + " add its text below the title, or remove the file"),
                found);
    }
}
