package org.arshif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.arshif.testing.GitRepo;
import org.arshif.testing.Trees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every HTML page of the sample site (a copy of the repository's sample archive, in the default theme) and of the
 * bilingual fixture site passes the Nu Html Checker ({@code nu.validator:validator}, run in-process) without errors.
 */
class HtmlValidityTest {

    @TempDir
    Path tmp;

    @Test
    void everyPageOfTheSampleSiteIsValidHtml() throws Exception {
        Path out = tmp.resolve("site");
        // Committed, as in the repository: the real SANA dispatch has no date but that of its first commit.
        Path root = Trees.copy(Trees.site("sample"), tmp.resolve("sample"));
        GitRepo.init(root).commitAll("The sample archive", "2017-05-22T21:40:00+03:00");
        Arshif.builder().siteRoot(root).output(out).build().build();
        List<Path> pages = htmlFiles(out);
        // Articles in both languages, lists, tags, archives, search, 404 and alias redirects.
        assertTrue(pages.size() > 60, "only " + pages.size() + " pages");
        assertEquals(List.of(), validate(out, pages));
    }

    @Test
    void everyPageOfTheFixtureSiteIsValidHtml() throws Exception {
        Path root = Trees.copy(Trees.site("bilingual"), tmp.resolve("src"));
        Path out = tmp.resolve("fixture");
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .build();
        List<Path> pages = htmlFiles(out);
        assertTrue(pages.size() > 30, "only " + pages.size() + " pages");
        assertEquals(List.of(), validate(out, pages));
    }

    /** Hugo's categories: their lists (a later page too), indexes, and articles that link them; both languages. */
    @Test
    void everyPageOfTheCategoriesSiteIsValidHtml() throws Exception {
        Path root = Trees.copy(Trees.site("categories"), tmp.resolve("categories-src"));
        Path out = tmp.resolve("categories");
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .build();
        List<Path> pages = htmlFiles(out);
        assertTrue(pages.contains(out.resolve("en/categories/economy/page/2/index.html")), pages.toString());
        assertTrue(pages.contains(out.resolve("ar/categories/index.html")), pages.toString());
        assertEquals(List.of(), validate(out, pages));
    }

    /**
     * Hugo's section pages: a section's list headed by its {@code _index.md}'s title, with its Markdown text (a
     * heading, a list, a table, links) above the list, in both languages; full and compact.
     */
    @Test
    void everySectionListWithAHugoSectionPagesTextIsValidHtml() throws Exception {
        Path root = tmp.resolve("sections-src");
        Trees.write(
                root.resolve("content/en/economy/_index.md"),
                "---\ntitle: Economy & Trade\n---\n\n## About\n\nThe desk's *economy* coverage:\n\n- markets\n"
                        + "- [oil](/en/economy/2017/05/oil/)\n\n| year | stories |\n|---|---|\n| 2017 | 1 |\n");
        Trees.write(root.resolve("content/en/economy/2017-05-01-oil.md"), "---\ntitle: Oil\n---\n\nOil rose.\n");
        Trees.write(
                root.resolve("content/ar/economy/_index.ar.md"), "+++\ntitle = 'الاقتصاد'\n+++\n\nأخبار الاقتصاد.\n");
        Trees.write(root.resolve("content/ar/economy/2017-05-01-oil.md"), "---\ntitle: النفط\n---\n\nارتفع النفط.\n");
        List<String> errors = new ArrayList<>();
        for (boolean compact : List.of(false, true)) {
            Path out = tmp.resolve(compact ? "sections-compact" : "sections");
            Arshif.builder()
                    .siteRoot(root)
                    .output(out)
                    .clock(GoldenSiteTest.CLOCK)
                    .compact(compact)
                    .build()
                    .build();
            assertTrue(Files.readString(out.resolve("en/economy/index.html")).contains("<td>2017</td>"));
            errors.addAll(validate(out, htmlFiles(out)));
        }
        assertEquals(List.of(), errors);
    }

    /** Wire dispatches: the story's parts, the Hijri date, datelines and sources of other agencies. */
    @Test
    void everyPageOfTheWireSiteIsValidHtml() throws Exception {
        Path root = Trees.copy(Trees.site("wire"), tmp.resolve("wire-src"));
        Path out = tmp.resolve("wire");
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(WireSiteTest.CLOCK)
                .build()
                .build();
        List<Path> pages = htmlFiles(out);
        assertTrue(pages.size() > 10, "only " + pages.size() + " pages");
        assertEquals(List.of(), validate(out, pages));
    }

    /** Lead figures, thumbnails in lists and sized, lazy images in bodies. */
    @Test
    void everyPageOfThePhotoSiteIsValidHtml() throws Exception {
        Path root = MediaTest.photoSite(tmp.resolve("photos"));
        Path out = tmp.resolve("photo-site");
        Arshif.builder()
                .siteRoot(root)
                .output(out)
                .clock(GoldenSiteTest.CLOCK)
                .build()
                .build();
        List<Path> pages = htmlFiles(out);
        assertTrue(Files.readString(out.resolve("ar/index.html")).contains("class=\"thumbnail\""));
        assertEquals(List.of(), validate(out, pages));
    }

    /**
     * A compact site's lean markup (no classes on the header, footer and cards, optional closing tags left out), on
     * the bilingual fixture, the photo site (cards with thumbnails) and the wire site (story parts, Hijri dates,
     * sources), with uglyUrls as GitHub Pages needs it.
     */
    @Test
    void everyPageOfACompactSiteIsValidHtml() throws Exception {
        Path fixture = Trees.copy(Trees.site("bilingual"), tmp.resolve("compact-src"));
        Path photos = MediaTest.photoSite(tmp.resolve("compact-photos"));
        Path wire = Trees.copy(Trees.site("wire"), tmp.resolve("compact-wire"));
        List<String> errors = new ArrayList<>();
        for (Path root : List.of(fixture, photos, wire)) {
            Path out = tmp.resolve("compact-" + root.getFileName() + "-site");
            Arshif.builder()
                    .siteRoot(root)
                    .output(out)
                    .clock(root == wire ? WireSiteTest.CLOCK : GoldenSiteTest.CLOCK)
                    .compact(true)
                    .uglyUrls(true)
                    .build()
                    .build();
            List<Path> pages = htmlFiles(out);
            assertTrue(pages.size() > 10, "only " + pages.size() + " pages");
            assertTrue(Files.readString(pages.get(0)).contains("<body>\n<a class=\"skip\" href=\"#main\">"));
            errors.addAll(validate(out, pages));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void theCheckerReportsErrorsWithFileAndLine() throws Exception {
        // Guards the guard: an invalid page must produce a finding, or the tests above prove nothing.
        Path bad = Trees.write(
                tmp.resolve("bad/index.html"),
                "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>x</title>"
                        + "</head>\n<body>\n<p><div>block in p</p></div>\n<img src=\"x.png\">\n</body>\n</html>\n");
        List<String> errors = validate(tmp.resolve("bad"), List.of(bad));
        assertTrue(errors.size() >= 2, errors::toString);
        assertTrue(errors.get(0).startsWith("index.html:5:"), errors::toString);
    }

    static List<Path> htmlFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** Every error (warnings and notes left out) as {@code file:line:col: message}, files relative to {@code root}. */
    static List<String> validate(Path root, List<Path> pages) throws Exception {
        List<String> errors = new ArrayList<>();
        Path[] current = new Path[1];
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                errors.add(root.relativize(current[0]) + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": "
                        + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
        validator.setUpValidatorAndParsers(handler, false, false);
        for (Path page : pages) {
            current[0] = page;
            validator.checkHtmlFile(page.toFile(), true);
        }
        return errors;
    }
}
