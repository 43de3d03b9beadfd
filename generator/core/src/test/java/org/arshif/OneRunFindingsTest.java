package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One build reports every problem that {@code check} would, in one run (issue 11): before, {@code package} stopped at
 * the first two errors, then showed one more, then passed while it published a broken link and a missing image, and
 * a file with a front-matter error never had its broken link and misspelled key reported.
 */
class OneRunFindingsTest {
    @TempDir
    Path tmp;

    @Test
    void oneBuildReportsAllSevenProblemsOfTheSite() {
        Path root = Trees.copy(Trees.site("seven-problems"), tmp.resolve("src"));
        Arshif arshif = SiteBuilds.at(root, tmp.resolve("out"));
        ContentException e = assertThrows(ContentException.class, arshif::build);
        List<String> found = e.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(
                List.of(
                        "content/ar/2017-05-10-other.md:3:1: warning: unknown front-matter key 'sumary' (kept for templates);"
                                + " did you mean 'summary'?",
                        "content/ar/2017-05-11-bad-date.md:3:7: error: 'date' \"2017-13-45\" is not a valid date (there"
                                + " is no month 13; months are 1 to 12); write it as YYYY-MM-DD, or"
                                + " YYYY-MM-DDTHH:MM:SS+03:00 with a time"
                                + " (a written date such as 26 شوال 1436 هـ or 4 May 2017 is read too)",
                        "content/ar/2017-05-11-bad-date.md:4:1: warning: unknown front-matter key 'tgas' (kept for"
                                + " templates); did you mean 'tags'?",
                        "content/ar/2017-05-11-bad-date.md:7:30: error: link '/ar/2017/05/no-such-talks/' points to no page"
                                + " of the site (/ar/2017/05/no-such-talks/)",
                        "content/en/2017-05-01-links.md:5:39: error: link '/en/2017/05/no-such-talks/' points to no page of"
                                + " the site (/en/2017/05/no-such-talks/)",
                        "content/en/2017-05-01-links.md:7:1: error: image '/media/route.png' points to no file of the site"
                                + " (/media/route.png); make the dispatch a page bundle (a folder with it as index.md, and"
                                + " the photo beside it), or put the photo under content/media/ and write /media/<name>",
                        "content/en/2017-05-12-wire.txt:7:1: warning: no agency footer or 'see also' teaser was recognised;"
                                + " if this dispatch ends with promos, add their first line's pattern to footerPatterns in"
                                + " arshif.yml"),
                found);
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
    }

    /** A file refused for nesting too deep is read on for its links: without recursion, so it cannot overflow. */
    @Test
    void aFileRefusedForDeepNestingIsReadOnWithoutOverflowingTheStack() {
        Path root = tmp.resolve("deep");
        Trees.write(
                root.resolve("content/en/2017-05-01-deep.md"),
                "---\ntitle: Deep\n---\n\n" + ">".repeat(20_000) + " [x](/en/nowhere/)\n");
        Arshif arshif = SiteBuilds.at(root, tmp.resolve("out"));
        ContentException e = assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(60), () -> assertThrows(ContentException.class, arshif::build));
        List<String> found = e.diagnostics().stream().map(Diagnostic::format).toList();
        assertEquals(2, found.size(), found::toString);
        assertTrue(
                found.get(0)
                        .startsWith("content/en/2017-05-01-deep.md:5:1: error: the Markdown is nested more"
                                + " than 100 levels deep"),
                found::toString);
        assertTrue(found.get(1).startsWith("content/en/2017-05-01-deep.md:5:"), found::toString);
        assertTrue(found.get(1).contains("error: link '/en/nowhere/' points to no page of the site"), found::toString);
    }

    @Test
    void aBundleRefusedForItsLeadImageHasItsOtherPhotosCheckedInTheSameRun() {
        // before, the missing photo of the body, a damaged one and a missing alt text showed only once the lead image
        // was fixed: a file the load refuses was read on for its links from the root alone
        Path root = tmp.resolve("bundle");
        Trees.write(
                root.resolve("content/en/2017/story/index.md"),
                "---\ntitle: Photo story\ndate: 2017-05-01\nimage: missing.jpg\nimageAlt: A street\n---\n\n"
                        + "Text ![A photo](nope.png) and ![](street.png) and ![Kept](kept.png).\n");
        Trees.write(root.resolve("content/en/2017/story/street.png"), "not a png");
        Trees.write(root.resolve("content/en/2017/story/Kept.png"), "case");
        Arshif arshif = SiteBuilds.at(root, tmp.resolve("out"));
        ContentException e = assertThrows(ContentException.class, arshif::build);
        String file = "content/en/2017/story/index.md:";
        assertEquals(
                List.of(
                        file
                                + "4:1: error: the lead image 'missing.jpg' points to no file: put the file beside index.md"
                                + " in content/en/2017/story/, or under content/media/ and write /media/<name>",
                        file + "8:6: error: image 'nope.png' points to no file; put the file beside index.md in"
                                + " content/en/2017/story/, or under content/media/ and write /media/<name>",
                        file + "8:31: warning: image 'street.png' has no text for readers who cannot see it; write"
                                + " what it shows between the brackets: ![…](street.png)",
                        file + "8:31: warning: image 'street.png': the file is not a PNG image (its first bytes are not"
                                + " an image header); export it again, or fix its extension",
                        file + "8:51: error: image 'kept.png' points to no file; there is 'Kept.png', whose name"
                                + " differs in case only: web hosts tell the two apart, so write it as that"),
                e.diagnostics().stream().map(Diagnostic::format).toList());
    }
}
