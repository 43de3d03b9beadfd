package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives moved from other systems, round three (fixtures under {@code src/test/resources/sites/messy/}): what
 * they mean is read as they meant it, or named at its line.
 */
class RoundThreeFindingsTest {
    private static final Pattern PUBLISHED = Pattern.compile("\"datePublished\":\"([^\"]+)\"");

    @TempDir
    Path tmp;

    private Arshif.Builder site(String name, Path out) {
        Path root = Trees.copy(Trees.site("messy").resolve(name), tmp.resolve(name));
        return Arshif.builder().siteRoot(root).output(out).clock(InvalidSitesTest.CLOCK);
    }

    /** A site written in the test, built at the fixtures' clock. */
    private static BuildReport build(Path root, Path out) {
        return SiteBuilds.at(root, out).build();
    }

    private static String datePublished(Path page) throws Exception {
        Matcher m = PUBLISHED.matcher(Files.readString(page, StandardCharsets.UTF_8));
        assertTrue(m.find(), page::toString);
        return m.group(1);
    }

    @Test
    void datesAsJekyllWordPressAndRssExportThemAreRead() throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = site("exported-dates", out).build().build();
        assertEquals(
                List.of(),
                report.findings().stream().filter(Diagnostic::isError).toList());
        assertEquals("2017-05-01T10:00:00+03:00", datePublished(out.resolve("en/2017/05/jekyll/index.html")));
        assertEquals("2017-05-02T10:00:00+03:00", datePublished(out.resolve("en/2017/05/wordpress/index.html")));
        assertEquals("2017-05-03T10:00:00Z", datePublished(out.resolve("en/2017/05/utc/index.html")));
        assertEquals("2017-05-04T10:00:00+03:00", datePublished(out.resolve("en/2017/05/rss/index.html")));
        // 'lang: en-US' is English: a region after the language, as exporters write it
        assertEquals("2017-05-05T10:00:00+03:00", datePublished(out.resolve("en/2017/05/region/index.html")));
    }

    @Test
    void aPublishDateAfterTheDateKeepsTheDispatchBackAsHugoDoes() throws Exception {
        Path out = tmp.resolve("out");
        site("hugo-embargo", out).build().build();
        assertFalse(Files.exists(out.resolve("en/2017/05/embargoed")), "held back until its publishDate");
        String month = Files.readString(out.resolve("en/2017/05/index.html"), StandardCharsets.UTF_8);
        assertFalse(month.contains("Embargoed"), "not listed either");
        // once published, a dispatch is dated by its date, whatever its publishDate
        assertEquals("2017-05-02T00:00:00Z", datePublished(out.resolve("en/2017/05/released/index.html")));
        assertEquals("2017-05-03T00:00:00Z", datePublished(out.resolve("en/2017/05/earlier/index.html")));

        Path future = tmp.resolve("future");
        site("hugo-embargo", future).future(true).build().build();
        assertEquals("2017-05-01T00:00:00Z", datePublished(future.resolve("en/2017/05/embargoed/index.html")));

        List<String> notices = site("hugo-embargo", tmp.resolve("checked")).build().check().findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains("scheduled"))
                .toList();
        assertEquals(
                List.of("content/en/2017-05-01-embargoed.md:4:1: notice: scheduled: publishDate 2017-07-01T06:00Z"
                        + " (dated 2017-05-01T00:00Z), so builds leave it out until then (future=true includes it)"),
                notices);
    }

    private static String page(Path out, String path) throws Exception {
        return Files.readString(out.resolve(path + "/index.html"), StandardCharsets.UTF_8);
    }

    private static List<String> warnings(BuildReport report) {
        return report.findings().stream()
                .map(Diagnostic::format)
                .filter(f -> f.contains(": warning: "))
                .toList();
    }

    @Test
    void otherWiresHeadersAndEndMarkersAreNotPublishedAsText() throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = site("wire-marks", out).build().build();
        assertEquals(List.of(), warnings(report), "every end recognised: no 'no agency footer' warning");
        String reuters = "<h1>Syria talks resume in Astana</h1>";
        for (String slug : List.of("ends", "nnnn", "flash", "slug")) {
            String html = page(out, "en/2017/05/" + slug);
            assertTrue(html.contains(reuters), slug + ": the headline, not a header line");
            assertTrue(html.contains("<bdi>DAMASCUS</bdi>"), slug + ": the Reuters dateline read (NNNN is SPA's too)");
            assertTrue(html.contains("<p>A second paragraph of text.</p>"), slug);
            for (String mark : List.of("(ends)", "NNNN", "FLASH", "-30-", "BC-ML", "Editing by")) {
                assertFalse(html.contains(mark), slug + " publishes " + mark);
            }
        }
        // a marker with a paragraph after it is text: only the one that closes the story is cut
        String mid = page(out, "en/2017/05/mid");
        assertTrue(mid.contains("<p>###</p>") && mid.contains("after the break"), mid);
        assertFalse(mid.contains("-ends-"), mid);

        String initials = page(out, "ar/2017/05/initials");
        assertFalse(initials.contains("النهاية") || initials.contains("ع ف ع"), "the end marker and initials cut");
        String urgent = page(out, "ar/2017/05/ajel");
        assertTrue(urgent.contains("<h1>بوتين يبحث مع روحاني"), "the headline under the priority line");
        assertFalse(urgent.contains("عاجل") || urgent.contains("انتهى"), "the priority line and marker cut");
        // Persian digits (۵ ۲۰۱۷) in a dateline date it, as Arabic-Indic ones do
        String persian = page(out, "ar/2017/05/persian-digits");
        assertTrue(persian.contains("<bdi>عمان</bdi>") && !persian.contains("(انتهى)"), persian);
    }

    @Test
    void hugosNamingAndTagsWrittenAsOneTextAreNamed() throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = site("hugo-naming", out).build().build();
        assertEquals(
                List.of(
                        "content/ar/2017-05-03-naft.md:3:7: warning: 'tags' is one text with commas, so it is one"
                                + " item, 'سوريا، نفط'; if it lists several, write them as a list: tags: [سوريا, نفط]"
                                + " (in TOML front-matter tags = [\"سوريا\", \"نفط\"])",
                        "content/en/2017-05-01-fair.ar.md:1:1: warning: the file name ends in '.ar', Hugo's naming"
                                + " for a dispatch in ar, but it is in content/en/, so it is published in en; move it"
                                + " to content/ar/ if it is ar, else remove '.ar' from its name",
                        "content/en/2017-05-02-oil.md:3:7: warning: 'tags' is one text with commas, so it is one"
                                + " item, 'syria, oil, gas'; if it lists several, write them as a list: tags: [syria,"
                                + " oil, gas] (in TOML front-matter tags = [\"syria\", \"oil\", \"gas\"])"),
                warnings(report).stream().sorted().toList());
        // published as written, where the warnings say
        assertTrue(Files.isDirectory(out.resolve("en/2017/05/fair")));
        assertTrue(Files.isDirectory(out.resolve("en/tags/syria-oil-gas")));
    }

    @Test
    void aLinkPublishedEmptyForItsSchemeIsNamedAndAPhoneNumberIsKept() throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = site("link-schemes", out).build().build();
        String script = " runs a script, which pages never do: it is published as an empty link; point it at an"
                + " https:// address, or write the address as text";
        assertEquals(
                List.of(
                        "content/en/2017-05-01-links.md:8:10: warning: link 'javascript:alert(1)'" + script,
                        "content/en/2017-05-01-links.md:8:51: warning: link 'JavaScript:alert(2)'" + script,
                        "content/en/2017-05-01-links.md:9:1: warning: link 'ftp://ftp.example.org/2017/statement.txt'"
                                + " uses 'ftp:', which pages do not link to (they keep http, https, mailto and tel):"
                                + " it is published as an empty link; point it at an https:// address, or write"
                                + " the address as text",
                        "content/en/2017-05-01-links.md:11:3: warning: link"
                                + " 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==' is a 'data:' address,"
                                + " which browsers refuse to open from a link: it is published as an empty link; point"
                                + " it at an https:// address, or write the address as text",
                        "content/en/2017-05-01-links.md:12:31: warning: image 'data:text/html,hello' is data of"
                                + " another type than an image: it is published as an empty image; point it at an"
                                + " https:// address, or write the address as text"),
                warnings(report));
        String html = page(out, "en/2017/05/links");
        assertTrue(html.contains("src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\""), "an image's data is kept");
        assertFalse(html.contains("data:text/html"), html);
        assertTrue(html.contains("<a href=\"tel:+963111234567\">"), "a phone number's link is kept");
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("javascript:alert(1)\""), html);
    }

    @Test
    void oneArabicWordWithTatweelHarakatOrPresentationFormsIsOneTag() throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = site("arabic-tag-forms", out).build().build();
        // سوريّة, سـورية and ﺳﻮﺭﻳﺔ are the vocabulary's سورية; only the free tag نفط is outside it, in three forms
        List<String> outside = warnings(report).stream()
                .map(w -> w.substring(w.indexOf("tag '") + 5, w.indexOf("' is not in the vocabulary")))
                .toList();
        assertEquals(List.of("نفط", "نـفـط", "نِفْط"), outside);
        try (var tags = Files.list(out.resolve("ar/tags"))) {
            assertEquals(
                    List.of("index.html", "syria", "نفط"),
                    tags.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String syria = page(out, "ar/tags/syria");
        for (String slug : List.of("a", "b")) {
            assertTrue(syria.contains("/ar/2017/05/" + slug + "/"), slug + " is tagged with the vocabulary's سورية");
        }
        String oil = page(out, "ar/tags/نفط");
        assertTrue(oil.contains("/ar/2017/05/c/") && oil.contains("/ar/2017/05/d/"), oil);
    }

    @Test
    void frontMatterThatDoesNotOpenTheFileIsNamedNotCalledNoTitle() {
        Path root = tmp.resolve("fences");
        String fm = "title: T\ndate: 2017-05-01\n";
        Trees.write(root.resolve("content/en/bom.md"), "\uFEFF\uFEFF---\n" + fm + "---\n\nText.\n");
        Trees.write(root.resolve("content/en/blank.md"), "\n\n---\n" + fm + "---\n\nText.\n");
        Trees.write(root.resolve("content/en/four.md"), "----\n" + fm + "----\n\nText.\n");
        Trees.write(root.resolve("content/en/spaced.md"), "--- \n" + fm + "---\t\n\nText.\n");
        // a rule, then a paragraph that starts like a key: no front-matter meant, and none reported
        Trees.write(root.resolve("content/en/2017-05-01-rule.md"), "\n---\n\nUpdate: the text.\n");
        InvalidSitesTest invalid = new InvalidSitesTest();
        invalid.tmp = tmp;
        String late =
                ", but front-matter must open the file; delete what comes before it, else its keys are read as text";
        assertEquals(
                List.of(
                        "content/en/2017-05-01-rule.md:1:1: error: no title: add 'title: ...' to the front-matter"
                                + " or start the text with '# Title'" + HostileInputSitesTest.HUGO_EMPTY_TITLE,
                        "content/en/blank.md:1:1: error: the front-matter's '---' is on line 3" + late,
                        "content/en/bom.md:1:1: error: the front-matter's '---' comes after an invisible byte-order mark"
                                + " (U+FEFF, a second one, or one pasted in)" + late,
                        "content/en/four.md:1:1: error: the file opens with '----', but front-matter opens with exactly"
                                + " three: '---' (YAML) or '+++' (TOML); write three, and close it with the same"),
                invalid.errors(root));
    }

    @Test
    void oneSiteTitleAsHugosConfigWritesItIsEveryLanguagesTitle() throws Exception {
        Path root = tmp.resolve("titled");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://desk.example/\ntitle: The Desk Archive\n");
        Trees.write(root.resolve("content/en/2017-05-01-a.md"), "---\ntitle: A\n---\n\nText.\n");
        Trees.write(root.resolve("content/ar/2017-05-01-b.md"), "---\ntitle: ب\n---\n\nنص.\n");
        Path out = tmp.resolve("out");
        SiteBuilds.at(root, out).build();
        for (String lang : List.of("en", "ar")) {
            String home = page(out, lang);
            assertTrue(home.contains("<title>The Desk Archive</title>"), lang + ": " + home.substring(0, 600));
        }
    }

    @Test
    void datesWithAWeekdayTheCalendarInWordsOrBothCalendarsAreRead() throws Exception {
        Path root = tmp.resolve("written");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://desk.example/\nlanguages: [ar]\n");
        List<String> dates = List.of(
                "الخميس 4 أيار 2017",
                "Thursday, 4 May 2017",
                "7 شعبان 1438 هجري",
                "4 أيار 2017 ميلادي",
                "7 شعبان 1438 هـ الموافق 4 أيار 2017 م",
                "7 شعبان 1438 هـ الموافق 24 أيار 2017 م");
        for (int i = 0; i < dates.size(); i++) {
            Trees.write(
                    root.resolve("content/ar/d" + i + ".md"),
                    "---\ntitle: ت" + i + "\ndate: \"" + dates.get(i) + "\"\n---\n\nنص.\n");
        }
        Path out = tmp.resolve("out");
        BuildReport report = build(root, out);
        List<String> days = List.of("2017-05-04", "2017-05-04", "2017-05-03", "2017-05-04", "2017-05-04", "2017-05-24");
        for (int i = 0; i < dates.size(); i++) {
            assertEquals(
                    days.get(i) + "T00:00:00Z",
                    datePublished(out.resolve("ar/2017/05/d" + i + "/index.html")),
                    dates.get(i));
        }
        assertEquals(
                List.of("content/ar/d5.md:3:7: warning: 'date' \"7 شعبان 1438 هـ الموافق 24 أيار 2017 م\": its Hijri"
                        + " date is 2017-05-03 and its Gregorian one 2017-05-24, 21 days apart; the Gregorian one is"
                        + " used: correct the one that is wrong"),
                warnings(report));
    }

    @Test
    void pagesJekyllOrWordPressKeptOffTheSiteStayOff() throws Exception {
        Path root = tmp.resolve("exported");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://desk.example/\nlanguages: [en]\n");
        String[][] files = {
            {"2017-05-01-unpublished", "published: false"},
            {"2017-05-02-wp-draft", "status: draft"},
            {"2017-05-03-wp-public", "status: publish"},
            {"2017-05-04-published", "published: true"}
        };
        for (String[] f : files) {
            Trees.write(root.resolve("content/en/" + f[0] + ".md"), "---\ntitle: T\n" + f[1] + "\n---\n\nText.\n");
        }
        Path out = tmp.resolve("out");
        BuildReport report = build(root, out);
        String end = " way to keep a page off the site): not published; write draft: true, the key Arshif reads, to see"
                + " it in a preview with the drafts";
        assertEquals(
                List.of(
                        "content/en/2017-05-01-unpublished.md:3:1: warning: 'published: false' (Jekyll's" + end,
                        "content/en/2017-05-02-wp-draft.md:3:1: warning: 'status: draft' (a WordPress export's" + end),
                warnings(report));
        assertFalse(Files.exists(out.resolve("en/2017/05/unpublished")));
        assertFalse(Files.exists(out.resolve("en/2017/05/wp-draft")));
        assertTrue(Files.isDirectory(out.resolve("en/2017/05/wp-public")));
        assertTrue(Files.isDirectory(out.resolve("en/2017/05/published")));
    }

    @Test
    void hugosCascadeIsAppliedAsHugoAppliesIt() throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = site("hugo-cascade", out).build().build();
        assertEquals(
                List.of("content/en/news/_index.md:14:5: warning: Hugo's build options in '_build' (list, render) are"
                        + " not followed: the dispatch is published and listed as any other; to keep it off the site,"
                        + " set draft: true, or render: never"),
                report.findings().stream().map(Diagnostic::format).toList());
        assertFalse(Files.exists(out.resolve("en/drafts/2017/05/unfinished")), "a draft by its section's cascade");
        assertFalse(Files.exists(out.resolve("en/drafts/2017/05/half")), "a draft by its section's cascade");
        assertTrue(Files.isDirectory(out.resolve("en/drafts/2017/05/ready")), "its own draft: false wins");
        assertFalse(Files.exists(out.resolve("ar/embargo/2017/05/hold")), "held back until the cascaded publishDate");

        String open = page(out, "en/news/2017/05/open");
        assertTrue(open.contains("\"keywords\":\"world\""), "tagged by the /news/** entry");
        assertTrue(open.contains("News desk"), "its author cascaded");
        String fair = page(out, "en/news/local/2017/05/fair");
        assertTrue(fair.contains("\"keywords\":\"local\""), "the nearest section page's tags win");
        assertTrue(fair.contains("News desk"), "the key the nearest does not give comes from the one above");
        assertTrue(page(out, "en/news/2017/05/own").contains("\"keywords\":\"harbour\""), "its own tags win");
        assertTrue(page(out, "en/tags/world").contains("/en/news/2017/05/open/"), "a cascaded tag has its page");
        assertFalse(page(out, "en/tags/world").contains("/fair/"), "not for a dispatch whose nearer section tags it");

        // _index.ar.md is the Arabic dispatches' section page, _index.md the others'; _target lang: ar is theirs alone
        String arabic = page(out, "ar/2017/05/port");
        assertTrue(arabic.contains("\"keywords\":\"برقيات\""), arabic);
        assertTrue(arabic.contains("Desk wire"), "the top section page's entry for lang ar");
        String english = page(out, "en/2017/05/port");
        assertTrue(english.contains("\"keywords\":\"wires\""), english);
        assertFalse(english.contains("Desk wire"), "not an Arabic dispatch");

        Path later = tmp.resolve("later");
        Arshif.builder()
                .siteRoot(tmp.resolve("hugo-cascade"))
                .output(later)
                .clock(java.time.Clock.fixed(java.time.Instant.parse("2017-09-02T00:00:00Z"), java.time.ZoneOffset.UTC))
                .build()
                .build();
        assertTrue(
                Files.isDirectory(later.resolve("ar/embargo/2017/05/hold")), "published once its section's date came");
    }

    @Test
    void aMalformedCascadeIsNamedAtItsLineAndColumnAndACascadedKeyAsTheDispatchsOwnWouldBe() {
        Path root = tmp.resolve("malformed");
        Trees.write(root.resolve("arshif.yml"), "baseUrl: https://desk.example/\nlanguages: [ar, en]\n");
        for (String section : List.of("a", "b", "c", "d", "e")) {
            Trees.write(
                    root.resolve("content/en/" + section + "/2017-05-01-" + section + ".md"),
                    "---\ntitle: Story " + section + "\ndate: 2017-05-01\n---\nText.\n");
        }
        Trees.write(root.resolve("content/en/a/_index.md"), "---\ntitle: A\ncascade: draft\n---\n");
        Trees.write(
                root.resolve("content/en/b/_index.md"),
                "---\ntitle: B\ncascade:\n  - _target:\n      path: \"{/b\"\n    tags: [x]\n---\n");
        Trees.write(
                root.resolve("content/en/c/_index.md"),
                "---\ntitle: C\ncascade:\n  - _target:\n      kind: section\n    tags: [x]\n  - target:\n"
                        + "      environment: development\n      weight: 3\n    tags: [y]\n---\n");
        Trees.write(
                root.resolve("content/en/d/_index.md"),
                "---\ntitle: D\ncascade:\n  draft: maybe\n  tags: {a: b}\n---\n");
        Trees.write(root.resolve("content/en/e/_index.md"), "---\ntitle: E\ncascade: [\n---\n");
        ContentException e = assertThrows(ContentException.class, () -> build(root, tmp.resolve("out")));
        assertEquals(
                List.of(
                        "content/en/a/_index.md:3:10: error: Hugo's cascade must be a mapping of front-matter keys to"
                                + " values (like draft: true on a line of its own, indented under it), or a list of"
                                + " them, each with an optional _target; this is a string, so nothing of it is applied",
                        "content/en/b/_index.md:5:13: error: Hugo's cascade '_target' path '{/b' is not a glob: a '{'"
                                + " is never closed with '}'; write one like '/news/**' or '{/news,/news/**}'",
                        "content/en/c/_index.md:5:13: warning: this cascade is for kind 'section', which does not match"
                                + " 'page': no dispatch is of that kind (each is a page), so it is applied to no"
                                + " dispatch; give it kind: 'page' or delete this entry",
                        "content/en/c/_index.md:8:20: warning: this cascade is for environment 'development', which"
                                + " does not match 'production': Arshif builds as Hugo's production environment does,"
                                + " so it is applied to no dispatch; give it environment: 'production' or delete this"
                                + " entry",
                        "content/en/c/_index.md:9:7: warning: 'weight' is not a key of Hugo's cascade 'target' (those"
                                + " are environment, kind, lang and path), so it is not followed; delete it",
                        // the words of the same keys in a dispatch's own front-matter, once for the two dispatches
                        "content/en/d/_index.md:4:10: error: 'draft' must be true or false, but it is \"maybe\"",
                        "content/en/d/_index.md:5:9: error: 'tags' must be a list, like tags: [a, b], but it is a"
                                + " mapping",
                        "content/en/e/_index.md:4:1: error: malformed YAML: expected the node content, but found"
                                + " '<stream end>' (while parsing a flow node); check indentation and quote values that"
                                + " contain ': ' or start with a special character (a section page above dispatches:"
                                + " the cascade it may hand them cannot be read; fix its front-matter, or delete the"
                                + " file if it hands them nothing)"),
                e.diagnostics().stream().map(Diagnostic::format).toList());
    }

    @Test
    void twoTagsOfOneNameAreNamedAtTheLaterOne() throws Exception {
        Path out = tmp.resolve("out");
        Arshif.Builder builder = site("exported-dates", out);
        Trees.write(
                tmp.resolve("exported-dates/content/tags.yml"),
                "syria:\n  en: Syria\nsyrie:\n  en: Syria\nlevant:\n  en: Syrie\n");
        assertEquals(
                List.of(
                        "content/tags.yml:4:3: warning: tag 'syrie' is named 'Syria' (en), as tag 'syria' is keyed, so a"
                                + " dispatch tagged 'Syria' goes to 'syria'; merge the two tags, or give this one a name"
                                + " of its own",
                        "content/tags.yml:6:3: warning: tag 'levant' is named 'Syrie' (en), as tag 'syrie' is keyed,"
                                + " so a dispatch tagged 'Syrie' goes to 'syrie'; merge the two tags, or give this one a"
                                + " name of its own"),
                warnings(builder.build().build()).stream()
                        .filter(w -> w.startsWith("content/tags.yml"))
                        .toList());
    }

    @Test
    void aFileNamedInArabicPresentationFormsKeepsItsUrlWithAWarning() throws Exception {
        Path out = tmp.resolve("out");
        Arshif.Builder builder = site("arabic-tag-forms", out);
        Trees.write(
                tmp.resolve("arabic-tag-forms/content/ar/2017-05-05-\uFEB3\uFEEE\uFEAD\uFEF3\uFE8E.md"),
                "---\ntitle: خبر عن سوريا\n---\nنص.\n");
        List<String> named = warnings(builder.build().build()).stream()
                .filter(w -> w.contains("presentation forms"))
                .toList();
        assertEquals(
                List.of("content/ar/2017-05-05-\uFEB3\uFEEE\uFEAD\uFEF3\uFE8E.md:1:1: warning: slug"
                        + " '\uFEB3\uFEEE\uFEAD\uFEF3\uFE8E' is written in Arabic presentation forms (text copied"
                        + " out of a PDF), so its URL is not the one the same word typed gives, 'سوريا'; rename the"
                        + " file with the letters typed"),
                named);
        assertTrue(Files.isDirectory(out.resolve("ar/2017/05/\uFEB3\uFEEE\uFEAD\uFEF3\uFE8E")), "its URL as it was");
    }
}
