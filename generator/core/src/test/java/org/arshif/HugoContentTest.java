package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.arshif.diag.ContentException;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hugo site's content, in Hugo's documented forms (TOML, YAML and JSON front-matter, {@code .markdown},
 * {@code <!--more-->}, authors, categories, publishDate, expiryDate, url), builds unchanged with the right pages.
 */
class HugoContentTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path tmp;

    static BuildReport report;

    @BeforeAll
    static void build() {
        Path root = Trees.copy(Trees.site("hugo-content"), tmp.resolve("src"));
        report = Arshif.builder()
                .siteRoot(root)
                .output(tmp.resolve("out"))
                .clock(CLOCK)
                .build()
                .build();
    }

    static String page(String sitePath) throws IOException {
        return Files.readString(tmp.resolve("out").resolve(sitePath), StandardCharsets.UTF_8);
    }

    @Test
    void everyDispatchIsReadWithNoFindingAndTheExpiredOneIsLeftOut() {
        // The one notice: the build names what it left out (check names each at its expiryDate).
        assertEquals(
                List.of("content/en/expired-notice.md:4:1: notice: expired: content/en/expired-notice.md was left out"
                        + " because its expiryDate (2024-01-20T00:00Z) has passed, as Hugo does; drafts=true builds"
                        + " expired dispatches; delete expiryDate to keep one in the archive (check names each)"),
                report.findings().stream().map(Diagnostic::format).toList());
        assertEquals(Map.of("ar", 1, "en", 3), report.pagesPerLanguage(), report.summary());
        assertFalse(Files.exists(tmp.resolve("out/en/2024/01/expired-notice")), "expiryDate 2024-01-20 has passed");
    }

    @Test
    void tomlFrontMatterWithAuthorsCategoriesKeywordsAndTheMoreDivider() throws IOException {
        String html = page("en/2024/02/toml-example/index.html");
        assertTrue(html.contains("<h1>Trade fair opens in Damascus</h1>"), html);
        // 04:14:54-08:00 is 12:14:54 UTC, still 2 February.
        assertTrue(html.contains("<time datetime=\"2024-02-02\">"), html);
        assertTrue(
                html.contains("<p class=\"byline\">By <span class=\"author\"><bdi>John Smith</bdi></span>, "
                        + "<span class=\"author\"><bdi>Rana Haddad</bdi></span></p>"),
                html);
        assertTrue(
                html.contains(
                        "<ul class=\"categories\"><li><a href=\"/en/categories/economy/\"><bdi>Economy</bdi></a></li></ul>"),
                html);
        assertTrue(html.contains("<meta name=\"keywords\" content=\"fair, exhibitors\">"), html);
        assertTrue(
                html.contains("\"author\":[{\"@type\":\"Person\",\"name\":\"John Smith\"},{\"@type\":\"Person\","
                        + "\"name\":\"Rana Haddad\"}]"),
                html);
        assertTrue(
                html.contains("<meta name=\"description\" content=\"The trade fair opened its gates on Friday, with"
                        + " exhibitors from forty countries.\">"),
                "the text before <!--more--> is the summary:\n" + html);
        assertFalse(html.contains("more--"), "the divider is not shown");
        assertTrue(html.contains("<a href=\"https://example.org/fair\">"), "no nofollow unless configured");
    }

    @Test
    void yamlInAMarkdownFileWithPublishDateAuthorAndDescription() throws IOException {
        String html = page("en/2024/02/yaml-example/index.html");
        assertTrue(html.contains("<h1>Port traffic rises</h1>"), html);
        assertTrue(html.contains("<time datetime=\"2024-02-01\">"), "publishDate is the date:\n" + html);
        assertTrue(html.contains("<time datetime=\"2024-02-05\">"), "lastmod is shown as updated:\n" + html);
        assertTrue(html.contains("<span class=\"author\"><bdi>Jane Doe</bdi></span>"), html);
        assertTrue(
                html.contains("<li><a href=\"/en/categories/economy/\"><bdi>Economy</bdi></a></li>"
                        + "<li><a href=\"/en/categories/transport/\"><bdi>Transport</bdi></a></li>"),
                html);
        assertTrue(
                html.contains("<meta name=\"description\" content=\"Cargo through Latakia rose for the third month"
                        + " running.\">"),
                html);
    }

    @Test
    void jsonFrontMatterWithItsOwnUrlAndSummary() throws IOException {
        String html = page("en/harvest/wheat-forecast/index.html");
        assertTrue(html.contains("<h1>Wheat harvest forecast</h1>"), html);
        assertTrue(html.contains("<time datetime=\"2024-02-03\">"), html);
        assertTrue(
                html.contains(
                        "<meta name=\"description\" content=\"A larger wheat harvest is expected this" + " year.\">"),
                html);
        assertFalse(Files.exists(tmp.resolve("out/en/2024/02/json-example")), "url replaces the default URL");
    }

    @Test
    void listsShowTheSummariesAndFeedsTheAuthors() throws IOException {
        String home = page("en/index.html");
        assertTrue(
                home.contains("The trade fair opened its gates on Friday, with exhibitors from forty countries."),
                home);
        assertFalse(home.contains("Organisers expect"), "only the text before <!--more-->:\n" + home);
        assertTrue(home.contains("href=\"/en/harvest/wheat-forecast/\""), home);
        String feed = page("en/feed.xml");
        assertTrue(
                feed.contains(
                        "<author><name>John Smith</name></author>\n<author><name>Rana Haddad</name>" + "</author>"),
                feed);
        assertTrue(feed.contains("<author><name>Jane Doe</name></author>"), feed);
    }

    @Test
    void arabicTomlWithASingleAuthor() throws IOException {
        String html = page("ar/2024/02/toml-arabic/index.html");
        assertTrue(html.contains("<h1>الانتقال الرقمي في البيت الأبيض</h1>"), html);
        assertTrue(
                html.contains("<p class=\"byline\">بقلم <span class=\"author\"><bdi>كوري شولمان</bdi></span></p>"),
                html);
        assertTrue(html.contains("<li><a href=\"/ar/categories/سياسة/\"><bdi>سياسة</bdi></a></li>"), html);
    }

    @Test
    void misspelledHugoKeysNameTheKeyTheyMeant(@TempDir Path dir) {
        Trees.write(
                dir.resolve("content/en/2024-02-01-a.md"),
                "+++\ntitle = 'A'\ncategries = ['x']\n" + "expirydate = 2099-01-01\n+++\n\nText of the story.\n");
        List<String> warnings =
                Arshif.builder()
                        .siteRoot(dir)
                        .output(dir.resolve("out"))
                        .clock(CLOCK)
                        .build()
                        .check()
                        .findings()
                        .stream()
                        .map(Diagnostic::format)
                        .filter(f -> f.contains("front-matter"))
                        .toList();
        assertEquals(
                List.of(
                        "content/en/2024-02-01-a.md:3:1: warning: unknown front-matter key 'categries' (kept for templates);"
                                + " did you mean 'categories'?"),
                warnings);
    }

    /** Hugo reads front-matter keys in any case: its {@code expirydate} took the page off the site (hugo-parity). */
    @Test
    void knownKeysInAnotherCaseAreReadAsHugoReadsThem(@TempDir Path dir) {
        Trees.write(
                dir.resolve("content/en/2024-02-01-a.md"),
                "---\nTitle: Kept\nPublishDate: 2024-02-01T06:00:00Z\n---\n\nText of the story.\n");
        Trees.write(
                dir.resolve("content/en/2024-02-02-b.md"),
                "+++\ntitle = 'Gone'\nexpirydate = 2024-03-01\n+++\n\nText of the story.\n");
        BuildReport built = Arshif.builder()
                .siteRoot(dir)
                .output(dir.resolve("out"))
                .clock(CLOCK)
                .build()
                .build();
        assertEquals(Map.of("ar", 0, "en", 1), built.pagesPerLanguage(), built.summary());
        assertTrue(Files.exists(dir.resolve("out/en/2024/02/a/index.html")), "Title and PublishDate read");
        assertFalse(Files.exists(dir.resolve("out/en/2024/02/b")), "expirydate 2024-03-01 has passed");
        assertEquals(
                List.of("content/en/2024-02-02-b.md:3:1: notice: expired: content/en/2024-02-02-b.md was left out"
                        + " because its expiryDate (2024-03-01T00:00Z) has passed, as Hugo does; drafts=true builds"
                        + " expired dispatches; delete expiryDate to keep one in the archive (check names each)"),
                built.findings().stream().map(Diagnostic::format).toList());
    }

    /** Two spellings of one known key, neither in its case: Hugo's choice between them was not defined; named. */
    @Test
    void twoSpellingsOfOneKeyAreNamedAndTheLaterRead(@TempDir Path dir) {
        Trees.write(
                dir.resolve("content/en/2024-02-02-b.md"),
                "---\ntitle: Gone\nexpirydate: 2030-01-01\nExpiryDate: 2024-03-01\n---\n\nText of the story.\n");
        BuildReport built = Arshif.builder()
                .siteRoot(dir)
                .output(dir.resolve("out"))
                .clock(CLOCK)
                .build()
                .build();
        assertEquals(Map.of("ar", 0, "en", 0), built.pagesPerLanguage(), "the later, 2024-03-01, has passed");
        assertEquals(
                "content/en/2024-02-02-b.md:4:1: warning: 'expirydate' and 'ExpiryDate' are both 'expiryDate' in"
                        + " another case, as Hugo reads keys without regard to case (which of the two it read depended"
                        + " on the order it happened to visit them); Arshif reads the later, 'ExpiryDate': keep one of"
                        + " them, written 'expiryDate'",
                built.findings().stream()
                        .map(Diagnostic::format)
                        .filter(f -> f.contains("warning"))
                        .findFirst()
                        .orElse(""));
    }

    /** check's look at a file the load refused reads a known key in another case as the load does: no typo. */
    @Test
    void checkDoesNotCallAKnownKeyInAnotherCaseATypoInARefusedFile(@TempDir Path dir) {
        Trees.write(
                dir.resolve("content/en/2024-02-02-b.md"),
                "---\ntitle: [not, text]\nexpirydate: 2030-01-01\nsumary: S\ndate: 2024-02-02\n---\n\nText.\n");
        List<String> said =
                Arshif.builder()
                        .siteRoot(dir)
                        .output(dir.resolve("out"))
                        .clock(CLOCK)
                        .build()
                        .check()
                        .findings()
                        .stream()
                        .map(Diagnostic::format)
                        .filter(f -> f.contains("did you mean"))
                        .toList();
        assertEquals(
                List.of("content/en/2024-02-02-b.md:4:1: warning: unknown front-matter key 'sumary' (kept for"
                        + " templates); did you mean 'summary'?"),
                said);
    }

    @Test
    void multilingualBundlesAndFilesNamedByLanguageAreTranslationsWithTheirPhotos(@TempDir Path dir)
            throws IOException {
        // Hugo's translation by file name: content/posts/x/index.ar.md beside index.en.md and the photo both show.
        Trees.write(
                dir.resolve("content/posts/harvest/index.ar.md"),
                "+++\ntitle = 'الحصاد'\ndate = 2023-04-06\n+++\n\nنص الخبر. ![صورة](photo.png)\n");
        Trees.write(
                dir.resolve("content/posts/harvest/index.en.md"),
                "+++\ntitle = 'Harvest'\ndate = 2023-04-06\n+++\n\nThe story. ![A photo](photo.png)\n");
        Files.write(dir.resolve("content/posts/harvest/photo.png"), MediaTest.pngDeclaring(4, 3));
        Trees.write(dir.resolve("content/posts/fair.ar.md"), "---\ntitle: المعرض\ndate: 2023-04-05\n---\n\nنص.\n");
        Trees.write(dir.resolve("content/posts/fair.en.md"), "---\ntitle: Fair\ndate: 2023-04-05\n---\n\nText.\n");
        Path out = dir.resolve("out");
        BuildReport built =
                Arshif.builder().siteRoot(dir).output(out).clock(CLOCK).build().build();
        assertEquals(
                List.of(), built.findings().stream().map(Diagnostic::format).toList());
        assertEquals(Map.of("ar", 2, "en", 2), built.pagesPerLanguage(), built.summary());
        for (String lang : List.of("ar", "en")) {
            String other = lang.equals("ar") ? "en" : "ar";
            String bundle = Files.readString(out.resolve(lang + "/2023/04/harvest/index.html"), StandardCharsets.UTF_8);
            assertTrue(bundle.contains("/" + other + "/2023/04/harvest/"), "linked to its translation:\n" + bundle);
            assertTrue(Files.isRegularFile(out.resolve(lang + "/2023/04/harvest/photo.png")), lang);
            String fair = Files.readString(out.resolve(lang + "/2023/04/fair/index.html"), StandardCharsets.UTF_8);
            assertTrue(fair.contains("/" + other + "/2023/04/fair/"), "linked to its translation:\n" + fair);
        }
        assertFalse(Files.exists(out.resolve("ar/2023/04/index/index.html")), "a bundle is named by its folder");
    }

    /**
     * Hugo's cascade, in a site laid out as Hugo's multilingual sites are (languages by file name): each language's
     * section page cascades to its own dispatches, a {@code target} path (Hugo 0.140's name) picks a bundle, a
     * cascaded {@code expiryDate} takes a section off the site, and every finding names the section page.
     */
    @Test
    void cascadesOfSectionPagesInEachLanguageAreAppliedToTheDispatchesBelow(@TempDir Path dir) throws IOException {
        Trees.write(
                dir.resolve("content/posts/_index.en.md"),
                "{\n  \"title\": \"Posts\",\n  \"cascade\": [\n    {\"categories\": [\"Farming\"]},\n"
                        + "    {\"target\": {\"path\": \"/posts/harvest\"}, \"author\": \"Field desk\"}\n  ]\n}\n");
        Trees.write(
                dir.resolve("content/posts/_index.ar.md"),
                "+++\ntitle = 'مقالات'\n[cascade]\ncategories = ['زراعة']\n+++\n");
        Trees.write(
                dir.resolve("content/posts/harvest/index.en.md"),
                "+++\ntitle = 'Harvest'\ndate = 2023-04-06\n+++\n\nThe story.\n");
        Trees.write(
                dir.resolve("content/posts/harvest/index.ar.md"),
                "+++\ntitle = 'الحصاد'\ndate = 2023-04-06\n+++\n\nنص الخبر.\n");
        Trees.write(dir.resolve("content/posts/fair.en.md"), "---\ntitle: Fair\ndate: 2023-04-05\n---\n\nText.\n");
        Trees.write(dir.resolve("content/notices/_index.md"), "---\ncascade:\n  expiryDate: 2024-01-01\n---\n");
        Trees.write(
                dir.resolve("content/notices/closure.en.md"), "---\ntitle: Closure\ndate: 2023-04-07\n---\n\nText.\n");
        Path out = dir.resolve("out");
        BuildReport built =
                Arshif.builder().siteRoot(dir).output(out).clock(CLOCK).build().build();
        // The expiry's notice at the section page that cascades it (the build names what it left out).
        assertEquals(
                List.of("content/notices/_index.md:3:3: notice: expired: content/notices/closure.en.md was left out"
                        + " because its expiryDate (2024-01-01T00:00Z) has passed, as Hugo does; drafts=true builds"
                        + " expired dispatches; delete expiryDate to keep one in the archive (check names each)"
                        + " (content/notices/closure.en.md is given this key by the cascade here)"),
                built.findings().stream().map(Diagnostic::format).toList());
        String harvest = Files.readString(out.resolve("en/2023/04/harvest/index.html"), StandardCharsets.UTF_8);
        assertTrue(
                harvest.contains(
                        "<ul class=\"categories\"><li><a href=\"/en/categories/farming/\"><bdi>Farming</bdi></a></li></ul>"),
                harvest);
        assertTrue(harvest.contains("<span class=\"author\"><bdi>Field desk</bdi></span>"), harvest);
        String fair = Files.readString(out.resolve("en/2023/04/fair/index.html"), StandardCharsets.UTF_8);
        assertTrue(fair.contains("<li><a href=\"/en/categories/farming/\"><bdi>Farming</bdi></a></li>"), fair);
        // A cascaded category has its page, as a cascaded tag has.
        String farming = Files.readString(out.resolve("en/categories/farming/index.html"), StandardCharsets.UTF_8);
        assertTrue(
                farming.contains("href=\"/en/2023/04/harvest/\"") && farming.contains("href=\"/en/2023/04/fair/\""),
                farming);
        assertFalse(fair.contains("Field desk"), "the target path is the bundle's alone");
        String arabic = Files.readString(out.resolve("ar/2023/04/harvest/index.html"), StandardCharsets.UTF_8);
        assertTrue(
                arabic.contains(
                        "<ul class=\"categories\"><li><a href=\"/ar/categories/زراعة/\"><bdi>زراعة</bdi></a></li></ul>"),
                arabic);
        assertFalse(arabic.contains("Field desk"), "_index.en.md is the English dispatches' section page");
        assertFalse(Files.exists(out.resolve("en/2023/04/closure")), "expired by its section's cascade");

        // The same mistake in a section page's cascade and in a dispatch's own front-matter: the same words, each
        // where it is written.
        Trees.write(dir.resolve("content/notices/_index.md"), "---\ncascade:\n  expiryDate: someday\n---\n");
        Trees.write(
                dir.resolve("content/posts/late.en.md"),
                "---\ntitle: Late\ndate: 2023-04-08\nexpiryDate: someday\n---\n\nText.\n");
        ContentException e = assertThrows(
                ContentException.class,
                () -> Arshif.builder()
                        .siteRoot(dir)
                        .output(out)
                        .clock(CLOCK)
                        .build()
                        .build());
        List<Diagnostic> errors =
                e.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(
                List.of("content/notices/_index.md:3:15", "content/posts/late.en.md:4:13"),
                errors.stream().map(Diagnostic::where).toList());
        assertEquals(errors.get(1).message(), errors.get(0).message());
    }

    @Test
    void aUrlThatCollidesIsStillReportedWithBothFiles(@TempDir Path dir) {
        Trees.write(dir.resolve("content/en/2024-02-01-a.md"), "# A\n\nText of a.\n");
        Trees.write(
                dir.resolve("content/en/2024-02-02-b.md"), "---\ntitle: B\nurl: /en/2024/02/a/\n---\n\nText of b.\n");
        ContentException e = assertThrows(
                ContentException.class,
                () -> Arshif.builder()
                        .siteRoot(dir)
                        .output(dir.resolve("out"))
                        .clock(CLOCK)
                        .build()
                        .build());
        List<String> errors = e.errors().stream().map(Diagnostic::format).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(
                errors.get(0).contains("/en/2024/02/a/")
                        && errors.get(0).contains("content/en/2024-02-01-a.md")
                        && errors.get(0).contains("content/en/2024-02-02-b.md"),
                errors::toString);
    }

    @Test
    void shortcodesAreReadAsTheMarkdownTheyStandForAndTheOthersNamed(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("src");
        MediaTest.image(root.resolve("content/en/2024-03-01-bridge/bridge.jpg"), "jpg", 640, 480);
        String body = """
                ---
                title: The bridge reopens
                ---
                The bridge reopened on Friday.

                {{< figure src="bridge.jpg" caption="The bridge at dawn" >}}

                {{< youtube 0RKpf3rK57I >}}

                {{< highlight go >}}
                toll := 0
                {{< /highlight >}}

                {{% note %}}Traffic is one-way until May.{{% /note %}}
                """;
        Path file = root.resolve("content/en/2024-03-01-bridge/index.md");
        Trees.write(file, body);
        Path out = dir.resolve("out");
        Arshif arshif = Arshif.builder().siteRoot(root).output(out).clock(CLOCK).build();
        String note = "content/en/2024-03-01-bridge/index.md:14:1: warning: {{% note %}} is a shortcode of the Hugo"
                + " site, not one Arshif reads (figure, highlight, youtube, vimeo, x, twitter, tweet, instagram, gist,"
                + " ref, relref): its tags are left out of the page and the text between them kept; write what it"
                + " made as Markdown";
        assertEquals(
                List.of(note),
                arshif.build().findings().stream().map(Diagnostic::format).toList());
        String html = Files.readString(out.resolve("en/2024/03/bridge/index.html"), StandardCharsets.UTF_8);
        assertTrue(
                html.contains("<img src=\"bridge.jpg\" alt=\"The bridge at dawn\" title=\"The bridge at dawn\""
                        + " width=\"640\" height=\"480\""),
                "the figure is the bundle's photo, measured:\n" + html);
        assertTrue(html.contains("<a href=\"https://www.youtube.com/watch?v=0RKpf3rK57I\">"), html);
        assertTrue(html.contains("<pre><code class=\"language-go\">toll := 0\n</code></pre>"), html);
        assertTrue(html.contains("<p>Traffic is one-way until May.</p>"), html);
        assertFalse(html.contains("{{"), html);

        // ref is not resolved: the warning says what to write, and the check finds the link it left broken.
        Trees.write(file, body + "\nSee [the closure]({{< ref \"closure.md\" >}}).\n");
        ContentException e = assertThrows(ContentException.class, arshif::build);
        assertEquals(
                List.of(
                        note,
                        "content/en/2024-03-01-bridge/index.md:16:5: error: link 'closure.md' points to no page of the"
                                + " site (/en/2024/03/bridge/closure.md)",
                        "content/en/2024-03-01-bridge/index.md:16:19: warning: {{< ref \"closure.md\" >}} is not"
                                + " resolved: Arshif links by URL; write the linked dispatch's URL, like"
                                + " /ar/2024/03/its-slug/, in its place"),
                e.diagnostics().stream().map(Diagnostic::format).toList());
    }
}
