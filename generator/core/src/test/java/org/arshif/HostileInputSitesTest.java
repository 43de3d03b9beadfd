package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs a careless user or an attacker writes, under {@code src/test/resources/sites/invalid/<case>/} like
 * {@link InvalidSitesTest}'s: YAML bombs, deep nesting, thousands of tags, hostile regular expressions, control
 * characters, foreign encodings and folders, and URLs that are not what they claim. Each must end, within
 * seconds, as findings at the right place, never as a hang or a stack trace.
 */
class HostileInputSitesTest {
    /** What the "no title" error adds: what Hugo did with such a page. */
    static final String HUGO_EMPTY_TITLE =
            " (Hugo published such a page with an empty title, a blank heading and link text in its lists)";

    /**
     * Not a speed limit but a hang guard: each case ends in about a second alone, and a hang never ends. 30 s was
     * passed twice at a load of 18–20 on 2 cores (a table over CommonMark's cell limit, beside a 100k build).
     */
    private static final Duration SECONDS = Duration.ofSeconds(120);

    @TempDir
    Path tmp;

    Path site(String name) {
        return Trees.copy(Trees.site("invalid").resolve(name), tmp.resolve(name));
    }

    Arshif arshif(Path root) {
        return SiteBuilds.at(root, tmp.resolve("out"));
    }

    /** Builds, expects failure within seconds, and returns every finding (errors and warnings) formatted. */
    List<String> findings(Path root) {
        return findings(arshif(root));
    }

    List<String> findings(Arshif arshif) {
        ContentException e =
                assertTimeoutPreemptively(SECONDS, () -> assertThrows(ContentException.class, arshif::build));
        assertFalse(Files.exists(tmp.resolve("out")), "a failed build writes no site");
        return e.diagnostics().stream().map(Diagnostic::format).toList();
    }

    @Test
    void anAliasBombUnderTheAliasLimitIsAnErrorAtTheAliasThatExpandsTooFar() {
        // 45 aliases in 330 bytes, nine to a level: fully expanded, over 500,000 values.
        assertEquals(
                List.of("content/en/2017-05-01-bomb.md:8:10: error: aliases expand to more than 10000 values"
                        + " (at '*d'); write the values out, or use fewer aliases"),
                findings(site("yaml-alias-bomb")));
    }

    @Test
    void aRecursiveAliasIsAnErrorAtTheAlias() {
        assertEquals(
                List.of("content/en/2017-05-01-loop.md:3:11: error: alias '*a' is inside the value it names"
                        + " (a recursive alias); a value cannot contain itself"),
                findings(site("yaml-recursive-alias")));
    }

    @Test
    void deepNestingIsAnErrorWhereItGoesTooDeep() {
        // 2,000 block levels and 10,000 flow levels overflowed the stack.
        assertEquals(
                List.of(
                        "content/en/2017-05-01-block.md:4:127: error: the YAML is nested more than 64 levels deep (lists or"
                                + " mappings inside each other); flatten it",
                        "content/en/2017-05-01-flow.md:3:72: error: the YAML is nested more than 64 levels deep (lists or"
                                + " mappings inside each other); flatten it"),
                findings(site("yaml-deep-nesting")));
    }

    @Test
    void tenThousandTagsOnOneDispatchAreAnErrorAtTheKey() {
        assertEquals(
                List.of("content/en/2017-05-01-tags.md:3:1: error: the dispatch has 10000 tags, more than the"
                        + " 50 allowed; keep the tags that say what it is about"),
                findings(site("too-many-tags")));
    }

    @Test
    void invalidRegularExpressionsAreErrorsAtTheirListItems() {
        assertEquals(
                List.of(
                        "arshif.yml:3:5: error: footerPatterns: '(unclosed' is not a valid regular expression: missing"
                                + " closing ) at '(unclosed' (patterns are RE2 syntax: no look-around such as (?=…), no"
                                + " back-references such as \\1)",
                        "arshif.yml:4:31: error: teaserPatterns: '^(?=Read)' is not a valid regular expression: invalid or"
                                + " unsupported Perl syntax at '(?=' (patterns are RE2 syntax: no look-around such as (?=…),"
                                + " no back-references such as \\1)"),
                findings(site("regex-invalid")));
    }

