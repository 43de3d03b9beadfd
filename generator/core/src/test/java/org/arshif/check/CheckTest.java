package org.arshif.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.arshif.Arshif;
import org.arshif.diag.Diagnostic;
import org.arshif.diag.Hints;
import org.arshif.testing.FrontEndHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code arshif:check} on an archive with one of each problem: the exact findings, in order. */
class CheckTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void brokenArchiveGivesExactlyTheExpectedFindings() {
        Path site = TestFiles.copyFixture("broken-archive", dir.resolve("site-root"));
        CheckReport report = check(site);
        List<String> expected = List.of(
                "content/ar/2017-05-10-other.md:1:1: notice: no en translation; start one with: new"
                        + " translate=content/ar/2017-05-10-other.md",
                "content/ar/2017-05-10-other.md:3:1: warning: unknown front-matter key 'sumary' (kept for templates);"
                        + " did you mean 'summary'?",
                "content/ar/2017-05-11-draft-one.md:1:1: notice: no en translation; start one with: new"
                        + " translate=content/ar/2017-05-11-draft-one.md",
                "content/ar/2017-05-13-wire.txt:1:1: notice: no en translation; start one with: new"
                        + " translate=content/ar/2017-05-13-wire.txt",
                "content/ar/2017-05-22-summit.md:4:15: warning: tag 'اقتصاد' is not in the vocabulary"
                        + " content/tags.yml; add it there with its name in each language, use a tag that is, or, if it"
                        + " is another spelling of one, add it to that tag's other spellings (KEY: alias: [اقتصاد])",
                "content/ar/2017-05-22-summit.md:10:16: error: link '/archive/ar/2017/05/nowhere/' points to no page"
                        + " of the site (/archive/ar/2017/05/nowhere/)",
                "content/ar/2017-05-22-summit.md:10:55: error: link '/ar/2017/05/other/' leaves the site, which is"
                        + " published under /archive/; write /archive/ar/2017/05/other/ or a relative link",
                "content/ar/2017-05-22-summit.md:12:1: error: image '/archive/static/map.png' points to no file of"
                        + " the site (/archive/static/map.png); make the dispatch a page bundle (a folder with it as"
                        + " index.md, and the photo beside it), or put the photo under content/media/ and write"
                        + " /media/<name>",
                "content/ar/2017-05-22-summit.md:14:1: error: link '2017-05-10-other.md' points to the source file"
                        + " content/ar/2017-05-10-other.md; link to its page instead: /archive/ar/2017/05/other/",
                "content/ar/2017-05-22-summit.md:14:36: warning: link '/archive/ar/2017/05/draft-one/' points to a"
                        + " draft or scheduled dispatch, which is not published yet",
                "content/ar/2017-06-01-bad-date.md:3:7: error: 'date' \"2017-13-45\" is not a valid date (there"
                        + " is no month 13; months are 1 to 12); write it as YYYY-MM-DD, or"
                        + " YYYY-MM-DDTHH:MM:SS+03:00 with a time"
                        + " (a written date such as 26 شوال 1436 هـ or 4 May 2017 is read too)",
                // round nine: read as Hugo's YAML reads it, with a warning (once an error)
                "content/ar/2017-06-01-bad-date.md:4:8: warning: 'draft: yes' is read as true, as Hugo's YAML reads"
                        + " it (YAML 1.2 reads it as text); write draft: true",
                "content/en/2017-04-21-dupkey.md:3:1: error: this en dispatch and content/en/2017-05-22-summit.md both"
                        + " claim translationKey 'summit'; give one of them a different translationKey or file name",
                "content/en/2017-05-12-wire.txt:1:1: notice: no ar translation; start one with: new"
                        + " translate=content/en/2017-05-12-wire.txt",
                "content/en/2017-05-12-wire.txt:7:1: warning: no agency footer or 'see also' teaser was recognised;"
                        + " if this dispatch ends with promos, add their first line's pattern to footerPatterns in"
                        + " arshif.yml",
                "content/en/2017-05-20-dup.md:1:1: notice: no ar translation; start one with: new"
                        + " translate=content/en/2017-05-20-dup.md",
                "content/en/2017-05-20-dup.md:3:1: error: two dispatches have the same URL /en/2017/05/summit/: this"
                        + " one and content/en/2017-05-22-summit.md; give one of them a different slug or alias, or set"
                        + " their URLs apart in arshif.yml with permalinks: {en: \"/:sections/:year/:month/:day/:slug/\"}",
                "content/en/2030-01-01-scheduled.md:1:1: notice: no ar translation; start one with: new"
                        + " translate=content/en/2030-01-01-scheduled.md",
                "content/en/2030-01-01-scheduled.md:3:1: notice: scheduled: dated 2030-01-01T00:00Z, so builds leave"
                        + " it out until then (future=true includes it)");
        assertEquals(
                expected, report.findings().stream().map(Diagnostic::format).toList());
        assertTrue(report.hasErrors());
        assertEquals("Checked 10 dispatches: 7 errors, 5 warnings, 7 notices.", report.summary());
        assertFalse(Files.exists(site.resolve("site")), "check must not write the site");
    }

    @Test
    void aCleanArchiveHasNoErrorsAndLinksIntoDraftsAreFineWhenDraftsAreIncluded() throws Exception {
        Path site = TestFiles.copyFixture("broken-archive", dir.resolve("site-root"));
        for (String broken : List.of(
                "content/ar/2017-05-22-summit.md",
                "content/ar/2017-06-01-bad-date.md",
                "content/en/2017-05-20-dup.md",
                "content/en/2017-04-21-dupkey.md")) {
            Files.delete(site.resolve(broken));
        }
        Files.writeString(site.resolve("content/ar/2017-05-22-summit.md"), """
                ---
                title: قمة
                translationKey: summit
                tags: [syria]
                ---

                [مسودة](/archive/ar/2017/05/draft-one/) و[نسبي](../../05/other/) و[الوسم](../../../tags/syria/)
                """);
        CheckReport withDrafts = Arshif.builder()
                .siteRoot(site)
                .clock(CLOCK)
                .drafts(true)
                .build()
                .check();
        assertFalse(withDrafts.hasErrors(), withDrafts.findings().toString());
        assertTrue(
                withDrafts.findings().stream().noneMatch(d -> d.path().endsWith("summit.md")),
                withDrafts.findings().toString());
    }

    /** The core's own wording names no front end's flags or commands (each front end tests its own wording). */
    @Test
    void theCoreWordsFixHintsForNoFrontEnd() {
        assertEquals(
                List.of(
                        "no en translation; start one with: new translate=content/ar/2017-05-10-other.md",
                        "scheduled: dated 2030-01-01T00:00Z, so builds leave it out until then (future=true includes it)"),
                FrontEndHints.ofBrokenArchive(Hints.NEUTRAL, dir));
    }

    @Test
    void githubAnnotationsEscapeTheirParts() {
        // A finding is one line: Diagnostic itself shows a line break in a message as U+000A.
        assertEquals(
                "::error file=content/ar/x.md,line=3,col=7,title=arshif::bad: 50%25U+000Anext",
                Annotations.github(Diagnostic.error("content/ar/x.md", 3, 7, "bad: 50%\nnext"), ""));
        assertEquals(
                "::error file=content/ar/x%0A.md,title=arshif::m",
                Annotations.github(Diagnostic.error("content/ar/x\n.md", 0, 0, "m"), ""));
        assertEquals(
                "::warning file=site/a%2Cb%3A.md,title=arshif::w",
                Annotations.github(Diagnostic.warning("a,b:.md", 0, 0, "w"), "site/"));
        assertEquals("::notice title=arshif::n", Annotations.github(Diagnostic.notice("", 0, 0, "n"), ""));
    }

    @Test
    void relativePathsResolveLikeABrowser() {
        assertEquals("/ar/2017/05/y/", LinkPaths.normalize("/ar/2017/05/x/../y/"));
        assertEquals("/ar/", LinkPaths.normalize("/ar/2017/05/x/../../../"));
        assertEquals(null, LinkPaths.normalize("/ar/../../x"));
        assertEquals("/ar/قمة/", LinkPaths.percentDecode("/ar/%D9%82%D9%85%D8%A9/"));
        assertEquals(null, LinkPaths.percentDecode("/ar/%D"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.org/أرشيف/", "https://example.org/%d8%a3%d8%b1%d8%b4%d9%8a%d9%81"})
    void linksUnderAnArabicBasePathAreCheckedAsWrittenOrEncoded(String baseUrl) throws Exception {
        Path site = dir.resolve("arabic-base");
        Files.createDirectories(site.resolve("content/en"));
        Files.createDirectories(site.resolve("content/media"));
        Files.writeString(site.resolve("arshif.yml"), "baseUrl: " + baseUrl + "\nlanguages: [en]\n");
        Files.write(
                site.resolve("content/media/map.png"),
                java.util.Base64.getDecoder()
                        .decode(
                                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        Files.writeString(
                site.resolve("content/en/2017-05-22-summit.md"),
                "---\ntitle: Summit\n---\n\nThe [home](/أرشيف/en/), [encoded](/%D8%A3%D8%B1%D8%B4%D9%8A%D9%81/en/),"
                        + " [elsewhere](/en/).\n\n![map](/أرشيف/media/map.png)\n");
        CheckReport report = check(site);
        // the base path is written encoded in pages, feeds and sitemaps, and links are compared with it decoded
        assertEquals(
                List.of("content/en/2017-05-22-summit.md:5:73: error: link '/en/' leaves the site, which is published"
                        + " under /أرشيف/; write /أرشيف/en/ or a relative link"),
                report.findings().stream().map(Diagnostic::format).toList());
    }

    private static CheckReport check(Path site) {
        return Arshif.builder()
                .hints(Hints.NEUTRAL)
                .siteRoot(site)
                .clock(CLOCK)
                .build()
                .check();
    }
}
