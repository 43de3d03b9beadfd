package org.arshif;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.arshif.diag.Diagnostic;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Hugo section page ({@code _index.md}, in Hugo's three front-matter forms, or one language's
 * {@code _index.<lang>.md}) gives its section's list page its title as the heading and its Markdown text above the
 * list, as Hugo's list templates show {@code .Title} and {@code .Content}; a section page that gives neither (a
 * cascade alone) leaves the page as it was without it.
 */
class HugoSectionPagesTest {
    @TempDir
    Path dir;

    private Path root;

    private BuildReport build(String output) {
        return Arshif.builder()
                .siteRoot(root)
                .output(dir.resolve(output))
                .clock(HugoContentTest.CLOCK)
                .build()
                .build();
    }

    private String page(String output, String sitePath) throws IOException {
        return Files.readString(dir.resolve(output).resolve(sitePath), StandardCharsets.UTF_8);
    }

    /** Three English and one Arabic dispatch in {@code economy}, one in {@code economy/gulf}; lists of two. */
    private void archive() {
        root = dir.resolve("site");
        Trees.write(root.resolve("arshif.yml"), "pageSize: 2\n");
        for (int day = 1; day <= 3; day++) {
            Trees.write(
                    root.resolve("content/en/economy/2024-02-0" + day + "-e" + day + ".md"),
                    "---\ntitle: Market " + day + "\n---\n\nText " + day + ".\n");
        }
        Trees.write(root.resolve("content/en/economy/gulf/2024-02-04-oil.md"), "---\ntitle: Oil\n---\n\nOil text.\n");
        Trees.write(root.resolve("content/ar/economy/2024-02-01-a1.md"), "---\ntitle: السوق\n---\n\nنص الخبر.\n");
    }

    @Test
    void titleAndTextInYamlTomlAndJsonHeadTheirSectionsListInEachLanguage() throws IOException {
        archive();
        Trees.write(
                root.resolve("content/en/economy/_index.md"),
                "---\ntitle: Economy and Trade\n---\n\nThe desk's **economy** coverage; see [the oil story]"
                        + "(/en/economy/gulf/2024/02/oil/).\n");
        // One language's section page takes the place of the one for every language, as it does for a cascade.
        Trees.write(root.resolve("content/ar/economy/_index.md"), "---\ntitle: Every language\n---\n\nNot this.\n");
        Trees.write(
                root.resolve("content/ar/economy/_index.ar.md"),
                "+++\ntitle = 'الاقتصاد والتجارة'\n+++\n\nأخبار الاقتصاد من مكاتبنا.\n");
        Trees.write(root.resolve("content/en/economy/gulf/_index.md"), "{\n  \"title\": \"The Gulf\"\n}\n");
        BuildReport report = build("out");
        assertEquals(
                List.of(), report.findings().stream().map(Diagnostic::format).toList());

        String economy = page("out", "en/economy/index.html");
        assertTrue(economy.contains("<title>Economy and Trade"), economy);
        assertTrue(economy.contains("<h1>Economy and Trade</h1>"), economy);
        assertTrue(
                economy.contains("<div class=\"section-text\">\n<p>The desk's <strong>economy</strong> coverage; see"
                        + " <a href=\"/en/economy/gulf/2024/02/oil/\">the oil story</a>.</p>\n</div>"),
                economy);
        assertTrue(economy.indexOf("section-text") < economy.indexOf("class=\"cards\""), "the text is above the list");
        String later = page("out", "en/economy/page/2/index.html");
        assertTrue(later.contains("<h1>Economy and Trade</h1>"), later);
        assertFalse(later.contains("section-text"), "the text introduces the first page only");

        String arabic = page("out", "ar/economy/index.html");
        assertTrue(arabic.contains("<h1>الاقتصاد والتجارة</h1>"), arabic);
        assertTrue(arabic.contains("<p>أخبار الاقتصاد من مكاتبنا.</p>"), arabic);
        assertFalse(arabic.contains("Every language") || arabic.contains("Not this"), arabic);

        // The title names the section wherever the site names it: breadcrumbs, JSON-LD, the index, the feed.
        String oil = page("out", "en/economy/gulf/2024/02/oil/index.html");
        assertTrue(
                oil.contains("<a href=\"/en/economy/\"><bdi>Economy and Trade</bdi></a></li><li><a"
                        + " href=\"/en/economy/gulf/\"><bdi>The Gulf</bdi></a>"),
                oil);
        assertTrue(oil.contains("\"articleSection\":\"The Gulf\""), oil);
        assertTrue(page("out", "en/sections/index.html").contains("Economy and Trade / The Gulf"));
        assertTrue(page("out", "ar/sections/index.html").contains("الاقتصاد والتجارة"));
        assertTrue(page("out", "en/economy/feed.xml").contains("<title>Arshif — Economy and Trade</title>"));

        String gulf = page("out", "en/economy/gulf/index.html");
        assertTrue(gulf.contains("<h1>The Gulf</h1>"), gulf);
        assertFalse(gulf.contains("section-text"), "a title alone: no text");
    }

