package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.site.PageRenderer;
import org.arshif.site.Theme;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sites with one kind of mistake each, under {@code src/test/resources/sites/invalid/<case>/} (inputs that are
 * awkward to commit, like invalid UTF-8 or a 20 MB file, are made here). Each build must fail with every problem
 * reported as {@code path:line:col: error: message}, pointing at the right place.
 */
class InvalidSitesTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2017-06-15T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    /** Copies {@code invalid/<name>} out of the repository (so its git history does not apply). */
    Path site(String name) {
        return Trees.copy(Trees.site("invalid").resolve(name), tmp.resolve(name));
    }

    Arshif arshif(Path root) {
        return SiteBuilds.at(root, tmp.resolve("out"));
    }

    /** Builds, expects failure, and returns the formatted errors, in the order they are reported. */
    List<String> errors(Path root) {
        return SiteBuilds.errors(root, tmp.resolve("out"));
    }

    static void assertError(String expectedStart, String line, String... keywords) {
        assertTrue(
                line.startsWith(expectedStart),
                () -> "expected an error starting with\n  " + expectedStart + "\nbut got\n  " + line);
        for (String k : keywords) {
            assertTrue(line.contains(k), () -> "'" + k + "' missing from: " + line);
        }
    }

    @Test
    void anAgencyProfilePatternRe2CannotRun() {
        List<String> errors = errors(site("agency-profile-invalid"));
        assertEquals(1, errors.size(), errors::toString);
        assertError(
                "arshif.yml:5:9: error: datelines: '^(?P<city>\\pL+) +(?=\\(كونا\\))' is not a valid regular"
                        + " expression",
                errors.get(0),
                "no look-around");
    }

    @Test
    void malformedYaml() {
        List<String> errors = errors(site("malformed-yaml"));
        // Only the YAML error: a broken front-matter is not also reported as a missing title.
        assertEquals(1, errors.size(), errors::toString);
        assertError(
                "content/en/2017-05-01-bad.md:4:9: error: malformed YAML: ",
                errors.get(0),
                "expected ',' or ']'",
                "flow sequence");
    }

    @Test
    void keysOfTheWrongType() {
        List<String> errors = errors(site("wrong-types"));
        assertEquals(3, errors.size(), errors::toString);
        assertError(
                "content/en/2017-05-01-draft.md:3:8: error: 'draft' must be true or false", errors.get(0), "\"maybe\"");
        assertError("content/en/2017-05-01-tags.md:3:7: error: 'tags' must be a list", errors.get(1), "a number");
        assertError("content/en/2017-05-01-title.md:3:8: error: 'title' must be text", errors.get(2), "a list");
    }

    @Test
    void invalidDates() {
        List<String> errors = errors(site("invalid-date"));
        assertEquals(2, errors.size(), errors::toString);
        assertError(
                "content/en/2017-02-30-prefix.md:1:1: error: the file name starts with '2017-02-30'",
                errors.get(0),
                "not a valid date");
        assertError(
                "content/en/bad-date.md:3:7: error: 'date' \"2017-13-45\" is not a valid date",
                errors.get(1),
                "YYYY-MM-DD");
    }

    @Test
    void dateThatCannotBeFound() {
        List<String> errors = errors(site("date-not-found"));
        assertEquals(
                List.of("content/en/undated.md:1:1: error: no date for this dispatch (the site is not in a git"
                        + " repository); add 'date: YYYY-MM-DD' to the front-matter, start the file name with YYYY-MM-DD-"
                        + " (or put it in YYYY/MM/DD/ folders), or commit the file (its first commit gives the date)"),
                errors);
    }

    @Test
    void dateThatCannotBeFoundBecauseTheFileIsNotCommitted() {
        Path root = site("date-not-found");
        Trees.write(root.resolve("content/en/2017-05-01-committed.md"), "# Committed\n\nText.\n");
        GitRepo git = GitRepo.init(root);
        git.git("add", "content/en/2017-05-01-committed.md");
        git.commit("only one file", "2017-05-01T10:00:00Z");

        List<String> errors = errors(root);
        assertEquals(1, errors.size(), errors::toString);
        assertError(
                "content/en/undated.md:1:1: error: no date for this dispatch (the file is not committed to git yet)",
                errors.get(0));
    }

    @Test
    void unknownLanguage() {
        List<String> errors = errors(site("unknown-language"));
        assertEquals(1, errors.size(), errors::toString);
        assertError("content/en/2017-05-01-french.md:3:1: error: unknown language 'fr'", errors.get(0), "ar, en");
    }

    @Test
    void twoDispatchesWithTheSameUrl() {
        List<String> errors = errors(site("duplicate-url"));
        assertEquals(2, errors.size(), errors::toString);
        // The newer dispatch keeps the URL; the other one and the alias onto it are reported, the alias at its key.
        assertError(
                "content/en/2017-05-01-same.md:1:1: error: two dispatches have the same URL /en/2017/05/same/",
                errors.get(0),
                "content/en/same.md",
                "slug");
        assertError(
                "content/en/2017-05-02-other.md:3:1: error: two dispatches have the same URL /en/2017/05/same/",
                errors.get(1),
                "content/en/same.md");
    }

    @Test
    void aUrlTwoFilesOfOneSectionShareNamesBothFilesAndThePermalinksSettingThatSetsThemApart() {
        List<String> errors = errors(site("section-url-collision"));
        assertEquals(1, errors.size(), errors::toString);
        // a daily column: okaz/2015-07-21-weather.md and okaz/2015-07-22-weather.md, one name after the date
        assertEquals(
                "content/ar/okaz/2015-07-21-weather.md:1:1: error: two dispatches have the same URL"
                        + " /ar/okaz/2015/07/weather/: this one and content/ar/okaz/2015-07-22-weather.md; give one of them a"
                        + " different slug or alias, or set their URLs apart in arshif.yml with permalinks:"
                        + " {ar/okaz: \"/:sections/:year/:month/:day/:slug/\"}",
                errors.get(0));
    }

    @Test
    void aPermalinkWithAnUnknownTokenOrNoNameIsReportedWhereItIsWritten() {
        List<String> errors = errors(site("permalink-unknown-token"));
        assertEquals(2, errors.size(), errors::toString);
        assertEquals(
                "arshif.yml:2:26: error: unknown permalink token ':monthname' in"
                        + " '/:sections/:year/:monthname/:slug/'; valid tokens: :year, :month, :day, :section, :sections,"
                        + " :slug, :filename, :slugorfilename, :title",
                errors.get(0));
        assertError(
                "arshif.yml:3:7: error: permalink '/:year/:month/' has none of :slug, :filename, :slugorfilename or"
                        + " :title",
                errors.get(1),
                "for example ar: /:sections/:year/:month/:day/:slug/");
    }

    @Test
    void aSectionFolderNamedLikeAPageTheSiteMakesIsReported() {
        List<String> errors = errors(site("section-folder-reserved"));
        assertEquals(1, errors.size(), errors::toString);
        assertEquals(
                "content/ar/tags/2015-07-21-0001.md:1:1: error: the folder 'tags' is a section, and its page"
                        + " /ar/tags/ would take the place of the site's own tags page; rename the folder (reserved: archive,"
                        + " page, search, sections, tags)",
                errors.get(0));
    }

    @Test
    void slugsAndAliasesThatWouldEscapeTheOutputFolder() {
        List<String> errors = errors(site("slug-escape"));
        assertEquals(3, errors.size(), errors::toString);
        assertError("content/en/2017-05-01-a.md:3:1: error: slug '../x' would leave its folder", errors.get(0));
        assertError("content/en/2017-05-01-b.md:3:1: error: slug '/etc/passwd' would leave its folder", errors.get(1));
        // The second item of the aliases list, on line 5.
        assertError(
                "content/en/2017-05-01-c.md:5:5: error: alias '/en/../../outside/' would leave the site folder",
                errors.get(2));
        assertFalse(Files.exists(tmp.resolve("x")));
        assertFalse(Files.exists(tmp.resolve("outside")));
    }

    @Test
    void anAliasOntoAFileTheSiteWrites() {
        // /ar/feed.xml as an alias is the folder ar/feed.xml/ with an index.html, where the feed is a file.
        List<String> errors = errors(site("alias-onto-a-file"));
        assertEquals(
                List.of("content/ar/2017-05-01-feed.md:3:1: error: this dispatch's URL or alias collides with"
                        + " /ar/feed.xml, a page the site generates; change its slug or alias"),
                errors);
    }

    @Test
    void emptyFiles() {
        List<String> errors = errors(site("empty-file"));
        assertEquals(
                List.of(
                        "content/en/2017-05-01-blank.md:1:1: error: the file is empty; write a dispatch in it or delete it",
                        "content/en/2017-05-01-empty.md:1:1: error: the file is empty; write a dispatch in it or delete it"),
                errors);
    }

    @Test
    void anEmptyTitleIsReportedAtItsKey() {
        // 67 imported articles had title: "", reported at path:1:1, far from the key.
        assertEquals(
                List.of("content/ar/0001.md:2:1: error: 'title' is empty; write the headline in it, like"
                        + " title: \"...\", or remove it and start the text with '# Title'"
                        + HostileInputSitesTest.HUGO_EMPTY_TITLE),
                errors(site("empty-title")));
    }

    @Test
    void invalidUtf8() throws IOException {
        Path root = tmp.resolve("invalid-utf8");
        // Latin-1 é (0xE9) where UTF-8 was expected, and a truncated Arabic letter (0xD8 without its second byte).
        Trees.write(
                root.resolve("content/en/2017-05-01-latin1.md"),
                concat("---\ntitle: Caf", new byte[] {(byte) 0xE9}, " au lait\n---\n\nText.\n"));
        Trees.write(
                root.resolve("content/ar/2017-05-01-cut.md"),
                concat("---\ntitle: عنوان ", new byte[] {(byte) 0xD8}, "\n---\n\nنص.\n"));

        List<String> errors = errors(root);
        assertEquals(
                List.of(
                        "content/ar/2017-05-01-cut.md:2:14: error: the file is not valid UTF-8 (bad byte 0xD8 at byte offset 22);"
                                + " save it as UTF-8",
                        "content/en/2017-05-01-latin1.md:2:11: error: the file is not valid UTF-8 (bad byte 0xE9 at byte offset 14);"
                                + " it reads as Western text in Windows-1252 (Latin-1), as older editors and newsroom"
                                + " systems save: convert it to UTF-8, for example with iconv -f WINDOWS-1252 -t UTF-8"
                                + " FILE > NEW, or save it as UTF-8"),
                errors);
    }

    @Test
    void aTwentyMegabyteFile() throws IOException {
        Path root = tmp.resolve("huge");
        Trees.write(root.resolve("content/en/2017-05-01-fine.md"), "# Fine\n\nText.\n");
        byte[] huge = new byte[20 * 1024 * 1024];
        Arrays.fill(huge, (byte) 'a');
        byte[] head = "# Huge\n\n".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, huge, 0, head.length);
        Trees.write(root.resolve("content/en/2017-05-01-huge.md"), huge);

        List<String> errors = errors(root);
        assertEquals(
                List.of("content/en/2017-05-01-huge.md:1:1: error: the file is 20.0 MB, over the 8.0 MB limit for"
                        + " one dispatch; split it, or raise maxFileSize in arshif.yml"),
                errors);
    }

    @Test
    void templateIncludingAMissingTemplate() {
        List<String> errors = errors(site("missing-template"));
        assertEquals(1, errors.size(), errors::toString);
        assertError(
                "templates/article.ftlh:4:1: error: template error: <#include \"parts/byline.ftlh\">: no template"
                        + " parts/byline.ftlh in templates/ or in the built-in theme",
                errors.get(0),
                "correct it, or add the file");
    }

    @Test
    void requiredTemplateThatDoesNotExist(@TempDir Path templates) {
        PageRenderer.RenderException e = assertThrows(
                PageRenderer.RenderException.class,
                () -> new PageRenderer(new Theme(templates, templates, new org.arshif.diag.Diagnostics()))
                        .render("removed.ftlh", Map.of()));
        assertEquals(
                "templates/removed.ftlh: error: template 'removed.ftlh' not found in templates/ or in the built-in"
                        + " theme; add it, or restore the file",
                e.diagnostic().format());
    }

    @Test
    void templateSyntaxErrorNamesTheTemplateAndItsLine() {
        List<String> errors = errors(site("template-syntax"));
        // Reported once, although every list page uses the template.
        assertEquals(1, errors.size(), errors::toString);
        assertError("templates/list.ftlh:8:1: error: template syntax error: ", errors.get(0), "</@layout.html>", "#if");
    }

    @Test
    void aMisspeltNameInATemplateGetsTheNameItMeant() {
        String missing = ": error: template error: The following has evaluated to null or missing: ==> ";
        assertEquals(
                List.of(
                        // a name like none of the page's: the page's names are the choice
                        "templates/404.ftlh:2:6" + missing + "nosuchthing  [in template \"404.ftlh\" at line 2,"
                                + " column 6]; this page has no such name: its names are compact, notfound, page",
                        "templates/article.ftlh:1:7" + missing + "article.titel  [in template \"article.ftlh\" at"
                                + " line 1, column 7]; did you mean 'article.title'?",
                        "templates/list.ftlh:2:44" + missing + "list.tag  [in template \"list.ftlh\" at line 2,"
                                + " column 44]; it has no value on this page: test it first with <#if list.tag??>, or"
                                + " put the whole expression in ( )! for an empty default",
                        "templates/robots.ftl:4:12" + missing + "sitemapp  [in template \"robots.ftl\" at line 4,"
                                + " column 12]; did you mean 'sitemap'?"),
                errors(site("template-misspelt-name")));
    }

    @Test
    void aTemplateThatRunsAProgram() {
        // Freemarker's Execute ran `id` and wrote uid=0(root) into robots.txt; ?new now instantiates nothing.
        assertEquals(
                List.of("templates/robots.ftl:2:1: error: template error: Instantiating"
                        + " freemarker.template.utility.Execute is not allowed in the template for security reasons."),
                errors(site("template-runs-a-program")));
    }

    @Test
    void aTemplateThatAsksForTheJavaObjectsBehindAValue() {
        // FreeMarker's own words told the reader to "set api_builtin_enabled to true", which no template can do
        assertEquals(
                List.of("templates/article.ftlh:2:7: error: template error: ?api is not available in templates (the"
                        + " sandbox refuses it); read the value's fields as the page gives them, e.g."
                        + " ${article.title}"),
                errors(site("template-uses-api")));
    }

    @Test
    void aTemplateThatIncludesOneThatIsNotThere() {
        String error = ": error: template error: ";
        assertEquals(
                List.of(
                        "templates/article.ftlh:2:1" + error + "<#include \"/partials/nav.ftlh\">: no template"
                                + " partials/nav.ftlh in templates/ or in the built-in theme; a name is read from"
                                + " templates/ (with or without a leading /): correct it, or add the file",
                        "templates/list.ftlh:2:1" + error + "<#import \"../macros.ftl\">: a template name cannot"
                                + " leave templates/; name a file under templates/ or one of the built-in theme's"),
                errors(site("template-includes-missing")));
    }

    @Test
    void aMacroThatCallsItselfWithoutEnd() {
        // Stopped 500 deep, named at the call that repeats (<@again n + 1/>), not at the macro's first line.
        assertEquals(
                List.of("templates/robots.ftl:2:17: error: template error: directives nest more than 500 deep"
                        + " here; does a macro or function call itself without end?"),
                errors(site("template-recursion")));
    }

    @Test
    void anExpressionThatEvaluatesItselfWithoutEnd() {
        // No directive between the evaluations, so the depth count never sees them: the stack overflows instead.
        assertEquals(
                List.of("templates/robots.ftl:2:31: error: template error: the page ran out of stack here; does a"
                        + " macro, function or ?eval call itself without end?"),
                errors(site("template-eval-recursion")));
    }

    @Test
    void aListWithoutEnd() {
        assertEquals(
                List.of("templates/robots.ftl:3:1: error: template error: the page passed 64 MiB of output"
                        + " (67,108,864 characters); does a loop never end, or a string keep growing?"),
                errors(site("template-endless-list")));
    }

    @Test
    void errorsInDifferentFilesAreAllReportedInOneRun() {
        List<String> errors = errors(site("many-errors"));
        assertEquals(5, errors.size(), errors::toString);
        assertError("arshif.yml:3:11: error: 'pageSize' must be a whole number", errors.get(0));
        assertError("content/ar/2017-05-01-b.md:3:1: error: unknown language 'fr'", errors.get(1));
        assertError("content/en/2017-05-01-a.md:3:1: error: malformed YAML", errors.get(2));
        assertError("content/en/c.md:3:7: error: 'date' \"2017-13-45\" is not a valid date", errors.get(3));
        assertError(
                "content/tags.yml:4:1: error: tag key 'Bad Key' is not a clean URL slug", errors.get(4), "'bad-key'");
    }

    @Test
    void misspelledKeysNameTheKeyTheyMeant() {
        Path root = site("misspelled-keys");
        assertEquals(
                List.of(
                        "arshif.yml:2:1: error: unknown configuration key 'tilte'; did you mean 'title'?",
                        "arshif.yml:3:1: error: unknown configuration key 'langauges'; did you mean 'languages'?",
                        "content/tags.yml:3:3: error: unknown key 'mtach' in tag 'economy'; did you mean 'match'?"),
                errors(root));
        // Front-matter keys of a site's own reach templates, so there a near miss is a warning, not an error.
        Trees.write(root.resolve("arshif.yml"), "pageSize: 5\n");
        Trees.write(root.resolve("content/tags.yml"), "economy:\n  en: Economy\n");
        List<String> warnings = arshif(root).check().findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains("front-matter"))
                .toList();
        assertEquals(
                List.of(
                        "content/en/2017-05-01-markets.md:3:1: warning: unknown front-matter key 'tgas' (kept for templates);"
                                + " did you mean 'tags'?",
                        "content/en/2017-05-01-markets.md:4:1: warning: unknown front-matter key 'sumary' (kept for"
                                + " templates); did you mean 'summary'?"),
                warnings);
    }

    @Test
    void aFailedBuildLeavesThePreviousSiteUntouched() throws IOException {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Path out = tmp.resolve("out");
        arshif(root).build();
        SortedMap<String, byte[]> before = Trees.read(out);
        Map<String, java.nio.file.attribute.FileTime> times = new java.util.TreeMap<>();
        for (String f : before.keySet()) {
            times.put(f, Files.getLastModifiedTime(out.resolve(f)));
        }
        assertTrue(before.size() > 40);

        // A content error: found before anything is written.
        Trees.write(root.resolve("content/en/2017-05-03-broken.md"), "---\ntitle: [broken\n---\nText.\n");
        assertThrows(ContentException.class, () -> arshif(root).build());
        assertUnchanged(before, times, out);

        // A template error: found while rendering into the staging folder, which must then be dropped.
        Files.delete(root.resolve("content/en/2017-05-03-broken.md"));
        Trees.write(
                root.resolve("templates/article.ftlh"), "<#import \"base.ftlh\" as layout>\n${article.noSuchField}\n");
        ContentException e =
                assertThrows(ContentException.class, () -> arshif(root).build());
        assertError(
                "templates/article.ftlh:2:3: error: template error:",
                e.errors().get(0).format(),
                "noSuchField");
        assertUnchanged(before, times, out);
    }

    private void assertUnchanged(
            SortedMap<String, byte[]> before, Map<String, java.nio.file.attribute.FileTime> times, Path out)
            throws IOException {
        assertEquals(java.util.Optional.empty(), firstDifference(before, Trees.read(out)));
        for (var t : times.entrySet()) {
            assertEquals(t.getValue(), Files.getLastModifiedTime(out.resolve(t.getKey())), t.getKey());
        }
        // Nothing left beside the output: no staging folder, no old copy.
        assertEquals(List.of("out", "src"), Trees.list(tmp));
    }

    private static java.util.Optional<String> firstDifference(
            SortedMap<String, byte[]> a, SortedMap<String, byte[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return java.util.Optional.of("files differ: " + a.keySet() + " vs " + b.keySet());
        }
        for (var e : a.entrySet()) {
            if (!Arrays.equals(e.getValue(), b.get(e.getKey()))) {
                return java.util.Optional.of(
                        e.getKey() + ": " + Trees.firstDifferentLine(e.getValue(), b.get(e.getKey())));
            }
        }
        return java.util.Optional.empty();
    }

    private static byte[] concat(String before, byte[] middle, String after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(before.getBytes(StandardCharsets.UTF_8));
        out.write(middle);
        out.write(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
