package org.arshif.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hostile input, round eight: what round seven left open, and what a migrating newsroom's archive brings. */
class RoundEightFindingsTest {
    @Test
    void aFindingAfterARemovedByteOrderMarkIsAtItsColumnAsWritten() {
        // "Text ", the mark at column 6, "and " at 7-10: the image's '!' is at column 11 as written.
        String md = "---\ntitle: A\ndate: 2024-03-01\n---\n\nText \uFEFFand ![x](IMG 1.png).\n";
        List<String> found = Readers.findings("content/en/a.md", md);
        assertEquals(2, found.size(), found.toString());
        assertTrue(found.get(0).startsWith("content/en/a.md:6:6: warning: a byte-order mark (U+FEFF)"), found.get(0));
        assertTrue(found.get(1).startsWith("content/en/a.md:6:11: warning: this image's address"), found.get(1));
        // With a control character before it on the line too: both removed, both counted.
        String both = "---\ntitle: A\ndate: 2024-03-01\n---\n\nT\u0001ext \uFEFFand ![x](IMG 1.png).\n";
        List<String> twice = Readers.findings("content/en/b.md", both);
        assertTrue(
                twice.stream().anyMatch(f -> f.startsWith("content/en/b.md:6:12: warning: this image's")),
                twice.toString());
    }

    @Test
    void anEmbargoLineThatNamesItsInstantInOneWayHoldsTheDispatchAsAPublishDateDoes() {
        for (String line : List.of(
                "EMBARGOED UNTIL 0001 GMT MAY 5 2017",
                "Embargoed until 00:01 GMT, May 5, 2017",
                "Not for publication before 00:01 GMT on 5 May 2017",
                "EMBARGO: 2017-05-05T00:01Z",
                "HOLD FOR RELEASE UNTIL 0001 GMT FRIDAY, MAY 5, 2017",
                "يحظر النشر قبل الساعة 00:01 بتوقيت غرينتش يوم 5 أيار 2017",
                "يحظر النشر قبل الساعة ٠٠:٠١ ت غ ٥ مايو ٢٠١٧")) {
            assertEquals(Optional.of(OffsetDateTime.parse("2017-05-05T00:01Z")), EmbargoTime.of(line), line);
        }
        String ap = "Syria talks resume in Geneva\nEMBARGOED UNTIL 0001 GMT MAY 5 2017\n"
                + "GENEVA, May 4, 2017 (AP) — Talks resumed on Thursday.\n";
        Dispatch d = Readers.read("content/en/ap-1.txt", ap);
        assertEquals(OffsetDateTime.parse("2017-05-05T00:01Z"), d.meta().publish());
        assertEquals("2017-05-04", d.date().toLocalDate().toString(), "published under its date, as Hugo does");
        // An embargo that lifts before the dispatch's own date holds nothing, as a publishDate before it.
        String lifted = "Syria talks resume in Geneva\nEMBARGOED UNTIL 0001 GMT MAY 3 2017\n"
                + "GENEVA, May 4, 2017 (AP) — Talks resumed on Thursday.\n";
        assertNull(Readers.read("content/en/ap-2.txt", lifted).meta().publish());
        // A front-matter publishDate wins over the wire's line.
        String own = "---\ntitle: Talks\ndate: 2017-05-04\npublishDate: 2017-05-06\n---\n"
                + "EMBARGOED UNTIL 0001 GMT MAY 5 2017\nGENEVA, May 4, 2017 (AP) — Talks resumed.\n";
        assertEquals(
                "2017-05-06",
                Readers.read("content/en/ap-3.txt", own)
                        .meta()
                        .publish()
                        .toLocalDate()
                        .toString());
    }

    @Test
    void anEmbargoLineThatCouldBeReadTwoWaysHoldsNothingAndSaysWhy() {
        for (String line : List.of(
                "EMBARGO: 10:00 GMT", // which day?
                // Round nine: EST, بتوقيت مكة and a line without a year are read (RoundNineFindingsTest); round twelve
                // reads BST as the later of its two (RoundTwelveFindingsTest); IST is not read.
                "EMBARGOED UNTIL 0001 IST MAY 5 2017", // a zone of two meanings
                "HOLD FOR RELEASE 10:00 GMT, 11:00 BST, MAY 5 2017")) { // two times
            assertEquals(Optional.empty(), EmbargoTime.of(line), line);
        }
        String text = "Syria talks resume in Geneva\nEMBARGO: 10:00 GMT\n"
                + "GENEVA, May 4, 2017 (AP) — Talks resumed on Thursday.\n";
        assertNull(Readers.read("content/en/ap-4.txt", text).meta().publish());
        assertEquals(
                List.of("content/en/ap-4.txt:2:1: notice: 'EMBARGO: 10:00 GMT' is the wire's embargo line: it is not"
                        + " published, and it does not hold the dispatch back, since it gives a time but no day (a day"
                        + " and month, as 5 May, with a year or in the dispatch's own); to keep it off the site until"
                        + " then, give publishDate: YYYY-MM-DDTHH:MM:SSZ in front-matter"),
                Readers.findings("content/en/ap-4.txt", text));
    }