    @Test
    void aSectionPageWithACascadeAloneOrInAYearFolderLeavesThePagesAsTheyWere() throws IOException {
        archive();
        build("plain");
        Trees.write(root.resolve("content/en/economy/_index.md"), "---\ncascade:\n  params: {desk: city}\n---\n");
        Trees.write(
                root.resolve("content/en/economy/2024/_index.md"), "---\ntitle: A year folder\n---\n\nYear text.\n");
        BuildReport report = build("cascaded");
        assertEquals(
                List.of(), report.findings().stream().map(Diagnostic::format).toList());
        Map<String, byte[]> plain = Trees.read(dir.resolve("plain"));
        Map<String, byte[]> cascaded = Trees.read(dir.resolve("cascaded"));
        assertEquals(plain.keySet(), cascaded.keySet());
        for (String file : plain.keySet()) {
            if (file.endsWith(".html")) {
                assertArrayEquals(plain.get(file), cascaded.get(file), file);
            }
        }
    }

    @Test
    void theHomePagesSectionPageGivesItsTextAboveTheHomeListButNotItsTitle() throws IOException {
        archive();
        build("plain");
        Trees.write(
                root.resolve("content/en/_index.md"),
                "---\ntitle: Home\n---\n\nThe desk's **archive**; see [economy](economy/).\n");
        BuildReport report = build("home");
        assertEquals(
                List.of(), report.findings().stream().map(Diagnostic::format).toList());
        String home = page("home", "en/index.html");
        assertTrue(
                home.contains("<div class=\"section-text\">\n<p>The desk's <strong>archive</strong>; see"
                        + " <a href=\"economy/\">economy</a>.</p>\n</div>"),
                home);
        assertFalse(home.contains("<h1>Home</h1>"), "the site's title heads it, not the section page's: " + home);
        assertFalse(page("home", "en/page/2/index.html").contains("section-text"), "the first page only");
        assertArrayEquals(
                Files.readAllBytes(dir.resolve("plain/ar/index.html")),
                Files.readAllBytes(dir.resolve("home/ar/index.html")),
                "the other language's home is as it was");
    }

    @Test
    void aTitleThatIsNotTextIsAWarningAtItAndTheSectionKeepsItsName() throws IOException {
        archive();
        Trees.write(root.resolve("content/en/economy/_index.md"), "---\ntitle:\n  - Economy\n---\n\nText.\n");
        BuildReport report = build("out");
        assertEquals(
                List.of("content/en/economy/_index.md:3:3: warning: a section page's title must be text (like title:"
                        + " Economy), but it is a list, so the section keeps its name; write the title as text"),
                report.findings().stream().map(Diagnostic::format).toList());
        String economy = page("out", "en/economy/index.html");
        assertTrue(economy.contains("<h1>economy</h1>"), economy);
        assertTrue(economy.contains("<p>Text.</p>"), economy);
    }

    @Test
    void theTextsLinksFollowUglyUrlsAsABodysDo() throws IOException {
        archive();
        Trees.write(root.resolve("arshif.yml"), "pageSize: 2\nuglyUrls: true\n");
        Trees.write(
                root.resolve("content/en/economy/_index.md"),
                "---\ntitle: Economy\n---\n\nSee [the oil story](/en/economy/gulf/2024/02/oil/).\n");
        build("out");
        String economy = page("out", "en/economy/index.html");
        assertTrue(economy.contains("<a href=\"/en/economy/gulf/2024/02/oil.html\">the oil story</a>"), economy);
    }
}
