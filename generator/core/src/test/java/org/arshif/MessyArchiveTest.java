package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messy archives that build, under {@code src/test/resources/sites/messy/<case>/}: what they hold is published as
 * it comes, and what would go wrong without a word elsewhere gets a warning at its file.
 */
class MessyArchiveTest {
    @TempDir
    Path tmp;

    /** Builds the case into {@code out} and returns its warnings, formatted. */
    private List<String> warnings(String name) {
        Path root = Trees.copy(Trees.site("messy").resolve(name), tmp.resolve(name));
        BuildReport report = SiteBuilds.at(root, tmp.resolve("out")).build();
        return report.findings().stream()
                .filter(d -> !d.isError())
                .map(Diagnostic::format)
                .filter(f -> f.contains(": warning: "))
                .toList();
    }

    @Test
    void filesThatDifferOnlyInCaseAreAllPublishedAndNamed() {
        List<String> warnings = warnings("case-twins");
        for (String slug : List.of("Story", "story", "STORY", "Other")) {
            String page = "out/en/2017/05/" + slug + "/index.html";
            assertTrue(Files.isRegularFile(tmp.resolve(page)), page);
        }
        String why = " differ only in upper and lower case: on a file system that ignores case (macOS, Windows) one"
                + " would replace the other; give one of them a different slug";
        assertEquals(
                List.of(
                        "content/en/2017-05-01-Story.md:1:1: warning: the site's files en/2017/05/story/index.html"
                                + " (content/en/2017-05-02-story.md) and en/2017/05/Story/index.html"
                                + " (content/en/2017-05-01-Story.md)" + why,
                        "content/en/2017-05-02-story.md:1:1: warning: the site's files en/2017/05/STORY/index.html"
                                + " (content/en/2017-05-03-three.md) and en/2017/05/story/index.html"
                                + " (content/en/2017-05-02-story.md)" + why),
                warnings.stream().filter(w -> !w.contains("has capitals")).toList());
        // round nine: each capital slug also named, since Hugo lowercased it
        String hugo = " has capitals, which Hugo writes in lower case in the URL ('";
        assertEquals(
                List.of(
                        "content/en/2017-05-01-Story.md:1:1: warning: slug 'Story'" + hugo + "story')",
                        "content/en/2017-05-03-three.md:3:1: warning: slug 'STORY'" + hugo + "story')",
                        "content/en/2017-05-04-Other.md:1:1: warning: slug 'Other'" + hugo + "other')"),
                warnings.stream()
                        .filter(w -> w.contains("has capitals"))
                        .map(w -> w.substring(0, w.indexOf("')") + 2))
                        .toList());
    }

    @Test
    void aTemplateWhoseNameIsANearMissOfTheThemesIsNamedWithTheNameItMeant() {
        String why = ": the theme has no template of this name, so its pages keep the built-in one; did you mean";
        String end = "? Rename the file (if another of your templates includes it, this warning goes away)";
        assertEquals(
                List.of(
                        "templates/article.ftl: warning: overrides nothing" + why + " 'article.ftlh'" + end,
                        "templates/lsit.ftlh: warning: overrides nothing" + why + " 'list.ftlh'" + end),
                warnings("template-near-misses"));
    }

    @Test
    void aTemplatesFileWhereTheFolderBelongsIsNamed() {
        List<String> warnings = warnings("templates-a-file");
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(
                warnings.get(0).startsWith("templates: warning: ")
                        && warnings.get(0)
                                .endsWith(" is a file, not a folder of templates, so the built-in theme is"
                                        + " used unchanged; delete or rename it, or put your templates in a folder of that"
                                        + " name"),
                warnings.get(0));
    }

    @Test
    void aFrontMatterDateMoreThanADayFromTheFileNamesOrFoldersIsUsedWithAWarning() {
        List<String> warnings = warnings("date-disagreements");
        assertTrue(Files.isRegularFile(tmp.resolve("out/en/2016/01/b/index.html")), "the front-matter dates the URL");
        assertEquals(
                List.of(
                        "content/en/2017-05-01-b.md:1:1: warning: the file name starts with '2017-05-01', but 'date' is"
                                + " 2016-01-01, 486 days apart; 'date' is used, and dates the URL: correct the one that"
                                + " is wrong",
                        "content/en/2017/05/01/a.md:1:1: warning: the folders '2017/05/01/' say '2017-05-01', but"
                                + " 'date' is 2016-06-02, 333 days apart; 'date' is used, and dates the URL: correct the"
                                + " one that is wrong"),
                warnings);
    }

    @Test
    void hugoFilesThatAreNotPagesAreLeftOutWithAWarning() {
        // A headless bundle has no date and is no page: once an error ("no date") that stopped the build.
        List<String> warnings = warnings("hugo-not-pages");
        assertEquals(
                List.of(
                        "content/en/2017-05-01-never.md:3:1: warning: '_build' says render: never: not published, as"
                                + " in Hugo",
                        "content/en/2017-05-02-link.md:3:1: warning: Hugo's build options in 'build' (list) are not"
                                + " followed: the dispatch is published and listed as any other; to keep it off the"
                                + " site, set draft: true, or render: never",
                        "content/en/shared/index.md:3:1: warning: 'headless: true' (a Hugo bundle of resources other"
                                + " pages use, not a page): not published; put a photo a dispatch shows in that"
                                + " dispatch's own folder or bundle"),
                warnings);
        assertTrue(Files.isRegularFile(tmp.resolve("out/en/2017/05/link/index.html")));
        assertTrue(Files.isRegularFile(tmp.resolve("out/en/2017/05/ok/index.html")));
        assertTrue(Files.notExists(tmp.resolve("out/en/2017/05/never")));
        assertTrue(Files.notExists(tmp.resolve("out/en/shared")));
    }

    @Test
    void wireHeaderLinesOutOfOrderAreNamed() {
        // The dateline sentence as a headline is published as it comes, but no longer silently; a title written
        // twice is read once (round eight), with a warning at the copy.
        assertEquals(
                List.of(
                        "content/en/2017-05-04-dateline-first.txt:1:1: warning: the title line reads as a dateline,"
                                + " which comes after the title; put the headline on the first line, then the"
                                + " dateline and the text",
                        // round nine: the lead paragraph with its inline dateline written twice is read once
                        "content/en/2017-05-04-dateline-twice.txt:5:1: warning: the first paragraph is written again"
                                + " on this line (pasted twice?): the copy is not published; delete it",
                        "content/en/2017-05-04-title-twice.txt:3:1: warning: the title is written again on this line (a"
                                + " header pasted twice?): the copy is not published; delete it"),
                warnings("wire-header-order"));
    }
}