    @Test
    void commentsAndSpacedAddressesInCodeAreToldByTheParserNotByTheLine() {
        // A code span over two lines, a fence of four backticks holding one of three, a fence opened in a list
        // item, a tilde fence: code the line-by-line heuristic misread (an odd count of backticks on the line,
        // fences counted by their starts).
        String md = "---\ntitle: A\ndate: 2024-03-01\n---\n\nSee `the\nfirst <!-- tag` and ![a](IMG 1.png) here.\n\n"
                + "````\n```\n<!-- in code\n````\n\n- item\n\n  ```\n  ![b](IMG 2.png)\n  ```\n";
        List<String> found = Readers.findings("content/en/a.md", md);
        assertEquals(1, found.size(), found.toString());
        assertTrue(
                found.get(0).startsWith("content/en/a.md:7:21: warning: this image's address 'IMG 1.png'"),
                found.get(0));
        // A backtick that opens no code span (none closes it) no longer hides the comment after it.
        String stray = "---\ntitle: B\ndate: 2024-03-01\n---\n\nA ` stray backtick <!-- unclosed\n";
        assertEquals(
                List.of("content/en/b.md:6:20: warning: " + HtmlComments.UNCLOSED),
                Readers.findings("content/en/b.md", stray));
    }

    @Test
    void aCommentInsideAnHtmlBlockThatIsMoreThanCommentsIsLeftOutToo() {
        String md = "---\ntitle: A\ndate: 2024-03-01\n---\n\n<div class=\"x\">\n<!-- editor: check -->\nText\n</div>\n";
        String html = Readers.read("content/en/a.md", md).bodyHtml();
        assertTrue(!html.contains("editor: check") && html.contains("Text"), html);
    }

    @Test
    void anAliasListedTwiceIsAWarningNotTwoDispatchesWithOneUrl() {
        String md = "---\ntitle: A\ndate: 2017-05-04\naliases: [/old/x.html, /old/y.html, /old/x.html]\n---\n\nA.\n";
        assertEquals(
                List.of("content/en/a.md:4:37: warning: alias '/old/x.html' is listed twice in this dispatch's aliases;"
                        + " delete this one"),
                Readers.findings("content/en/a.md", md));
        assertEquals(
                List.of("/old/x.html", "/old/y.html"),
                Readers.read("content/en/a.md", md).aliases());
    }

    @Test
    void aMoreMarkerInCodeIsCodeNotTheSummarysEnd() {
        String md = "---\ntitle: A\ndate: 2017-05-04\n---\n\nLead.\n\n```\ncode <!--more--> inside\n```\n\n"
                + "Second.\n\n<!--more-->\n\nRest.\n";
        Dispatch d = Readers.read("content/en/a.md", md);
        assertTrue(d.bodyHtml().contains("code &lt;!--more--&gt; inside"), d.bodyHtml());
        assertEquals("Lead. code <!--more--> inside Second.", d.summary());
    }

    @Test
    void aLastmodBeforeTheDateIsNamed() {
        String md = "---\ntitle: A\ndate: 2017-05-04\nlastmod: 2016-01-01\n---\n\nA.\n";
        assertEquals(
                List.of("content/en/a.md:4:10: warning: 'lastmod' 2016-01-01 is before the dispatch's date 2017-05-04,"
                        + " so it is read as that date and no update is shown; are the two swapped? Give the date of the"
                        + " last change, or delete 'lastmod'"),
                Readers.findings("content/en/a.md", md));
        // The same day at an earlier hour (a zone's difference) is no finding.
        assertEquals(
                List.of(),
                Readers.findings(
                        "content/en/b.md",
                        "---\ntitle: B\ndate: 2017-05-04T10:00:00+03:00\nlastmod: 2017-05-04\n---\n\nB.\n"));
    }