    @Test
    void aPatternThatBacktracksForeverStillBuildsInLinearTime() {
        // java.util.regex backtracks through every way to split the line into 20 parts: 100 x's took 5 s, 2,000
        // would take years.
        Path root = tmp.resolve("redos");
        Trees.write(root.resolve("arshif.yml"), "footerPatterns: [\"(.*a){20}\"]\n");
        Trees.write(
                root.resolve("content/en/2017-05-01-x.txt"),
                "Title\n\nFirst paragraph.\n\n" + "a".repeat(19) + "x".repeat(2000) + "\n\nLast paragraph.\n");
        BuildReport report =
                assertTimeoutPreemptively(SECONDS, () -> arshif(root).build());
        assertEquals(1, report.pagesPerLanguage().get("en"));
        String page = new String(Trees.read(tmp.resolve("out")).get("en/2017/05/x/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("Last paragraph."), "the pattern did not match, so nothing was cut");
    }

    @Test
    void linkBracketsNestedTwoHundredThousandDeepBuildInLinearTime() {
        // commonmark-java 0.24 matched each ']' by copying the text back to its '[': 100,000 nested brackets took
        // 21 s (load and check each parse it), 200,000 over a minute, and the 8 MB a dispatch may hold, hours.
        Path root = tmp.resolve("brackets");
        int depth = 200_000;
        Trees.write(
                root.resolve("content/en/2017-05-01-x.md"),
                "---\ntitle: Brackets\n---\n" + "[".repeat(depth) + "a" + "]".repeat(depth) + "\n\nLast paragraph.\n");
        BuildReport report =
                assertTimeoutPreemptively(SECONDS, () -> arshif(root).build());
        assertEquals(1, report.pagesPerLanguage().get("en"));
        String page = new String(Trees.read(tmp.resolve("out")).get("en/2017/05/x/index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("[[[a]]]") && page.contains("Last paragraph."), "the brackets are text");
    }

    @Test
    void aTableOverCommonmarksCellLimitIsAnErrorAtTheTable() {
        // commonmark-java throws past 1,000,000 cells in one table; that ended the build as an unexpected error.
        Path root = tmp.resolve("table");
        String wide =
                "|a".repeat(20_000) + "|\n" + "|-".repeat(20_000) + "|\n" + ("|x".repeat(20_000) + "|\n").repeat(50);
        Trees.write(root.resolve("content/en/2017-05-01-table.md"), "---\ntitle: Table\n---\nFirst.\n\n" + wide);
        Trees.write(
                root.resolve("content/en/2017-05-02-fine.md"),
                "---\ntitle: Fine\n---\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertEquals(
                List.of("content/en/2017-05-01-table.md:6:1: error: this table of 20000 columns and 51 rows has more"
                        + " than the 1,000,000 cells a table may have; split it into smaller tables, or put the data"
                        + " in a CSV file beside the dispatch and link to it"),
                findings(root));
    }

    @Test
    void aTitleOfOnlyInvisibleCharactersIsAnEmptyTitle() {
        // A right-to-left override alone showed as a blank headline and reversed the site's name after it in <title>.
        Path root = tmp.resolve("invisible-title");
        Trees.write(root.resolve("content/en/2017-05-01-rlo.md"), "---\ntitle: \"\u202e\u200f \"\n---\nText.\n");
        Trees.write(root.resolve("content/en/2017-05-02-heading.md"), "# \u200b\u200b\n\nText.\n");
        assertEquals(
                List.of(
                        "content/en/2017-05-01-rlo.md:2:1: error: 'title' holds only invisible characters (U+202E"
                                + " RIGHT-TO-LEFT OVERRIDE, U+200F RIGHT-TO-LEFT MARK); write the headline in it, like"
                                + " title: \"...\", or remove it and start the text with '# Title'"
                                + HUGO_EMPTY_TITLE,
                        "content/en/2017-05-02-heading.md:1:1: error: no title: add 'title: ...' to the front-matter or"
                                + " start the text with '# Title'" + HUGO_EMPTY_TITLE),
                findings(root));
    }

    @Test
    void aTitleThatOpensABidiOverrideIsClosedAtItsEndWithAWarning() {
        // "\u202e" left open reversed the site's name after the title in <title>, and the date beside a card.
        Path root = tmp.resolve("open-override");
        Trees.write(root.resolve("arshif.yml"), "title:\n  en: Desk\n");
        Trees.write(root.resolve("content/en/2017-05-01-rlo.md"), "---\ntitle: \"Gas \u202eprices\"\n---\nText.\n");
        Trees.write(root.resolve("content/en/2017-05-02-rli.md"), "# Oil \u2067\u202bnews\u202c\n\nText.\n");
        Trees.write(
                root.resolve("content/en/2017-05-03-ok.md"), "# Fine \u202bclosed\u202c \u2068too\u2069\n\nText.\n");
        Arshif arshif = arshif(root);
        BuildReport report = assertTimeoutPreemptively(SECONDS, () -> arshif.build());
        assertEquals(
                List.of(
                        "content/en/2017-05-01-rlo.md:2:1: warning: the title opens U+202E RIGHT-TO-LEFT OVERRIDE and"
                                + " does not close it, which would turn the text after the title around; it is closed at"
                                + " the title's end: close it where it should end (U+202C POP DIRECTIONAL FORMATTING after"
                                + " an embedding or override, U+2069 POP DIRECTIONAL ISOLATE after an isolate), or delete it",
                        "content/en/2017-05-02-rli.md:1:1: warning: the title opens U+2067 RIGHT-TO-LEFT ISOLATE and"
                                + " does not close it, which would turn the text after the title around; it is closed at"
                                + " the title's end: close it where it should end (U+202C POP DIRECTIONAL FORMATTING after"
                                + " an embedding or override, U+2069 POP DIRECTIONAL ISOLATE after an isolate), or delete it"),
                report.findings().stream().map(Diagnostic::format).toList());
        SortedMap<String, byte[]> site = Trees.read(tmp.resolve("out"));
        assertTrue(new String(site.get("en/2017/05/rlo/index.html"), StandardCharsets.UTF_8)
                .contains("<title>Gas \u202eprices\u202c — Desk</title>"));
        assertTrue(new String(site.get("en/2017/05/rli/index.html"), StandardCharsets.UTF_8)
                .contains("<title>Oil \u2067\u202bnews\u202c\u2069 — Desk</title>"));
        assertTrue(new String(site.get("en/2017/05/ok/index.html"), StandardCharsets.UTF_8)
                .contains("<title>Fine \u202bclosed\u202c \u2068too\u2069 — Desk</title>"));
    }

    @Test
    void aLanguageFolderOutsideTheSiteLanguagesIsAnError() {
        // content/fa/ was published as Arabic, by its script.
        assertEquals(
                List.of("content/fa/2017-05-01-x.md:1:1: error: the file is in content/fa/, a language folder,"
                        + " but 'fa' is not one of this site's languages [ar, en]; move the file to a folder of one of them"
                        + " (Arshif publishes [ar, en])"),
                findings(site("language-folder-unknown")));
    }

    @Test
    void aSupportedLanguageThatIsNotPublishedIsNamedNotAMisleadingTranslationKeyError() {
        assertEquals(
                List.of("content/ar/2017-05-01-call.md:1:1: error: the file is in content/ar/, a language"
                        + " folder, but 'ar' is not one of this site's languages [en]; add 'ar' to languages in arshif.yml,"
                        + " or move the file to a folder of one of them"),
                findings(site("language-folder-not-published")));
    }

    @Test
    void anArshifYmlThatIsAFolderIsAnError() {
        assertEquals(
                List.of("arshif.yml: error: arshif.yml is a folder, so the configuration cannot be read; the"
                        + " configuration is a file: remove or rename the folder"),
                findings(site("arshif-yml-folder")));
    }

    @Test
    void aJavascriptBaseUrlIsAnError() {
        assertEquals(
                List.of("arshif.yml:1:10: error: baseUrl 'javascript://x/%0aalert(1)' is not an absolute"
                        + " http:// or https:// URL; write it like https://news.example.org/archive/"),
                findings(site("base-url-javascript")));
    }

    @Test
    void aJavascriptBaseUrlGivenOnTheCommandLineIsAnError() {
        Path root = tmp.resolve("override");
        Trees.write(root.resolve("content/en/2017-05-01-ok.md"), "# Fine\n\nText.\n");
        Arshif arshif = Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(InvalidSitesTest.CLOCK)
                .baseUrl("javascript://x/%0aalert(1)")
                .build();
        assertEquals(
                List.of("(site): error: the base URL 'javascript://x/%0aalert(1)' given with --base-url or"
                        + " -Darshif.baseUrl is not an absolute http:// or https:// URL; write it like"
                        + " https://news.example.org/archive/"),
                findings(arshif));
    }

    @Test
    void invisibleCharactersInSlugsAreLeftOutAndReservedNamesRejected() {
        assertEquals(
                List.of(
                        "content/en/2017-05-01-bidi.md:3:1: warning: slug 'newsU+202Eexe.txt' holds the invisible character"
                                + " U+202E (RIGHT-TO-LEFT OVERRIDE), left out of the URL; remove it from 'slug'",
                        "content/en/2017-05-01-con.md:1:1: error: slug 'con', made from the file's name, is a name Windows"
                                + " reserves for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another; rename"
                                + " the file, or set 'slug:' in its front-matter (a slug is one URL segment, like"
                                + " 'putin-rouhani-call')",
                        "content/en/2017-05-01-zw.md:3:1: warning: slug 'fair\u200B' holds the invisible character U+200B"
                                + " (ZERO WIDTH SPACE), left out of the URL; remove it from 'slug'"),
                findings(site("slug-invisible-and-reserved")));
    }

    @Test
    void aliasesAreSitePathsOnly() {
        assertEquals(
                List.of(
                        "content/en/2017-05-01-x.md:4:5: error: alias 'javascript:alert(1)' contains '?', '#' or ':'; an"
                                + " alias is a path on this site, like /old/path/, or old-path from this dispatch's"
                                + " folder",
                        // Round nine: 'old/relative/' is resolved from the dispatch's folder, as Hugo does.
                        "content/en/2017-05-01-x.md:6:5: error: alias '/old/NUL/x.html' has the segment 'NUL', which is a"
                                + " name Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9); choose another"),
                findings(site("alias-not-a-site-path")));
        assertFalse(Files.exists(tmp.resolve("javascript:alert(1)")));
    }

    @Test
    void datesOutsideTheYearsOneToNineThousandNineHundredNinetyNineAreErrorsAtTheDate() {
        // Year 10000 crashed the search index writer with a trace.
        assertEquals(
                List.of(
                        "content/en/0000-01-01-zero.md:1:1: error: the file name starts with '0000-01-01', before the year 1;"
                                + " rename it with a real YYYY-MM-DD date",
                        "content/en/early.md:3:7: error: 'date' \"0000-12-31\" is outside the years 1 to 9999; write a real"
                                + " date as YYYY-MM-DD",
                        "content/en/late.md:3:7: error: 'date' \"+10000-01-01T00:00:00Z\" is outside the years 1 to 9999; write a real"
                                + " date as YYYY-MM-DD"),
                findings(site("date-out-of-range")));
    }

    @Test
    void aUtf16FileWithoutAByteOrderMarkIsAnError() {
        Path root = tmp.resolve("utf16");
        Trees.write(
                root.resolve("content/ar/2017-05-01-le.md"),
                "# عنوان\n\nنص الخبر.\n".getBytes(StandardCharsets.UTF_16LE));
        Trees.write(
                root.resolve("content/en/2017-05-01-be.md"), "# Title\n\nText.\n".getBytes(StandardCharsets.UTF_16BE));
        assertEquals(
                List.of(
                        "content/ar/2017-05-01-le.md:1:1: error: the file is UTF-16 (little-endian, no byte-order mark), not"
                                + " UTF-8; save it as UTF-8",
                        "content/en/2017-05-01-be.md:1:1: error: the file is UTF-16 (big-endian, no byte-order mark), not"
                                + " UTF-8; save it as UTF-8"),
                findings(root));
    }

    @Test
    void controlCharactersAreDroppedWithOneWarningPerFile() {
        Path root = tmp.resolve("controls");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://desk.example/\n");
        // A YAML escape in the title and a tag, and an ESC and a NUL in the body: one warning, at the first.
        Trees.write(
                root.resolve("content/en/2017-05-01-yaml.md"),
                "---\ntitle: \"Sub\\x1Astitute\"\ntags: [\"bell\\a\"]\n---\n\nEsc\u001B and\u0000 nul.\n");
        Trees.write(root.resolve("content/en/2017-05-02-entity.md"), "# Entity\n\nEscape &#27; by reference.\n");
        Trees.write(
                root.resolve("content/ar/2017-05-03-agency.txt"),
                "عنوان\u0007 الخبر\n\nدمشق-سانا\n\nالفقرة\u0085 الأولى.\n");
        BuildReport report =
                assertTimeoutPreemptively(SECONDS, () -> arshif(root).build());
        assertEquals(
                List.of(
                        "content/ar/2017-05-03-agency.txt:1:6: warning: control character U+0007 (BEL) removed, with any"
                                + " others in this file: it cannot appear in HTML or XML; delete it from the file",
                        // A build reports what check does (issue 11): this wire text has no footer.
                        "content/ar/2017-05-03-agency.txt:5:1: warning: no agency footer or 'see also' teaser was recognised;"
                                + " if this dispatch ends with promos, add their first line's pattern to footerPatterns in"
                                + " arshif.yml",
                        "content/en/2017-05-01-yaml.md:2:8: warning: control character U+001A (SUBSTITUTE) removed, with any"
                                + " others in this file: it cannot appear in HTML or XML; delete it from the file",
                        "content/en/2017-05-02-entity.md:3:8: warning: control character U+001B (ESCAPE) removed, with any"
                                + " others in this file: it cannot appear in HTML or XML; delete it from the file"),
                report.findings().stream().map(Diagnostic::format).toList());
        SortedMap<String, byte[]> site = Trees.read(tmp.resolve("out"));
        for (var file : site.entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            if (file.getKey().endsWith(".html")
                    || file.getKey().endsWith(".xml")
                    || file.getKey().endsWith(".json")) {
                assertTrue(
                        text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' || c >= 0x7F && c <= 0x9F),
                        file.getKey() + " has a control character");
            }
        }
        assertTrue(new String(site.get("en/2017/05/yaml/index.html"), StandardCharsets.UTF_8).contains("Substitute"));
        WellFormedXmlTest.assertWellFormed(tmp.resolve("out"));
    }
}