    @Test
    void aTrailingCommaInJsonFrontMatterAndATabInYamlAreNamedInPlainWords() {
        assertEquals(
                List.of("content/en/a.md:3:23: error: malformed JSON: a comma after the last entry, before '}' (Hugo's"
                        + " JSON front-matter allows none, nor does JSON); delete the comma"),
                Readers.findings(
                        "content/en/a.md", "{\n  \"title\": \"T\",\n  \"date\": \"2017-05-04\",\n}\n\nText.\n"));
        assertEquals(
                List.of("content/en/b.md:5:1: error: malformed YAML: a tab indents this line, and YAML indents with"
                        + " spaces only; replace the tab with spaces (as many as the lines above it use)"),
                Readers.findings("content/en/b.md", "---\ntitle: T\ndate: 2017-05-04\ntags:\n\t- one\n---\n\nText.\n"));
        assertEquals(
                List.of("content/en/c.md:2:7: error: malformed YAML: a tab stands here, where YAML takes a space (after"
                        + " a key's colon, or before a value or comment); replace the tab with a space"),
                Readers.findings("content/en/c.md", "---\ntitle:\tT\ndate: 2017-05-04\n---\n\nText.\n"));
    }

    private static String sana() {
        try (var in = RoundEightFindingsTest.class.getResourceAsStream("/search-corpus/sana-sample.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aSanaDispatchWithItsTitleOrDatelineWrittenTwiceIsReadAsOnce() {
        String sana = sana();
        String[] lines = sana.split("\n", -1);
        String once = Readers.read("content/ar/2017/05/04/a.txt", sana).bodyHtml();
        String titleTwice = lines[0] + "\n" + sana;
        Dispatch t = Readers.read("content/ar/2017/05/04/b.txt", titleTwice);
        assertEquals("موسكو", t.dateline());
        assertEquals(once, t.bodyHtml());
        assertEquals(
                List.of("content/ar/2017/05/04/b.txt:2:1: warning: the title is written again on this line (a header"
                        + " pasted twice?): the copy is not published; delete it"),
                Readers.findings("content/ar/2017/05/04/b.txt", titleTwice));
        String datelineTwice = lines[0] + "\n\n" + lines[2] + "\n" + sana.substring(sana.indexOf(lines[2]));
        Dispatch dl = Readers.read("content/ar/2017/05/04/c.txt", datelineTwice);
        assertEquals("موسكو", dl.dateline());
        assertEquals(once, dl.bodyHtml());
        assertEquals(
                List.of("content/ar/2017/05/04/c.txt:4:1: warning: the dateline is written again on this line (a"
                        + " header pasted twice?): the copy is not published; delete it"),
                Readers.findings("content/ar/2017/05/04/c.txt", datelineTwice));
    }

    @Test
    void twoSanaDispatchesJoinedIntoOneFileAreNamedWhereTheSecondStarts() {
        String sana = sana();
        String joined = sana + (sana.endsWith("\n") ? "" : "\n") + sana;
        int second = (int) sana.lines().count() + 1;
        Dispatch d = Readers.read("content/ar/2017/05/04/f.txt", joined);
        assertEquals(Readers.read("content/ar/2017/05/04/a.txt", sana).bodyHtml(), d.bodyHtml());
        assertEquals(
                List.of("content/ar/2017/05/04/f.txt:" + second + ":1: warning: another dispatch seems to start here (a"
                        + " title and a dateline, 'موسكو-سانا'), after the footer, teaser or end marker above it, from"
                        + " which nothing is published: two files joined into one? Split it into two files"),
                Readers.findings("content/ar/2017/05/04/f.txt", joined));
        assertEquals(List.of(), Readers.findings("content/ar/2017/05/04/a.txt", sana));
    }

    /** The whole archive's fix, named where hugoPaths would make Hugo's URL (not for 'url', which it keeps). */
    private static final String HUGO_PATHS =
            "; for an archive moved from Hugo, hugoPaths: true in arshif.yml writes every URL as Hugo did";

    @Test
    void aSlugOrUrlWithASpaceIsNamedSinceHugoPublishedItWithAHyphen() {
        assertEquals(
                List.of("content/en/a.md:4:1: warning: slug 'with space' holds a space, published as %20 in its URL,"
                        + " where Hugo writes a hyphen ('with-space'): an archive moved from Hugo loses its old"
                        + " address; write 'slug' with hyphens, or give the old URL as an alias"
                        + HUGO_PATHS),
                Readers.findings("content/en/a.md", "---\ntitle: A\ndate: 2017-05-04\nslug: with space\n---\n\nA.\n"));
        assertEquals(
                List.of("content/en/b.md:4:1: warning: url '/en/old story/' holds a space, published as %20 in its URL,"
                        + " where Hugo writes a hyphen ('/en/old-story/'): an archive moved from Hugo loses its old"
                        + " address; write 'url' with hyphens, or give the old URL as an alias"),
                Readers.findings(
                        "content/en/b.md", "---\ntitle: B\ndate: 2017-05-04\nurl: /en/old story/\n---\n\nB.\n"));
        assertTrue(Readers.findings("content/en/my story.md", "---\ntitle: C\ndate: 2017-05-04\n---\n\nC.\n")
                .get(0)
                .endsWith("write the file's name with hyphens, or give the old URL as an alias" + HUGO_PATHS));
    }
}
